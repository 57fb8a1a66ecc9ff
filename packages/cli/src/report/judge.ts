import { targetKey } from '@llmbench/contracts';
import { eventsOf, lastEventOf, payloadOf, type JobRun } from '../events.js';
import { fmtScore } from '../format.js';
import { renderTable } from '../table.js';
import { jobHeader, type Rendered } from './rendered.js';

type VerdictCounts = { pass: number; marginal: number; fail: number };

/** A judge report: per model the grade (A–F), its 0–100 score and the verdict counts. */
export function renderJudge(run: JobRun): Rendered {
  const reports = eventsOf(run.events, 'judge_report').map((e) => payloadOf<'judge_report'>(e));
  const complete = lastEventOf(run.events, 'judge_complete');
  const overall = complete ? payloadOf<'judge_complete'>(complete) : null;
  const rows = reports.map((r) => {
    const counts = r.verdict_counts as VerdictCounts | undefined;
    return [
      targetKey(r),
      r.overall_grade,
      String(r.overall_score),
      String(counts?.pass ?? '-'),
      String(counts?.marginal ?? '-'),
      String(counts?.fail ?? '-'),
      fmtScore(r.scorer_agreement as number | null | undefined),
    ];
  });
  const table = renderTable(
    ['MODEL', 'GRADE', 'SCORE', 'PASS', 'MARGINAL', 'FAIL', 'SCORER AGREEMENT'],
    rows,
    ['left', 'left', 'right', 'right', 'right', 'right', 'right'],
  );
  const footer = overall
    ? `\noverall: ${overall.overall_grade ?? '-'} (${overall.overall_score ?? '-'}) · ${overall.verdicts} verdicts, ${overall.errors} errors · report ${overall.report_id}\n`
    : '';
  return { json: { ...jobHeader(run), reports, overall }, text: table + footer };
}

/** An A/B comparison: both models' shares of wins (ties count half), the winner and consistency. */
export function renderCompare(run: JobRun): Rendered {
  const complete = lastEventOf(run.events, 'compare_complete');
  const comparison = complete ? payloadOf<'compare_complete'>(complete) : null;
  if (!comparison) return { json: { ...jobHeader(run), comparison: null }, text: '' };
  const models = { a: String(comparison.model_a ?? 'A'), b: String(comparison.model_b ?? 'B') };
  const winner =
    { model_a: `A (${models.a})`, model_b: `B (${models.b})` }[comparison.overall_winner] ?? 'tie';
  const table = renderTable(
    ['SIDE', 'MODEL', 'WINS', 'SCORE'],
    [
      ['A', models.a, String(comparison.wins_a ?? '-'), String(comparison.score_a)],
      ['B', models.b, String(comparison.wins_b ?? '-'), String(comparison.score_b)],
    ],
    ['left', 'left', 'right', 'right'],
  );
  const footer = `\nwinner: ${winner} · ${comparison.tie_cases} ties · position consistency ${fmtScore(comparison.position_consistency)}\n`;
  return { json: { ...jobHeader(run), comparison }, text: table + footer };
}
