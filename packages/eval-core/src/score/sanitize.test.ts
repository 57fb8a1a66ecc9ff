import { describe, expect, it } from 'vitest';
import { sanitizeErrorText, sanitizeParams } from './sanitize.js';

describe(sanitizeErrorText.name, () => {
  it.each([
    [
      '401 Incorrect API key provided: sk-proj-abcDEF123456789',
      '401 Incorrect API key provided: sk-[redacted]',
    ],
    ['header Authorization: Bearer eyJhbGciOi.payload.sig', 'header Authorization: [redacted]'],
    ['sent Bearer abc.def-ghi', 'sent Bearer [redacted]'],
    ['GET /v1/models?key=AIzaSyA1234567890abcdefghij', 'GET /v1/models?key=[redacted]'],
    ['{"api_key": "secret-value"}', '{"api_key": "[redacted]"}'],
    ['x-api-key=abc123', 'x-api-key=[redacted]'],
    ['plain error', 'plain error'],
  ])('%s', (input, output) => {
    expect(sanitizeErrorText(input)).toBe(output);
  });

  it('truncates long messages', () => {
    const text = sanitizeErrorText('x'.repeat(2000));
    expect(text).toHaveLength(500);
    expect(text.endsWith('…')).toBe(true);
  });
});

describe(sanitizeParams.name, () => {
  it('drops secret-looking keys but keeps token limits', () => {
    expect(
      sanitizeParams({
        temperature: 0.2,
        max_tokens: 100,
        max_completion_tokens: 5,
        api_key: 'k',
        extra_headers: {},
        token: 't',
      }),
    ).toEqual({ temperature: 0.2, max_tokens: 100, max_completion_tokens: 5 });
  });
});
