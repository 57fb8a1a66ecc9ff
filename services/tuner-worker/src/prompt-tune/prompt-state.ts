import { PromptTuneConfig, RunTarget, SuiteSnapshot, targetKey } from '@llmbench/contracts';
import type { PromptTuneCandidate, PromptTuneGeneration, PromptTuneRun } from '@llmbench/db';
import { selectSurvivors, type SuiteBrief } from '@llmbench/tuning';
import type { TunerDeps } from '../deps.js';

export type Phase = 'train' | 'validation';
type ModelScore = { overall_score: number; complete?: boolean };

/** Everything a prompt-tune step needs, read from the database (the single source of truth). */
export interface PromptState {
  tune: PromptTuneRun;
  config: PromptTuneConfig;
  evalRunId: string;
  snapshot: SuiteSnapshot;
  targets: RunTarget[];
  candidates: PromptTuneCandidate[];
  generations: Map<number, PromptTuneGeneration>;
  /** Generations the mode runs (quick: 1). */
  total: number;
}

export async function loadPromptState(deps: TunerDeps, tuneId: string): Promise<PromptState | undefined> {
  const tune = await deps.promptTunes.getById(tuneId);
  if (!tune?.eval_run_id) return undefined;
  const run = await deps.evalRuns.getById(tune.eval_run_id);
  if (!run) return undefined;
  const config = PromptTuneConfig.parse(tune.config);
  return {
    tune,
    config,
    evalRunId: run.id,
    snapshot: SuiteSnapshot.parse(run.suite_snapshot),
    targets: run.targets.map((t) => RunTarget.parse(t)),
    candidates: await deps.promptTunes.listCandidates(tuneId),
    generations: new Map((await deps.promptTunes.listGenerations(tuneId)).map((g) => [g.generation, g])),
    total: config.mode === 'quick' ? 1 : config.generations,
  };
}

/** The unit key a candidate's results on one target and phase are stored under. */
export const promptUnitKey = (candidateId: string, phase: Phase, target: RunTarget) =>
  `prompt:${candidateId}:${phase}:${targetKey(target)}`;

/** A candidate as scored: duplicates stand for the prompt they repeat. */
export function original(state: PromptState, c: PromptTuneCandidate): PromptTuneCandidate {
  return c.duplicate_of ? (state.candidates.find((x) => x.id === c.duplicate_of) ?? c) : c;
}

function column(c: PromptTuneCandidate, phase: Phase) {
  return (phase === 'train' ? c.scores : c.validation) as Record<string, ModelScore | undefined>;
}

/** Targets a candidate still lacks a score for in a phase. */
export function missingTargets(state: PromptState, c: PromptTuneCandidate, phase: Phase): RunTarget[] {
  const scores = column(original(state, c), phase);
  return state.targets.filter((t) => scores[targetKey(t)] === undefined);
}

/** The candidate's score on one target, or null. */
export function targetScore(
  state: PromptState,
  c: PromptTuneCandidate,
  t: RunTarget,
  phase: Phase = 'train',
) {
  return column(original(state, c), phase)[targetKey(t)]?.overall_score ?? null;
}

/** Mean over targets (the `mean` objective); null until every target is scored. */
export function meanScore(state: PromptState, c: PromptTuneCandidate, phase: Phase = 'train'): number | null {
  const xs = state.targets.map((t) => targetScore(state, c, t, phase));
  if (xs.some((x) => x === null)) return null;
  return (xs as number[]).reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
}

export type Survivor = { candidate: PromptTuneCandidate; score: number };

/**
 * Survivors after generation `g`: the best `selection_ratio` of its evaluated prompts — with elitism,
 * the previous survivors compete too. A generation the meta-model gave nothing keeps the survivors.
 */
export function survivorsAfter(state: PromptState, g: number): Survivor[] {
  const base = state.candidates.find((c) => c.generation === 0)!;
  if (g === 0) return [{ candidate: base, score: meanScore(state, base) ?? 0 }];
  const previous = survivorsAfter(state, g - 1);
  const fresh = state.candidates
    .filter((c) => c.generation === g && !c.duplicate_of)
    .flatMap((c) => {
      const score = meanScore(state, c);
      return score === null ? [] : [{ id: c.id, score, candidate: c }];
    });
  if (fresh.length === 0) return previous;
  const pool = [
    ...(state.config.elitism ? previous.map((s) => ({ id: s.candidate.id, ...s })) : []),
    ...fresh,
  ];
  return selectSurvivors(pool, state.config.selection_ratio).map(({ candidate, score }) => ({
    candidate,
    score,
  }));
}

/** The best evaluated candidate overall (first wins ties, so the base prompt wins unless beaten). */
export function bestCandidate(state: PromptState): Survivor {
  let best: Survivor | null = null;
  for (const c of state.candidates) {
    if (c.duplicate_of) continue;
    const score = meanScore(state, c);
    if (score !== null && (best === null || score > best.score)) best = { candidate: c, score };
  }
  return best ?? { candidate: state.candidates[0]!, score: 0 };
}

/** What the meta-model is told about the suite. */
export function suiteBrief(state: PromptState): SuiteBrief {
  const train = new Set(state.config.train_case_ids);
  return {
    tools: state.snapshot.tools.map((t) => ({
      name: t.function.name,
      description: t.function.description ?? '',
      params: Object.keys((t.function.parameters as { properties?: object } | undefined)?.properties ?? {}),
    })),
    scenarios: state.snapshot.cases
      .filter((c) => train.has(c.id))
      .map((c) => ({
        prompt: c.data.prompt,
        expected_tool: Array.isArray(c.data.expected_tool)
          ? (c.data.expected_tool[0] ?? null)
          : c.data.expected_tool,
      })),
  };
}
