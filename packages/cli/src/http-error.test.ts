import { describe, expect, it } from 'vitest';
import { EXIT } from './errors.js';
import { describeHttpError, httpError } from './http-error.js';

const body = (message: string, details?: { path: string; message: string }[]) => ({
  error: { code: 'validation_failed', message, details },
});

describe('describeHttpError', () => {
  it('puts the message and every field path on one line, without repeating what the message says', () => {
    expect(
      describeHttpError(
        400,
        body('body.targets.0.model_id: no model "x"', [
          { path: 'body.targets.0.model_id', message: 'no model "x"' },
          { path: 'body.temperature', message: 'too big\nby far' },
        ]),
      ),
    ).toBe('body.targets.0.model_id: no model "x" [body.temperature: too big by far]');
  });

  it('falls back to the status for a body that is not the error shape', () => {
    expect(describeHttpError(502, '<html>bad gateway</html>')).toBe('HTTP 502');
  });
});

describe('httpError', () => {
  it('maps auth failures and 5xx to exit 3, other 4xx to exit 2', () => {
    expect(httpError(401, body('invalid token'))).toMatchObject({
      exitCode: EXIT.network,
      message: 'not authorized: invalid token',
      retryable: false,
    });
    expect(httpError(404, body('job not found'))).toMatchObject({ exitCode: EXIT.usage, retryable: false });
    expect(httpError(409, body('job already completed'))).toMatchObject({ exitCode: EXIT.usage });
    expect(httpError(503, body('unavailable'))).toMatchObject({ exitCode: EXIT.network, retryable: true });
  });
});
