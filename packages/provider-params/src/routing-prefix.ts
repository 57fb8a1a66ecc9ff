/**
 * LiteLLM-style routing prefixes (`ollama_chat/llama3`), apart from the registry data so that the web app
 * strips them with these very rules.
 */
import type { ProviderId } from '@llmbench/contracts';

// The old product's ids, including the `zai/` one it mapped to a missing key.
const PREFIXES: Record<string, ProviderId> = {
  'openai/': 'openai',
  'anthropic/': 'anthropic',
  'gemini/': 'gemini',
  'vertex_ai/': 'gemini',
  'mistral/': 'mistral',
  'deepseek/': 'deepseek',
  'cohere/': 'cohere',
  'cohere_chat/': 'cohere',
  'xai/': 'xai',
  'zai/': 'zai',
  'together_ai/': 'together',
  'groq/': 'groq',
  'openrouter/': 'openrouter',
  'ollama/': 'ollama',
  'ollama_chat/': 'ollama',
  'lm_studio/': 'lm_studio',
  'vllm/': 'vllm',
  'hosted_vllm/': 'vllm',
  'sandbox/': 'sandbox',
};

/** A model id's routing prefix as a provider and the rest, or undefined without a known prefix. */
export function splitRoutingPrefix(modelId: string): { provider: ProviderId; rest: string } | undefined {
  const lower = modelId.toLowerCase();
  const prefix = Object.keys(PREFIXES).find((p) => lower.startsWith(p));
  return prefix
    ? { provider: PREFIXES[prefix] as ProviderId, rest: modelId.slice(prefix.length) }
    : undefined;
}

/**
 * The model id that a provider's overrides are matched against: a routing prefix naming that same provider is
 * removed (`ollama_chat/llama3` → `llama3` for ollama), any other is kept (`openai/gpt-oss-20b` on groq).
 */
export function bareModelId(provider: string, modelId: string): string {
  const id = modelId.trim();
  const prefixed = splitRoutingPrefix(id);
  return prefixed && prefixed.provider === provider ? prefixed.rest : id;
}
