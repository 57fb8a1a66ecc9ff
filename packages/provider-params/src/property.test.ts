import { PROVIDER_IDS, type ProviderId } from '@llmbench/contracts';
import { describe, expect, it } from 'vitest';
import { buildRequestParams, type BuildRequestInput } from './build-request.js';
import { REGISTRY, resolveParamSpecs, wireKey } from './registry.js';
import type { ParamSpec } from './schemas/registry.schema.js';
import { clampSearchSpace } from './search-space.js';
import { MODELS } from './test-support/models.js';
import { createRng, type Rng } from './test-support/prng.js';
import { deepEqual } from './values.js';

const ITERATIONS_PER_MODEL = 25;

function numberFor(rng: Rng, spec: ParamSpec): number {
  const lo = spec.min ?? -5;
  const hi = spec.max ?? (spec.name === 'max_tokens' ? 500_000 : 5);
  const span = Math.max(hi - lo, 1);
  const candidates = [lo, hi, lo - span * rng.next(), hi + span * rng.next(), lo + (hi - lo) * rng.next()];
  const v = rng.pick(candidates);
  return spec.type === 'integer' ? Math.round(v) : Math.round(v * 1000) / 1000;
}

function validValue(rng: Rng, spec: ParamSpec): unknown {
  switch (spec.type) {
    case 'number':
    case 'integer':
      return numberFor(rng, spec);
    case 'string_array':
      return rng.chance(0.3) ? 'END' : Array.from({ length: rng.int(0, 6) }, (_, i) => `s${i}`);
    case 'enum':
      return rng.pick(
        [...(spec.values ?? []), ...(spec.scale ?? []), ...Object.keys(spec.value_map ?? {}), 'x'].filter(
          (v) => v !== 'x' || !spec.scale,
        ),
      );
    case 'boolean':
      return rng.chance(0.5);
    case 'string':
      return 'text';
    case 'object':
      return { type: rng.pick(['enabled', 'disabled', 'adaptive']), budget_tokens: rng.int(1024, 20000) };
  }
}

const WRONG: Record<ParamSpec['type'], unknown> = {
  number: 'hot',
  integer: 1.5,
  string_array: [1],
  enum: 'ultra',
  boolean: 'yes',
  string: 5,
  object: 'x',
};

function randomJson(rng: Rng): unknown {
  return rng.pick([1, 'a', true, [1, 'b'], { nested: { type: rng.pick(['enabled', 'disabled']) } }, 0.5]);
}

interface Generated {
  input: BuildRequestInput;
  wrong: Set<string>;
}

function generate(rng: Rng, provider: ProviderId, model: string): Generated {
  const { specs } = resolveParamSpecs(REGISTRY.providers[provider], model);
  const entry = REGISTRY.providers[provider];
  const params: Record<string, unknown> = {};
  const wrong = new Set<string>();
  for (const spec of Object.values(specs)) {
    if (spec.tier === 3 || !rng.chance(0.5)) continue;
    const key = rng.pick([spec.name, spec.wire_name ?? spec.name, ...(spec.aliases ?? [])]);
    if (rng.chance(0.05)) {
      params[key] = WRONG[spec.type];
      wrong.add(`params.${key}`);
    } else {
      params[key] = rng.chance(0.05) ? null : validValue(rng, spec);
    }
  }
  if (rng.chance(0.3)) params[`custom_${rng.int(0, 3)}`] = randomJson(rng);
  const passthrough: Record<string, unknown> = {};
  for (const key of rng.subset(entry.passthrough_known, 0.2)) {
    const spec = specs[key];
    passthrough[key] = spec ? validValue(rng, spec) : randomJson(rng);
  }
  if (rng.chance(0.3)) passthrough[`extra_${rng.int(0, 3)}`] = randomJson(rng);
  if (rng.chance(0.2))
    passthrough.thinking = { type: rng.pick(['enabled', 'disabled']), budget_tokens: 2048 };
  const keys = [...Object.keys(params), ...Object.keys(passthrough), 'seed', 'top_k', 'stop'];
  const skip_params = rng.chance(0.3) ? rng.subset(keys, 0.2) : [];
  return { input: { provider, model_id: model, params, passthrough, skip_params }, wrong };
}

