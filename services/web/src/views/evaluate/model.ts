/**
 * The evaluate area's view model: pure functions from job events or stored history to what the
 * views show. Live and history feed the SAME functions, so both show the same numbers.
 */
import { mean } from '@llmbench/eval-core/stats';
import { summarizeOutcomes, type SummaryInput, type TokenPrices } from '@llmbench/eval-core/summary';

/** One case's score as the worker stores and streams it. */
export type CaseScore = SummaryInput['score'];
export type ExpectedTool = CaseScore['expected_tool'];
export type ParamDetail = CaseScore['param_details'][number];

export type Usage = SummaryInput['usage'];

/** One run of one case for one model: the row of the per-case table. */
export type CaseRow = {
  /** `provider::model::case::repeat`, unique within a run. */
  key: string;
  /** The stored result's id (history only). */
  result_id: string | null;
  provider_key: string;
  model_id: string;
  case_id: string;
  repeat_index: number;
  score: CaseScore;
  latency_ms: number;
  usage: Usage;
  adjustments: Adjustment[];
};

export type Adjustment = { param: string; action: string; reason: string; [k: string]: unknown };

/** The per-target summary, as eval-core computes (and the server stores) it. */
export type TargetSummary = ReturnType<typeof summarizeOutcomes>;

export type TargetRef = { provider_key: string; model_id: string; display_name?: string };

export const tkey = (t: { provider_key: string; model_id: string }) => `${t.provider_key}::${t.model_id}`;

export const rowKeyOf = (r: {
  provider_key: string;
  model_id: string;
  case_id: string;
  repeat_index: number;
}) => `${r.provider_key}::${r.model_id}::${r.case_id}::${r.repeat_index}`;

const asNumber = (v: unknown, fallback = 0) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

function usageOf(v: unknown): Usage {
  if (!v || typeof v !== 'object') return null;
  const u = v as Record<string, unknown>;
  return { prompt_tokens: asNumber(u.prompt_tokens), completion_tokens: asNumber(u.completion_tokens) };
}

/** A `tool_eval_result` event (light outcome + score fields + adjustments) as a row. */
export function rowFromEvent(ev: Record<string, unknown>): CaseRow {
  const score = (ev.score as CaseScore | undefined) ?? (ev as unknown as CaseScore);
  const r = {
    provider_key: String(ev.provider_key),
    model_id: String(ev.model_id),
    case_id: String(ev.case_id),
    repeat_index: asNumber(ev.repeat_index),
  };
  return {
    ...r,
    key: rowKeyOf(r),
    result_id: null,
    score,
    latency_ms: asNumber(ev.latency_ms),
    usage: usageOf(ev.usage),
    adjustments: (ev.adjustments as Adjustment[] | undefined) ?? [],
  };
}

/** A stored result (`GET /api/tool-eval/history/{id}` → results[]) as a row. */
export type StoredResult = {
  id: string;
  provider_key: string;
  model_id: string;
  case_id: string;
  repeat_index: number;
  latency_ms: number | null;
  detail: Record<string, unknown> & { score: CaseScore };
  [k: string]: unknown;
};

export function rowFromStored(res: StoredResult): CaseRow {
  const d = res.detail;
  const r = {
    provider_key: res.provider_key,
    model_id: res.model_id,
    case_id: res.case_id,
    repeat_index: res.repeat_index,
  };
  return {
    ...r,
    key: rowKeyOf(r),
    result_id: res.id,
    score: d.score,
    latency_ms: asNumber(d.latency_ms, res.latency_ms ?? 0),
    usage: usageOf(d.usage),
    adjustments: (d.adjustments as Adjustment[] | undefined) ?? [],
  };
}

// ---------------------------------------------------------------------------------------------
// Summary: while a run is going the views show eval-core's own summary of the rows so far (the
// server's ONE summary function, bundled); finished runs show the server's stored summary.

export const errorCount = (s: TargetSummary) =>
  Object.values(s.errors_by_category ?? {}).reduce((a, b) => a + (typeof b === 'number' ? b : 0), 0);

/** One model's line of the summary table. */
export type ModelSummary = {
  target: TargetRef;
  summary: TargetSummary;
  /** The server's stored summary (final), or computed here from the rows so far (provisional). */
  final: boolean;
  /** Runs expected for this model (cases × repeats), when known. */
  expected_runs: number | null;
};

/**
 * The summary lines: the server's summary per target where it has one, else computed from the
 * rows (while a run is going, or for a run that ended without summaries).
 */
export function modelSummaries(
  targets: readonly TargetRef[],
  rows: readonly CaseRow[],
  stored: ReadonlyMap<string, TargetSummary>,
  expectedRuns: number | null,
  prices: ReadonlyMap<string, TokenPrices | null> = new Map(),
): ModelSummary[] {
  return targets.map((t) => {
    const k = tkey(t);
    const server = stored.get(k);
    return {
      target: t,
      summary:
        server ??
        summarizeOutcomes(
          rows.filter((r) => tkey(r) === k),
          { prices: prices.get(k) ?? null },
        ),
      final: !!server,
      expected_runs: expectedRuns,
    };
  });
}

