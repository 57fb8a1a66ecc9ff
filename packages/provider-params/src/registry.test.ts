import { PROVIDER_IDS } from '@llmbench/contracts';
import { describe, expect, it } from 'vitest';
import { REGISTRY, REGISTRY_VERSION, getProviderEntry, resolveParamSpecs } from './registry.js';
import { Registry } from './schemas/registry.schema.js';
import { MODELS } from './test-support/models.js';
import { REASONING_EFFORT_SCALE } from './values.js';
import { matchGlob } from './glob.js';

const TIER_1 = ['temperature', 'max_tokens', 'stop'];
const TIER_2 = ['top_p', 'top_k', 'frequency_penalty', 'presence_penalty', 'seed', 'reasoning_effort'];
const entries = Object.entries(REGISTRY.providers);

describe('REGISTRY', () => {
  it('parses against its own schema', () => {
    expect(() => Registry.parse(REGISTRY)).not.toThrow();
  });

  it('is deeply frozen', () => {
    expect(Object.isFrozen(REGISTRY.providers.openai.params.temperature)).toBe(true);
    expect(Object.isFrozen(REGISTRY.providers.anthropic.params.reasoning_effort?.wire_map?.high)).toBe(true);
  });

  it('has a dated registry_version', () => {
    expect(REGISTRY.version).toBe(REGISTRY_VERSION);
    expect(REGISTRY_VERSION).toMatch(/^\d{4}-\d{2}-\d{2}\.\d+$/);
  });

  it('has one entry per contracts provider id, keyed by its id', () => {
    expect(Object.keys(REGISTRY.providers).sort()).toEqual([...PROVIDER_IDS].sort());
    for (const [key, entry] of entries) expect(entry.id).toBe(key);
  });

  it.each(entries)('%s declares every tier-1 and tier-2 parameter with the right tier', (_, entry) => {
    for (const name of TIER_1) expect(entry.params[name]?.tier, name).toBe(1);
    for (const name of TIER_2) expect(entry.params[name]?.tier, name).toBe(2);
    for (const [name, spec] of Object.entries(entry.params)) {
      expect(spec.name).toBe(name);
      if (!TIER_1.includes(name) && !TIER_2.includes(name)) expect(spec.tier, name).toBe(3);
    }
  });

  it.each(entries)('%s cites at least one source and explains unsupported parameters', (_, entry) => {
    expect(entry.source.length).toBeGreaterThan(0);
    expect(entry.notes.length).toBeGreaterThan(20);
    for (const model of MODELS[entry.id]) {
      for (const spec of Object.values(resolveParamSpecs(entry, model).specs)) {
        if (!spec.supported) expect(spec.reason, `${model} ${spec.name}`).toBeTruthy();
      }
    }
  });

  it.each(entries)('%s lists every documented tier-3 parameter as passthrough_known', (_, entry) => {
    for (const spec of Object.values(entry.params)) {
      if (spec.tier === 3) expect(entry.passthrough_known).toContain(spec.name);
    }
  });

  it.each(entries)('%s has consistent ranges, enums and value maps for every test model', (_, entry) => {
    for (const model of MODELS[entry.id]) {
      for (const spec of Object.values(resolveParamSpecs(entry, model).specs)) {
        const at = `${entry.id}/${model}/${spec.name}`;
        if (spec.min !== undefined && spec.max !== undefined)
          expect(spec.min, at).toBeLessThanOrEqual(spec.max);
        if (typeof spec.locked === 'number') {
          expect(spec.locked, at).toBeGreaterThanOrEqual(spec.min ?? -Infinity);
          expect(spec.locked, at).toBeLessThanOrEqual(spec.max ?? Infinity);
        }
        if (spec.name === 'reasoning_effort') {
          for (const v of spec.values ?? []) {
            const target =
              REASONING_EFFORT_SCALE.includes(v as never) || Object.values(spec.value_map ?? {}).includes(v);
            expect(target, `${at} value ${v}`).toBe(true);
          }
          for (const v of Object.keys(spec.wire_map ?? {})) expect(spec.values, at).toContain(v);
        }
      }
    }
  });

  it.each(entries)('%s conflict rules name registry parameters or passthrough keys', (_, entry) => {
    const known = new Set([...Object.keys(entry.params), ...entry.passthrough_known]);
    for (const rule of entry.conflicts) {
      const r = rule.resolution;
      for (const p of r.action === 'clamp' ? [r.param] : r.params)
        expect(known, `${rule.id} ${p}`).toContain(p);
    }
  });

  it.each(entries)('%s overrides each match at least one test model', (_, entry) => {
    for (const o of entry.model_overrides) {
      const hit = MODELS[entry.id].some(
        (m) => matchGlob(o.pattern, m) && !(o.exclude && matchGlob(o.exclude, m)),
      );
      expect(hit, o.pattern).toBe(true);
    }
  });
});

describe(getProviderEntry.name, () => {
  it('returns the entry of a registry id and undefined otherwise', () => {
    expect(getProviderEntry('mistral')?.display_name).toBe('Mistral');
    expect(getProviderEntry('zai_glm')).toBeUndefined();
    expect(getProviderEntry('_unknown')).toBeUndefined();
  });
});

describe(resolveParamSpecs.name, () => {
  it('applies matching overrides in order and indexes wire names and aliases', () => {
    const sut = resolveParamSpecs(REGISTRY.providers.openai, 'gpt-5.1-chat-latest');
    expect(sut.overrides.map((o) => o.pattern)).toEqual(['gpt-5*-chat*', 'gpt-5.*-chat*']);
    expect(sut.specs.temperature?.locked).toBe(1);
    expect(sut.specs.max_tokens?.wire_name).toBe('max_completion_tokens');
    expect(sut.keys.get('max_completion_tokens')).toBe('max_tokens');
    expect(resolveParamSpecs(REGISTRY.providers.mistral, 'mistral-small').keys.get('random_seed')).toBe(
      'seed',
    );
  });

  it('does not mutate the registry entry', () => {
    const before = JSON.stringify(REGISTRY.providers.openai.params);
    resolveParamSpecs(REGISTRY.providers.openai, 'o3');
    expect(JSON.stringify(REGISTRY.providers.openai.params)).toBe(before);
  });
});
