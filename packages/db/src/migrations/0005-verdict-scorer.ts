import { type Kysely, sql } from 'kysely';

// Frozen in time: this file never imports application code (STYLE.md rule 14).

/**
 * A verdict row keeps whether the deterministic scorer passed the case it judged, so a stored
 * report computes judge/scorer agreement from the same fact the live event carried (null for
 * comparison orders, which judge two answers).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table judge_verdicts add column scorer_passed boolean`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table judge_verdicts drop column scorer_passed`.execute(db);
}
