import { describe, expect, it } from 'vitest';
import { buildSpace, compatMatrix, dimSize, emptyDim, parseList, spaceToDims, type Preview } from './space';

describe('search-space drafts', () => {
  it('parses lists of numbers, strings and booleans', () => {
    expect(parseList('0, 0.5,1 , .25')).toEqual([0, 0.5, 1, 0.25]);
    expect(parseList('auto, "none", true, null, -2')).toEqual(['auto', 'none', true, null, -2]);
    expect(parseList(' , ')).toEqual([]);
  });

  it('builds lists and ranges, naming the broken field', () => {
    const t = { ...emptyDim('temperature'), list: '0, 0.5, 1' };
    const p = { ...emptyDim('top_p'), mode: 'range' as const, min: '0.5', max: '1', step: '0.25' };
    expect(buildSpace([t, p])).toEqual({
      space: { temperature: [0, 0.5, 1], top_p: { min: 0.5, max: 1, step: 0.25 } },
      errors: [],
    });
    const bad = { ...p, step: '0' };
    expect(buildSpace([bad]).errors).toEqual([
      { dimId: bad.id, field: 'step', message: 'must be greater than 0' },
    ]);
    const inverted = { ...p, min: '2', max: '1' };
    expect(buildSpace([inverted]).errors[0]?.field).toBe('max');
    const empty = { ...t, list: '' };
    expect(buildSpace([empty]).errors[0]?.field).toBe('list');
    const dup = { ...t, id: 'other' };
    expect(buildSpace([t, dup]).errors).toEqual([
      { dimId: 'other', field: 'name', message: 'temperature is already in the space' },
    ]);
  });

  it('round-trips a space through drafts and counts values', () => {
    const space = { temperature: { min: 0, max: 1, step: 0.1 }, tool_choice: ['auto', 'required'] };
    const dims = spaceToDims(space);
    expect(buildSpace(dims).space).toEqual(space);
    expect(dims.map(dimSize)).toEqual([11, 2]);
  });
});

const preview = (adjust: Partial<Preview['targets'][number]>): Preview => ({
  strategy: 'grid',
  targets: [
    {
      provider_key: 'p',
      model_id: 'm',
      requested_combinations: 2,
      combinations: 1,
      combos: [],
      space_adjustments: [],
      calls: 2,
      ...adjust,
    },
  ],
  total_combinations: 1,
  total_eval_calls: 2,
  estimated_duration_s: 1,
  estimated_cost_usd: null,
  warnings: [],
  cases: 2,
});
const combo = (
  config: Record<string, unknown>,
  adjustments: Preview['targets'][number]['space_adjustments'] = [],
) => ({
  key: JSON.stringify(config),
  config,
  params: config,
  requested: [config],
  adjustments,
});

describe('compatibility matrix', () => {
  it('says supported, clamped (to what), dropped (why), renamed and warn', () => {
    const p = preview({
      combos: [combo({ temperature: 1, top_p: 1 }, [{ param: 'seed', action: 'warn', reason: 'ignored' }])],
      space_adjustments: [
        { param: 'top_p', action: 'clamped', original: 1.5, value: 1, reason: 'above the maximum 1' },
        {
          param: 'top_p',
          action: 'dropped',
          original: 1.5,
          value: null,
          reason: 'duplicate of 1 after clamping',
        },
        { param: 'top_k', action: 'dropped', original: 20, value: null, reason: 'm ignores top_k' },
      ],
    });
    p.targets[0]!.combos[0]!.config.seed = 3;
    const rows = compatMatrix(p, ['temperature', 'top_p', 'top_k', 'seed', 'tool_choice']);
    const cell = (param: string) => rows.find((r) => r.param === param)!.cells[0]!.cell;
    expect(cell('temperature')).toEqual({ status: 'supported', detail: 'sent as given' });
    expect(cell('top_p').status).toBe('clamped');
    expect(cell('top_p').detail).toContain('1.5 → 1');
    expect(cell('top_p').detail).toContain('1 duplicate value merged');
    expect(cell('top_k')).toEqual({ status: 'dropped', detail: 'm ignores top_k' });
    expect(cell('seed')).toEqual({ status: 'warn', detail: 'ignored' });
    expect(cell('tool_choice').status).toBe('supported');
    expect(rows[0]!.cells[0]!.target).toBe('p::m');
  });

  it('a renamed parameter is sent under its new name', () => {
    const p = preview({
      combos: [
        {
          ...combo({}),
          params: { max_completion_tokens: 10 },
          adjustments: [
            { param: 'max_tokens', action: 'renamed', to: 'max_completion_tokens', reason: 'o-series' },
          ],
        },
      ],
    });
    expect(compatMatrix(p, ['max_tokens'])[0]!.cells[0]!.cell.status).toBe('renamed');
  });
});
