import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig', () => {
  it('has safe defaults: port 8090, no latency, no faults', () => {
    const c = loadConfig({});
    expect(c.http).toEqual({ host: '0.0.0.0', port: 8090 });
    expect(c.latency).toEqual({ ttftMs: 0, tokensPerS: 0 });
    expect(Object.values(c.faults.rates).every((r) => r === 0)).toBe(true);
    expect(c.faults).toMatchObject({ timeoutMs: 30_000, retryAfterS: 1 });
    expect(c.apiKey).toBeUndefined();
  });

  it('reads every variable', () => {
    const c = loadConfig({
      SANDBOX_PORT: '9000',
      SANDBOX_FAULT_429: '0.25',
      SANDBOX_FAULT_NAME_STUFFING: '1',
      SANDBOX_TIMEOUT_MS: '100',
      SANDBOX_TTFT_MS: '20',
      SANDBOX_API_KEY: 'k',
      LOG_LEVEL: 'silent',
    });
    expect(c.http.port).toBe(9000);
    expect(c.faults.rates).toMatchObject({ '429': 0.25, name_stuffing: 1 });
    expect(c.faults.timeoutMs).toBe(100);
    expect(c.latency.ttftMs).toBe(20);
    expect(c.apiKey).toBe('k');
  });

  it('names the bad variable', () => {
    expect(() => loadConfig({ SANDBOX_FAULT_500: '2' })).toThrow(/SANDBOX_FAULT_500/);
    expect(() => loadConfig({ SANDBOX_PORT: 'abc' })).toThrow(/SANDBOX_PORT/);
  });
});
