import { describe, expect, it } from 'vitest';
import { boundsHint, modelParam, paramOptions, rangeDefaults, type Registry } from './registry';

const REGISTRY: Registry = {
  version: '1',
  providers: {
    sandbox: {
      id: 'sandbox',
      display_name: 'Sandbox',
      params: {
        temperature: {
          name: 'temperature',
          tier: 1,
          type: 'number',
          supported: true,
          min: 0,
          max: 2,
          step: 0.1,
          default: 1,
        },
        stop: { name: 'stop', tier: 1, type: 'string_array', supported: true },
        top_k: { name: 'top_k', tier: 2, type: 'integer', supported: true, min: -1, step: 1 },
      },
      model_overrides: [
        { pattern: 'sandbox-pre*', params: { top_k: { supported: false, reason: 'ignores top_k' } } },
      ],
    },
  },
};

describe('registry helpers', () => {
  it('offers searchable parameters by tier plus seed and tool_choice', () => {
    expect(paramOptions(REGISTRY, ['sandbox']).map((o) => o.name)).toEqual([
      'temperature',
      'top_k',
      'seed',
      'tool_choice',
    ]);
  });
  it('applies model overrides by glob', () => {
    expect(modelParam(REGISTRY.providers.sandbox, 'sandbox-precise', 'top_k')?.supported).toBe(false);
    expect(modelParam(REGISTRY.providers.sandbox, 'sandbox-creative', 'top_k')?.supported).toBe(true);
  });
  it('hints the bounds and which models ignore a parameter', () => {
    const targets = [
      { provider: 'sandbox', model_id: 'sandbox-precise' },
      { provider: 'sandbox', model_id: 'sandbox-creative' },
    ];
    expect(boundsHint(REGISTRY, 'temperature', targets)).toBe('Sandbox: number 0–2, step 0.1, default 1');
    expect(boundsHint(REGISTRY, 'top_k', targets)).toBe(
      'sandbox-precise: unsupported (ignores top_k) · Sandbox: integer -1–∞, step 1',
    );
    expect(rangeDefaults(REGISTRY, 'temperature', targets)).toEqual({ min: 0, max: 2, step: 0.1 });
  });
});
