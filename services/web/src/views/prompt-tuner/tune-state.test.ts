import { describe, expect, it } from 'vitest';
import { recordEvents, reduceTune, type TuneEvent } from './tune-state';
import type { TuneRecord } from './types';

const A = { provider_key: 'sandbox', model_id: 'sandbox-precise' };
const B = { provider_key: 'sandbox', model_id: 'sandbox-local-7b' };
const score = (m: typeof A, overall: number) => ({
  ...m,
  overall_score: overall,
  tool_accuracy: overall,
  param_accuracy: null,
  cases: 4,
  calls: 4,
});
const result = (g: number, index: number, id: string, m: typeof A, overall: number, phase = 'train') => ({
  type: 'prompt_eval_result',
  generation: g,
  index,
  candidate_id: id,
  phase,
  ...score(m, overall),
});
const evalStart = (g: number, index: number, id: string, m: typeof A) => ({
  type: 'prompt_eval_start',
  generation: g,
  index,
  candidate_id: id,
  model: m.model_id,
  provider_key: m.provider_key,
  phase: 'train',
});
const generated = (g: number, index: number, id: string, extra: Record<string, unknown> = {}) => ({
  type: 'prompt_generated',
  generation: g,
  index,
  candidate_id: id,
  text: `prompt ${id}`,
  style: 'concise',
  parent_ids: [],
  mutation_type: null,
  duplicate_of: null,
  ...extra,
});

/** An evolutionary tune over two models: 2 generations of 3, one duplicate, one generation error. */
const EVENTS: TuneEvent[] = [
  { type: 'job_started' },
  {
    type: 'tune_start',
    kind: 'prompt_tune',
    tune_id: 't1',
    mode: 'evolutionary',
    total_prompts: 9,
    total_eval_calls: 80,
    generations: 3,
    population_size: 3,
    suite_name: 'Smart home',
    train_cases: 4,
    validation_cases: 2,
    warnings: ['meta is a target'],
    base_prompt: 'You are a home assistant.',
    targets: [A, B],
    meta_target: { provider_key: 'sandbox', model_id: 'sandbox-judge' },
  },
  evalStart(0, 0, 'base', A),
  result(0, 0, 'base', A, 0.5),
  result(0, 0, 'base', B, 0.3),
  { type: 'generation_start', generation: 1 },
  generated(1, 0, 'c10'),
  generated(1, 1, 'c11'),
  generated(1, 2, 'c12', { duplicate_of: 'c10' }),
  result(1, 0, 'c10', A, 0.75),
  result(1, 0, 'c10', B, 0.5),
  result(1, 1, 'c11', A, 1),
  evalStart(1, 1, 'c11', B),
  result(1, 1, 'c11', B, 0.9),
  {
    type: 'generation_complete',
    generation: 1,
    best_score: 0.95,
    best_candidate_id: 'c11',
    survivors: [
      { candidate_id: 'c11', generation: 1, index: 1, score: 0.95 },
      { candidate_id: 'c10', generation: 1, index: 0, score: 0.625 },
    ],
  },
  { type: 'generation_start', generation: 2 },
  generated(2, 0, 'c20', { parent_ids: ['c11'], mutation_type: 'conservative' }),
  generated(2, 1, 'c21', { parent_ids: ['c10', 'c11'], mutation_type: 'crossover' }),
  generated(2, 2, 'c22', { parent_ids: ['c10'] }),
  result(2, 0, 'c20', A, 1),
  result(2, 0, 'c20', B, 1),
  result(2, 1, 'c21', A, 0.5),
  result(2, 1, 'c21', B, 0.5),
  result(2, 2, 'c22', A, 0),
  result(2, 2, 'c22', B, 0),
  {
    type: 'generation_complete',
    generation: 2,
    best_score: 1,
    best_candidate_id: 'c20',
    survivors: [
      { candidate_id: 'c20', generation: 2, index: 0, score: 1 },
      { candidate_id: 'c11', generation: 1, index: 1, score: 0.95 },
    ],
  },
  { type: 'generation_start', generation: 3 },
  { type: 'generation_error', generation: 3, message: 'no JSON; continuing with the survivors' },
  result(0, 0, 'base', A, 0.5, 'validation'),
  result(0, 0, 'base', B, 0.5, 'validation'),
  result(2, 0, 'c20', A, 0.75, 'validation'),
  result(2, 0, 'c20', B, 0.75, 'validation'),
  {
    type: 'tune_complete',
    kind: 'prompt_tune',
    tune_id: 't1',
    status: 'completed',
    stop_reason: 'complete',
    best_prompt: 'prompt c20',
    best_candidate_id: 'c20',
    best_score: 1,
    validation_score: 0.75,
    base_score: 0.4,
    base_validation_score: 0.5,
    per_model: [],
    duration_s: 3,
    calls_used: 60,
    calls_saved: 8,
    meta_calls: 3,
    cost_usd: 0,
  },
  { type: 'job_completed' },
];

