import { mulberry32, shuffle } from './rng.js';
import { halvingSchedule, promote } from './samplers/halving.js';
import { sampleRandom } from './samplers/random.js';
import { proposeTpe, type Observation } from './samplers/tpe.js';
import { comboKey, type Config, type ExpandedDimension } from './search-space.js';
import type { Strategy } from './plan.js';

/** A planned combination as the driver sees it: its key and the requested configs collapsing into it. */
export interface DriverCombo {
  key: string;
  requested: readonly Config[];
}

/** One item of a batch: evaluate combination `key` on the first `cases` cases of the fixed case order. */
export interface BatchItem {
  key: string;
  cases: number;
}

/** What the driver decides next. */
export type SearchStep =
  { kind: 'evaluate'; items: BatchItem[]; rung: number } | { kind: 'done'; reason: 'complete' | 'budget' };

export interface SearchInput {
  strategy: Strategy;
  /** The expanded search space (bayesian proposes in it). */
  dimensions: readonly ExpandedDimension[];
  /** Every planned combination, in plan order. */
  combos: readonly DriverCombo[];
  /** Per-case scores so far by combo key, in case order (each a case's mean over repeats). */
  evaluated: ReadonlyMap<string, readonly number[]>;
  cases: number;
  repeats: number;
  seed: number;
  /** Random: how many combinations to sample. */
  n_samples?: number | undefined;
  /** LLM calls this target may use (undefined = strategy default). */
  max_calls?: number | undefined;
  /** Bayesian: combinations proposed per batch. */
  batch_size?: number | undefined;
  /** Halving: reduction factor and first-rung case count. */
  eta?: number | undefined;
  min_cases?: number | undefined;
}

export const DEFAULT_RANDOM_SAMPLES = 20;
/** Bayesian without a budget stops at this share of the grid's calls (the bench shows it is enough). */
export const BAYESIAN_DEFAULT_SHARE = 0.35;
const DEFAULT_BATCH = 4;
const DEFAULT_STARTUP = 8;
const DEFAULT_ETA = 3;

export const KNOBS: Record<string, number> =
  (globalThis as unknown as { __knobs?: Record<string, number> }).__knobs ?? {};
const meanOf = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);

/** Cases `key` has been evaluated on. */
function doneCases(input: SearchInput, key: string): number {
  return input.evaluated.get(key)?.length ?? 0;
}

function callsUsed(input: SearchInput): number {
  let n = 0;
  for (const scores of input.evaluated.values()) n += scores.length * input.repeats;
  return n;
}

/** The call budget of a target: explicit, or the strategy's default. */
export function targetCallBudget(
  input: Pick<SearchInput, 'strategy' | 'max_calls' | 'combos' | 'cases' | 'repeats'>,
) {
  if (input.max_calls !== undefined) return input.max_calls;
  if (input.strategy === 'bayesian')
    return Math.ceil(input.combos.length * input.cases * input.repeats * BAYESIAN_DEFAULT_SHARE);
  return Infinity;
}

/** Keeps the prefix of `items` that fits in the remaining call budget. */
function fitBudget(input: SearchInput, items: BatchItem[]): { items: BatchItem[]; cut: boolean } {
  let left = targetCallBudget(input) - callsUsed(input);
  const kept: BatchItem[] = [];
  for (const item of items) {
    const cost = (item.cases - doneCases(input, item.key)) * input.repeats;
    if (cost > left) return { items: kept, cut: true };
    left -= cost;
    kept.push(item);
  }
  return { items: kept, cut: false };
}

function step(input: SearchInput, items: BatchItem[], rung = 0): SearchStep {
  const todo = items.filter((i) => doneCases(input, i.key) < i.cases);
  if (todo.length === 0) return { kind: 'done', reason: 'complete' };
  const fitted = fitBudget(input, todo);
  if (fitted.items.length === 0) return { kind: 'done', reason: 'budget' };
  return { kind: 'evaluate', items: fitted.items, rung };
}

function full(input: SearchInput, combos: readonly DriverCombo[]): BatchItem[] {
  return combos.map((c) => ({ key: c.key, cases: input.cases }));
}

