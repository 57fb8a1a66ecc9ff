/** Stored eval runs (`GET /api/tool-eval/history[/id]`) → the same view model as the live view. */
import {
  modelSummaries,
  parseRowKey,
  rowFromStored,
  tkey,
  type Adjustment,
  type CaseRow,
  type LiveBase,
  type ModelSummary,
  type StoredResult,
  type TargetRef,
  type TargetSummary,
} from './model';

export type RunTargetView = TargetRef & {
  display_name: string;
  provider: string;
  base_url: string | null;
  system_prompt: string | null;
  params: Record<string, unknown>;
  prices: { input_per_mtok: number; output_per_mtok: number } | null;
  adjustments: Adjustment[];
};

export type RunListItem = {
  id: string;
  job_id: string | null;
  suite_id: string | null;
  suite_name: string;
  status: string;
  config: Record<string, unknown>;
  targets: RunTargetView[];
  summary: { targets?: { provider_key: string; model_id: string; summary: TargetSummary }[] } | null;
  total_cases: number;
  completed_cases: number;
  error: { code?: string; message?: string } | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
};

export type RunDetail = RunListItem & { results: StoredResult[] };

export function storedSummaries(run: Pick<RunListItem, 'summary'>): Map<string, TargetSummary> {
  return new Map((run.summary?.targets ?? []).map((t) => [tkey(t), t.summary]));
}

/** Runs per model as planned: `total_cases` is the number of cases (the subset, when one was picked). */
export function expectedRunsPerModel(run: Pick<RunListItem, 'total_cases' | 'config'>): number | null {
  return run.total_cases > 0 ? run.total_cases * repeatsOf(run) : null;
}

/** Every result the run plans: cases × models × repeats. */
export function expectedResults(run: Pick<RunListItem, 'total_cases' | 'config' | 'targets'>): number {
  return run.total_cases * repeatsOf(run) * run.targets.length;
}

export const repeatsOf = (run: Pick<RunListItem, 'config'>) => Number(run.config?.repeats ?? 1) || 1;

/** The live view's starting point from a stored run (used when the job's event log was trimmed). */
export function liveBase(run: RunDetail): LiveBase {
  return {
    run_id: run.id,
    suite_id: run.suite_id,
    suite_name: run.suite_name,
    targets: run.targets.map((t) => ({ provider_key: t.provider_key, model_id: t.model_id })),
    total_cases: run.total_cases,
    repeats: repeatsOf(run),
    rows: run.results.map(rowFromStored),
  };
}

export function runView(run: RunDetail): {
  rows: CaseRow[];
  lines: ModelSummary[];
  repeats: number;
} {
  const rows = run.results.map(rowFromStored);
  const prices = new Map(run.targets.map((t) => [tkey(t), t.prices]));
  const lines = modelSummaries(run.targets, rows, storedSummaries(run), expectedRunsPerModel(run), prices);
  const repeats = repeatsOf(run);
  return { rows, lines, repeats };
}

/** The stored result a drill-down id names: a result id, or a `provider::model::case::repeat` key. */
export function findResult(results: readonly StoredResult[], id: string): StoredResult | undefined {
  const byId = results.find((r) => r.id === id);
  if (byId) return byId;
  const k = parseRowKey(id);
  if (!k) return undefined;
  return results.find(
    (r) =>
      r.provider_key === k.provider_key &&
      r.model_id === k.model_id &&
      r.case_id === k.case_id &&
      r.repeat_index === k.repeat_index,
  );
}

/** Overall per model for the history list: the stored summary (null while it has none). */
export function overallPerModel(run: RunListItem): { target: RunTargetView; overall: number | null }[] {
  const stored = storedSummaries(run);
  return run.targets.map((t) => ({ target: t, overall: stored.get(tkey(t))?.overall ?? null }));
}

export function durationS(run: Pick<RunListItem, 'started_at' | 'finished_at'>): number | null {
  if (!run.started_at || !run.finished_at) return null;
  return (new Date(run.finished_at).getTime() - new Date(run.started_at).getTime()) / 1000;
}
