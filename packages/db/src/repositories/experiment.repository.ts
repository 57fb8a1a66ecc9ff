import type { Db } from '../database.js';

/** Experiments group runs of one suite; every query is scoped by `user_id`. */
export class ExperimentRepository {
  constructor(private readonly db: Db) {}

  get(userId: string, id: string) {
    return this.db
      .selectFrom('experiments')
      .selectAll()
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .executeTakeFirst();
  }
}
