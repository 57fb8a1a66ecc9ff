import { mulberry32, shuffle } from './rng.js';
import { halvingSchedule, type Rung } from './samplers/halving.js';
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
/**
 * Bayesian without a budget stops at this share of the grid's calls; halving's default schedule is sized
 * to it too (`pnpm bench:search` measures both against the grid).
 */
export const BAYESIAN_DEFAULT_SHARE = 0.35;
/**
 * Bayesian: combinations per batch. Smaller batches adapt sooner, but on the sandbox landscapes 1–2 reach
 * 1 % of the grid's best only slightly more often than 4 (87 % against 85 % of runs); 4 keeps a batch's
 * eval units busy in parallel.
 */
const DEFAULT_BATCH = 4;
/** Bayesian: distinct combinations sampled at random before TPE (densities fitted to fewer are noise). */
const DEFAULT_STARTUP = 8;
/**
 * Halving: keep half per rung. A rung ranks on a few cases whose scores move in steps of 1/cases, so
 * its ranking is noisy, and dropping half rather than two thirds loses the best combination less often.
 * On the sandbox landscapes (121 combinations × 25 cases, 3 models × 12 sandbox seeds × 60 search seeds)
 * η=2 ends within 1 % of the grid's best in 92 % of runs for 30 % of its calls, η=3 in 77 % for 23 %.
 */
const DEFAULT_ETA = 2;
// Independent random streams per use of the seed (the tuner also shuffles the case order with it).
const HALVING_SALT = 0x68616c76;
const STARTUP_SALT = 0x73747274;

/**
 * Mean rounded to 1e-9: the same scores summed in another order can differ in the last bit, and ties
 * (frequent on a few cases) must stay ties, so decisions do not depend on float rounding or case order.
 */
const meanOf = (xs: readonly number[]) =>
  Math.round((xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length)) * 1e9) / 1e9;

/** Cases `key` has been evaluated on. */
function doneCases(input: SearchInput, key: string): number {
  return input.evaluated.get(key)?.length ?? 0;
}

function callsUsed(input: SearchInput): number {
  let n = 0;
  for (const scores of input.evaluated.values()) n += scores.length * input.repeats;
  return n;
}

type BudgetInput = Pick<SearchInput, 'strategy' | 'max_calls' | 'combos' | 'cases' | 'repeats'>;

/**
 * The call budget of a target: explicit, or the strategy's default. Bayesian's default is
 * {@link BAYESIAN_DEFAULT_SHARE} of the grid's calls, and at least one combination's.
 */
export function targetCallBudget(input: BudgetInput): number {
  if (input.max_calls !== undefined) return input.max_calls;
  if (input.strategy === 'bayesian') {
    const one = input.cases * input.repeats;
    const grid = input.combos.length * one;
    return Math.min(grid, Math.max(one, Math.ceil(grid * BAYESIAN_DEFAULT_SHARE)));
  }
  return Infinity;
}

/** Halving options: explicit, or the defaults ({@link defaultMinCases}). */
function halvingOptions(input: Pick<SearchInput, 'combos' | 'cases' | 'eta' | 'min_cases'>): {
  eta: number;
  minCases: number;
} {
  const eta = input.eta ?? DEFAULT_ETA;
  return { eta, minCases: input.min_cases ?? defaultMinCases(input.combos.length, input.cases, eta) };
}

/** LLM calls per repeat of a halving schedule: each rung runs only the cases its survivors lack. */
function halvingCalls(rungs: readonly Rung[]): number {
  let prev = 0;
  let calls = 0;
  for (const r of rungs) {
    calls += r.combos * (r.cases - prev);
    prev = r.cases;
  }
  return calls;
}

/**
 * Halving's default first-rung case count: the largest for which the whole schedule stays within
 * {@link BAYESIAN_DEFAULT_SHARE} of the grid's calls (1 when none does). A first rung of a case or two
 * ranks mostly on noise: with 121 × 25 and η=2, a minimum of 1 gives rungs of 1/3/6/12/25 cases and
 * misses 1 % of the grid's best in 26 % of the runs above, against 8 % for the 3/6/12/25 chosen here.
 * So the first rung gets as many cases as the budget bayesian would spend allows, and the two adaptive
 * strategies cost about the same.
 */
