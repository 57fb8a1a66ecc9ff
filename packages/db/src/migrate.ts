import { type Kysely, Migrator, type MigrationResultSet } from 'kysely';
import { MIGRATIONS } from './migrations/index.js';

/**
 * Runs every pending migration. Kysely's migration lock makes concurrent callers
 * (several gateway replicas booting at once) safe.
 * @throws the first migration error
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run on any database shape
export async function migrateToLatest(db: Kysely<any>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => MIGRATIONS } });
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error;
  return result;
}
