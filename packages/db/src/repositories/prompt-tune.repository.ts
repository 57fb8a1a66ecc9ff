import { sql } from 'kysely';
import type { Db } from '../database.js';
import { deleteTune, insertTuneWithJob, listTunes } from './tune-runs.js';
import { json } from '../tables/json.js';
import type { NewEvalRun, NewPromptTuneCandidate } from '../tables/run.table.js';
import type { NewJob } from '../tables/job.table.js';
import type { Insertable } from 'kysely';
import type { PromptTuneRunTable } from '../tables/run.table.js';

type NewCandidate = Omit<NewPromptTuneCandidate, 'tune_id' | 'user_id'>;
export type Phase = 'train' | 'validation';

const SUMMARY_COLUMNS = [
  'id',
  'job_id',
  'suite_id',
  'status',
  'mode',
  'base_prompt',
  'targets',
  'meta_target',
  'config',
  'best_prompt',
  'best_score',
  'best_candidate_id',
  'validation_score',
  'total_prompts',
  'completed_prompts',
  'calls_used',
  'calls_saved',
  'meta_calls',
  'cost_usd',
  'stop_reason',
  'eval_run_id',
  'experiment_id',
  'error',
  'created_at',
  'started_at',
  'finished_at',
] as const;

/** Prompt tunes: generations, candidate prompts with their scores, and the eval run of their results. */
export class PromptTuneRepository {
  constructor(private readonly db: Db) {}

  /** Creates the job, the tune, its eval run and the base prompt (generation 0) in one transaction. */
  createWithJob(
    job: Omit<NewJob, 'run_id'>,
    tune: Omit<Insertable<PromptTuneRunTable>, 'job_id' | 'user_id' | 'eval_run_id'>,
    evalRun: Omit<NewEvalRun, 'job_id' | 'user_id' | 'orchestrator_type' | 'orchestrator_run_id'>,
    base: NewCandidate,
  ) {
    return this.db.transaction().execute(async (trx) => {
      const created = await insertTuneWithJob(trx, 'prompt_tune_runs', job, tune, evalRun);
      await trx
        .insertInto('prompt_tune_candidates')
        .values({ ...base, tune_id: created.tuneId, user_id: job.user_id })
        .execute();
      return created;
    });
  }

