export { createSandboxApp, type SandboxAppOptions } from './app.js';
export { loadConfig, SandboxEnv, type SandboxConfig } from './config.js';
export { SANDBOX_MODELS, findModel } from './models/catalogue.js';
export { describeModel, describeSandbox } from './models/model-docs.js';
export * from './models/sandbox-model.js';
export { CONTROL_HEADERS, DIAGNOSTIC_HEADERS } from './http/control-headers.js';
export {
  PROMPT_FEATURES,
  FEATURE_RULES,
  detectPromptFeatures,
  type PromptFeature,
} from './simulate/prompt-features.js';
export { errorProbability, paramDistance } from './simulate/error-model.js';
