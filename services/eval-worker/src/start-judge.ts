import { json } from '@llmbench/db';
import { announceAndEnqueue } from '@llmbench/queue';
import type { WorkerDeps } from './deps.js';

/**
 * Starts the judge job of an eval that asked for one (its report was created with the eval), once:
 * an eval finalised again after a crash gets the job that already exists.
 * @returns the judge job and report, or undefined when the eval has no judge
 */
export async function startJudge(
  deps: WorkerDeps,
  runId: string,
): Promise<{ job_id: string; report_id: string } | undefined> {
  const report = await deps.judges.forEvalRun(runId);
  if (!report) return undefined;
  if (report.job_id) return { job_id: report.job_id, report_id: report.id };
  const job = await deps.judges.attachJob(report.id, {
    user_id: report.user_id,
    type: 'judge',
    payload: json({ report_id: report.id, eval_run_id: runId }),
  });
  if (!job) return startJudge(deps, runId);
  await announceAndEnqueue(deps, job, report.id, 'judge', {
    job_id: job.id,
    user_id: report.user_id,
    report_id: report.id,
  });
  return { job_id: job.id, report_id: report.id };
}
