import { sql } from 'kysely';
import type { Db } from '../database.js';
import { json } from '../tables/json.js';

export type UserPatch = {
  role?: 'admin' | 'user';
  max_concurrent_jobs?: number;
  budget_usd_monthly?: number | null;
  disabled?: boolean;
};

/** What admins read and change across users: accounts, activity, the audit log, usage. */
export class AdminRepository {
  constructor(private readonly db: Db) {}

  /** Every user with their active (queued or running) job count. */
  listUsers(limit: number, offset: number) {
    return this.db
      .selectFrom('users as u')
      .select([
        'u.id',
        'u.email',
        'u.role',
        'u.max_concurrent_jobs',
        'u.budget_usd_monthly',
        'u.disabled_at',
        'u.last_login_at',
        'u.created_at',
      ])
      .select((eb) =>
        eb
          .selectFrom('jobs as j')
          .select(sql<number>`count(*)::int`.as('n'))
          .whereRef('j.user_id', '=', 'u.id')
          .where('j.status', 'in', ['queued', 'running'])
          .as('active_jobs'),
      )
      .select(sql<number>`count(*) over ()::int`.as('total'))
      .orderBy('u.created_at')
      .limit(limit)
      .offset(offset)
      .execute();
  }

  /** @returns the updated user, or undefined when there is none with that id */
  updateUser(id: string, patch: UserPatch) {
    const { disabled, ...rest } = patch;
    return this.db
      .updateTable('users')
      .set({
        ...rest,
        ...(disabled === undefined
          ? {}
          : { disabled_at: disabled ? sql`coalesce(disabled_at, now())` : null }),
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .returning(['id', 'email', 'role', 'max_concurrent_jobs', 'budget_usd_monthly', 'disabled_at'])
      .executeTakeFirst();
  }

  audit(entry: {
    user_id: string;
    action: string;
    resource_type: string;
    resource_id: string | null;
    detail: Record<string, unknown>;
    ip: string | null;
  }) {
    return this.db
      .insertInto('audit_log')
      .values({ ...entry, detail: json(entry.detail) })
      .execute();
  }

  listAudit(limit: number, offset: number) {
    return this.db
      .selectFrom('audit_log as a')
      .leftJoin('users as u', 'u.id', 'a.user_id')
      .select([
        'a.id',
        'a.user_id',
        'u.email as actor_email',
        'a.action',
        'a.resource_type',
        'a.resource_id',
        'a.detail',
        'a.ip',
        'a.created_at',
      ])
      .select(sql<number>`count(*) over ()::int`.as('total'))
      .orderBy('a.created_at', 'desc')
      .limit(limit)
      .offset(offset)
      .execute();
  }

  /** Jobs ended in the window, by type and status: throughput. */
  jobsSince(since: Date) {
    return this.db
      .selectFrom('jobs')
      .select(['type', 'status', sql<number>`count(*)::int`.as('n')])
      .where('finished_at', '>=', since)
      .groupBy(['type', 'status'])
      .execute();
  }

  /** LLM calls, failures and tokens per provider in the window (from stored results). */
  llmUsageSince(since: Date) {
    return this.db
      .selectFrom('case_results')
      .select([
        'provider_key',
        sql<number>`count(*)::int`.as('calls'),
        sql<number>`count(*) filter (where not success)::int`.as('failed'),
        sql<number>`coalesce(sum(prompt_tokens), 0)::int`.as('prompt_tokens'),
        sql<number>`coalesce(sum(completion_tokens), 0)::int`.as('completion_tokens'),
      ])
      .where('created_at', '>=', since)
      .groupBy('provider_key')
      .execute();
  }

  /** Failed calls by error category in the window. */
  errorsSince(since: Date) {
    return this.db
      .selectFrom('case_results')
      .select([
        sql<string>`coalesce(error_category, 'unknown')`.as('category'),
        sql<number>`count(*)::int`.as('n'),
      ])
      .where('created_at', '>=', since)
      .where('success', '=', false)
      .groupBy(sql`coalesce(error_category, 'unknown')`)
      .execute();
  }
}