function randomPick(input: SearchInput): DriverCombo[] {
  const n = input.n_samples ?? DEFAULT_RANDOM_SAMPLES;
  const byKey = new Map(input.combos.map((c) => [c.key, c]));
  // Sampled by key, so the same seed picks the same combinations on every resume.
  const keys = sampleRandom(
    input.combos.map((c) => ({ key: c.key })),
    Math.min(n, input.combos.length),
    mulberry32(input.seed),
  );
  return keys.map((k) => byKey.get(String(k.key))!);
}

/** Combos with some but not all cases: a batch interrupted by a crash; they are finished first. */
function partialCombos(input: SearchInput): DriverCombo[] {
  return input.combos.filter((c) => {
    const n = doneCases(input, c.key);
    return n > 0 && n < input.cases;
  });
}

/**
 * Bayesian: a seeded random start (nStartup distinct combos), then TPE over the requested (pre-clamp)
 * space, every requested config of a combo sharing its score.
 */
function bayesian(input: SearchInput): SearchStep {
  const size = Math.max(1, input.batch_size ?? KNOBS.batch ?? DEFAULT_BATCH);
  const picked = partialCombos(input).slice(0, size);
  const complete = input.combos.filter((c) => doneCases(input, c.key) >= input.cases);
  const startup = shuffle(mulberry32(input.seed), input.combos).slice(0, KNOBS.startup ?? DEFAULT_STARTUP);
  for (const c of startup)
    if (picked.length < size && doneCases(input, c.key) < input.cases && !picked.includes(c)) picked.push(c);
  if (picked.length > 0) return step(input, full(input, picked));

  const byRequested = new Map<string, DriverCombo>();
  for (const c of input.combos) for (const r of c.requested) byRequested.set(comboKey(r), c);
  const history: Observation[] = [];
  const seen = new Set<string>();
  for (const c of complete) {
    const score = meanOf((input.evaluated.get(c.key) ?? []).slice(0, input.cases));
    for (const r of c.requested) {
      history.push({ config: r, score });
      seen.add(comboKey(r));
    }
  }
  const rng = mulberry32(input.seed * 7919 + complete.length);
  // A proposal outside the planned combos (dimensions not matching them) is skipped, a bounded number of times.
  for (let attempt = 0; picked.length < size && attempt < size * 4; attempt++) {
    const [proposal] = proposeTpe(input.dimensions, history, 1, rng, {
      nStartup: 0,
      pending: seen,
      gamma: KNOBS.gamma,
      nCandidates: KNOBS.cand,
    });
    if (!proposal) break;
    const combo = byRequested.get(comboKey(proposal));
    seen.add(comboKey(proposal));
    if (!combo) continue;
    for (const r of combo.requested) seen.add(comboKey(r));
    if (!picked.includes(combo) && doneCases(input, combo.key) < input.cases) picked.push(combo);
  }
  // Whatever TPE could not propose is filled in seeded order, so the search never ends with combos left.
  for (const c of shuffle(rng, input.combos))
    if (picked.length < size && doneCases(input, c.key) < input.cases && !picked.includes(c)) picked.push(c);
  return step(input, full(input, picked));
}

/** Axis neighbours of every combo: one step up or down one ordered numeric dimension of a requested config. */
function neighbours(input: SearchInput): Map<string, string[]> {
  const byPos = new Map<string, string>();
  const pos = (c: Config) =>
    JSON.stringify(input.dimensions.map((d) => d.values.findIndex((v) => v === c[d.name])));
  for (const c of input.combos) for (const r of c.requested) byPos.set(pos(r), c.key);
  const out = new Map<string, string[]>();
  for (const c of input.combos) {
    const near = new Set<string>();
    for (const r of c.requested) {
      const p = JSON.parse(pos(r)) as number[];
      input.dimensions.forEach((d, i) => {
        if (!d.values.every((v) => typeof v === 'number')) return;
        for (const delta of [-1, 1]) {
          const q = [...p];
          q[i] = (q[i] ?? 0) + delta;
          const k = byPos.get(JSON.stringify(q));
          if (k !== undefined && k !== c.key) near.add(k);
        }
      });
    }
    out.set(c.key, [...near]);
  }
  return out;
}