function checkRanges(provider: ProviderId, model: string, params: Record<string, unknown>): void {
  const { specs, keys } = resolveParamSpecs(REGISTRY.providers[provider], model);
  for (const [key, value] of Object.entries(params)) {
    const spec = specs[keys.get(key) ?? ''];
    if (!spec || spec.tier === 3) continue;
    const at = `${provider}/${model} ${key}=${JSON.stringify(value)}`;
    expect(key, at).toBe(wireKey(spec));
    expect(spec.supported || spec.unsupported_action === 'warn', at).toBe(true);
    if (!spec.supported) continue;
    if (spec.locked !== undefined) expect(value, at).toEqual(spec.locked);
    if (typeof value === 'number') {
      expect(value, at).toBeGreaterThanOrEqual(spec.min ?? -Infinity);
      expect(value, at).toBeLessThanOrEqual(spec.max ?? Infinity);
    }
    if (Array.isArray(value) && spec.max_items !== undefined)
      expect(value.length, at).toBeLessThanOrEqual(spec.max_items);
    if (spec.type === 'enum' && (spec.values ?? []).length > 0) expect(spec.values, at).toContain(value);
  }
}

function checkPassthroughKept(g: Generated, result: ReturnType<typeof buildRequestParams>): void {
  const { keys, specs } = resolveParamSpecs(REGISTRY.providers[result.provider], result.model);
  const given = new Map<string, unknown>();
  const isPassthroughKey = (k: string): boolean =>
    specs[keys.get(k) ?? '']?.tier !== 1 && specs[keys.get(k) ?? '']?.tier !== 2;
  for (const source of [g.input.params, g.input.passthrough] as Array<Record<string, unknown>>) {
    for (const [k, v] of Object.entries(source)) if (v !== null && isPassthroughKey(k)) given.set(k, v);
  }
  for (const [key, value] of given) {
    const kept = deepEqual(result.params[key], value);
    const dropped = result.adjustments.some((a) => a.param === key && a.action === 'dropped');
    expect(kept || dropped, `${result.provider}/${result.model} lost passthrough ${key}`).toBe(true);
  }
}

describe('properties (seeded)', () => {
  it.each([1, 7, 42])('seed %i: ranges, errors, idempotence, passthrough, determinism', (seed) => {
    const rng = createRng(seed);
    let runs = 0;
    for (const provider of PROVIDER_IDS) {
      for (const model of MODELS[provider]) {
        for (let i = 0; i < ITERATIONS_PER_MODEL; i++) {
          const g = generate(rng, provider, model);
          const result = buildRequestParams(g.input);
          runs++;
          for (const e of result.errors) expect(g.wrong, `${provider}/${model} ${e.path}`).toContain(e.path);
          if (g.wrong.size === 0) expect(result.errors).toEqual([]);
          checkRanges(provider, model, result.params);
          checkPassthroughKept(g, result);
          expect(buildRequestParams(g.input)).toEqual(result);
          const again = buildRequestParams({ ...g.input, params: result.params, passthrough: undefined });
          const label = `${provider}/${model} ${JSON.stringify(g.input)}`;
          expect(again.params, label).toEqual(result.params);
          expect(again.errors, label).toEqual([]);
          expect(
            again.adjustments.filter((a) => a.action !== 'warn'),
            label,
          ).toEqual([]);
        }
      }
    }
    expect(runs).toBeGreaterThan(1000);
  });

  it.each([3, 11])('seed %i: search spaces stay in range and have no duplicates', (seed) => {
    const rng = createRng(seed);
    for (const provider of PROVIDER_IDS) {
      for (const model of MODELS[provider]) {
        const { specs } = resolveParamSpecs(REGISTRY.providers[provider], model);
        for (const spec of Object.values(specs)) {
          const values = Array.from({ length: rng.int(1, 8) }, () => validValue(rng, spec));
          const sut = clampSearchSpace({ provider, model_id: model, dimension: spec.name, values });
          const at = `${provider}/${model} ${spec.name}`;
          sut.values.forEach((v, i) =>
            sut.values.slice(i + 1).forEach((w) => expect(deepEqual(v, w), at).toBe(false)),
          );
          if (!spec.supported && spec.unsupported_action !== 'warn') expect(sut.values, at).toEqual([]);
          if (!spec.supported || (spec.tier === 3 && spec.type !== 'number' && spec.type !== 'integer'))
            continue;
          const body = Object.fromEntries(sut.values.map((v, i) => [i, v]));
          for (const v of Object.values(body)) {
            if (typeof v === 'number') {
              expect(v, at).toBeGreaterThanOrEqual(spec.min ?? -Infinity);
              expect(v, at).toBeLessThanOrEqual(spec.max ?? Infinity);
            }
          }
          expect(sut.values.length + sut.adjustments.filter((a) => a.action === 'dropped').length, at).toBe(
            values.length,
          );
        }
      }
    }
  });
});