describe('reduceTune', () => {
  const view = reduceTune(EVENTS);

  it('lays out the generations with their cards, base first (its text and the models from tune_start)', () => {
    expect(view.generations.map((g) => [g.generation, g.status, g.cards.map((c) => c.id)])).toEqual([
      [0, 'base', ['base']],
      [1, 'complete', ['c10', 'c11', 'c12']],
      [2, 'complete', ['c20', 'c21', 'c22']],
      [3, 'error', []],
    ]);
    expect(view.cards.base!.text).toBe('You are a home assistant.');
    expect(view.generations[3]!.error).toMatch(/no JSON/);
    expect(view.warnings).toEqual(['meta is a target']);
    expect(view.models).toEqual(['sandbox::sandbox-precise', 'sandbox::sandbox-local-7b']);
  });

  it('scores: per model, the mean once all models are in, duplicates inherit', () => {
    expect(view.cards.base!.mean).toBeCloseTo(0.4);
    expect(view.cards.c11!.mean).toBeCloseTo(0.95);
    expect(view.cards.c12!.duplicateOf).toBe('c10');
    expect(view.cards.c12!.mean).toBeCloseTo(0.625);
    expect(view.cards.c11!.running).toEqual([]);
    expect(view.cards.c20!.validation['sandbox::sandbox-precise']!.overall_score).toBe(0.75);
  });

  it('a card is scored only when every model is: mean stays null meanwhile', () => {
    const partial = reduceTune(EVENTS.slice(0, 12));
    expect(partial.cards.c11!.scores['sandbox::sandbox-precise']!.overall_score).toBe(1);
    expect(partial.cards.c11!.mean).toBeNull();
    expect(partial.generations[1]!.status).toBe('evaluating');
  });

  it('marks survivors per generation and earlier prompts carried over', () => {
    expect(view.generations[1]!.cards.filter((c) => c.survivor).map((c) => c.id)).toEqual(['c10', 'c11']);
    expect(view.generations[2]!.cards.filter((c) => c.survivor).map((c) => c.id)).toEqual(['c20']);
    expect(view.generations[2]!.carriedOver).toEqual(['c11']);
  });

  it('takes the parents by id; generation 1 comes from the base', () => {
    expect(view.cards.c10!.parents).toEqual(['base']);
    expect(view.cards.c20!.parents).toEqual(['c11']);
    expect(view.cards.c21!.parents).toEqual(['c10', 'c11']);
    expect(view.cards.c22!.parents).toEqual(['c10']);
  });

  it('charts best and mean per generation, generation 0 the base; marks the best', () => {
    expect(view.chart.map((p) => [p.generation, p.best, Number(p.mean.toFixed(4))])).toEqual([
      [0, 0.4, 0.4],
      [1, 0.95, 0.7875],
      [2, 1, 0.5],
    ]);
    expect(view.complete?.best_score).toBe(1);
    expect(view.cards.c20!.best).toBe(true);
  });

  it('a replay gives the same view as the stream (pure)', () => {
    expect(reduceTune([...EVENTS])).toEqual(reduceTune(EVENTS));
  });

  it('a failed generation keeps the survivors: the next one descends from them (base known late)', () => {
    const events: TuneEvent[] = [
      EVENTS[1]!,
      result(0, 0, 'b0', A, 0.5),
      { type: 'generation_start', generation: 1 },
      { type: 'generation_error', generation: 1, message: 'no JSON' },
      { type: 'generation_start', generation: 2 },
      generated(2, 0, 'c20', { parent_ids: ['b0'] }),
    ];
    const v = reduceTune(events);
    expect(v.baseId).toBe('b0');
    expect(v.cards.c20!.parents).toEqual(['b0']);
    expect(v.generations.map((g) => g.status)).toEqual(['base', 'error', 'evaluating']);
  });

  it('before any event: nothing; from tune_start: the base card with its text', () => {
    expect(reduceTune([]).generations).toEqual([]);
    const started = reduceTune([EVENTS[1]!]);
    expect(started.generations.map((g) => g.cards.map((c) => c.text))).toEqual([
      ['You are a home assistant.'],
    ]);
    expect(started.complete).toBeNull();
  });
});

