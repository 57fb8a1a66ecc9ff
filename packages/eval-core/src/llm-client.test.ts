import { describe, expect, it } from 'vitest';
import { LLM_ERROR_CATEGORIES, LlmCallError, isRetryableCategory } from './llm-client.js';

describe(LlmCallError.name, () => {
  it('carries category, status, attempts and a retryable default from the category', () => {
    const err = new LlmCallError('429 slow down', { category: 'rate_limit', status: 429, attempts: 3 });
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({
      name: 'LlmCallError',
      message: '429 slow down',
      category: 'rate_limit',
      status: 429,
      attempts: 3,
      retryable: true,
    });
    expect(new LlmCallError('bad key', { category: 'auth' })).toMatchObject({
      attempts: 1,
      retryable: false,
      status: undefined,
    });
    expect(new LlmCallError('x', { category: 'auth', retryable: true }).retryable).toBe(true);
  });

  it('keeps a cause when given', () => {
    const cause = new Error('socket hang up');
    expect(new LlmCallError('network', { category: 'network', cause }).cause).toBe(cause);
  });
});

describe(isRetryableCategory.name, () => {
  it('retries only transient categories', () => {
    const retryable = LLM_ERROR_CATEGORIES.filter(isRetryableCategory);
    expect(retryable).toEqual(['rate_limit', 'timeout', 'server_error', 'network']);
  });
});
