import type { Db } from '../database.js';
import { json } from '../tables/json.js';

/** A user's saved param-tune search spaces. */
export class PresetRepository {
  constructor(private readonly db: Db) {}

  list(userId: string) {
    return this.db.selectFrom('presets').selectAll().where('user_id', '=', userId).orderBy('name').execute();
  }

  get(userId: string, id: string) {
    return this.db
      .selectFrom('presets')
      .selectAll()
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  count(userId: string) {
    return this.db
      .selectFrom('presets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  }

  /** @returns the new preset, or undefined when the user already has one with that name */
  create(
    userId: string,
    p: {
      name: string;
      description: string;
      search_space: Record<string, unknown>;
      per_model_search_spaces: Record<string, unknown> | null;
    },
  ) {
    return this.db
      .insertInto('presets')
      .values({
        user_id: userId,
        name: p.name,
        description: p.description,
        search_space: json(p.search_space),
        per_model_search_spaces: p.per_model_search_spaces === null ? null : json(p.per_model_search_spaces),
      })
      .onConflict((oc) => oc.columns(['user_id', 'name']).doNothing())
      .returningAll()
      .executeTakeFirst();
  }

  async delete(userId: string, id: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom('presets')
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
    return r.numDeletedRows > 0n;
  }
}
