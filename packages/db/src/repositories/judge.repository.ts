import { sql, type Insertable } from 'kysely';
import type { Db } from '../database.js';
import { json } from '../tables/json.js';
import type { JudgeReportTable } from '../tables/run.table.js';
import type { NewJob } from '../tables/job.table.js';

type NewReport = Omit<Insertable<JudgeReportTable>, 'user_id' | 'job_id'>;

const REPORT_COLUMNS = [
  'id',
  'job_id',
  'status',
  'mode',
  'eval_run_id',
  'eval_run_id_b',
  'judge_model',
  'judge_targets',
  'custom_instructions',
  'config',
  'warnings',
  'report',
  'overall_grade',
  'overall_score',
  'experiment_id',
  'error',
  'shared_at',
  'created_at',
  'started_at',
  'finished_at',
] as const;

/** Judge reports, their per-case verdicts and share links. */
export class JudgeRepository {
  constructor(private readonly db: Db) {}

  /** A report and the job that writes it, together (a report never exists without its status row). */
  createWithJob(job: Omit<NewJob, 'run_id'>, report: NewReport) {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('judge_reports')
        .values({ ...report, user_id: job.user_id, job_id: null })
        .returning(['id'])
        .executeTakeFirstOrThrow();
      const jobRow = await trx
        .insertInto('jobs')
        .values({ ...job, run_id: row.id })
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx.updateTable('judge_reports').set({ job_id: jobRow.id }).where('id', '=', row.id).execute();
      return { job: jobRow, reportId: row.id };
    });
  }

  /** A report that waits for its eval (the judge job is created when the eval ends). */
  async createPending(userId: string, report: NewReport): Promise<string> {
    const row = await this.db
      .insertInto('judge_reports')
      .values({ ...report, user_id: userId, job_id: null })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /**
   * Creates the judge job of a pending report, once: a second caller (an eval finalised twice after
   * a crash) gets undefined.
   */
  attachJob(reportId: string, job: Omit<NewJob, 'run_id'>) {
    return this.db.transaction().execute(async (trx) => {
      const report = await trx
        .selectFrom('judge_reports')
        .select(['id', 'job_id'])
        .where('id', '=', reportId)
        .forUpdate()
        .executeTakeFirst();
      if (!report || report.job_id) return undefined;
      const jobRow = await trx
        .insertInto('jobs')
        .values({ ...job, run_id: reportId })
        .returningAll()
        .executeTakeFirstOrThrow();
      await trx.updateTable('judge_reports').set({ job_id: jobRow.id }).where('id', '=', reportId).execute();
      return jobRow;
    });
  }

  getById(id: string) {
    return this.db.selectFrom('judge_reports').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** The report waiting for (or made from) an eval run. */
  forEvalRun(evalRunId: string) {
    return this.db
      .selectFrom('judge_reports')
      .selectAll()
      .where('eval_run_id', '=', evalRunId)
      .where('mode', 'in', ['live_inline', 'post_eval'])
      .orderBy('created_at')
      .executeTakeFirst();
  }

  get(userId: string, id: string) {
    return this.db
      .selectFrom('judge_reports')
      .select(REPORT_COLUMNS)
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  listByUser(userId: string, limit: number, offset: number, evalRunId?: string) {
    let q = this.db
      .selectFrom('judge_reports')
      .select(REPORT_COLUMNS)
      .select(sql<number>`count(*) over ()::int`.as('total'))
      .where('user_id', '=', userId);
    if (evalRunId)
      q = q.where((eb) => eb.or([eb('eval_run_id', '=', evalRunId), eb('eval_run_id_b', '=', evalRunId)]));
    return q.orderBy('created_at', 'desc').limit(limit).offset(offset).execute();
  }

  async delete(userId: string, id: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom('judge_reports')
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return r.numDeletedRows > 0n;
  }

  /** Records one judged case once (a retried job finds it and moves on). @returns whether this call recorded it */
  async recordVerdict(row: {
    user_id: string;
    report_id: string;
    case_key: string;
    judge_key: string;
    case_id: string;
    provider_key: string | null;
    model_id: string | null;
    verdict: Record<string, unknown> | null;
    repairs: string[];
    error: string | null;
    scorer_passed?: boolean | null;
  }): Promise<boolean> {
    const res = await this.db
      .insertInto('judge_verdicts')
      .values({
        ...row,
        verdict: row.verdict === null ? null : json(row.verdict),
        repairs: json(row.repairs),
      })
      .onConflict((oc) => oc.columns(['report_id', 'case_key', 'judge_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return res !== undefined;
  }

  listVerdicts(reportId: string) {
    return this.db
      .selectFrom('judge_verdicts')
      .selectAll()
      .where('report_id', '=', reportId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  /** The judges' placement warnings (self-judging, shared endpoint), kept with the report. */
  setWarnings(id: string, warnings: string[]) {
    return this.db
      .updateTable('judge_reports')
      .set({ warnings: json(warnings) })
      .where('id', '=', id)
      .execute();
  }

  setReport(
    id: string,
    r: { report: Record<string, unknown>; overall_grade: string | null; overall_score: number | null },
  ) {
    return this.db
      .updateTable('judge_reports')
      .set({ ...r, report: json(r.report) })
      .where('id', '=', id)
      .execute();
  }

  async share(userId: string, id: string, tokenHash: string | null): Promise<boolean> {
    const r = await this.db
      .updateTable('judge_reports')
      .set({ share_token_hash: tokenHash, shared_at: tokenHash ? new Date() : null })
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return r.numUpdatedRows > 0n;
  }

  byShareHash(tokenHash: string) {
    return this.db
      .selectFrom('judge_reports')
      .select(REPORT_COLUMNS)
      .where('share_token_hash', '=', tokenHash)
      .executeTakeFirst();
  }
}
