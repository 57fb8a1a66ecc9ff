import { PROVIDER_IDS, type ProviderId } from '@llmbench/contracts';
import { ANTHROPIC } from './providers/anthropic.provider.js';
import { COHERE } from './providers/cohere.provider.js';
import { DEEPSEEK } from './providers/deepseek.provider.js';
import { GEMINI } from './providers/gemini.provider.js';
import { GROQ } from './providers/groq.provider.js';
import { LM_STUDIO } from './providers/lm-studio.provider.js';
import { MISTRAL } from './providers/mistral.provider.js';
import { OLLAMA } from './providers/ollama.provider.js';
import { OPENAI_COMPATIBLE } from './providers/openai-compatible.provider.js';
import { OPENAI } from './providers/openai.provider.js';
import { OPENROUTER } from './providers/openrouter.provider.js';
import { SANDBOX } from './providers/sandbox.provider.js';
import { TOGETHER } from './providers/together.provider.js';
import { VLLM } from './providers/vllm.provider.js';
import { XAI } from './providers/xai.provider.js';
import { ZAI } from './providers/zai.provider.js';
import type { ProviderEntry, Registry } from './schemas/registry.schema.js';

// The override rules live apart from the data so that the web app can bundle them without it.
export { type ResolvedSpecs, overrideMatches, resolveParamSpecs, wireKey } from './resolve.js';

/** Bumped whenever an entry changes; stored with results so a run records the rules it was sent under. */
export const REGISTRY_VERSION = '2026-11-26.1';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Every provider's parameters, overrides and conflict rules (checked against the sources in each entry).
 * Frozen: copy an entry before changing it.
 */
export const REGISTRY: Registry = deepFreeze({
  version: REGISTRY_VERSION,
  providers: {
    openai: OPENAI,
    anthropic: ANTHROPIC,
    gemini: GEMINI,
    mistral: MISTRAL,
    deepseek: DEEPSEEK,
    cohere: COHERE,
    xai: XAI,
    zai: ZAI,
    together: TOGETHER,
    groq: GROQ,
    openrouter: OPENROUTER,
    ollama: OLLAMA,
    lm_studio: LM_STUDIO,
    vllm: VLLM,
    openai_compatible: OPENAI_COMPATIBLE,
    sandbox: SANDBOX,
  },
});

/** Type guard for registry provider ids. */
export function isProviderId(value: unknown): value is ProviderId {
  return typeof value === 'string' && (PROVIDER_IDS as readonly string[]).includes(value);
}

/**
 * The registry entry of a provider.
 *
 * @param id - a provider id (`openai`, `lm_studio`, ...)
 * @returns the entry, or `undefined` for an id that is not in the registry
 */
export function getProviderEntry(id: string): ProviderEntry | undefined {
  return isProviderId(id) ? REGISTRY.providers[id] : undefined;
}
