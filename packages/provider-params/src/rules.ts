/**
 * The registry's rules without its data (which the web app fetches from the API) and without zod: what a
 * browser bundle may import (`@llmbench/provider-params/rules`). Types are the schemas' own.
 */
export { matchGlob } from './glob.js';
export { type ResolvedSpecs, overrideMatches, resolveParamSpecs, wireKey } from './resolve.js';
export { bareModelId, splitRoutingPrefix } from './routing-prefix.js';
export type {
  ConflictRule,
  ModelOverride,
  ParamSpec,
  ParamType,
  ProviderEntry,
  Registry,
} from './schemas/registry.schema.js';
export type { Adjustment, AdjustmentAction } from './schemas/adjustment.schema.js';
