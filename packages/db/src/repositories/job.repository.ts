import { sql } from 'kysely';
import type { JobError, JobStatus, JobType } from '@llmbench/contracts';
import type { Db } from '../database.js';
import { json } from '../tables/json.js';

const ACTIVE: JobStatus[] = ['queued', 'running'];

/** The `jobs` rows: one per submitted eval-family operation. */
export class JobRepository {
  constructor(private readonly db: Db) {}

  get(userId: string, id: string) {
    return this.db
      .selectFrom('jobs')
      .selectAll()
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** For workers, which act on a job by id (the payload names the owner). */
  getById(id: string) {
    return this.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** A user's jobs; `userId` null lists every user's (admins). */
  list(userId: string | null, filter: { status?: JobStatus; type?: JobType; limit: number; offset: number }) {
    let q = this.db
      .selectFrom('jobs')
      .selectAll()
      .select(sql<number>`count(*) over ()::int`.as('total'));
    if (userId !== null) q = q.where('user_id', '=', userId);
    if (filter.status) q = q.where('status', '=', filter.status);
    if (filter.type) q = q.where('type', '=', filter.type);
    return q.orderBy('created_at', 'desc').limit(filter.limit).offset(filter.offset).execute();
  }

  /** Marks a queued (or recovered running) job running; undefined when it already ended. */
  markRunning(id: string) {
    return this.db
      .updateTable('jobs')
      .set((eb) => ({
        status: 'running',
        started_at: sql`coalesce(started_at, now())`,
        attempts: eb('attempts', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', id)
      .where('status', 'in', ACTIVE)
      .returningAll()
      .executeTakeFirst();
  }

  /**
   * Ends a job exactly once: only an active job moves to a terminal status, so a cancel racing
   * a completion has one winner. @returns the row when this call ended it
   */
  finish(id: string, status: Exclude<JobStatus, 'queued' | 'running'>, error: JobError | null = null) {
    return this.db
      .updateTable('jobs')
      .set({
        status,
        error: json(error),
        finished_at: new Date(),
        updated_at: new Date(),
        ...(status === 'completed' ? { progress_pct: 100 } : {}),
      })
      .where('id', '=', id)
      .where('status', 'in', ACTIVE)
      .returningAll()
      .executeTakeFirst();
  }

  setProgress(id: string, pct: number, detail: string, etaS: number | null) {
    return this.db
      .updateTable('jobs')
      .set({ progress_pct: pct, progress_detail: detail, eta_s: etaS, updated_at: new Date() })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .execute();
  }

  /** Running jobs (their slot leases are kept alive). */
  listRunning(limit: number) {
    return this.db
      .selectFrom('jobs')
      .select(['id', 'user_id'])
      .where('status', '=', 'running')
      .limit(limit)
      .execute();
  }

  /** Active jobs not touched since `before`: candidates for the reaper. */
  listStale(before: Date, limit: number) {
    return this.db
      .selectFrom('jobs')
      .select(['id', 'user_id', 'status', 'type', 'run_id'])
      .where('status', 'in', ACTIVE)
      .where('updated_at', '<', before)
      .orderBy('updated_at')
      .limit(limit)
      .execute();
  }

  /** The owner's concurrent-job limit, read at admission so an admin change applies at once. */
  async userLimit(userId: string): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select('max_concurrent_jobs')
      .where('id', '=', userId)
      .executeTakeFirst();
    return row?.max_concurrent_jobs ?? 1;
  }
}
