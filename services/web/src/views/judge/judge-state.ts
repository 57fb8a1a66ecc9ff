/**
 * Pure logic of the judge views: the live state reduced from a job's events (so a reload, which
 * replays them, shows the same thing), rows of the stored report, and small derived numbers.
 * DOM-free: unit-tested in node.
 */
import type {
  CompareCase,
  Comparison,
  EvalResult,
  EvalRunItem,
  JudgeReportRecord,
  ModelReport,
  Target,
  VerdictBody,
  VerdictRow,
} from './types';

export type Outcome = 'pass' | 'marginal' | 'fail' | 'error';
export const OUTCOMES: Outcome[] = ['pass', 'marginal', 'fail', 'error'];

type Ev = { type: string; id?: string } & Record<string, unknown>;

const tk = (t: { provider_key: string | null; model_id: string | null }) =>
  `${t.provider_key ?? '?'}::${t.model_id ?? '?'}`;

/** One judged result as the live table shows it (one row per case, model and judge). */
export type VerdictLine = {
  key: string;
  case_id: string;
  model: string;
  judge: string;
  outcome: Outcome;
  quality: number | null;
  summary: string;
  reasoning: string;
  tool_assessment: string | null;
  param_assessment: string | null;
  scorer_passed: boolean | null;
  /** The stored result the verdict is about (owner's view of a post-eval report). */
  result_id?: string;
  repairs: string[];
  error: string | null;
};

export type Tally = Record<Outcome, number>;

export type LiveJudge = {
  jobType: 'judge' | 'judge_compare' | undefined;
  reportId: string | undefined;
  start?: { mode: string; judges: string[]; cases_to_review: number; warnings: string[] };
  verdicts: VerdictLine[];
  tally: Tally;
  reports: ModelReport[];
  complete?: { overall_grade: string | null; overall_score: number | null; verdicts: number; errors: number };
  compareStart?: { cases: number; model_a: string; model_b: string; judges: string[]; warnings: string[] };
  cases: CompareCase[];
  compareTally: { a: number; b: number; tie: number; consistent: number; errors: number };
  comparison?: Comparison;
};

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const numOrNull = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);

export function outcomeOf(verdict: unknown, error: unknown): Outcome {
  if (verdict === 'pass' || verdict === 'marginal' || verdict === 'fail') return verdict;
  void error;
  return 'error';
}

export function emptyTally(): Tally {
  return { pass: 0, marginal: 0, fail: 0, error: 0 };
}

export function tallyOf(lines: readonly { outcome: Outcome }[]): Tally {
  const t = emptyTally();
  for (const l of lines) t[l.outcome]++;
  return t;
}

/** The whole live view of a judge or judge_compare job, from its events (replayed or live). */
export function deriveLive(events: readonly Ev[]): LiveJudge {
  const out: LiveJudge = {
    jobType: undefined,
    reportId: undefined,
    verdicts: [],
    tally: emptyTally(),
    reports: [],
    cases: [],
    compareTally: { a: 0, b: 0, tie: 0, consistent: 0, errors: 0 },
  };
  const seenCase = new Map<string, number>();
  for (const e of events) {
    switch (e.type) {
      case 'job_created': {
        const t = e.job_type;
        if (t === 'judge' || t === 'judge_compare') out.jobType = t;
        out.reportId ??= strOrNull(e.run_id) ?? undefined;
        break;
      }
      case 'judge_start':
        out.jobType ??= 'judge';
        out.reportId = str(e.report_id) || out.reportId;
        out.start = {
          mode: str(e.mode),
          judges: strs(e.judges),
          cases_to_review: numOrNull(e.cases_to_review) ?? 0,
          warnings: strs(e.warnings),
        };
        break;
      case 'judge_verdict': {
        const model = tk({ provider_key: strOrNull(e.provider_key), model_id: strOrNull(e.model_id) });
        const judge = str(e.judge);
        const caseId = str(e.case_id);
        const key = `${caseId}|${model}|${judge}|${out.verdicts.length}`;
        const line: VerdictLine = {
          key,
          case_id: caseId,
          model,
          judge,
          outcome: outcomeOf(e.verdict, e.error),
          quality: numOrNull(e.quality_score),
          summary: str(e.summary),
          reasoning: str(e.reasoning),
          tool_assessment: strOrNull(e.tool_selection_assessment),
          param_assessment: strOrNull(e.param_assessment),
          scorer_passed: typeof e.scorer_passed === 'boolean' ? e.scorer_passed : null,
          repairs: strs(e.repairs),
          error: strOrNull(e.error),
        };
        out.verdicts.push(line);
        out.tally[line.outcome]++;
        break;
      }
      case 'judge_report': {
        const { type: _t, job_id: _j, ts: _ts, id: _id, report_id: _r, ...rest } = e;
        const report = rest as unknown as ModelReport;
        const i = out.reports.findIndex((r) => tk(r) === tk(report));
        if (i >= 0) out.reports[i] = report;
        else out.reports.push(report);
        break;
      }
      case 'judge_complete':
        out.complete = {
          overall_grade: strOrNull(e.overall_grade),
          overall_score: numOrNull(e.overall_score),
          verdicts: numOrNull(e.verdicts) ?? 0,
          errors: numOrNull(e.errors) ?? 0,
        };
        break;
      case 'compare_start':
        out.jobType ??= 'judge_compare';
        out.reportId = str(e.report_id) || out.reportId;
        out.compareStart = {
          cases: numOrNull(e.cases) ?? 0,
          model_a: str(e.model_a),
          model_b: str(e.model_b),
          judges: strs(e.judges),
          warnings: strs(e.warnings),
        };
        break;
      case 'compare_case': {
        const c: CompareCase = {
          case_id: str(e.case_id),
          winner: e.winner === 'a' || e.winner === 'b' ? e.winner : 'tie',
          consistent: e.consistent === true,
          a_first: strOrNull(e.a_first),
          b_first: strOrNull(e.b_first),
          confidence: numOrNull(e.confidence),
          reasoning: str(e.reasoning),
          error: strOrNull(e.error),
        };
        const at = seenCase.get(c.case_id);
        if (at !== undefined) out.cases[at] = c;
        else {
          seenCase.set(c.case_id, out.cases.length);
          out.cases.push(c);
        }
        break;
      }
      case 'compare_complete': {
        const { type: _t, job_id: _j, ts: _ts, id: _id, report_id: _r, ...rest } = e;
        out.comparison = rest as unknown as Comparison;
        break;
      }
      default:
        break;
    }
  }
  out.compareTally = compareTallyOf(out.cases);
  return out;
}