/** The key of the best model by overall score (ties: higher pass rate), or null with < 2 models. */
export function bestModel(lines: readonly ModelSummary[]): string | null {
  if (lines.length < 2) return null;
  const withRuns = lines.filter((l) => l.summary.runs > 0);
  if (withRuns.length === 0) return null;
  const best = [...withRuns].sort(
    (a, b) => b.summary.overall - a.summary.overall || b.summary.pass_rate - a.summary.pass_rate,
  )[0];
  return best ? tkey(best.target) : null;
}

// ---------------------------------------------------------------------------------------------
// Live: the whole view state from the job's event list.

export type JudgeVerdict = {
  case_id: string;
  provider_key: string;
  model_id: string;
  judge: string;
  verdict: string | null;
  quality_score: number | null;
  summary?: string;
  error: string | null;
};

export type LiveState = {
  run_id: string | null;
  suite_id: string | null;
  suite_name: string | null;
  targets: TargetRef[];
  total_cases: number | null;
  repeats: number;
  total: number | null;
  current: number;
  rows: CaseRow[];
  /** Results received more than once (a recovered unit re-announcing): dropped. */
  duplicates: number;
  stored: Map<string, TargetSummary>;
  verdicts: Map<string, JudgeVerdict[]>;
  judge_job: { job_id: string; report_id: string } | null;
  complete: boolean;
  warnings: string[];
};

type Ev = { type: string; [k: string]: unknown };

/** What the stored run knows: the start when the job's event log was trimmed (a very long run). */
export type LiveBase = Pick<
  LiveState,
  'run_id' | 'suite_id' | 'suite_name' | 'targets' | 'total_cases' | 'repeats' | 'rows'
>;

/**
 * Everything the live view shows, from the job's events (replayed or live, same result), on top
 * of the stored run's results when the oldest events are no longer in the log.
 */
export function deriveLive(events: readonly Ev[], base?: LiveBase): LiveState {
  const s: LiveState = {
    run_id: null,
    suite_id: null,
    suite_name: null,
    targets: [],
    total_cases: null,
    repeats: 1,
    total: null,
    current: 0,
    rows: [],
    duplicates: 0,
    stored: new Map(),
    verdicts: new Map(),
    judge_job: null,
    complete: false,
    warnings: [],
  };
  const index = new Map<string, number>();
  if (base) {
    Object.assign(s, { ...base, rows: [...base.rows], targets: [...base.targets] });
    s.total = base.total_cases === null ? null : base.total_cases * base.repeats * base.targets.length;
    base.rows.forEach((r, i) => index.set(r.key, i));
  }
  for (const e of events) {
    switch (e.type) {
      case 'job_created':
        s.run_id ??= (e.run_id as string | undefined) ?? null;
        break;
      case 'tool_eval_init':
        s.run_id = String(e.run_id);
        s.suite_id = (e.suite_id as string | null) ?? null;
        s.suite_name = String(e.suite_name);
        s.targets = (e.targets as TargetRef[]) ?? [];
        s.total_cases = asNumber(e.total_cases);
        s.repeats = asNumber(e.repeats, 1);
        s.total = asNumber(e.total);
        break;
      case 'tool_eval_progress':
        s.current = Math.max(s.current, asNumber(e.current));
        s.total ??= asNumber(e.total);
        break;
      case 'tool_eval_result': {
        const row = rowFromEvent(e);
        const at = index.get(row.key);
        if (at === undefined) {
          index.set(row.key, s.rows.length);
          s.rows.push(row);
        } else {
          // Already known: from the stored run (the log and the rows overlap), or re-announced.
          if (!base || at >= base.rows.length) s.duplicates += 1;
          s.rows[at] = row;
        }
        break;
      }
      case 'tool_eval_summary':
        s.stored.set(tkey(e as unknown as TargetRef), e.summary as TargetSummary);
        break;
      case 'tool_eval_complete':
        s.complete = true;
        for (const x of (e.summaries as {
          provider_key: string;
          model_id: string;
          summary: TargetSummary;
        }[]) ?? [])
          s.stored.set(tkey(x), x.summary);
        s.judge_job = (e.judge as LiveState['judge_job']) ?? null;
        break;
      case 'judge_verdict': {
        const v = e as unknown as JudgeVerdict;
        const k = `${tkey(v)}::${v.case_id}`;
        s.verdicts.set(k, [...(s.verdicts.get(k) ?? []), v]);
        break;
      }
      case 'job_warning':
        s.warnings.push(String(e.detail));
        break;
      default:
        break;
    }
  }
  // A target the init did not name (should not happen) still gets a line.
  const known = new Set(s.targets.map(tkey));
  for (const r of s.rows)
    if (!known.has(tkey(r))) {
      known.add(tkey(r));
      s.targets.push({ provider_key: r.provider_key, model_id: r.model_id });
    }
  s.current = Math.max(s.current, s.rows.length);
  return s;
}

