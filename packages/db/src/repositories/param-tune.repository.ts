import { sql } from 'kysely';
import type { Db } from '../database.js';
import { deleteTune, insertTuneWithJob, listTunes } from './tune-runs.js';
import { json } from '../tables/json.js';
import type { NewEvalRun, NewParamTuneCombo, NewParamTuneRun } from '../tables/run.table.js';
import type { NewJob } from '../tables/job.table.js';

const INSERT_CHUNK = 1000;

const SUMMARY_COLUMNS = [
  'id',
  'job_id',
  'suite_id',
  'status',
  'strategy',
  'search_space',
  'per_model_search_spaces',
  'targets',
  'config',
  'best_config',
  'best_score',
  'total_combos',
  'completed_combos',
  'calls_used',
  'stop_reason',
  'eval_run_id',
  'experiment_id',
  'error',
  'created_at',
  'started_at',
  'finished_at',
] as const;

export type ComboCompletion = {
  status: 'done' | 'partial';
  rung: number;
  cases_done: number;
  scores: Record<string, unknown>;
  /** LLM calls this completion added (counted once, by the winner). */
  calls: number;
};

/** Parameter tunes, their planned combinations and the eval run holding their results. */
export class ParamTuneRepository {
  constructor(private readonly db: Db) {}

  /**
   * Creates the job, the tune, its eval run and every planned combination in one transaction:
   * a tune never exists half-planned or without its status row.
   */
  createWithJob(
    job: Omit<NewJob, 'run_id'>,
    tune: Omit<NewParamTuneRun, 'job_id' | 'user_id' | 'eval_run_id'>,
    evalRun: Omit<NewEvalRun, 'job_id' | 'user_id' | 'orchestrator_type' | 'orchestrator_run_id'>,
    combos: Omit<NewParamTuneCombo, 'tune_id' | 'user_id'>[],
  ) {
    return this.db.transaction().execute(async (trx) => {
      const created = await insertTuneWithJob(trx, 'param_tune_runs', job, tune, evalRun);
      for (let i = 0; i < combos.length; i += INSERT_CHUNK)
        await trx
          .insertInto('param_tune_combos')
          .values(
            combos
              .slice(i, i + INSERT_CHUNK)
              .map((c) => ({ ...c, tune_id: created.tuneId, user_id: job.user_id })),
          )
          .execute();
      return created;
    });
  }

  /** For workers (the payload names the owner). */
  getById(id: string) {
    return this.db.selectFrom('param_tune_runs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  get(userId: string, id: string) {
    return this.db
      .selectFrom('param_tune_runs')
      .select(SUMMARY_COLUMNS)
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** History rows with the suite's name as the tune used it (from its eval run's snapshot). */
  listByUser(userId: string, limit: number, offset: number) {
    return listTunes(this.db, 'param_tune_runs', SUMMARY_COLUMNS, userId, limit, offset);
  }

  /** Deletes the tune with its combinations and the eval run holding their results. */
  delete(userId: string, id: string) {
    return deleteTune(this.db, 'param_tune_runs', userId, id);
  }

  listCombos(tuneId: string) {
    return this.db
      .selectFrom('param_tune_combos')
      .selectAll()
      .where('tune_id', '=', tuneId)
      .orderBy('provider_key')
      .orderBy('model_id')
      .orderBy('combo_index')
      .execute();
  }

  getCombo(id: string) {
    return this.db.selectFrom('param_tune_combos').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /**
   * Records a combination's result at a rung, once: only the first completion of a rung wins
   * (a unit redelivered after its worker died gets null), and the winner counts it on the tune.
   * @returns the tune's counters after this completion, or null when it was already recorded
   */
  completeCombo(comboId: string, done: ComboCompletion) {
    return this.db.transaction().execute(async (trx) => {
      const combo = await trx
        .updateTable('param_tune_combos')
        .set({
          status: done.status,
          rung: done.rung,
          cases_done: done.cases_done,
          scores: json(done.scores),
          updated_at: sql`now()`,
        })
        .where('id', '=', comboId)
        .where('rung', '<', done.rung)
        .returning(['tune_id'])
        .executeTakeFirst();
      if (!combo) return null;
      return trx
        .updateTable('param_tune_runs')
        .set({
          completed_combos: sql`completed_combos + 1`,
          calls_used: sql`calls_used + ${done.calls}`,
        })
        .where('id', '=', combo.tune_id)
        .returning(['completed_combos', 'calls_used', 'total_combos'])
        .executeTakeFirstOrThrow();
    });
  }

  /** The best finished combination so far (highest overall score over the most cases). */
  bestSoFar(tuneId: string) {
    return this.db
      .selectFrom('param_tune_combos')
      .select(['id', 'provider_key', 'model_id', 'config', 'scores'])
      .where('tune_id', '=', tuneId)
      .where('status', '=', 'done')
      .orderBy('cases_done', 'desc')
      .orderBy(sql`(scores->>'overall_score')::float`, 'desc')
      .orderBy('combo_index')
      .limit(1)
      .executeTakeFirst();
  }

  /** Stores the outcome of the search (the job's status is written by the job lifecycle). */
  setOutcome(
    tuneId: string,
    outcome: { best_config: Record<string, unknown> | null; best_score: number | null; stop_reason: string },
  ) {
    return this.db
      .updateTable('param_tune_runs')
      .set({
        best_config: outcome.best_config === null ? null : json(outcome.best_config),
        best_score: outcome.best_score,
        stop_reason: outcome.stop_reason,
      })
      .where('id', '=', tuneId)
      .execute();
  }

  setTotal(tuneId: string, total: number) {
    return this.db
      .updateTable('param_tune_runs')
      .set({ total_combos: total })
      .where('id', '=', tuneId)
      .execute();
  }
}