export function compareTallyOf(cases: readonly CompareCase[]) {
  const t = { a: 0, b: 0, tie: 0, consistent: 0, errors: 0 };
  for (const c of cases) {
    if (c.error) {
      t.errors++;
      continue;
    }
    t[c.winner]++;
    if (c.consistent) t.consistent++;
  }
  return t;
}

/** Rows whose outcome is in `filter` (all when the filter is empty). */
export function filterLines<T extends { outcome: Outcome }>(
  rows: readonly T[],
  filter: ReadonlySet<Outcome>,
): T[] {
  return filter.size === 0 ? [...rows] : rows.filter((r) => filter.has(r.outcome));
}

/** The user's prompt of a stored result (its last user message), for readable case labels. */
export function promptOf(result: Pick<EvalResult, 'detail'> | undefined): string | undefined {
  const messages = result?.detail?.raw_request?.messages;
  if (!Array.isArray(messages)) return undefined;
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m?.role === 'user' && typeof m.content === 'string' && m.content.trim()) return m.content.trim();
  }
  return undefined;
}

/** `unit|case|repeat`: the key a post-eval verdict row has for the result it judged. */
export const resultKey = (r: Pick<EvalResult, 'unit_key' | 'case_id' | 'repeat_index'>) =>
  `${r.unit_key}|${r.case_id}|${r.repeat_index}`;

/** Case id → prompt, over an eval run's stored results. */
export function promptsByCase(results: readonly EvalResult[] | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of results ?? []) {
    if (out.has(r.case_id)) continue;
    const p = promptOf(r);
    if (p) out.set(r.case_id, p);
  }
  return out;
}

const isVerdictBody = (v: unknown): v is VerdictBody =>
  typeof v === 'object' && v !== null && 'verdict' in v && 'quality_score' in v;

/**
 * The per-case verdict rows of a stored post-eval report. With the eval run's results (the owner's
 * view), each row says whether the deterministic scorer passed that result.
 */
export function reportLines(
  verdicts: readonly VerdictRow[] | undefined,
  results?: readonly EvalResult[],
): VerdictLine[] {
  const byKey = new Map((results ?? []).map((r) => [resultKey(r), r]));
  return (verdicts ?? []).map((v) => {
    const body = isVerdictBody(v.verdict) ? v.verdict : null;
    return {
      key: v.id,
      case_id: v.case_id,
      model: tk(v),
      judge: v.judge_key,
      outcome: outcomeOf(body?.verdict ?? null, v.error),
      quality: body ? numOrNull(body.quality_score) : null,
      summary: body?.summary ?? '',
      reasoning: body?.reasoning ?? '',
      tool_assessment: body?.tool_selection_assessment ?? null,
      param_assessment: body?.param_assessment ?? null,
      // Stored with the verdict (the same fact the live event carried); older rows fall back to the run.
      scorer_passed: v.scorer_passed ?? byKey.get(v.case_key)?.passed ?? null,
      ...(byKey.get(v.case_key)?.id ? { result_id: byKey.get(v.case_key)!.id } : {}),
      repairs: Array.isArray(v.repairs) ? v.repairs : [],
      error: v.error,
    };
  });
}

