import { sql } from 'kysely';
import type { Db } from '../database.js';
import { json } from '../tables/json.js';
import type { NewCaseResult, NewEvalRun } from '../tables/run.table.js';
import type { NewJob } from '../tables/job.table.js';

const HISTORY_COLUMNS = [
  'id',
  'job_id',
  'suite_id',
  'suite_name',
  'status',
  'config',
  'targets',
  'summary',
  'experiment_id',
  'orchestrator_type',
  'total_cases',
  'completed_cases',
  'error',
  'created_at',
  'started_at',
  'finished_at',
] as const;

/** Eval runs and their per-case results. */
export class EvalRunRepository {
  constructor(private readonly db: Db) {}

  /** Creates the job and its run together: a run never exists without its status row. */
  createWithJob(job: Omit<NewJob, 'run_id'>, run: Omit<NewEvalRun, 'job_id' | 'user_id'>) {
    return this.db.transaction().execute(async (trx) => {
      const jobRow = await trx.insertInto('jobs').values(job).returningAll().executeTakeFirstOrThrow();
      const runRow = await trx
        .insertInto('eval_runs')
        .values({ ...run, user_id: job.user_id, job_id: jobRow.id })
        .returning(['id'])
        .executeTakeFirstOrThrow();
      const linked = await trx
        .updateTable('jobs')
        .set({ run_id: runRow.id })
        .where('id', '=', jobRow.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return { job: linked, runId: runRow.id };
    });
  }

  /** For workers (the payload names the owner). */
  getById(id: string) {
    return this.db.selectFrom('eval_runs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  get(userId: string, id: string) {
    return this.db
      .selectFrom('eval_runs')
      .select(HISTORY_COLUMNS)
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  listByUser(userId: string, limit: number, offset: number, suiteId?: string) {
    let q = this.db
      .selectFrom('eval_runs')
      .select(HISTORY_COLUMNS)
      .select(sql<number>`count(*) over ()::int`.as('total'))
      .where('user_id', '=', userId)
      .where('orchestrator_type', '=', 'standalone');
    if (suiteId) q = q.where('suite_id', '=', suiteId);
    return q.orderBy('created_at', 'desc').limit(limit).offset(offset).execute();
  }

  setSummary(id: string, summary: Record<string, unknown>, completedCases: number) {
    return this.db
      .updateTable('eval_runs')
      .set({ summary: json(summary), completed_cases: completedCases })
      .where('id', '=', id)
      .execute();
  }

  delete(userId: string, id: string) {
    return this.db
      .deleteFrom('eval_runs')
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
  }

  /**
   * Writes one case result once: a retried or recovered unit that redoes a case does not
   * duplicate it. @returns true when this call inserted the row
   */
  async insertResult(row: NewCaseResult): Promise<boolean> {
    const res = await this.db
      .insertInto('case_results')
      .values(row)
      .onConflict((oc) => oc.columns(['run_id', 'unit_key', 'case_id', 'repeat_index']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return res !== undefined;
  }

  /** Results a unit already wrote, so a resumed unit skips them (and re-announces them). */
  listUnitResults(runId: string, unitKey: string) {
    return this.db
      .selectFrom('case_results')
      .selectAll()
      .where('run_id', '=', runId)
      .where('unit_key', '=', unitKey)
      .execute();
  }

  async countResults(runId: string): Promise<number> {
    const row = await this.db
      .selectFrom('case_results')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('run_id', '=', runId)
      .executeTakeFirstOrThrow();
    return row.n;
  }

  listResults(runId: string) {
    return this.db
      .selectFrom('case_results')
      .selectAll()
      .where('run_id', '=', runId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  /** Just the scores of a run's results: what a search needs to decide its next step. */
  listScores(runId: string) {
    return this.db
      .selectFrom('case_results')
      .select(['unit_key', 'case_id', 'repeat_index', 'overall_score'])
      .where('run_id', '=', runId)
      .execute();
  }
}
