import type { Job as JobRow } from '@llmbench/db';
import { orchestrate, type Handler, type JudgePayload } from '@llmbench/queue';
import type { Verdict } from '@llmbench/judge';
import {
  callEvidence,
  caseEvidence,
  judgeResult,
  openJudges,
  resultKey,
  runPool,
} from '@llmbench/judge-runner';
import type { CaseOutcome } from '@llmbench/eval-core';
import type { JudgeDeps } from '../deps.js';
import { juryPlan, loadRun } from '../judging/context.js';
import { writeReports } from '../judging/reports.js';

/** The report's run and the results it reviews (all, the failed ones, or those below the threshold). */
async function loadReview(deps: JudgeDeps, reportId: string) {
  const report = await deps.judges.getById(reportId);
  if (!report) return undefined;
  const loaded = await loadRun(deps, report.eval_run_id);
  if (!loaded) return undefined;
  const plan = await juryPlan(deps, report, loaded.targets);
  const threshold = plan.config.threshold;
  const review = loaded.results.filter(
    (r) => (!plan.config.only_failed || !r.passed) && (threshold === null || r.overall_score < threshold),
  );
  return { report, ...loaded, ...plan, review };
}

/**
 * A judge report over an eval run: every reviewed result judged (by one judge or a jury; verdicts
 * recorded once, so a retried job skips what it had), then one report per model, then the job ends.
 * Live-judged evals end here too: their verdicts exist, so only the reports are written.
 */
export function createJudgeHandler(deps: JudgeDeps): Handler<'judge'> {
  return (p, ctx) => {
    // The first attempt announces and runs in one call: both use one read of the report and its run.
    let loaded: ReturnType<typeof loadReview> | undefined;
    const load = () => (loaded ??= loadReview(deps, p.report_id));
    return orchestrate(
      { ...deps, parkRecheckMs: deps.config.jobs.parkRecheckMs },
      p,
      ctx,
      {
        ended: async () => undefined,
        started: (row) => announceStart(deps, p, row, ctx.job.attemptsMade, load),
        run: (payload) => judge(deps, payload, load),
      },
      'judge',
    );
  };
}

type LoadReview = () => ReturnType<typeof loadReview>;

async function announceStart(
  deps: JudgeDeps,
  p: JudgePayload,
  row: JobRow,
  attempts: number,
  load: LoadReview,
) {
  const ctx = await load();
  if (!ctx) throw new Error(`judge report ${p.report_id} or its eval run is missing`);
  await deps.judges.setWarnings(p.report_id, ctx.warnings);
  await deps.bus.publish(row, 'job_started', { job_type: 'judge', attempt: attempts + 1 });
  await deps.bus.publish(
    row,
    'judge_start',
    {
      report_id: p.report_id,
      mode: ctx.report.mode,
      judges: ctx.jury.map((j) => `${j.provider_key}::${j.model_id}`),
      cases_to_review: ctx.review.length,
      warnings: ctx.warnings,
    },
    { dedupe: 'judge_start' },
  );
}

async function judge(deps: JudgeDeps, p: JudgePayload, load: LoadReview) {
  const ctx = await load();
  if (!ctx) return { skipped: 'report or run deleted' };
  const stream = { id: p.job_id, user_id: p.user_id };
  const jury = await openJudges(deps.clients, p.user_id, ctx.jury);
  const known = new Map<string, Verdict | null>(
    (await deps.judges.listVerdicts(p.report_id)).map((v) => [
      `${v.case_key}#${v.judge_key}`,
      v.verdict as Verdict | null,
    ]),
  );
  const cases = new Map(ctx.snapshot.cases.map((c) => [c.id, c]));
  const tracked = await deps.cancellation.track(p.job_id);
  try {
    await runPool(
      ctx.review,
      ctx.concurrency,
      async (r) => {
        const c = cases.get(r.case_id);
        if (!c) return;
        await judgeResult(
          deps,
          jury,
          {
            report_id: p.report_id,
            user_id: p.user_id,
            stream,
            case_key: resultKey(r),
            provider_key: r.provider_key,
            model_id: r.model_id,
            evidence: caseEvidence(c),
            actual: callEvidence(r.detail as unknown as CaseOutcome),
            scorer_passed: r.passed,
            custom: ctx.report.custom_instructions,
          },
          known,
          tracked.signal,
        );
      },
      tracked.signal,
    );
    if (tracked.signal.aborted) return { cancelled: true };
    const out = await writeReports(deps, {
      report_id: p.report_id,
      stream,
      jury,
      targets: ctx.targets,
      results: ctx.review,
      custom: ctx.report.custom_instructions,
      signal: tracked.signal,
    });
    const rows = await deps.judges.listVerdicts(p.report_id);
    await deps.bus.publish(
      stream,
      'judge_complete',
      {
        report_id: p.report_id,
        overall_grade: out.grade,
        overall_score: out.score,
        verdicts: rows.filter((r) => r.verdict).length,
        errors: rows.filter((r) => r.error).length,
      },
      { dedupe: 'judge_complete' },
    );
    await deps.lifecycle.end(p.job_id, 'completed', { resultRef: p.report_id });
    return { reports: out.models.length };
  } finally {
    tracked.dispose();
  }
}
