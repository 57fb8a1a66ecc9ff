import { describe, expect, it } from 'vitest';
import {
  BAYESIAN_DEFAULT_SHARE,
  DEFAULT_RANDOM_SAMPLES,
  nextSearchStep,
  plannedCalls,
  plannedEvaluations,
  targetCallBudget,
  type BatchItem,
  type DriverCombo,
  type SearchInput,
  type SearchStep,
} from './driver.js';
import { mulberry32 } from './rng.js';
import { halvingSchedule } from './samplers/halving.js';
import { comboKey, gridCombinations, type ExpandedDimension } from './search-space.js';

const axis = Array.from({ length: 11 }, (_, i) => i / 10);
const DIMS: ExpandedDimension[] = [
  { name: 't', values: axis },
  { name: 'p', values: axis },
];
const combosOf = (dims: readonly ExpandedDimension[]): DriverCombo[] =>
  gridCombinations(dims).map((c) => ({ key: comboKey(c), requested: [c] }));
const COMBOS = combosOf(DIMS);

type Scores = Map<string, number[]>;
/** A case's score for a combination (each case's mean over repeats). */
type ScoreFn = (key: string, caseIndex: number) => number;

function input(over: Partial<SearchInput> & Pick<SearchInput, 'strategy'>): SearchInput {
  return { dimensions: DIMS, combos: COMBOS, evaluated: new Map(), cases: 10, repeats: 1, seed: 1, ...over };
}

