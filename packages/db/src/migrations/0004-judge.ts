import { type Kysely, sql } from 'kysely';

// Frozen in time: this file never imports application code (STYLE.md rule 14).

/**
 * Judging: one row per judged case (per judge, for juries; per order, for comparisons), recorded
 * once even when a worker dies mid-report; reports get their judges, settings and share links.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table judge_reports
    add column judge_targets jsonb not null default '[]',
    add column config jsonb not null default '{}',
    add column warnings jsonb not null default '[]',
    add column share_token_hash text unique,
    add column shared_at timestamptz`.execute(db);
  await sql`create table judge_verdicts (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references users(id) on delete cascade,
    report_id uuid not null references judge_reports(id) on delete cascade,
    case_key text not null,
    judge_key text not null,
    case_id text not null,
    provider_key text,
    model_id text,
    verdict jsonb,
    repairs jsonb not null default '[]',
    error text,
    created_at timestamptz not null default now(),
    unique (report_id, case_key, judge_key)
  )`.execute(db);
  await sql`create index judge_verdicts_report_idx on judge_verdicts (report_id, created_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table judge_verdicts`.execute(db);
  await sql`alter table judge_reports drop column judge_targets, drop column config, drop column warnings,
    drop column share_token_hash, drop column shared_at`.execute(db);
}
