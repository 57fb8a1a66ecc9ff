import { describe, expect, it } from 'vitest';
import { configText, fromRecord, paramKeys, reduceTune, variedKeys, type TuneRecord } from './results';

const scores = (overall: number) => ({
  overall_score: overall,
  ci_low: overall - 0.1,
  ci_high: Math.min(1, overall + 0.1),
  tool_accuracy: overall,
  param_accuracy: 1,
  latency_avg_ms: 20,
  cases_passed: 1,
  cases_total: 2,
  calls: 2,
  cost_usd: null,
});
const result = (id: string, index: number, temperature: number, overall: number, rung = 0) => ({
  type: 'combo_result',
  tune_id: 't',
  combo_id: id,
  combo_index: index,
  model_id: 'm',
  provider_key: 'p',
  config: { temperature },
  requested: [{ temperature }],
  adjustments: [],
  rung,
  complete: true,
  ...scores(overall),
  case_results: [{ case_id: 'c1', overall_score: overall }],
});

const EVENTS = [
  { type: 'job_created', run_id: 't' },
  {
    type: 'tune_start',
    tune_id: 't',
    strategy: 'grid',
    total_combos: 3,
    planned_evaluations: 3,
    models: [{ provider_key: 'p', model_id: 'm', display_name: 'M', combos: 3 }],
    suite_name: 'S',
    cases: 2,
    repeats: 1,
    warnings: ['w'],
  },
  {
    type: 'combo_start',
    combo_id: 'b',
    combo_index: 1,
    model: 'm',
    provider_key: 'p',
    config: { temperature: 1 },
    rung: 0,
    cases: 2,
  },
  {
    type: 'combo_start',
    combo_id: 'a',
    combo_index: 0,
    model: 'm',
    provider_key: 'p',
    config: { temperature: 0 },
    rung: 0,
    cases: 2,
  },
  result('b', 1, 1, 0.5),
  {
    type: 'tune_progress',
    completed: 2,
    total: 3,
    calls_used: 4,
    eta_s: 0,
    best_so_far: { combo_id: 'a', provider_key: 'p', model_id: 'm', config: { temperature: 0 }, score: 1 },
  },
  // an older progress event delivered late must not move the view backwards
  {
    type: 'tune_progress',
    completed: 1,
    total: 3,
    calls_used: 2,
    eta_s: 0,
    best_so_far: { combo_id: 'b', provider_key: 'p', model_id: 'm', config: { temperature: 1 }, score: 0.5 },
  },
  result('a', 0, 0, 1),
];

describe('reduceTune', () => {
  it('folds events into rows ordered by combination, progress and best so far', () => {
    const v = reduceTune(EVENTS);
    expect(v.tuneId).toBe('t');
    expect(v.suiteName).toBe('S');
    expect(v.rows.map((r) => r.combo_id)).toEqual(['a', 'b']);
    expect(v.rows[0]).toMatchObject({ overall_score: 1, ci_low: 0.9, case_results: [{ case_id: 'c1' }] });
    expect(v.completed).toBe(2);
    expect(v.callsUsed).toBe(4);
    expect(v.bestSoFar?.combo_id).toBe('a');
    expect(v.running).toEqual([]);
    expect(v.best).toBeNull();
  });

  it('shows a started combination as running until its result', () => {
    const v = reduceTune(EVENTS.slice(0, 4));
    expect(v.running.map((r) => r.combo_id).sort()).toEqual(['a', 'b']);
  });

  it('keeps a halving combination at its furthest rung, whatever the order', () => {
    const v = reduceTune([result('a', 0, 0, 0.9, 1), result('a', 0, 0, 0.5, 0)]);
    expect(v.rows).toHaveLength(1);
    expect(v.rows[0]).toMatchObject({ rung: 1, overall_score: 0.9 });
  });

  it('takes the best per model from tune_complete', () => {
    const best = [
      {
        provider_key: 'p',
        model_id: 'm',
        combo_id: 'a',
        combo_index: 0,
        config: { temperature: 0 },
        params: { temperature: 0 },
        overall_score: 1,
        ci_low: 1,
        ci_high: 1,
        indistinguishable: [],
      },
    ];
    const v = reduceTune([
      ...EVENTS,
      { type: 'tune_complete', best_config: best, stop_reason: 'complete', duration_s: 2, calls_used: 6 },
    ]);
    expect(v.best).toEqual(best);
    expect(v.stopReason).toBe('complete');
    expect(v.callsUsed).toBe(6);
  });
});

describe('fromRecord', () => {
  it('gives the live view’s rows from the stored combinations', () => {
    const live = reduceTune(EVENTS);
    const stored: TuneRecord = {
      id: 't',
      job_id: 'j',
      status: 'completed',
      strategy: 'grid',
      search_space: { temperature: [0, 1] },
      per_model_search_spaces: null,
      targets: [{ provider_key: 'p', model_id: 'm', display_name: 'M' }],
      config: { repeats: 1, warnings: ['w'] },
      best_config: { best: null, models: [] },
      best_score: 1,
      total_combos: 2,
      completed_combos: 2,
      calls_used: 4,
      stop_reason: 'complete',
      suite_id: 's',
      suite_name: 'S',
      error: null,
      created_at: '2026-01-01T00:00:00Z',
      started_at: '2026-01-01T00:00:00Z',
      finished_at: '2026-01-01T00:00:03Z',
      combos: live.rows.map(({ combo_id, complete: _c, ...r }) => ({
        ...r,
        id: combo_id,
        status: 'done',
        combo_key: '',
        params: r.config,
      })),
      not_evaluated: 0,
      cases: [{ id: 'c1', prompt: 'hi', expected_tool: 'x', expected_params: null }],
    };
    const v = fromRecord(stored);
    expect(v.rows).toEqual(live.rows);
    expect(v.durationS).toBe(3);
    expect(v.totalCombos).toBe(2);
    expect(v.plannedEvaluations).toBe(2);
    expect(v.best).toEqual([]);
    expect(v.models[0]).toMatchObject({ display_name: 'M', combos: 2 });
  });
});

describe('parameter keys', () => {
  it('lists config keys with tool_choice last, and the varied ones', () => {
    const rows = [
      { config: { tool_choice: 'auto', temperature: 0, top_p: 1 } },
      { config: { tool_choice: 'auto', temperature: 1, top_p: 1 } },
    ];
    expect(paramKeys(rows)).toEqual(['temperature', 'top_p', 'tool_choice']);
    expect(variedKeys(rows)).toEqual(['temperature']);
    expect(configText({ temperature: 0, tool_choice: 'auto' })).toBe('temperature=0, tool_choice=auto');
    expect(configText({})).toBe('(provider defaults)');
  });
});
