import { describe, expect, it } from 'vitest';
import { identifyProvider } from './identify.js';

describe(identifyProvider.name, () => {
  it.each([
    // explicit registry id wins, and strips only its own routing prefix
    [{ provider: 'groq', model_id: 'openai/gpt-oss-20b' }, 'groq', 'openai/gpt-oss-20b', 'provider'],
    [{ provider: 'ollama', model_id: 'ollama_chat/llama3' }, 'ollama', 'llama3', 'provider'],
    [
      { provider: 'openrouter', model_id: 'anthropic/claude-sonnet-4.5' },
      'openrouter',
      'anthropic/claude-sonnet-4.5',
      'provider',
    ],
    [{ provider: 'anthropic', model_id: 'gpt-4o' }, 'anthropic', 'gpt-4o', 'provider'],
    // a user provider key is not a registry id: ignored
    [{ provider: 'lm_studio_desktop', model_id: 'lm_studio/qwen' }, 'lm_studio', 'qwen', 'prefix'],
    // base url
    [{ model_id: 'llama3', base_url: 'http://localhost:11434/v1' }, 'ollama', 'llama3', 'base_url'],
    [{ model_id: 'whatever', base_url: 'http://127.0.0.1:1234/v1' }, 'lm_studio', 'whatever', 'base_url'],
    [
      { model_id: 'openai/gpt-4o', base_url: 'https://openrouter.ai/api/v1' },
      'openrouter',
      'openai/gpt-4o',
      'base_url',
    ],
    [{ model_id: 'glm-4.6', base_url: 'https://api.z.ai/api/paas/v4' }, 'zai', 'glm-4.6', 'base_url'],
    [{ model_id: 'x', base_url: 'not a url' }, 'openai_compatible', 'x', 'fallback'],
    // LiteLLM prefixes, including the zai/ one the old product lost
    [{ model_id: 'zai/glm-4.6' }, 'zai', 'glm-4.6', 'prefix'],
    [{ model_id: 'vertex_ai/gemini-2.5-pro' }, 'gemini', 'gemini-2.5-pro', 'prefix'],
    [{ model_id: 'cohere_chat/command-a-03-2025' }, 'cohere', 'command-a-03-2025', 'prefix'],
    [{ model_id: 'Anthropic/claude-opus-4-1' }, 'anthropic', 'claude-opus-4-1', 'prefix'],
    [{ model_id: 'together_ai/meta-llama/Llama-3.3-70B' }, 'together', 'meta-llama/Llama-3.3-70B', 'prefix'],
    // model-name families
    [{ model_id: 'o3-mini' }, 'openai', 'o3-mini', 'model_name'],
    [{ model_id: 'gpt-5.1' }, 'openai', 'gpt-5.1', 'model_name'],
    [{ model_id: 'claude-sonnet-4-5' }, 'anthropic', 'claude-sonnet-4-5', 'model_name'],
    [{ model_id: 'magistral-medium-latest' }, 'mistral', 'magistral-medium-latest', 'model_name'],
    [{ model_id: 'grok-4' }, 'xai', 'grok-4', 'model_name'],
    [{ model_id: 'glm-4.5-air' }, 'zai', 'glm-4.5-air', 'model_name'],
    [{ model_id: 'sandbox-precise' }, 'sandbox', 'sandbox-precise', 'model_name'],
    // gpt-oss is open weights, never the OpenAI API
    [{ model_id: 'gpt-oss-20b' }, 'openai_compatible', 'gpt-oss-20b', 'model_name'],
    // o-series needs the family at the start
    [{ model_id: 'model-o3' }, 'openai_compatible', 'model-o3', 'fallback'],
    [{ model_id: 'o2' }, 'openai_compatible', 'o2', 'fallback'],
    [{ model_id: '  llama3  ' }, 'openai_compatible', 'llama3', 'fallback'],
  ] as const)('%j → %s', (input, provider, model, matchedBy) => {
    expect(identifyProvider(input)).toEqual({ provider, model, matched_by: matchedBy });
  });
});
