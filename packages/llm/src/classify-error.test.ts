import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { describe, expect, it } from 'vitest';
import { LlmCallError, type LlmErrorCategory } from '@llmbench/eval-core';
import {
  categoryOfStatus,
  classifyError,
  MalformedResponseError,
  redactSecrets,
  shouldRetryCategory,
} from './classify-error.js';

function apiError(status: number, message = 'boom', headers: Record<string, string> = {}): APIError {
  return APIError.generate(status, { message }, message, new Headers(headers));
}

describe(classifyError.name, () => {
  const cases: Array<[string, unknown, LlmErrorCategory, boolean, number | undefined]> = [
    ['401', apiError(401), 'auth', false, 401],
    ['403', apiError(403), 'auth', false, 403],
    ['429', apiError(429), 'rate_limit', true, 429],
    ['408', apiError(408), 'timeout', true, 408],
    ['500', apiError(500), 'server_error', true, 500],
    ['502', apiError(502), 'server_error', true, 502],
    ['503', apiError(503), 'server_error', true, 503],
    ['400', apiError(400), 'bad_request', false, 400],
    ['404', apiError(404), 'bad_request', false, 404],
    ['422', apiError(422), 'bad_request', false, 422],
    ['connection timeout', new APIConnectionTimeoutError(), 'timeout', true, undefined],
    [
      'connection error',
      new APIConnectionError({ message: 'Connection error.' }),
      'network',
      true,
      undefined,
    ],
    ['user abort', new APIUserAbortError(), 'cancelled', false, undefined],
    ['DOM TimeoutError', new DOMException('timed out', 'TimeoutError'), 'timeout', true, undefined],
    ['DOM AbortError', new DOMException('aborted', 'AbortError'), 'cancelled', false, undefined],
    [
      'unparseable JSON body',
      new SyntaxError('Unexpected token < in JSON'),
      'malformed_response',
      false,
      undefined,
    ],
    ['missing choices', new MalformedResponseError('no choices'), 'malformed_response', false, undefined],
    ['fetch TypeError', new TypeError('fetch failed'), 'network', true, undefined],
    ['non-error value', 'weird', 'network', true, undefined],
  ];

  it.each(cases)('%s → %s', (_name, error, category, retryable, status) => {
    const sut = classifyError(error, { attempts: 2 });
    expect(sut).toBeInstanceOf(LlmCallError);
    expect(sut.category).toBe(category);
    expect(sut.retryable).toBe(retryable);
    expect(sut.status).toBe(status);
    expect(sut.attempts).toBe(2);
  });

  it('classifies anything as cancelled once the caller has aborted', () => {
    const controller = new AbortController();
    controller.abort();
    const sut = classifyError(apiError(500), { attempts: 1, signal: controller.signal });
    expect(sut.category).toBe('cancelled');
    expect(sut.retryable).toBe(false);
  });

  it('retries malformed responses only when asked to', () => {
    const sut = classifyError(new MalformedResponseError('x'), { attempts: 1, retryMalformed: true });
    expect(sut.retryable).toBe(true);
  });

  it('keeps the root cause of connection errors in the message', () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const sut = classifyError(new APIConnectionError({ message: 'Connection error.', cause }), {
      attempts: 1,
    });
    expect(sut.message).toContain('ECONNREFUSED');
  });

  it('never carries the API key in its message', () => {
    const error = apiError(401, 'Incorrect API key provided: sk-proj-abc123XYZ987. Bearer sk-live-secret');
    const sut = classifyError(error, { attempts: 1, secrets: ['my-literal-key'] });
    expect(sut.message).not.toMatch(/abc123|sk-live-secret/);
    expect(sut.cause).toBeUndefined();
  });
});

describe(categoryOfStatus.name, () => {
  it.each([
    [401, 'auth'],
    [403, 'auth'],
    [408, 'timeout'],
    [409, 'bad_request'],
    [429, 'rate_limit'],
    [504, 'server_error'],
  ] as const)('%i → %s', (status, category) => {
    expect(categoryOfStatus(status)).toBe(category);
  });
});

describe(shouldRetryCategory.name, () => {
  it.each([
    ['rate_limit', true],
    ['timeout', true],
    ['server_error', true],
    ['network', true],
    ['auth', false],
    ['bad_request', false],
    ['cancelled', false],
    ['malformed_response', false],
  ] as const)('%s → %s', (category, retryable) => {
    expect(shouldRetryCategory(category)).toBe(retryable);
  });
});

describe(redactSecrets.name, () => {
  it.each([
    ['key sk-abcdef123456 here', 'key sk-*** here'],
    ['masked sk-proj-********wxyz', 'masked sk-***'],
    ['Authorization: Bearer abc.def.ghi', 'Authorization: ***'],
    ['sent bearer tok_123', 'sent Bearer ***'],
    ['{"api_key": "zzz-123"}', '{"api_key": "***"}'],
    ['nothing secret', 'nothing secret'],
  ])('%s', (input, expected) => {
    expect(redactSecrets(input)).toBe(expected);
  });

  it('removes literal secrets', () => {
    expect(redactSecrets('key=local-key-42 and local-key-42', ['local-key-42'])).toBe('key=*** and ***');
  });
});
