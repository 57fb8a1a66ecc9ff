import { describe, expect, it } from 'vitest';
import { bareModelId, splitRoutingPrefix } from './routing-prefix.js';

describe('routing prefixes', () => {
  it('splits a known prefix, case-insensitively, keeping the rest as written', () => {
    expect(splitRoutingPrefix('Ollama_Chat/Llama3')).toEqual({ provider: 'ollama', rest: 'Llama3' });
    expect(splitRoutingPrefix('hosted_vllm/qwen')).toEqual({ provider: 'vllm', rest: 'qwen' });
    expect(splitRoutingPrefix('acme/model')).toBeUndefined();
  });

  it('strips a prefix only for the provider it names', () => {
    expect(bareModelId('openai', ' openai/o3-mini ')).toBe('o3-mini');
    expect(bareModelId('groq', 'openai/gpt-oss-20b')).toBe('openai/gpt-oss-20b');
    expect(bareModelId('gemini', 'vertex_ai/gemini-2.5-pro')).toBe('gemini-2.5-pro');
    expect(bareModelId('openai', 'gpt-4.1')).toBe('gpt-4.1');
  });
});