function defaultMinCases(nCombos: number, nCases: number, eta: number): number {
  if (nCombos < 1 || nCases < 1) return 1;
  const cap = BAYESIAN_DEFAULT_SHARE * nCombos * nCases;
  for (let m = nCases; m > 1; m--)
    if (halvingCalls(halvingSchedule(nCombos, nCases, { eta, minCases: m })) <= cap) return m;
  return 1;
}

/** Keeps the prefix of `items` that fits in the remaining call budget. */
function fitBudget(input: SearchInput, items: BatchItem[]): BatchItem[] {
  let left = targetCallBudget(input) - callsUsed(input);
  const kept: BatchItem[] = [];
  for (const item of items) {
    const cost = (item.cases - doneCases(input, item.key)) * input.repeats;
    if (cost > left) break;
    left -= cost;
    kept.push(item);
  }
  return kept;
}

function step(input: SearchInput, items: BatchItem[], rung = 0): SearchStep {
  const todo = items.filter((i) => doneCases(input, i.key) < i.cases);
  if (todo.length === 0) return { kind: 'done', reason: 'complete' };
  const fitted = fitBudget(input, todo);
  // Only a budget the user set is reported as such: bayesian's default share is its planned end.
  if (fitted.length === 0)
    return { kind: 'done', reason: input.max_calls === undefined ? 'complete' : 'budget' };
  return { kind: 'evaluate', items: fitted, rung };
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

const unfinished = (input: SearchInput) => (c: DriverCombo) => doneCases(input, c.key) < input.cases;

/**
 * Bayesian: the first {@link DEFAULT_STARTUP} combinations of a seeded shuffle (counted in distinct
 * combinations, not requested configs), then TPE over the requested (pre-clamp) space, every requested
 * config of a combination sharing its score. Combinations left part-evaluated by an interrupted batch
 * are finished first, so a resume wastes none of their calls.
 */
function bayesian(input: SearchInput): SearchStep {
  const size = Math.max(1, input.batch_size ?? DEFAULT_BATCH);
  const todo = unfinished(input);
  const picked: DriverCombo[] = input.combos.filter((c) => doneCases(input, c.key) > 0 && todo(c));
  const pick = (c: DriverCombo) => {
    if (picked.length < size && todo(c) && !picked.includes(c)) picked.push(c);
  };
  const startup = shuffle(mulberry32(input.seed ^ STARTUP_SALT), input.combos).slice(0, DEFAULT_STARTUP);
  startup.forEach(pick);
  if (picked.length > 0) return step(input, full(input, picked.slice(0, size)));

  const byRequested = new Map<string, DriverCombo>();
  for (const c of input.combos) for (const r of c.requested) byRequested.set(comboKey(r), c);
  const complete = input.combos.filter((c) => !todo(c));
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
  // A proposal outside the planned combinations (dimensions not matching them) is skipped, a bounded
  // number of times; what TPE cannot fill is taken in seeded order, so combinations are never left over.
  for (let attempt = 0; picked.length < size && attempt < size * 4; attempt++) {
    const [proposal] = proposeTpe(input.dimensions, history, 1, rng, { nStartup: 0, pending: seen });
    if (!proposal) break;
    seen.add(comboKey(proposal));
    const combo = byRequested.get(comboKey(proposal));
    if (!combo) continue;
    for (const r of combo.requested) seen.add(comboKey(r));
    pick(combo);
  }
  if (picked.length < size) shuffle(rng, input.combos).forEach(pick);
  return step(input, full(input, picked));
}

/** Index of a config's value in each dimension (-1 when absent). */
function position(dims: readonly ExpandedDimension[], config: Config): number[] {
  return dims.map((d) => d.values.findIndex((v) => v === config[d.name]));
}

/**
 * The axis neighbours of every combination: one step up or down one ordered numeric dimension from one
 * of its requested configs. Categorical dimensions have no order, hence no neighbours.
 */
function neighbours(input: SearchInput): Map<string, string[]> {
  const byPosition = new Map<string, string>();
  for (const c of input.combos)
    for (const r of c.requested) byPosition.set(position(input.dimensions, r).join(','), c.key);
  const ordered = input.dimensions.map((d) => d.values.every((v) => typeof v === 'number'));
  const out = new Map<string, string[]>();
  for (const c of input.combos) {
    const near = new Set<string>();
    for (const r of c.requested) {
      const p = position(input.dimensions, r);
      p.forEach((at, i) => {
        if (!ordered[i] || at < 0) return;
        for (const q of [at - 1, at + 1]) {
          const key = byPosition.get(p.map((x, j) => (j === i ? q : x)).join(','));
          if (key !== undefined && key !== c.key) near.add(key);
        }
      });
    }
    out.set(c.key, [...near]);
  }
  return out;
}

/**
 * Halving: recomputes the rungs from the scores so far and returns the first unfinished one. A rung
 * promotes by mean score on its case prefix; ties (frequent: a few cases score in coarse steps) go to
 * the combination whose neighbours scored better on that prefix (good settings cluster, the assumption
 * TPE's kernel makes too), then to a seeded order: never to the key, which would favour one corner of
 * the space on every tune.
 */
function halving(input: SearchInput): SearchStep {
  if (input.combos.length === 0 || input.cases < 1) return { kind: 'done', reason: 'complete' };
  let alive = shuffle(mulberry32(input.seed ^ HALVING_SALT), input.combos);
  const rungs = halvingSchedule(alive.length, input.cases, halvingOptions(input));
  let near: Map<string, string[]> | undefined;
  for (const [r, rung] of rungs.entries()) {
    const next = step(
      input,
      alive.map((c) => ({ key: c.key, cases: rung.cases })),
      r,
    );
    if (next.kind === 'evaluate' || next.reason === 'budget') return next;
    if (r === rungs.length - 1) break;
    near ??= neighbours(input);
    const prefixMean = (key: string) => {
      const scores = (input.evaluated.get(key) ?? []).slice(0, rung.cases);
      return scores.length === 0 ? undefined : meanOf(scores);
    };
    const ranked = alive.map((c, order) => {
      const around = (near?.get(c.key) ?? []).map(prefixMean).filter((m) => m !== undefined);
      return {
        key: c.key,
        order,
        mean: prefixMean(c.key) ?? -Infinity,
        around: around.length > 0 ? meanOf(around) : -Infinity,
      };
    });
    ranked.sort((a, b) => b.mean - a.mean || b.around - a.around || a.order - b.order);
    const keep = new Set(ranked.slice(0, rung.keep).map((x) => x.key));
    alive = alive.filter((c) => keep.has(c.key));
  }
  return { kind: 'done', reason: 'complete' };
}

/**
 * The next batch of one target's search, computed from the scores so far only. Stateless and seeded:
 * a tuner that crashed and resumes calls it again and gets the same decision, so nothing is redone.
 * A strategy stops with reason `budget` when the next batch would not fit in `max_calls`; bayesian
 * without `max_calls` stops at its default share with reason `complete`.
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

type PlanInput = Pick<
  SearchInput,
  'strategy' | 'combos' | 'cases' | 'repeats' | 'n_samples' | 'max_calls' | 'eta' | 'min_cases'
>;

/**
 * Upper bound of evaluations (combination × rung) the strategy will run, for progress totals.
 */
export function plannedEvaluations(input: PlanInput): number {
  const n = input.combos.length;
  if (n === 0 || input.cases < 1) return 0;
  const budget = targetCallBudget(input);
  const byBudget = Number.isFinite(budget)
    ? Math.floor(budget / Math.max(1, input.cases * input.repeats))
    : n;
  switch (input.strategy) {
    case 'grid':
    case 'bayesian':
      return Math.min(n, byBudget);
    case 'random':
      return Math.min(n, input.n_samples ?? DEFAULT_RANDOM_SAMPLES, byBudget);
    case 'halving':
      return halvingSchedule(n, input.cases, halvingOptions(input)).reduce((s, r) => s + r.combos, 0);
  }
}

/** Upper bound of LLM calls the strategy will make for one target (halving counts only new cases per rung). */
export function plannedCalls(input: PlanInput): number {
  if (input.combos.length === 0 || input.cases < 1) return 0;
  const calls =
    input.strategy === 'halving'
      ? halvingCalls(halvingSchedule(input.combos.length, input.cases, halvingOptions(input))) * input.repeats
      : plannedEvaluations(input) * input.cases * input.repeats;
  return Math.min(calls, targetCallBudget(input));
}
