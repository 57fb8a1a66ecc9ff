import { sql } from 'kysely';
import type { Db } from '../database.js';

const PUBLIC_COLUMNS = ['id', 'email', 'role', 'max_concurrent_jobs', 'disabled_at', 'created_at'] as const;

/** Users: accounts, roles and per-user limits. */
export class UserRepository {
  constructor(private readonly db: Db) {}

  /**
   * Creates a user; the very first user of the installation becomes admin. The advisory lock
   * makes two simultaneous first registrations agree on who is first.
   * @returns the public columns of the new user
   */
  async createFirstIsAdmin(email: string, passwordHash: string) {
    return this.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext('users:first-admin'))`.execute(trx);
      const existing = await trx.selectFrom('users').select('id').limit(1).executeTakeFirst();
      return trx
        .insertInto('users')
        .values({ email, password_hash: passwordHash, role: existing ? 'user' : 'admin' })
        .returning(PUBLIC_COLUMNS)
        .executeTakeFirstOrThrow();
    });
  }

  /** Finds a user by e-mail, case-insensitively, with the password hash (for login only). */
  getByEmailWithSecret(email: string) {
    return this.db
      .selectFrom('users')
      .select([...PUBLIC_COLUMNS, 'password_hash'])
      .where(sql<string>`lower(email)`, '=', email.toLowerCase())
      .executeTakeFirst();
  }

  get(id: string) {
    return this.db.selectFrom('users').select(PUBLIC_COLUMNS).where('id', '=', id).executeTakeFirst();
  }

  touchLogin(id: string) {
    return this.db.updateTable('users').set({ last_login_at: new Date() }).where('id', '=', id).execute();
  }

  /** The user's monthly spending cap and what their runs have spent since the month began (UTC). */
  async budget(userId: string): Promise<{ budget_usd_monthly: number | null; spent_this_month_usd: number }> {
    const user = await this.db
      .selectFrom('users')
      .select('budget_usd_monthly')
      .where('id', '=', userId)
      .executeTakeFirst();
    const spent = await this.db
      .selectFrom('case_results')
      .select(sql<number>`coalesce(sum(cost_usd), 0)::float`.as('usd'))
      .where('user_id', '=', userId)
      .where('created_at', '>=', sql<Date>`date_trunc('month', now() at time zone 'utc') at time zone 'utc'`)
      .executeTakeFirstOrThrow();
    return { budget_usd_monthly: user?.budget_usd_monthly ?? null, spent_this_month_usd: spent.usd };
  }

  setBudget(userId: string, usd: number | null) {
    return this.db.updateTable('users').set({ budget_usd_monthly: usd }).where('id', '=', userId).execute();
  }
}