describe('recordEvents', () => {
  const s = (m: typeof A, x: number) => ({
    [`${m.provider_key}::${m.model_id}`]: { ...score(m, x), complete: true },
  });
  const record: TuneRecord = {
    id: 't1',
    job_id: 'j1',
    suite_id: 's1',
    status: 'completed',
    mode: 'quick',
    base_prompt: 'Base.',
    targets: [A],
    meta_target: { provider_key: 'sandbox', model_id: 'sandbox-judge' },
    config: {
      population_size: 2,
      generations: 1,
      train_case_ids: ['a', 'b'],
      validation_case_ids: ['c'],
      warnings: [],
    },
    best_prompt: 'Better.',
    best_score: 0.75,
    best_candidate_id: 'c1',
    validation_score: 1,
    total_prompts: 2,
    completed_prompts: 3,
    calls_used: 8,
    calls_saved: 2,
    meta_calls: 1,
    cost_usd: 0,
    stop_reason: 'complete',
    eval_run_id: 'e1',
    experiment_id: null,
    error: null,
    created_at: '2026-01-01T00:00:00Z',
    started_at: '2026-01-01T00:00:00Z',
    finished_at: '2026-01-01T00:00:04Z',
    generations: [
      {
        generation: 0,
        status: 'base',
        error: null,
        note: null,
        best_score: 0.5,
        selected: true,
        survivors: ['b0'],
      },
      {
        generation: 1,
        status: 'generated',
        error: null,
        note: null,
        best_score: 0.75,
        selected: true,
        survivors: ['c1'],
      },
    ],
    meta_generations: [
      { id: 'm1', generation: 1, status: 'generated', error: null, note: null, meta_calls: 1 },
    ],
    candidates: [
      {
        id: 'b0',
        generation: 0,
        idx: 0,
        prompt: 'Base.',
        style: 'base',
        parent_ids: [],
        mutation_type: null,
        duplicate_of: null,
        scores: s(A, 0.5),
        validation: s(A, 0.5),
      },
      {
        id: 'c1',
        generation: 1,
        idx: 0,
        prompt: 'Better.',
        style: 'rules',
        parent_ids: [],
        mutation_type: null,
        duplicate_of: null,
        scores: s(A, 0.75),
        validation: s(A, 1),
      },
      {
        id: 'c2',
        generation: 1,
        idx: 1,
        prompt: 'Base.',
        style: 'terse',
        parent_ids: [],
        mutation_type: null,
        duplicate_of: 'b0',
        scores: {},
        validation: {},
      },
    ],
  };
  const view = reduceTune(recordEvents(record));

  it('rebuilds the same cards, survivors and outcome as the stream', () => {
    expect(view.generations.map((g) => g.cards.map((c) => c.id))).toEqual([['b0'], ['c1', 'c2']]);
    expect(view.cards.c1!.survivor).toBe(true);
    expect(view.cards.c1!.parents).toEqual(['b0']);
    expect(view.cards.c2!.mean).toBe(0.5);
    expect(view.cards.c1!.validation['sandbox::sandbox-precise']!.overall_score).toBe(1);
    expect(view.complete).toMatchObject({
      best_score: 0.75,
      best_candidate_id: 'c1',
      validation_score: 1,
      base_score: 0.5,
      base_validation_score: 0.5,
      calls_used: 8,
      calls_saved: 2,
      duration_s: 4,
    });
    expect(view.complete!.per_model).toEqual([{ ...A, best_prompt: 'Better.', score: 0.75 }]);
    expect(view.chart).toEqual([
      { generation: 0, best: 0.5, mean: 0.5 },
      { generation: 1, best: 0.75, mean: 0.75 },
    ]);
  });

  it('shows the stored survivors, and none for a generation not selected yet', () => {
    expect(view.generations[1]!.survivors).toEqual(['c1']);
    expect(view.cards.b0!.text).toBe('Base.');
    const unselected = record.generations.map((g) => (g.generation === 1 ? { ...g, selected: false } : g));
    const running = reduceTune(recordEvents({ ...record, generations: unselected }));
    expect(running.generations[1]!.survivors).toEqual([]);
    expect(running.generations[1]!.status).toBe('evaluating');
  });

  it('a tune without an outcome has no tune_complete', () => {
    const running = reduceTune(
      recordEvents({ ...record, status: 'running', best_prompt: null, best_score: null }),
    );
    expect(running.complete).toBeNull();
  });
});