// ---------------------------------------------------------------------------------------------
// Per-case table helpers.

export type CaseFilter = {
  model: string;
  failedOnly: boolean;
  text: string;
  category: string;
  /** Case × model grid instead of the table. */
  grid?: boolean;
};

export function filterRows(
  rows: readonly CaseRow[],
  f: CaseFilter,
  label: (caseId: string) => string = () => '',
): CaseRow[] {
  const q = f.text.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (!f.model || tkey(r) === f.model) &&
      (!f.failedOnly || !r.score.passed) &&
      (!f.category || (r.score.category ?? 'uncategorized') === f.category) &&
      (!q ||
        label(r.case_id).toLowerCase().includes(q) ||
        String(r.score.actual_tool ?? '')
          .toLowerCase()
          .includes(q) ||
        expectedToolText(r.score.expected_tool).toLowerCase().includes(q)),
  );
}

export function expectedToolText(t: ExpectedTool): string {
  if (t === null) return '(no tool)';
  return Array.isArray(t) ? t.join(' | ') : t;
}

export function toolMatches(r: CaseRow): boolean {
  return r.score.tool_score >= 1;
}

/** Categories present in the rows, sorted. */
export function categoriesOf(rows: readonly CaseRow[]): string[] {
  return [...new Set(rows.map((r) => r.score.category ?? 'uncategorized'))].sort();
}

/** category × model → overall, from each model's summary (the heatmap). */
export function categoryMatrix(lines: readonly ModelSummary[]): {
  categories: string[];
  cells: Map<string, { overall: number; pass_rate: number; cases: number }>;
} {
  const cats = new Set<string>();
  const cells = new Map<string, { overall: number; pass_rate: number; cases: number }>();
  for (const l of lines)
    for (const [cat, v] of Object.entries(l.summary.category_breakdown ?? {})) {
      cats.add(cat);
      cells.set(`${cat}|${tkey(l.target)}`, { overall: v.overall, pass_rate: v.pass_rate, cases: v.cases });
    }
  return { categories: [...cats].sort(), cells };
}

/** Parses a composite drill-down id `provider::model::case::repeat` (or null for a plain result id). */
export function parseRowKey(
  id: string,
): { provider_key: string; model_id: string; case_id: string; repeat_index: number } | null {
  const parts = id.split('::');
  if (parts.length < 4) return null;
  const repeat = Number(parts.at(-1));
  const case_id = parts.at(-2) as string;
  const provider_key = parts[0] as string;
  const model_id = parts.slice(1, -2).join('::');
  if (!Number.isInteger(repeat)) return null;
  return { provider_key, model_id, case_id, repeat_index: repeat };
}

/** The user's prompt of a stored request (the case text when the suite is gone). */
export function promptOfRequest(raw: unknown): string | null {
  const msgs = (raw as { messages?: { role?: string; content?: unknown }[] } | null)?.messages;
  if (!Array.isArray(msgs)) return null;
  const user = msgs.find((m) => m.role === 'user');
  return typeof user?.content === 'string' ? user.content : null;
}

/** One cell of the case × model grid: every repeat of one case for one model. */
export type GridCell = { rows: CaseRow[]; overall: number; passed: number; runs: number };

/**
 * Case × model grid (where do the models disagree?): one line per case in first-seen order,
 * one cell per target, `disagree` when some model passes a case another fails.
 */
export function caseGrid(
  rows: readonly CaseRow[],
  targets: readonly TargetRef[],
): { case_id: string; cells: (GridCell | null)[]; disagree: boolean }[] {
  const byCase = new Map<string, Map<string, CaseRow[]>>();
  for (const r of rows) {
    const m = byCase.get(r.case_id) ?? new Map<string, CaseRow[]>();
    byCase.set(r.case_id, m);
    m.set(tkey(r), [...(m.get(tkey(r)) ?? []), r]);
  }
  return [...byCase.entries()].map(([case_id, m]) => {
    const cells = targets.map((t) => {
      const list = (m.get(tkey(t)) ?? []).sort((a, b) => a.repeat_index - b.repeat_index);
      if (list.length === 0) return null;
      return {
        rows: list,
        overall: mean(list.map((r) => r.score.overall_score)),
        passed: list.filter((r) => r.score.passed).length,
        runs: list.length,
      };
    });
    const present = cells.filter((c): c is GridCell => c !== null);
    const allPass = present.filter((c) => c.passed === c.runs).length;
    return { case_id, cells, disagree: allPass > 0 && allPass < present.length };
  });
}

/** A sortable key of a case label `#12 …` (by position), else the label itself. */
export function caseOrder(label: string, caseId: string): string {
  const m = /^#(\d+)/.exec(label);
  return m ? String(m[1]).padStart(6, '0') : `~${label || caseId}`;
}
