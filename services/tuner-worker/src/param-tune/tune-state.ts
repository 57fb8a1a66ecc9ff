import { ParamTuneConfig, RunTarget, SuiteSnapshot, targetKey } from '@llmbench/contracts';
import type { ParamTuneCombo, ParamTuneRun } from '@llmbench/db';
import {
  caseScoresByUnit,
  nextSearchStep,
  parseSearchSpace,
  perTargetCalls,
  type BatchItem,
  type Config,
  type SearchInput,
  type SearchStep,
} from '@llmbench/tuning';
import type { TunerDeps } from '../deps.js';

/** The unit key a combination's results are stored under. */
export const comboUnitKey = (comboId: string) => `combo:${comboId}`;

export interface TargetState {
  target: RunTarget;
  combos: ParamTuneCombo[];
  input: SearchInput;
}

/** Everything a search step needs, read from the database (the single source of truth). */
export interface TuneState {
  tune: ParamTuneRun;
  config: ParamTuneConfig;
  evalRunId: string;
  snapshot: SuiteSnapshot;
  targets: TargetState[];
  /** Per-case scores (case order prefix) by combination id. */
  scores: Map<string, number[]>;
}

export async function loadTuneState(deps: TunerDeps, tuneId: string): Promise<TuneState | undefined> {
  const tune = await deps.paramTunes.getById(tuneId);
  if (!tune?.eval_run_id) return undefined;
  const run = await deps.evalRuns.getById(tune.eval_run_id);
  if (!run) return undefined;
  const config = ParamTuneConfig.parse(tune.config);
  const snapshot = SuiteSnapshot.parse(run.suite_snapshot);
  const combos = await deps.paramTunes.listCombos(tuneId);
  const byUnit = caseScoresByUnit(await deps.evalRuns.listScores(run.id), config.case_order, config.repeats);
  const scores = new Map(combos.map((c) => [c.id, byUnit.get(comboUnitKey(c.id)) ?? []]));
  const perModel = (tune.per_model_search_spaces ?? {}) as Record<string, unknown>;
  const runTargets = run.targets.map((t) => RunTarget.parse(t));
  const targets = runTargets.map((target): TargetState => {
    const mine = combos.filter(
      (c) => c.provider_key === target.provider_key && c.model_id === target.model_id,
    );
    const space = perModel[targetKey(target)] ?? tune.search_space;
    return {
      target,
      combos: mine,
      input: {
        strategy: config.strategy,
        dimensions: parseSearchSpace(space).dimensions,
        combos: mine.map((c) => ({ key: c.id, requested: c.requested as Config[] })),
        evaluated: new Map(mine.map((c) => [c.id, scores.get(c.id) ?? []])),
        cases: config.case_order.length,
        repeats: config.repeats,
        seed: config.seed,
        n_samples: config.n_samples ?? undefined,
        max_calls: perTargetCalls(config.budget?.max_calls, runTargets.length),
      },
    };
  });
  return { tune, config, evalRunId: run.id, snapshot, targets, scores };
}

/** The next step of every target's search (targets are searched independently, batches run together). */
export function nextSteps(state: TuneState): { target: TargetState; step: SearchStep }[] {
  return state.targets.map((t) => ({ target: t, step: nextSearchStep(t.input) }));
}

export type Dispatch = { target: TargetState; combo: ParamTuneCombo; item: BatchItem; rung: number };
