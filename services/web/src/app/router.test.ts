import { describe, expect, it } from 'vitest';
import { matchRoute } from './router';

describe('matchRoute', () => {
  it('matches literal segments and extracts decoded params', () => {
    expect(matchRoute('/evaluate/jobs/:jobId', '/evaluate/jobs/a%2Fb')).toEqual({ jobId: 'a/b' });
    expect(matchRoute('/', '/')).toEqual({});
  });
  it('rejects other lengths and other literals', () => {
    expect(matchRoute('/suites/:id', '/suites')).toBeNull();
    expect(matchRoute('/suites/:id', '/suites/1/cases')).toBeNull();
    expect(matchRoute('/suites/new', '/suites/other')).toBeNull();
  });
});
