/**
 * A tune's results as the views show them, derived purely from its events (live view, replayed on
 * reload) or from its stored history record — both give the same `TuneView`.
 */

export type Config = Record<string, unknown>;
export type Adjustment = {
  param: string;
  action: string;
  reason?: string;
  original?: unknown;
  value?: unknown;
  to?: string;
};

export type CaseResult = {
  case_id: string;
  repeat_index?: number;
  overall_score: number;
  tool_score?: number | null;
  param_score?: number | null;
  passed?: boolean;
  success?: boolean;
  error?: string | null;
  latency_ms?: number | null;
  actual_tool?: unknown;
  actual_params?: unknown;
};

export type ComboRow = {
  combo_id: string;
  combo_index: number;
  provider_key: string;
  model_id: string;
  config: Config;
  requested: Config[];
  adjustments: Adjustment[];
  rung: number;
  complete: boolean;
  overall_score: number;
  ci_low: number | null;
  ci_high: number | null;
  tool_accuracy: number;
  param_accuracy: number | null;
  latency_avg_ms: number | null;
  cases_passed: number;
  cases_total: number;
  calls: number;
  cost_usd: number | null;
  case_results: CaseResult[];
};

export type ModelBest = {
  provider_key: string;
  model_id: string;
  combo_id: string;
  combo_index: number;
  config: Config;
  params: Config;
  overall_score: number;
  ci_low: number | null;
  ci_high: number | null;
  indistinguishable: { combo_id: string; config: Config; overall_score: number }[];
};

export type TuneModel = { provider_key: string; model_id: string; display_name: string; combos: number };

export type TuneView = {
  tuneId: string | null;
  strategy: string | null;
  suiteName: string | null;
  models: TuneModel[];
  cases: number | null;
  repeats: number | null;
  totalCombos: number | null;
  warnings: string[];
  rows: ComboRow[];
  /** Combinations started and not yet reported. */
  running: { combo_id: string; provider_key: string; model: string; config: Config; rung: number }[];
  /** Evaluations done / planned (halving evaluates a combination once per rung). */
  completed: number;
  plannedEvaluations: number | null;
  callsUsed: number;
  bestSoFar: {
    combo_id: string;
    provider_key: string;
    model_id: string;
    config: Config;
    score: number;
  } | null;
  /** Set once the search is over (tune_complete, or a finished history record). */
  best: ModelBest[] | null;
  stopReason: string | null;
  durationS: number | null;
};

type Ev = { type: string } & Record<string, unknown>;

export function emptyTune(): TuneView {
  return {
    tuneId: null,
    strategy: null,
    suiteName: null,
    models: [],
    cases: null,
    repeats: null,
    totalCombos: null,
    warnings: [],
    rows: [],
    running: [],
    completed: 0,
    plannedEvaluations: null,
    callsUsed: 0,
    bestSoFar: null,
    best: null,
    stopReason: null,
    durationS: null,
  };
}

const byIndex = (a: ComboRow, b: ComboRow) =>
  a.provider_key.localeCompare(b.provider_key) ||
  a.model_id.localeCompare(b.model_id) ||
  a.combo_index - b.combo_index;

/** Folds a job's events into the view state (order-independent where the stream may interleave). */
export function reduceTune(events: readonly Ev[]): TuneView {
  const v = emptyTune();
  const rows = new Map<string, ComboRow>();
  const started = new Map<string, TuneView['running'][number]>();
  let bestCompleted = -1;
  for (const e of events) {
    switch (e.type) {
      case 'job_created':
        v.tuneId ??= (e.run_id as string) ?? null;
        break;
      case 'tune_start':
        v.tuneId = e.tune_id as string;
        v.strategy = e.strategy as string;
        v.suiteName = e.suite_name as string;
        v.models = (e.models as TuneModel[]) ?? [];
        v.cases = e.cases as number;
        v.repeats = e.repeats as number;
        v.totalCombos = e.total_combos as number;
        v.plannedEvaluations = (e.planned_evaluations as number) ?? null;
        v.warnings = (e.warnings as string[]) ?? [];
        break;
      case 'combo_start':
        started.set(`${e.combo_id as string}:${e.rung as number}`, {
          combo_id: e.combo_id as string,
          provider_key: e.provider_key as string,
          model: e.model as string,
          config: e.config as Config,
          rung: e.rung as number,
        });
        break;
      case 'combo_result': {
        started.delete(`${e.combo_id as string}:${e.rung as number}`);
        const row = toRow(e);
        const prev = rows.get(row.combo_id);
        // Halving re-reports a combination at higher rungs: keep the furthest one.
        if (!prev || prev.rung <= row.rung) rows.set(row.combo_id, row);
        break;
      }
      case 'tune_progress': {
        const completed = e.completed as number;
        // Progress events of parallel workers can arrive out of order: keep the furthest.
        if (completed >= bestCompleted) {
          bestCompleted = completed;
          v.completed = completed;
          v.callsUsed = Math.max(v.callsUsed, e.calls_used as number);
          v.plannedEvaluations = (e.total as number) ?? v.plannedEvaluations;
          v.bestSoFar = (e.best_so_far as TuneView['bestSoFar']) ?? v.bestSoFar;
        } else v.callsUsed = Math.max(v.callsUsed, e.calls_used as number);
        break;
      }
      case 'tune_complete':
        v.best = (e.best_config as ModelBest[]) ?? [];
        v.stopReason = e.stop_reason as string;
        v.durationS = e.duration_s as number;
        v.callsUsed = e.calls_used as number;
        break;
    }
  }
  v.rows = [...rows.values()].sort(byIndex);
  v.running = [...started.values()].filter(
    (s) => !rows.has(s.combo_id) || rows.get(s.combo_id)!.rung < s.rung,
  );
  return v;
}