  getById(id: string) {
    return this.db.selectFrom('prompt_tune_runs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** One tune as history shows it: the summary plus each generation's outcome (status, survivors). */
  get(userId: string, id: string) {
    return this.db
      .selectFrom('prompt_tune_runs')
      .select([...SUMMARY_COLUMNS, 'generations'])
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  listByUser(userId: string, limit: number, offset: number) {
    return listTunes(this.db, 'prompt_tune_runs', SUMMARY_COLUMNS, userId, limit, offset);
  }

  /** Deletes the tune with its generations, candidates and the eval run holding their results. */
  delete(userId: string, id: string) {
    return deleteTune(this.db, 'prompt_tune_runs', userId, id);
  }

  listCandidates(tuneId: string) {
    return this.db
      .selectFrom('prompt_tune_candidates')
      .selectAll()
      .where('tune_id', '=', tuneId)
      .orderBy('generation')
      .orderBy('idx')
      .execute();
  }

  getCandidate(id: string) {
    return this.db.selectFrom('prompt_tune_candidates').selectAll().where('id', '=', id).executeTakeFirst();
  }

  listGenerations(tuneId: string) {
    return this.db
      .selectFrom('prompt_tune_generations')
      .selectAll()
      .where('tune_id', '=', tuneId)
      .orderBy('generation')
      .execute();
  }

  /**
   * Records what a generation's meta call produced — its candidates, or the error — once: a meta job
   * redelivered after its worker died finds the generation already there and changes nothing.
   * @returns whether this call recorded it
   */
  recordGeneration(
    tuneId: string,
    userId: string,
    generation: {
      generation: number;
      status: 'generated' | 'error';
      error: string | null;
      note: string | null;
      meta_calls: number;
    },
    candidates: NewCandidate[],
  ) {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('prompt_tune_generations')
        .values({ ...generation, tune_id: tuneId, user_id: userId })
        .onConflict((oc) => oc.columns(['tune_id', 'generation']).doNothing())
        .returning(['id'])
        .executeTakeFirst();
      if (!row) return false;
      if (candidates.length > 0)
        await trx
          .insertInto('prompt_tune_candidates')
          .values(candidates.map((c) => ({ ...c, tune_id: tuneId, user_id: userId })))
          .execute();
      await trx
        .updateTable('prompt_tune_runs')
        .set({ meta_calls: sql`meta_calls + ${generation.meta_calls}` })
        .where('id', '=', tuneId)
        .execute();
      return true;
    });
  }

  /** Marks a candidate as repeating an earlier prompt (it inherits that prompt's scores; no calls). */
  async markDuplicate(candidateId: string, of: string, savedCalls: number): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('prompt_tune_candidates')
        .set({ duplicate_of: of })
        .where('id', '=', candidateId)
        .where('duplicate_of', 'is', null)
        .returning(['tune_id'])
        .executeTakeFirst();
      if (!row) return false;
      await trx
        .updateTable('prompt_tune_runs')
        .set({ calls_saved: sql`calls_saved + ${savedCalls}` })
        .where('id', '=', row.tune_id)
        .execute();
      return true;
    });
  }

  /**
   * Records one target's score of a candidate in a phase, once (the first completion wins), and
   * counts its calls and cost on the tune.
   * @returns true when this call recorded it
   */
  recordScore(
    candidateId: string,
    phase: Phase,
    key: string,
    score: Record<string, unknown>,
    calls: number,
    costUsd: number,
  ) {
    const column = phase === 'train' ? 'scores' : 'validation';
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .updateTable('prompt_tune_candidates')
        .set({
          [column]: sql`${sql.ref(column)} || jsonb_build_object(${key}::text, ${JSON.stringify(score)}::jsonb)`,
        })
        .where('id', '=', candidateId)
        .where(sql<boolean>`not (${sql.ref(column)} ? ${key})`)
        .returning(['tune_id'])
        .executeTakeFirst();
      if (!row) return false;
      await trx
        .updateTable('prompt_tune_runs')
        .set({
          calls_used: sql`calls_used + ${calls}`,
          cost_usd: sql`cost_usd + ${costUsd}`,
          completed_prompts: sql`completed_prompts + 1`,
        })
        .where('id', '=', row.tune_id)
        .execute();
      return true;
    });
  }

  /**
   * How far a tune's scoring is, read at once: prompts (the base and the generated ones) scored on
   * every target — a near-duplicate counts once the prompt it repeats is — of the base plus the
   * planned prompts.
   */
  async scoringProgress(tuneId: string): Promise<{ scored: number; total: number } | undefined> {
    const row = await this.db
      .selectFrom('prompt_tune_runs as t')
      .select((eb) => [
        sql<number>`t.total_prompts + 1`.as('total'),
        eb
          .selectFrom('prompt_tune_candidates as c')
          .leftJoin('prompt_tune_candidates as o', 'o.id', 'c.duplicate_of')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('c.tune_id', '=', 't.id')
          .where(
            sql<boolean>`(select count(*) from jsonb_object_keys(coalesce(o.scores, c.scores))) >= jsonb_array_length(t.targets)`,
          )
          .as('scored'),
      ])
      .where('t.id', '=', tuneId)
      .executeTakeFirst();
    return row ? { scored: Number(row.scored ?? 0), total: Number(row.total) } : undefined;
  }

  /** Stores each generation's outcome so far (history shows survivors while the tune still runs). */
  setGenerations(tuneId: string, generations: Record<string, unknown>[]) {
    return this.db
      .updateTable('prompt_tune_runs')
      .set({ generations: json(generations) })
      .where('id', '=', tuneId)
      .execute();
  }

  setOutcome(
    tuneId: string,
    o: {
      best_prompt: string | null;
      best_score: number | null;
      best_candidate_id: string | null;
      validation_score: number | null;
      stop_reason: string;
      generations: Record<string, unknown>[];
      calls_saved: number;
    },
  ) {
    return this.db
      .updateTable('prompt_tune_runs')
      .set({ ...o, generations: json(o.generations) })
      .where('id', '=', tuneId)
      .execute();
  }
}
