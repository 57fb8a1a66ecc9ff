import { sql } from 'kysely';
import type { Db } from '../database.js';

/** Versioned prompts: each save of a name is its next version, linked to the one before. */
export class PromptLibraryRepository {
  constructor(private readonly db: Db) {}

  /** Saves the next version of `name` (concurrent saves of one name get distinct versions). */
  save(
    userId: string,
    p: {
      name: string;
      prompt: string;
      source: 'manual' | 'prompt_tuner';
      origin_run_id: string | null;
      notes: string;
    },
  ) {
    return this.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(hashtext(${`prompt-library:${userId}:${p.name}`}))`.execute(trx);
      const prev = await trx
        .selectFrom('prompt_library')
        .select(['id', 'version'])
        .where('user_id', '=', userId)
        .where('name', '=', p.name)
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
      return trx
        .insertInto('prompt_library')
        .values({ ...p, user_id: userId, version: (prev?.version ?? 0) + 1, parent_id: prev?.id ?? null })
        .returningAll()
        .executeTakeFirstOrThrow();
    });
  }

  list(userId: string, name?: string) {
    let q = this.db.selectFrom('prompt_library').selectAll().where('user_id', '=', userId);
    if (name !== undefined) q = q.where('name', '=', name);
    return q.orderBy('name').orderBy('version', 'desc').execute();
  }

  get(userId: string, id: string) {
    return this.db
      .selectFrom('prompt_library')
      .selectAll()
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  async delete(userId: string, id: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom('prompt_library')
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return r.numDeletedRows > 0n;
  }
}
