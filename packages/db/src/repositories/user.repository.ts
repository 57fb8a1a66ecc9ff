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
}
