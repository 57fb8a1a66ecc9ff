import type { ProviderId } from '@llmbench/contracts';
import { matchGlob } from './glob.js';
import { isProviderId } from './registry.js';
import { bareModelId, splitRoutingPrefix } from './routing-prefix.js';

/** How {@link identifyProvider} decided. */
export type ProviderMatch = 'provider' | 'base_url' | 'prefix' | 'model_name' | 'fallback';

/** Result of {@link identifyProvider}. */
export interface IdentifiedProvider {
  provider: ProviderId;
  /** The model id with a routing prefix of that same provider removed (`ollama_chat/llama3` → `llama3`). */
  model: string;
  matched_by: ProviderMatch;
}

const HOSTS: Array<[RegExp, ProviderId]> = [
  [/(^|\.)api\.openai\.com$/, 'openai'],
  [/(^|\.)api\.anthropic\.com$/, 'anthropic'],
  [/(^|\.)generativelanguage\.googleapis\.com$/, 'gemini'],
  [/(^|\.)api\.mistral\.ai$/, 'mistral'],
  [/(^|\.)api\.deepseek\.com$/, 'deepseek'],
  [/(^|\.)api\.cohere\.(ai|com)$/, 'cohere'],
  [/(^|\.)api\.x\.ai$/, 'xai'],
  [/(^|\.)(api\.z\.ai|open\.bigmodel\.cn)$/, 'zai'],
  [/(^|\.)api\.together\.(xyz|ai)$/, 'together'],
  [/(^|\.)api\.groq\.com$/, 'groq'],
  [/(^|\.)openrouter\.ai$/, 'openrouter'],
];
// Default local ports; a custom port falls through to the model name.
const PORTS: Record<string, ProviderId> = { '11434': 'ollama', '1234': 'lm_studio' };

const MODEL_NAMES: Array<[string, ProviderId]> = [
  // Open-weights gpt-oss is served by many hosts, never by the OpenAI API.
  ['gpt-oss*', 'openai_compatible'],
  ['gpt-*|chatgpt-*|o1|o1-*|o3|o3-*|o4|o4-*', 'openai'],
  ['claude-*', 'anthropic'],
  ['gemini-*', 'gemini'],
  ['mistral-*|open-mistral-*|magistral-*|codestral-*|ministral-*|devstral-*|pixtral-*', 'mistral'],
  ['deepseek-*', 'deepseek'],
  ['command-*|c4ai-*', 'cohere'],
  ['grok-*', 'xai'],
  ['glm-*', 'zai'],
  ['sandbox-*', 'sandbox'],
];

function fromBaseUrl(baseUrl: string | undefined): ProviderId | undefined {
  if (!baseUrl) return undefined;
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return undefined;
  }
  const host = url.hostname.toLowerCase();
  return HOSTS.find(([re]) => re.test(host))?.[1] ?? PORTS[url.port];
}

/**
 * Works out which registry entry applies to a model. Order: an explicit registry `provider` id wins; then the
 * `base_url` host (or Ollama/LM Studio default port); then a LiteLLM-style routing prefix (`anthropic/…`,
 * `zai/…`); then a known model-name family (`claude-*`, `glm-*`); else `openai_compatible`. A `provider` that
 * is not a registry id (a user's provider key) is ignored here.
 *
 * @example
 * identifyProvider({ model_id: 'zai/glm-4.6' }) // { provider: 'zai', model: 'glm-4.6', matched_by: 'prefix' }
 * @param input - `provider` (optional registry id), `model_id`, optional `base_url`
 * @returns the provider, the bare model id used for override matching, and how it was matched
 */
export function identifyProvider(input: {
  provider?: string | null;
  model_id: string;
  base_url?: string | null;
}): IdentifiedProvider {
  const modelId = input.model_id.trim();
  const prefixed = splitRoutingPrefix(modelId);
  const bare = (provider: ProviderId): string => bareModelId(provider, modelId);

  if (isProviderId(input.provider)) {
    return { provider: input.provider, model: bare(input.provider), matched_by: 'provider' };
  }
  const byUrl = fromBaseUrl(input.base_url ?? undefined);
  if (byUrl) return { provider: byUrl, model: bare(byUrl), matched_by: 'base_url' };
  if (prefixed) return { provider: prefixed.provider, model: prefixed.rest, matched_by: 'prefix' };
  const byName = MODEL_NAMES.find(([glob]) => matchGlob(glob, modelId))?.[1];
  if (byName) return { provider: byName, model: modelId, matched_by: 'model_name' };
  return { provider: 'openai_compatible', model: modelId, matched_by: 'fallback' };
}
