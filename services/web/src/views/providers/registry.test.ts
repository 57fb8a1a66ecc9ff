import { describe, expect, it } from 'vitest';
import { REGISTRY, buildRequestParams } from '@llmbench/provider-params';
import {
  adjustmentLabel,
  adjustmentsByParam,
  applySkipParams,
  describeRange,
  disabledReason,
  joinParams,
  parseNumberInput,
  providerEntry,
  resolveSpecs,
  splitParams,
} from './registry';

// The real registry, as the API serves it.
const entry = (id: string) => providerEntry(REGISTRY, id)!;
const spec = (provider: string, model: string, name: string) =>
  resolveSpecs(entry(provider), model).specs.find((s) => s.name === name)!;

describe("a model's specs in the provider views", () => {
  it('finds entries by any id string', () => {
    expect(providerEntry(REGISTRY, 'lm_studio')?.display_name).toBe(
      REGISTRY.providers.lm_studio.display_name,
    );
    expect(providerEntry(REGISTRY, 'my-key')).toBeUndefined();
    expect(providerEntry(undefined, 'openai')).toBeUndefined();
  });

  it('resolves with the routing prefix of the same provider stripped, in registry order', () => {
    const { specs, overrides } = resolveSpecs(entry('openai'), 'openai/o3-mini');
    expect(specs.map((s) => s.name)).toEqual(Object.keys(REGISTRY.providers.openai.params));
    expect(overrides.length).toBeGreaterThan(0);
    expect(spec('openai', 'openai/o3-mini', 'max_tokens').wire_name).toBe('max_completion_tokens');
  });

  it('gives the generated controls the tier-1/2 keys only (names, wire names, aliases)', () => {
    const { structuredKeys } = resolveSpecs(entry('openai'), 'o3-mini');
    expect(structuredKeys.get('max_completion_tokens')).toBe('max_tokens');
    expect(structuredKeys.get('temperature')).toBe('temperature');
    const sandbox = resolveSpecs(entry('sandbox'), 'sandbox-creative');
    expect(sandbox.specs.some((s) => s.name === 'min_p' && s.tier === 3)).toBe(true);
    expect(sandbox.structuredKeys.has('min_p')).toBe(false);
  });

  it('says why a parameter is unavailable: unsupported for the model, or skipped', () => {
    expect(disabledReason(spec('sandbox', 'sandbox-precise', 'top_k'), [])).toMatch(
      /sandbox-precise ignores top_k/,
    );
    expect(disabledReason(spec('sandbox', 'sandbox-creative', 'top_k'), [])).toBeUndefined();
    expect(disabledReason(spec('sandbox', 'sandbox-creative', 'seed'), ['seed'])).toMatch(/skip_params/);
    expect(disabledReason(spec('openai', 'o3', 'max_tokens'), ['max_completion_tokens'])).toMatch(
      /skip_params/,
    );
  });

  it('splits default_params into generated controls and passthrough, and joins them back', () => {
    const { structuredKeys } = resolveSpecs(entry('openai'), 'o3-mini');
    const split = splitParams(
      { temperature: 1, max_completion_tokens: 50, service_tier: 'flex' },
      structuredKeys,
    );
    expect(split.structured).toEqual({ temperature: 1, max_tokens: 50 });
    expect(split.passthrough).toEqual({ service_tier: 'flex' });
    expect(joinParams(split.structured, split.passthrough)).toEqual({
      temperature: 1,
      max_tokens: 50,
      service_tier: 'flex',
    });
    expect(joinParams({ temperature: undefined }, {})).toBeUndefined();
    // Tier-3 registry params (min_p) go to the passthrough editor.
    const sandbox = resolveSpecs(entry('sandbox'), 'sandbox-creative').structuredKeys;
    expect(splitParams({ min_p: 0.1 }, sandbox).passthrough).toEqual({ min_p: 0.1 });
  });

  it('groups adjustments by parameter name and labels them', () => {
    const { structuredKeys } = resolveSpecs(entry('openai'), 'o3-mini');
    const map = adjustmentsByParam(
      [
        { param: 'max_completion_tokens', action: 'renamed', original: 5, value: 5, reason: 'r', to: 'x' },
        { param: 'passthrough.foo', action: 'warn', original: 1, value: 1, reason: 'unknown' },
        { param: 'temperature', action: 'clamped', original: 3, value: 1, reason: 'locked' },
      ],
      structuredKeys,
    );
    expect([...map.keys()]).toEqual(['max_tokens', 'foo', 'temperature']);
    expect(adjustmentLabel(map.get('temperature')![0]!)).toBe('clamped → 1');
    expect(adjustmentLabel(map.get('max_tokens')![0]!)).toBe('sent as x');
  });

  it('describes ranges and parses number inputs', () => {
    expect(describeRange(spec('sandbox', 'sandbox-precise', 'temperature'))).toBe(
      '0 – 2, step 0.1, default 1',
    );
    expect(parseNumberInput('', 'number')).toEqual({ value: undefined });
    expect(parseNumberInput('2.5', 'number')).toEqual({ value: 2.5 });
    expect(parseNumberInput('2.5', 'integer')).toEqual({ error: 'must be a whole number' });
    expect(parseNumberInput('abc', 'number')).toEqual({ error: 'not a number' });
  });
});

describe('skip_params on a validate answer', () => {
  it('drops skipped parameters under any spelling and says so', () => {
    const { specs } = resolveSpecs(entry('openai'), 'o3-mini');
    const given = { max_tokens: 100, seed: 3, service_tier: 'flex' };
    const raw = buildRequestParams({ provider: 'openai', model_id: 'o3-mini', params: given });
    const answer = {
      valid: true,
      provider: 'openai',
      model_id: 'o3-mini',
      params: raw.params,
      adjustments: raw.adjustments,
      warnings: raw.warnings,
      registry_version: raw.registry_version,
    };
    const out = applySkipParams(answer, ['max_completion_tokens', 'service_tier'], specs, given);
    // What the server pipeline does with the same skip_params.
    const server = buildRequestParams({
      provider: 'openai',
      model_id: 'o3-mini',
      params: given,
      skip_params: ['max_completion_tokens', 'service_tier'],
    });
    expect(out.params).toEqual(server.params);
    expect(
      out.adjustments
        .filter((a) => a.action === 'dropped')
        .map((a) => a.param)
        .sort(),
    ).toEqual(['max_tokens', 'service_tier']);
    expect(out.valid).toBe(false);
  });
});