/** Runs what the tuner would: each item's missing cases, then the driver again, until it is done. */
function simulate(base: SearchInput, score: ScoreFn, evaluated: Scores = new Map()) {
  let calls = 0;
  let evaluations = 0;
  const batches: { items: BatchItem[]; rung: number }[] = [];
  for (let guard = 0; ; guard++) {
    if (guard > 10_000) throw new Error('the driver never finished');
    const step = nextSearchStep({ ...base, evaluated });
    if (step.kind === 'done') return { calls, evaluations, batches, evaluated, done: step };
    expect(step.items.length).toBeGreaterThan(0);
    expect(new Set(step.items.map((i) => i.key)).size).toBe(step.items.length);
    batches.push({ items: step.items, rung: step.rung });
    for (const item of step.items) {
      const have = [...(evaluated.get(item.key) ?? [])];
      // The driver never asks for what is already there; the tuner runs only the missing cases.
      expect(have.length).toBeLessThan(item.cases);
      calls += (item.cases - have.length) * base.repeats;
      for (let c = have.length; c < item.cases; c++) have.push(score(item.key, c));
      evaluated.set(item.key, have);
      evaluations++;
    }
  }
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const bestOf = (evaluated: Scores, cases: number) =>
  Math.max(...[...evaluated.values()].filter((s) => s.length >= cases).map((s) => mean(s.slice(0, cases))));

/** A deterministic per-(combination, case) noise in [0, 1). */
function noise(k: string, c: number, salt = 0): number {
  let h = 2166136261 ^ salt;
  for (const ch of `${k}#${c}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return mulberry32(h).next();
}

/**
 * A smooth landscape with one optimum at t=0.3, p=0.8: a case fails with a probability growing with the
 * distance to it, like the sandbox models' mistakes. Scores are 0/1 per case.
 */
function landscape(salt = 0): ScoreFn {
  return (k, c) => {
    return noise(k, c, salt) < 0.02 + 1.5 * dist(k) ** 2 ? 0 : 1;
  };
}
/** Distance of a combination of DIMS to the landscapes' optimum (0.3, 0.8). */
function dist(k: string): number {
  const cfg = Object.fromEntries(JSON.parse(k) as [string, number][]);
  return Math.hypot((cfg.t ?? 0) - 0.3, (cfg.p ?? 0) - 0.8);
}
const gridMeans = (f: ScoreFn, cases: number) =>
  new Map(COMBOS.map((c) => [c.key, mean(Array.from({ length: cases }, (_, i) => f(c.key, i)))]));

describe('nextSearchStep: grid', () => {
  it('returns every combination on every case, then is done', () => {
    const first = nextSearchStep(input({ strategy: 'grid' }));
    expect(first).toEqual({
      kind: 'evaluate',
      rung: 0,
      items: COMBOS.map((c) => ({ key: c.key, cases: 10 })),
    });
    const run = simulate(input({ strategy: 'grid', repeats: 2 }), () => 1);
    expect(run.batches).toHaveLength(1);
    expect(run.done).toEqual({ kind: 'done', reason: 'complete' });
    expect(run.calls).toBe(121 * 10 * 2);
  });

  it('asks again only for the combinations that are missing cases', () => {
    const evaluated: Scores = new Map(COMBOS.map((c, i) => [c.key, Array<number>(i < 119 ? 10 : 4).fill(1)]));
    evaluated.delete(COMBOS[0]!.key);
    const step = nextSearchStep(input({ strategy: 'grid', evaluated }));
    expect(step).toEqual({
      kind: 'evaluate',
      rung: 0,
      items: [COMBOS[0]!, COMBOS[119]!, COMBOS[120]!].map((c) => ({ key: c.key, cases: 10 })),
    });
  });

  it('stops at max_calls with the combinations that fit, reporting budget', () => {
    // 25 calls: two whole combinations of 10 cases; the third would not fit.
    const run = simulate(input({ strategy: 'grid', max_calls: 25 }), landscape());
    expect(run.done).toEqual({ kind: 'done', reason: 'budget' });
    expect(run.batches.map((b) => b.items.map((i) => i.key))).toEqual([[COMBOS[0]!.key, COMBOS[1]!.key]]);
    expect(run.calls).toBe(20);
    // The best so far is among what was evaluated, all of it complete.
    expect([...run.evaluated.values()].every((s) => s.length === 10)).toBe(true);
    // Already over the budget: nothing more.
    const over = new Map([[COMBOS[5]!.key, Array<number>(10).fill(1)]]);
    expect(nextSearchStep(input({ strategy: 'grid', max_calls: 9, evaluated: over }))).toEqual({
      kind: 'done',
      reason: 'budget',
    });
  });

  it('is complete at once without combinations or cases', () => {
    for (const strategy of ['grid', 'random', 'bayesian', 'halving'] as const) {
      expect(nextSearchStep(input({ strategy, combos: [] }))).toEqual({ kind: 'done', reason: 'complete' });
      expect(nextSearchStep(input({ strategy, cases: 0 }))).toEqual({ kind: 'done', reason: 'complete' });
    }
  });
});

describe('nextSearchStep: random', () => {
  const keysOf = (s: SearchStep) => (s.kind === 'evaluate' ? s.items.map((i) => i.key) : []);

  it('picks n_samples distinct combinations on all cases, the same for the same seed', () => {
    const a = nextSearchStep(input({ strategy: 'random', n_samples: 15, seed: 3 }));
    expect(keysOf(a)).toHaveLength(15);
    expect(new Set(keysOf(a)).size).toBe(15);
    expect(a.kind === 'evaluate' && a.items.every((i) => i.cases === 10)).toBe(true);
    expect(nextSearchStep(input({ strategy: 'random', n_samples: 15, seed: 3 }))).toEqual(a);
    expect(keysOf(nextSearchStep(input({ strategy: 'random', n_samples: 15, seed: 4 })))).not.toEqual(
      keysOf(a),
    );
    expect(keysOf(nextSearchStep(input({ strategy: 'random' })))).toHaveLength(DEFAULT_RANDOM_SAMPLES);
    expect(keysOf(nextSearchStep(input({ strategy: 'random', n_samples: 500 })))).toHaveLength(121);
  });

  it('resumes with exactly the picks not evaluated yet, then is done', () => {
    const first = keysOf(nextSearchStep(input({ strategy: 'random', n_samples: 8, seed: 9 })));
    // A tuner that died after three combinations and in the middle of a fourth.
    const evaluated: Scores = new Map(first.slice(0, 3).map((k) => [k, Array<number>(10).fill(0.5)]));
    evaluated.set(first[3]!, [1, 1]);
    expect(keysOf(nextSearchStep(input({ strategy: 'random', n_samples: 8, seed: 9, evaluated })))).toEqual(
      first.slice(3),
    );
    const run = simulate(input({ strategy: 'random', n_samples: 8, seed: 9 }), landscape(), evaluated);
    expect(run.done).toEqual({ kind: 'done', reason: 'complete' });
    expect([...run.evaluated.keys()].sort()).toEqual([...first].sort());
  });
});

describe('nextSearchStep: bayesian', () => {
  it('stays within the default share of the grid, evaluating each combination once and completely', () => {
    const run = simulate(input({ strategy: 'bayesian', repeats: 2 }), landscape());
    const budget = Math.ceil(121 * 10 * 2 * BAYESIAN_DEFAULT_SHARE);
    expect(targetCallBudget(input({ strategy: 'bayesian', repeats: 2 }))).toBe(budget);
    expect(run.calls).toBeLessThanOrEqual(budget);
    // Whole combinations only, as many as fit: the default share is its planned end, not a cut.
    expect(run.evaluated.size).toBe(Math.floor(budget / 20));
    expect([...run.evaluated.values()].every((s) => s.length === 10)).toBe(true);
    expect(run.evaluations).toBe(run.evaluated.size);
    expect(run.done).toEqual({ kind: 'done', reason: 'complete' });
    expect(run.batches.every((b) => b.items.length <= 4)).toBe(true);
  });

  it('reports budget when max_calls cuts it, and never exceeds it', () => {
    const run = simulate(input({ strategy: 'bayesian', max_calls: 95 }), landscape());
    expect(run.done).toEqual({ kind: 'done', reason: 'budget' });
    expect(run.calls).toBe(90);
  });

  it('is deterministic for a seed and varies with it', () => {
    const a = simulate(input({ strategy: 'bayesian', seed: 5 }), landscape());
    const b = simulate(input({ strategy: 'bayesian', seed: 5 }), landscape());
    const c = simulate(input({ strategy: 'bayesian', seed: 6 }), landscape());
    expect(b.batches).toEqual(a.batches);
    expect(c.batches).not.toEqual(a.batches);
  });

  it('decides the same whatever the order of the cases (equal means stay equal in floating point)', () => {
    // Every combination scores one of three multisets of tenths; only the case order differs.
    const sets = [
      [0.1, 0.7, 0.2, 0.6, 0.3, 0.9, 0.4, 0.8, 0.1, 0.3],
      [0.3, 0.3, 0.6, 0.7, 0.2, 0.9, 0.1, 0.4, 0.8, 0.1],
      [0.9, 0.9, 0.1, 0.2, 0.7, 0.3, 0.6, 0.1, 0.1, 0.4],
    ];
    const which = (k: string) => Math.floor(noise(k, -1) * 3);
    const forward: ScoreFn = (k, c) => sets[which(k)]![c]!;
    const backward: ScoreFn = (k, c) => sets[which(k)]![9 - c]!;
    const a = simulate(input({ strategy: 'bayesian', cases: 10 }), forward);
    const b = simulate(input({ strategy: 'bayesian', cases: 10 }), backward);
    expect(b.batches).toEqual(a.batches);
  });

  it('with the whole grid as budget, evaluates every combination exactly once', () => {
    const run = simulate(input({ strategy: 'bayesian', max_calls: 121 * 10, batch_size: 7 }), landscape());
    expect(run.evaluated.size).toBe(121);
    expect(run.evaluations).toBe(121);
    expect(run.done).toEqual({ kind: 'done', reason: 'complete' });
    expect(run.batches.every((b) => b.items.length <= 7)).toBe(true);
  });

  it('handles combinations that several requested configs collapse into', () => {
    // The provider ignores p: each t is one combination, requested with all 11 values of p.
    const combos: DriverCombo[] = axis.map((t) => ({
      key: comboKey({ t }),
      requested: axis.map((p) => ({ t, p })),
    }));
    const f: ScoreFn = (k, c) => {
      const t = (JSON.parse(k) as [string, number][])[0]![1];
      return noise(k, c) < 0.05 + 2 * (t - 0.7) ** 2 ? 0 : 1;
    };
    const base = input({ strategy: 'bayesian', combos, cases: 20, max_calls: 11 * 20 });
    const run = simulate(base, f);
    // Every combination once (the random start counts combinations, not their 11 requested configs).
    expect(run.evaluations).toBe(11);
    expect([...run.evaluated.keys()].sort()).toEqual(combos.map((c) => c.key).sort());
    // Default budget: ceil(0.35 × 11) combinations' worth of calls → 3 combinations, none twice.
    const short = simulate({ ...base, max_calls: undefined }, f);
    expect(short.evaluations).toBe(3);
    expect(short.evaluated.size).toBe(3);
    // The random start is 8 combinations whatever they score (its 88 requested configs do not end it early).
    const inverse = simulate(base, (k, c) => 1 - f(k, c));
    expect(inverse.batches.slice(0, 2)).toEqual(run.batches.slice(0, 2));
    expect(run.batches.slice(0, 2).flatMap((b) => b.items)).toHaveLength(8);
  });

  it('still searches when proposals fall outside the planned combinations', () => {
    // Dimensions that do not match the combinations' requested configs: nothing TPE proposes maps to one.
    const dimensions: ExpandedDimension[] = [{ name: 'q', values: [1, 2, 3] }];
    const run = simulate(input({ strategy: 'bayesian', dimensions, max_calls: 20 * 10 }), landscape());
    expect(run.evaluated.size).toBe(20);
    expect(run.done).toEqual({ kind: 'done', reason: 'budget' });
  });

  it('finishes a combination an interrupted batch left half-done before proposing more', () => {
    const first = nextSearchStep(input({ strategy: 'bayesian' }));
    if (first.kind !== 'evaluate') throw new Error('expected a batch');
    const [a, b] = first.items;
    const evaluated: Scores = new Map([
      [a!.key, Array<number>(10).fill(1)],
      [b!.key, [1, 0, 1]],
    ]);
    const next = nextSearchStep(input({ strategy: 'bayesian', evaluated }));
    expect(next.kind === 'evaluate' && next.items[0]).toEqual({ key: b!.key, cases: 10 });
    expect(next.kind === 'evaluate' && next.items.map((i) => i.key)).not.toContain(a!.key);
  });

  it('converges toward the optimum of a smooth landscape, better than random search', () => {
    const cases = 20;
    // 1 − distance² to (0.3, 0.8) with a little per-case noise: one optimum, a smooth hill around it.
    const hill =
      (salt: number): ScoreFn =>
      (k, c) =>
        1 - dist(k) ** 2 + (noise(k, c, salt) - 0.5) * 0.02;
    const ranks = { bayesian: [] as number[], random: [] as number[] };
    const distances = { start: [] as number[], end: [] as number[] };
    for (let seed = 1; seed <= 10; seed++) {
      const f = hill(seed);
      const means = [...gridMeans(f, cases).values()];
      const rank = (evaluated: Scores) => means.filter((m) => m > bestOf(evaluated, cases)).length;
      const bayes = simulate(input({ strategy: 'bayesian', cases, seed }), f);
      const random = simulate(input({ strategy: 'random', cases, seed, n_samples: bayes.evaluations }), f);
      ranks.bayesian.push(rank(bayes.evaluated));
      ranks.random.push(rank(random.evaluated));
      const keys = bayes.batches.flatMap((b) => b.items.map((i) => i.key));
      distances.start.push(mean(keys.slice(0, 8).map(dist)));
      distances.end.push(mean(keys.slice(8).map(dist)));
    }
    // TPE's proposals are nearer the optimum than its random start; it finds the optimum (rank 0) in
    // nearly every seed, and ranks better than random search with as many evaluations.
    expect(mean(distances.end)).toBeLessThan(0.75 * mean(distances.start));
    expect(ranks.bayesian.filter((r) => r === 0).length).toBeGreaterThanOrEqual(9);
    expect(mean(ranks.bayesian)).toBeLessThan(mean(ranks.random));
  });
});

describe('nextSearchStep: halving', () => {
  /** 27 combinations along one axis, where a higher index scores better on every case. */
  const line: ExpandedDimension[] = [{ name: 'x', values: Array.from({ length: 27 }, (_, i) => i) }];
  const lineCombos = combosOf(line);
  const x = (k: string) => (JSON.parse(k) as [string, number][])[0]![1];
  const base = (over: Partial<SearchInput> = {}) =>
    input({
      strategy: 'halving',
      dimensions: line,
      combos: lineCombos,
      cases: 27,
      eta: 3,
      min_cases: 1,
      ...over,
    });

  it('walks the rungs: all on a prefix, the best third on more cases, until the full suite', () => {
    // Rung 0 ranks on case 0 only, where the order is reversed: x ≤ 8 look best there.
    const f: ScoreFn = (k, c) => (c === 0 ? 1 - x(k) / 27 : x(k) / 27);
    const run = simulate(base(), f);
    const rungs = run.batches.map((b) => ({
      rung: b.rung,
      cases: b.items[0]!.cases,
      xs: b.items.map((i) => x(i.key)),
    }));
    expect(rungs.map((r) => [r.rung, r.cases, r.xs.length])).toEqual([
      [0, 1, 27],
      [1, 3, 9],
      [2, 9, 3],
      [3, 27, 1],
    ]);
    expect(rungs[1]!.xs.sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    // Rung 1 ranks on cases 0–2: 1 − x/27 + 2x/27 grows with x, so 6, 7, 8 go on.
    expect(rungs[2]!.xs.sort((a, b) => a - b)).toEqual([6, 7, 8]);
    expect(rungs[3]!.xs).toEqual([8]);
    expect(run.done).toEqual({ kind: 'done', reason: 'complete' });
    // Cases are incremental: 27×1 + 9×2 + 3×6 + 1×18.
    expect(run.calls).toBe(27 + 18 + 18 + 18);
    expect(run.evaluated.get(comboKey({ x: 8 }))).toHaveLength(27);
    expect(run.evaluated.get(comboKey({ x: 26 }))).toHaveLength(1);
  });

  it('resumed mid-rung, returns only the missing items', () => {
    const f: ScoreFn = (k) => x(k) / 27;
    const evaluated: Scores = new Map(lineCombos.map((c) => [c.key, [f(c.key, 0)]]));
    // Rung 1 (x = 18…26 on 3 cases) is under way: 18–21 are done, 22 has 2 of its 3 cases.
    for (let i = 18; i <= 21; i++) evaluated.set(comboKey({ x: i }), [i / 27, i / 27, i / 27]);
    evaluated.set(comboKey({ x: 22 }), [22 / 27, 22 / 27]);
    const step = nextSearchStep(base({ evaluated }));
    expect(step.kind).toBe('evaluate');
    if (step.kind !== 'evaluate') return;
    expect(step.rung).toBe(1);
    expect(step.items.map((i) => [x(i.key), i.cases]).sort((a, b) => a[0]! - b[0]!)).toEqual(
      [22, 23, 24, 25, 26].map((i) => [i, 3]),
    );
  });

  it("breaks ties by the neighbours' scores, then by a seeded order, never by key", () => {
    // 9 combinations, 3 cases: rung 0 keeps 3 on case 0. x=2 is best; 0, 4 and 8 tie for two places;
    // 4 sits between good neighbours, 0 and 8 between bad ones.
    const nine: ExpandedDimension[] = [{ name: 'x', values: [0, 1, 2, 3, 4, 5, 6, 7, 8] }];
    const score = [0.8, 0.1, 1, 0.7, 0.8, 0.7, 0.1, 0.1, 0.8];
    const survivors = new Set<string>();
    for (let seed = 1; seed <= 12; seed++) {
      const step = nextSearchStep(
        input({
          strategy: 'halving',
          dimensions: nine,
          combos: combosOf(nine),
          cases: 3,
          eta: 3,
          min_cases: 1,
          seed,
          evaluated: new Map(combosOf(nine).map((c) => [c.key, [score[x(c.key)]!]])),
        }),
      );
      if (step.kind !== 'evaluate') throw new Error('expected rung 1');
      const xs = step.items.map((i) => x(i.key)).sort();
      expect(xs).toContain(2);
      expect(xs).toContain(4);
      survivors.add(xs.join());
    }
    expect([...survivors].sort()).toEqual(['0,2,4', '2,4,8']);
  });

  it('stops at max_calls in the middle of a rung', () => {
    const run = simulate(base({ max_calls: 27 + 10 }), (k) => x(k) / 27);
    expect(run.done).toEqual({ kind: 'done', reason: 'budget' });
    // Rung 0 (27 calls), then 5 of rung 1's 9 combinations at 2 more cases each.
    expect(run.calls).toBe(37);
    expect(run.batches.map((b) => b.items.length)).toEqual([27, 5]);
  });

  it('by default gives the first rung as many cases as 35 % of the grid allows, keeping half per rung', () => {
    const combos = COMBOS; // 121
    const run = simulate(input({ strategy: 'halving', cases: 25 }), landscape());
    expect(run.batches.map((b) => [b.items.length, b.items[0]!.cases])).toEqual([
      [121, 3],
      [60, 6],
      [30, 12],
      [15, 25],
    ]);
    expect(run.calls).toBeLessThanOrEqual(BAYESIAN_DEFAULT_SHARE * combos.length * 25);
    // One more case on the first rung would drop a rung and cost more than that share.
    const wider = halvingSchedule(121, 25, { eta: 2, minCases: 4 });
    let prev = 0;
    const widerCalls = wider.reduce((n, r) => {
      const add = r.combos * (r.cases - prev);
      prev = r.cases;
      return n + add;
    }, 0);
    expect(widerCalls).toBeGreaterThan(BAYESIAN_DEFAULT_SHARE * 121 * 25);
  });
});

describe('plannedEvaluations and plannedCalls', () => {
  const collapsed: DriverCombo[] = axis.map((t) => ({
    key: comboKey({ t }),
    requested: axis.map((p) => ({ t, p })),
  }));
  const cases: [string, SearchInput][] = [
    ['grid', input({ strategy: 'grid' })],
    ['grid, max_calls', input({ strategy: 'grid', max_calls: 333 })],
    ['grid, repeats 3', input({ strategy: 'grid', repeats: 3, cases: 4 })],
    ['random', input({ strategy: 'random' })],
    ['random, n_samples 50, max_calls', input({ strategy: 'random', n_samples: 50, max_calls: 401 })],
    ['random, more samples than combos', input({ strategy: 'random', n_samples: 500, cases: 3 })],
    ['bayesian', input({ strategy: 'bayesian' })],
    ['bayesian, repeats 2, 25 cases', input({ strategy: 'bayesian', repeats: 2, cases: 25 })],
    ['bayesian, max_calls', input({ strategy: 'bayesian', max_calls: 777 })],
    ['bayesian, collapsed', input({ strategy: 'bayesian', combos: collapsed })],
    ['bayesian, 2 combos', input({ strategy: 'bayesian', combos: COMBOS.slice(0, 2) })],
    ['halving', input({ strategy: 'halving', cases: 25 })],
    ['halving, η 3, min 1', input({ strategy: 'halving', cases: 27, eta: 3, min_cases: 1 })],
    ['halving, repeats 2, 7 cases', input({ strategy: 'halving', cases: 7, repeats: 2 })],
    ['halving, collapsed', input({ strategy: 'halving', combos: collapsed })],
    ['halving, 2 combos', input({ strategy: 'halving', combos: COMBOS.slice(0, 2) })],
  ];

  it.each(cases)('%s: match what the loop runs', (_name, base) => {
    const run = simulate(base, landscape(3));
    expect(run.calls).toBe(plannedCalls(base));
    expect(run.evaluations).toBe(plannedEvaluations(base));
    expect(run.calls).toBeLessThanOrEqual(targetCallBudget(base));
  });

  it('are upper bounds when max_calls cuts halving', () => {
    const base = input({ strategy: 'halving', cases: 25, max_calls: 700 });
    const run = simulate(base, landscape(3));
    expect(run.done.reason).toBe('budget');
    expect(run.calls).toBeLessThanOrEqual(plannedCalls(base));
    expect(plannedCalls(base)).toBe(700);
    expect(run.evaluations).toBeLessThanOrEqual(plannedEvaluations(base));
  });

  it('are 0 without combinations', () => {
    for (const strategy of ['grid', 'random', 'bayesian', 'halving'] as const) {
      expect(plannedCalls(input({ strategy, combos: [] }))).toBe(0);
      expect(plannedEvaluations(input({ strategy, combos: [] }))).toBe(0);
    }
  });

  it('default budgets: bayesian a share of the grid (at least one combination), others unlimited', () => {
    expect(targetCallBudget(input({ strategy: 'bayesian' }))).toBe(Math.ceil(1210 * BAYESIAN_DEFAULT_SHARE));
    expect(targetCallBudget(input({ strategy: 'bayesian', combos: COMBOS.slice(0, 2) }))).toBe(10);
    expect(targetCallBudget(input({ strategy: 'bayesian', max_calls: 5 }))).toBe(5);
    for (const strategy of ['grid', 'random', 'halving'] as const) {
      expect(targetCallBudget(input({ strategy }))).toBe(Infinity);
      expect(targetCallBudget(input({ strategy, max_calls: 0 }))).toBe(0);
    }
  });
});
