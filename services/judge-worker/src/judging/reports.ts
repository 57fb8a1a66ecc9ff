import { targetKey, type RunTarget } from '@llmbench/contracts';
import type { CaseResult, JudgeVerdictRow } from '@llmbench/db';
import {
  combineJury,
  gradeOf,
  interJudgeAgreement,
  judgeReport,
  scorerAgreement,
  verdictScore,
  type Verdict,
} from '@llmbench/judge';
import { resultKey, type JudgeClient } from '@llmbench/judge-runner';
import type { JudgeDeps } from '../deps.js';

/** Verdicts by judged result (`case_key`), each a list over the jury. */
export function verdictsByCase(rows: readonly JudgeVerdictRow[]): Map<string, Verdict[]> {
  const out = new Map<string, Verdict[]>();
  for (const r of rows) {
    if (!r.verdict) continue;
    const list = out.get(r.case_key) ?? [];
    list.push(r.verdict as unknown as Verdict);
    out.set(r.case_key, list);
  }
  return out;
}

/**
 * One cross-case report per evaluated model, written by the jury's first judge from the combined
 * verdicts, with how often the judge agreed with the deterministic scorer (and, for a jury, with
 * each other). The same stored verdicts feed the stream and history.
 */
export async function writeReports(
  deps: JudgeDeps,
  input: {
    report_id: string;
    stream: { id: string; user_id: string };
    jury: readonly JudgeClient[];
    targets: readonly RunTarget[];
    results: readonly CaseResult[];
    custom: string;
    signal?: AbortSignal;
  },
) {
  const byCase = verdictsByCase(await deps.judges.listVerdicts(input.report_id));
  const models = [];
  for (const t of input.targets) {
    const mine = input.results.filter((r) => r.provider_key === t.provider_key && r.model_id === t.model_id);
    const judged = mine.flatMap((r) => {
      const vs = byCase.get(resultKey(r));
      return vs && vs.length > 0 ? [{ r, vs, v: combineJury(vs).verdict }] : [];
    });
    if (judged.length === 0) continue;
    const [writer] = input.jury;
    const report = await judgeReport(
      { client: writer!.client, model: writer!.model, signal: input.signal },
      `${t.display_name} (${targetKey(t)})`,
      judged.map(({ r, v }) => ({
        case_id: r.case_id,
        verdict: v.verdict,
        quality_score: v.quality_score,
        summary: v.summary,
      })),
      verdictScore(judged.map((j) => j.v)),
      input.custom,
    );
    const entry = {
      provider_key: t.provider_key,
      model_id: t.model_id,
      ...report.value,
      cases_judged: judged.length,
      verdict_counts: {
        pass: judged.filter((j) => j.v.verdict === 'pass').length,
        marginal: judged.filter((j) => j.v.verdict === 'marginal').length,
        fail: judged.filter((j) => j.v.verdict === 'fail').length,
      },
      scorer_agreement: scorerAgreement(
        judged.map(({ r, v }) => ({ judgePass: v.verdict === 'pass', scorerPass: r.passed })),
      ),
      inter_judge_agreement: interJudgeAgreement(judged.map((j) => j.vs)),
      repairs: report.repairs,
      error: report.error,
    };
    await deps.bus.publish(
      input.stream,
      'judge_report',
      { report_id: input.report_id, ...entry },
      { dedupe: `judge_report:${input.report_id}:${targetKey(t)}` },
    );
    models.push(entry);
  }
  const score =
    models.length === 0 ? null : Math.round(models.reduce((s, m) => s + m.overall_score, 0) / models.length);
  const grade = score === null ? null : models.length === 1 ? models[0]!.overall_grade : gradeOf(score);
  await deps.judges.setReport(input.report_id, {
    report: { models },
    overall_grade: grade,
    overall_score: score,
  });
  return { models, grade, score };
}
