import { sql, type Transaction } from 'kysely';
import type { Database, Db } from '../database.js';
import type { NewEvalRun } from '../tables/run.table.js';
import type { NewJob } from '../tables/job.table.js';

/** The run tables of the two tuners: same ownership, job link and eval run of their results. */
export type TuneTable = 'param_tune_runs' | 'prompt_tune_runs';
// Both tables have the columns these helpers touch; one name stands for both in the types.
type AsOne = 'param_tune_runs';

/**
 * Inserts a tune's job, eval run and run row and links them (inside the caller's transaction, which
 * adds the tune's own rows — planned combinations, the base prompt — before committing).
 */
export async function insertTuneWithJob(
  trx: Transaction<Database>,
  table: TuneTable,
  job: Omit<NewJob, 'run_id'>,
  tune: Record<string, unknown>,
  evalRun: Omit<NewEvalRun, 'job_id' | 'user_id' | 'orchestrator_type' | 'orchestrator_run_id'>,
) {
  const jobRow = await trx.insertInto('jobs').values(job).returning(['id']).executeTakeFirstOrThrow();
  const run = await trx
    .insertInto('eval_runs')
    .values({
      ...evalRun,
      user_id: job.user_id,
      job_id: jobRow.id,
      orchestrator_type: table === 'param_tune_runs' ? 'param_tune' : 'prompt_tune',
    })
    .returning(['id'])
    .executeTakeFirstOrThrow();
  const tuneRow = await trx
    .insertInto(table as AsOne)
    .values({ ...tune, user_id: job.user_id, job_id: jobRow.id, eval_run_id: run.id } as never)
    .returning(['id'])
    .executeTakeFirstOrThrow();
  await trx
    .updateTable('eval_runs')
    .set({ orchestrator_run_id: tuneRow.id })
    .where('id', '=', run.id)
    .execute();
  const linked = await trx
    .updateTable('jobs')
    .set({ run_id: tuneRow.id })
    .where('id', '=', jobRow.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return { job: linked, tuneId: tuneRow.id, evalRunId: run.id };
}

/** A user's tunes, newest first, with the suite's name as the tune used it. */
export function listTunes<C extends string>(
  db: Db,
  table: TuneTable,
  columns: readonly C[],
  userId: string,
  limit: number,
  offset: number,
) {
  return db
    .selectFrom(`${table as AsOne} as t`)
    .leftJoin('eval_runs as r', 'r.id', 't.eval_run_id')
    .select(columns.map((c) => sql.ref(`t.${c}`).as(c)))
    .select('r.suite_name')
    .select(sql<number>`count(*) over ()::int`.as('total'))
    .where('t.user_id', '=', userId)
    .orderBy('t.created_at', 'desc')
    .limit(limit)
    .offset(offset)
    .execute() as Promise<(Record<C, unknown> & { suite_name: string | null; total: number })[]>;
}

/** Deletes a tune with everything under it, including the eval run holding its results. */
export function deleteTune(db: Db, table: TuneTable, userId: string, id: string) {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .deleteFrom(table as AsOne)
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .returning(['eval_run_id'])
      .executeTakeFirst();
    if (row?.eval_run_id)
      await trx
        .deleteFrom('eval_runs')
        .where('user_id', '=', userId)
        .where('id', '=', row.eval_run_id)
        .execute();
    return row !== undefined;
  });
}