function toRow(e: Record<string, unknown>): ComboRow {
  return {
    combo_id: e.combo_id as string,
    combo_index: (e.combo_index as number) ?? 0,
    provider_key: e.provider_key as string,
    model_id: e.model_id as string,
    config: (e.config as Config) ?? {},
    requested: (e.requested as Config[]) ?? [],
    adjustments: (e.adjustments as Adjustment[]) ?? [],
    rung: (e.rung as number) ?? 0,
    complete: e.complete === undefined ? true : Boolean(e.complete),
    overall_score: (e.overall_score as number) ?? 0,
    ci_low: (e.ci_low as number | null) ?? null,
    ci_high: (e.ci_high as number | null) ?? null,
    tool_accuracy: (e.tool_accuracy as number) ?? 0,
    param_accuracy: (e.param_accuracy as number | null) ?? null,
    latency_avg_ms: (e.latency_avg_ms as number | null) ?? null,
    cases_passed: (e.cases_passed as number) ?? 0,
    cases_total: (e.cases_total as number) ?? 0,
    calls: (e.calls as number) ?? 0,
    cost_usd: (e.cost_usd as number | null) ?? null,
    case_results: (e.case_results as CaseResult[]) ?? [],
  };
}

/** The stored record (`GET …/param-tune/history/{id}`), as the API returns it. */
export type TuneRecord = {
  id: string;
  job_id: string | null;
  status: string;
  strategy: string;
  search_space: Record<string, unknown> | null;
  per_model_search_spaces: Record<string, Record<string, unknown>> | null;
  targets: { provider_key: string; model_id: string; display_name?: string }[];
  config: { repeats?: number; warnings?: string[]; seed?: number; tool_choice?: string } & Record<
    string,
    unknown
  >;
  best_config: { best?: ModelBest | null; models?: ModelBest[] } | null;
  best_score: number | null;
  total_combos: number;
  completed_combos: number;
  calls_used: number;
  stop_reason: string | null;
  suite_id: string | null;
  suite_name: string | null;
  error: unknown;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  combos: (Record<string, unknown> & { status: string })[];
  not_evaluated: number;
  cases: { id: string; prompt: string; expected_tool: unknown; expected_params: unknown }[];
};

/** The history record as the same view state the live page derives from events. */
export function fromRecord(r: TuneRecord): TuneView {
  const rows = r.combos
    .filter((c) => c.overall_score !== undefined)
    .map((c) => toRow({ ...c, combo_id: c.id, complete: c.status === 'done' }))
    .sort(byIndex);
  const perModel = new Map<string, number>();
  for (const c of r.combos) {
    const k = `${c.provider_key as string}::${c.model_id as string}`;
    perModel.set(k, (perModel.get(k) ?? 0) + 1);
  }
  const best = r.best_config?.best ?? null;
  const finished = !['queued', 'running'].includes(r.status);
  return {
    tuneId: r.id,
    strategy: r.strategy,
    suiteName: r.suite_name,
    models: r.targets.map((t) => ({
      provider_key: t.provider_key,
      model_id: t.model_id,
      display_name: t.display_name ?? t.model_id,
      combos: perModel.get(`${t.provider_key}::${t.model_id}`) ?? 0,
    })),
    cases: r.cases.length,
    repeats: r.config.repeats ?? null,
    totalCombos: r.combos.length + r.not_evaluated,
    warnings: r.config.warnings ?? [],
    rows,
    running: [],
    completed: r.completed_combos,
    plannedEvaluations: r.total_combos,
    callsUsed: r.calls_used,
    bestSoFar: best
      ? {
          combo_id: best.combo_id,
          provider_key: best.provider_key,
          model_id: best.model_id,
          config: best.config,
          score: best.overall_score,
        }
      : null,
    best: finished ? (r.best_config?.models ?? []) : null,
    stopReason: r.stop_reason,
    durationS:
      r.started_at && r.finished_at
        ? (new Date(r.finished_at).getTime() - new Date(r.started_at).getTime()) / 1000
        : null,
  };
}

/** Every configuration key across the rows, tool_choice last (the table's parameter columns). */
export function paramKeys(rows: readonly { config: Config }[]): string[] {
  const keys = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r.config)) keys.add(k);
  return [...keys].sort((a, b) => (a === 'tool_choice' ? 1 : b === 'tool_choice' ? -1 : a.localeCompare(b)));
}

/** Parameters with more than one value among the rows (the ones worth charting). */
export function variedKeys(rows: readonly { config: Config }[]): string[] {
  return paramKeys(rows).filter((k) => new Set(rows.map((r) => JSON.stringify(r.config[k]))).size > 1);
}

export const showValue = (v: unknown) =>
  v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v);

export function configText(config: Config): string {
  const keys = Object.keys(config);
  return keys.length === 0
    ? '(provider defaults)'
    : keys.map((k) => `${k}=${showValue(config[k])}`).join(', ');
}
