import { sql } from 'kysely';
import type { JobStatus } from '@llmbench/contracts';
import type { Db } from '../database.js';

const RUN_TABLE = {
  tool_eval: 'eval_runs',
  param_tune: 'param_tune_runs',
  prompt_tune: 'prompt_tune_runs',
  judge: 'judge_reports',
  judge_compare: 'judge_reports',
} as const;

/** Mirrors a job's status onto its run row, whichever feature table that is. */
export class RunStatusRepository {
  constructor(private readonly db: Db) {}

  async write(job: { type: string; run_id: string | null }, status: JobStatus): Promise<void> {
    const table = RUN_TABLE[job.type as keyof typeof RUN_TABLE];
    if (!table || !job.run_id) return;
    const terminal = status !== 'queued' && status !== 'running';
    await this.db
      .updateTable(table)
      .set({
        status,
        ...(status === 'running' ? { started_at: sql`coalesce(started_at, now())` } : {}),
        ...(terminal ? { finished_at: sql`coalesce(finished_at, now())` } : {}),
      })
      .where('id', '=', job.run_id)
      .execute();
  }
}