/** Share of lines where the judge (pass) and the scorer (passed) agree; null without scorer data. */
export function liveScorerAgreement(lines: readonly VerdictLine[]): number | null {
  const known = lines.filter((l) => l.scorer_passed !== null && l.outcome !== 'error');
  if (known.length === 0) return null;
  return known.filter((l) => (l.outcome === 'pass') === l.scorer_passed).length / known.length;
}

/** Badge tone for a letter grade. */
export function gradeTone(grade: string | null | undefined): 'ok' | 'info' | 'warn' | 'bad' | 'neutral' {
  const g = (grade ?? '').trim().charAt(0).toUpperCase();
  return g === 'A' || g === 'B'
    ? 'ok'
    : g === 'C'
      ? 'info'
      : g === 'D'
        ? 'warn'
        : g === 'F'
          ? 'bad'
          : 'neutral';
}

export function outcomeTone(o: Outcome): 'ok' | 'warn' | 'bad' | 'neutral' {
  return o === 'pass' ? 'ok' : o === 'marginal' ? 'warn' : o === 'fail' ? 'bad' : 'neutral';
}

/** "Model A (sandbox::x)", "Model B (…)" or "Tie" for a comparison's overall winner. */
export function winnerText(c: Pick<Comparison, 'overall_winner' | 'model_a' | 'model_b'>): string {
  if (c.overall_winner === 'model_a' || c.overall_winner === 'a') return `A · ${c.model_a}`;
  if (c.overall_winner === 'model_b' || c.overall_winner === 'b') return `B · ${c.model_b}`;
  return 'Tie';
}

/** A per-order winner (`a`, `b`, `tie`, or null when that order had no usable answer). */
export function sideText(w: string | null): string {
  return w === 'a' ? 'A' : w === 'b' ? 'B' : w === 'tie' ? 'Tie' : '—';
}

/** The run's models as `provider::model`. */
export const runModels = (run: Pick<EvalRunItem, 'targets'>) => run.targets.map((t) => tk(t));

/** Per model overall score (0..1) of a run's stored summary. */
export function runScores(run: Pick<EvalRunItem, 'summary'>): { model: string; overall: number | null }[] {
  return (run.summary?.targets ?? []).map((t) => ({
    model: tk(t),
    overall: numOrNull(t.summary?.overall),
  }));
}

/** Judges that are also evaluated models of the runs (self-judging bias). */
export function selfJudges(judges: readonly Target[], evaluated: readonly Target[]): string[] {
  const models = new Set(evaluated.map(tk));
  return [...new Set(judges.map(tk))].filter((k) => models.has(k));
}

/** Which runs can be judged: finished ones (queued and running runs are refused by the API). */
export const judgeable = (run: Pick<EvalRunItem, 'status'>) =>
  run.status !== 'queued' && run.status !== 'running';

/** The app URL of a shared report (hash route), from the page's location and the token. */
export function sharedAppUrl(loc: { origin: string; pathname: string }, token: string): string {
  return `${loc.origin}${loc.pathname}#/shared/judge/${encodeURIComponent(token)}`;
}

/** Counts of a comparison's cases from the stored report (the same numbers the live view shows). */
export function storedCompareCases(record: Pick<JudgeReportRecord, 'report'>): CompareCase[] {
  return record.report?.cases ?? [];
}

/** A short label of an id (first 8 characters) for places without a better name. */
export const shortId = (id: string) => id.slice(0, 8);

/** "sandbox::sandbox-judge" from a target-like object. */
export const keyOf = tk;

/** Per evaluated model: verdict counts, mean quality and agreement with the scorer (live leaderboard). */
export type ModelTally = Tally & {
  model: string;
  judged: number;
  mean_quality: number | null;
  scorer_agreement: number | null;
};

export function perModel(lines: readonly VerdictLine[]): ModelTally[] {
  const groups = new Map<string, VerdictLine[]>();
  for (const l of lines) groups.set(l.model, [...(groups.get(l.model) ?? []), l]);
  return [...groups].map(([model, ls]) => {
    const q = ls.map((l) => l.quality).filter((x): x is number => x !== null);
    return {
      model,
      ...tallyOf(ls),
      judged: ls.length,
      mean_quality: q.length ? q.reduce((s, x) => s + x, 0) / q.length : null,
      scorer_agreement: liveScorerAgreement(ls),
    };
  });
}