/** Halving: recomputes the rungs from the scores so far and returns the first unfinished one. */
function halving(input: SearchInput): SearchStep {
  let alive = shuffle(mulberry32(input.seed), input.combos);
  const rungs = halvingSchedule(alive.length, input.cases, {
    eta: input.eta ?? KNOBS.eta ?? DEFAULT_ETA,
    minCases: input.min_cases ?? KNOBS.minCases ?? 1,
  });
  const near = KNOBS.nb ? neighbours(input) : new Map<string, string[]>();
  for (const [r, rung] of rungs.entries()) {
    const items = alive.map((c) => ({ key: c.key, cases: rung.cases }));
    const next = step(input, items, r);
    if (next.kind === 'evaluate' || next.reason === 'budget') return next;
    const prefix = (key: string) => {
      const s = (input.evaluated.get(key) ?? []).slice(0, rung.cases);
      return s.length === 0 ? NaN : meanOf(s);
    };
    const ranked = alive.map((c, i) => {
      const nbs = (near.get(c.key) ?? []).map(prefix).filter((x) => !Number.isNaN(x));
      const own = prefix(c.key);
      const nb = nbs.length ? meanOf(nbs) : -Infinity;
      const k = KNOBS.pool ?? 0;
      const n = Math.min(rung.cases, input.evaluated.get(c.key)?.length ?? 0);
      return { key: c.key, i, mean: k && nbs.length ? (n * own + k * nb) / (n + k) : own, nb };
    });
    ranked.sort(
      (a, b) =>
        b.mean - a.mean ||
        (KNOBS.nb ? b.nb - a.nb : 0) ||
        (KNOBS.keytie ? (a.key < b.key ? -1 : 1) : a.i - b.i),
    );
    const keep = new Set(ranked.slice(0, rung.keep).map((x) => x.key));
    alive = alive.filter((c) => keep.has(c.key));
  }
  return { kind: 'done', reason: 'complete' };
}

/**
 * The next batch of one target's search, computed from the scores so far only. Stateless and seeded:
 * a tuner that crashed and resumes calls it again and gets the same decision, so nothing is redone.
 * Every strategy stops with reason `budget` when the next batch would not fit in the call budget.
 */
export function nextSearchStep(input: SearchInput): SearchStep {
  switch (input.strategy) {
    case 'grid':
      return step(input, full(input, input.combos));
    case 'random':
      return step(input, full(input, randomPick(input)));
    case 'bayesian':
      return bayesian(input);
    case 'halving':
      return halving(input);
  }
}

/**
 * Upper bound of evaluations (combination × rung) the strategy will run, for progress totals.
 */
export function plannedEvaluations(
  input: Pick<
    SearchInput,
    'strategy' | 'combos' | 'cases' | 'repeats' | 'n_samples' | 'max_calls' | 'eta' | 'min_cases'
  >,
): number {
  const n = input.combos.length;
  const budget = targetCallBudget(input);
  const byBudget = Number.isFinite(budget)
    ? Math.floor(budget / Math.max(1, input.cases * input.repeats))
    : n;
  switch (input.strategy) {
    case 'grid':
      return Math.min(n, byBudget);
    case 'random':
      return Math.min(n, input.n_samples ?? DEFAULT_RANDOM_SAMPLES, byBudget);
    case 'bayesian':
      return Math.max(1, Math.min(n, byBudget));
    case 'halving':
      return n === 0
        ? 0
        : halvingSchedule(n, input.cases, {
            eta: input.eta ?? DEFAULT_ETA,
            minCases: input.min_cases ?? 1,
          }).reduce((s, r) => s + r.combos, 0);
  }
}

/** Upper bound of LLM calls the strategy will make for one target (halving counts only new cases per rung). */
export function plannedCalls(
  input: Pick<
    SearchInput,
    'strategy' | 'combos' | 'cases' | 'repeats' | 'n_samples' | 'max_calls' | 'eta' | 'min_cases'
  >,
): number {
  if (input.combos.length === 0) return 0;
  let calls: number;
  if (input.strategy === 'halving') {
    let prev = 0;
    calls = 0;
    for (const r of halvingSchedule(input.combos.length, input.cases, {
      eta: input.eta ?? DEFAULT_ETA,
      minCases: input.min_cases ?? 1,
    })) {
      calls += r.combos * (r.cases - prev) * input.repeats;
      prev = r.cases;
    }
  } else calls = plannedEvaluations(input) * input.cases * input.repeats;
  return Math.min(calls, targetCallBudget(input));
}
