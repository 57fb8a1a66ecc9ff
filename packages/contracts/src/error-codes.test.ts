import { describe, expect, it } from 'vitest';
import { AppError } from './error-codes.js';

describe(AppError.name, () => {
  it('takes its status from the registry and renders the wire body', () => {
    const sut = new AppError('not_found', 'suite not found');
    expect(sut.status).toBe(404);
    expect(sut.toBody()).toEqual({ error: { code: 'not_found', message: 'suite not found' } });
  });
});
