import { describe, expect, it } from 'vitest';
import { REGISTRY } from '@llmbench/provider-params';
import {
  adjustmentLabel,
  adjustmentsByParam,
  bareModel,
  describeRange,
  disabledReason,
  joinParams,
  matchGlob,
  parseNumberInput,
  resolveSpecs,
  splitParams,
  type ProviderEntry,
} from './registry';

// The real registry (as the API serves it) keeps this copy of the resolution rules honest.
const entry = (id: string) =>
  REGISTRY.providers[id as keyof typeof REGISTRY.providers] as unknown as ProviderEntry;
const spec = (provider: string, model: string, name: string) =>
  resolveSpecs(entry(provider), model).specs.find((s) => s.name === name)!;

describe('registry resolution (client copy)', () => {
  it('matches globs like the registry: whole id, case-insensitive, alternatives', () => {
    expect(matchGlob('o1*|o3*|o4*', 'O3-mini')).toBe(true);
    expect(matchGlob('o1*|o3*|o4*', 'model-o3')).toBe(false);
    expect(matchGlob('gpt-5.*', 'gpt-5.1-mini')).toBe(true);
    expect(matchGlob('gpt-5.*', 'gpt-5x')).toBe(false);
  });

  it('strips a routing prefix only for the same provider', () => {
    expect(bareModel('openai', 'openai/o3-mini')).toBe('o3-mini');
    expect(bareModel('groq', 'openai/gpt-oss-20b')).toBe('openai/gpt-oss-20b');
  });

  it('applies every matching override in order, with excludes and renames', () => {
    expect(spec('openai', 'o3-mini', 'temperature').locked).toBe(1);
    expect(spec('openai', 'o3-mini', 'max_tokens').wire_name).toBe('max_completion_tokens');
    expect(spec('openai', 'o3-mini', 'reasoning_effort').values).toEqual(['low', 'medium', 'high']);
    expect(spec('openai', 'o1-mini', 'reasoning_effort').supported).toBe(false);
    expect(spec('openai', 'gpt-5.1', 'reasoning_effort').values).toEqual(['none', 'low', 'medium', 'high']);
    // gpt-5.2 is excluded from the gpt-5* override: temperature is not locked.
    expect(spec('openai', 'gpt-5.2', 'temperature').locked).toBeUndefined();
    expect(spec('openai', 'gpt-4.1', 'temperature')).toMatchObject({ min: 0, max: 2, step: 0.1 });
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
    const { specs } = resolveSpecs(entry('openai'), 'o3-mini');
    const split = splitParams({ temperature: 1, max_completion_tokens: 50, service_tier: 'flex' }, specs);
    expect(split.structured).toEqual({ temperature: 1, max_tokens: 50 });
    expect(split.passthrough).toEqual({ service_tier: 'flex' });
    expect(joinParams(split.structured, split.passthrough)).toEqual({
      temperature: 1,
      max_tokens: 50,
      service_tier: 'flex',
    });
    expect(joinParams({ temperature: undefined }, {})).toBeUndefined();
    // Tier-3 registry params (min_p) go to the passthrough editor.
    const sandbox = resolveSpecs(entry('sandbox'), 'sandbox-creative').specs;
    expect(splitParams({ min_p: 0.1 }, sandbox).passthrough).toEqual({ min_p: 0.1 });
  });

  it('groups adjustments by parameter name and labels them', () => {
    const { specs } = resolveSpecs(entry('openai'), 'o3-mini');
    const map = adjustmentsByParam(
      [
        { param: 'max_completion_tokens', action: 'renamed', original: 5, value: 5, reason: 'r', to: 'x' },
        { param: 'passthrough.foo', action: 'warn', original: 1, value: 1, reason: 'unknown' },
        { param: 'temperature', action: 'clamped', original: 3, value: 1, reason: 'locked' },
      ],
      specs,
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
  it('drops skipped parameters under any spelling and says so', async () => {
    const { buildRequestParams } = await import('@llmbench/provider-params');
    const { applySkipParams } = await import('./registry');
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
