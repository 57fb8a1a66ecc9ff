import { describe, expect, it } from 'vitest';
import { FAULT_KINDS } from '../models/sandbox-model.js';
import { applyOutputFault, httpFaultResponse, mergeFaultRates, NO_FAULTS, pickFault } from './faults.js';
import type { ModelOutput } from './mistakes.js';

const call: ModelOutput = { kind: 'tool_call', name: 'get_weather', arguments: '{"city":"Paris"}' };

describe('pickFault', () => {
  it('obeys a forced fault and "none"', () => {
    for (const kind of FAULT_KINDS) expect(pickFault(NO_FAULTS, kind, () => 0.99)).toBe(kind);
    expect(pickFault({ ...NO_FAULTS, '429': 1 }, 'none', () => 0)).toBeNull();
  });

  it('draws faults with their rates from one uniform value', () => {
    const rates = { ...NO_FAULTS, '429': 0.1, '500': 0.2 };
    expect(pickFault(rates, undefined, () => 0.05)).toBe('429');
    expect(pickFault(rates, undefined, () => 0.25)).toBe('500');
    expect(pickFault(rates, undefined, () => 0.31)).toBeNull();
    expect(pickFault(NO_FAULTS, undefined, () => 0)).toBeNull();
  });

  it('merges env, model and header rates, later ones winning', () => {
    const merged = mergeFaultRates({ ...NO_FAULTS, '429': 0.5 }, { '500': 0.1 }, { '429': 0 });
    expect(merged).toMatchObject({ '429': 0, '500': 0.1, timeout: 0 });
  });
});

describe('httpFaultResponse', () => {
  it('answers 429 with Retry-After in the OpenAI error shape', () => {
    const r = httpFaultResponse('429', 3);
    expect(r.status).toBe(429);
    expect(r.headers['retry-after']).toBe('3');
    expect(r.body).toMatchObject({
      error: { type: 'rate_limit_error', code: 'rate_limit_exceeded', param: null },
    });
  });

  it.each([
    ['500', 500],
    ['503', 503],
  ] as const)('answers %s', (kind, status) => {
    expect(httpFaultResponse(kind, 1).status).toBe(status);
  });
});

describe('applyOutputFault', () => {
  it('makes arguments unparseable JSON', () => {
    const out = applyOutputFault(call, 'malformed');
    expect(out.kind === 'tool_call' && (() => JSON.parse(out.arguments))).toThrow();
    const empty = applyOutputFault({ ...call, arguments: '{}' }, 'malformed');
    expect(empty.kind === 'tool_call' && (() => JSON.parse(empty.arguments))).toThrow();
  });

  it('stuffs the call JSON into the function name', () => {
    const out = applyOutputFault(call, 'name_stuffing');
    expect(out).toMatchObject({ kind: 'tool_call', arguments: '{}' });
    expect(out.kind === 'tool_call' && JSON.parse(out.name)).toEqual({
      name: 'get_weather',
      arguments: { city: 'Paris' },
    });
  });

  it('leaves text answers alone', () => {
    const text: ModelOutput = { kind: 'text', content: 'hi' };
    expect(applyOutputFault(text, 'malformed')).toBe(text);
  });
});
