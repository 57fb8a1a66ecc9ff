import type { JobRun } from '../events.js';

/** A finished job as output: the `--json` document, or the text for a person. */
export type Rendered = { json: Record<string, unknown>; text: string };

/** What every JSON document starts with, whatever the job. */
export function jobHeader(run: JobRun): { job_id: string; status: string; error: string | null } {
  return { job_id: run.jobId, status: run.status, error: run.error };
}
