import type { Db } from '../database.js';
import type { NewProvider, ProviderUpdate } from '../tables/provider.table.js';

/** Per-user provider configs. Every query is scoped by `user_id`. */
export class ProviderRepository {
  constructor(private readonly db: Db) {}

  listByUser(userId: string) {
    return this.db
      .selectFrom('providers')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute();
  }

  get(userId: string, id: string) {
    return this.db
      .selectFrom('providers')
      .selectAll()
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
  }

  getByKey(userId: string, providerKey: string) {
    return this.db
      .selectFrom('providers')
      .selectAll()
      .where('user_id', '=', userId)
      .where('provider_key', '=', providerKey)
      .executeTakeFirst();
  }

  /** @returns the new row, or undefined when the user already has that provider_key */
  create(values: NewProvider) {
    return this.db
      .insertInto('providers')
      .values(values)
      .onConflict((oc) => oc.columns(['user_id', 'provider_key']).doNothing())
      .returningAll()
      .executeTakeFirst();
  }

  update(userId: string, id: string, values: ProviderUpdate) {
    return this.db
      .updateTable('providers')
      .set({ ...values, updated_at: new Date() })
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
  }

  delete(userId: string, id: string) {
    return this.db
      .deleteFrom('providers')
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .returning('id')
      .executeTakeFirst();
  }
}
