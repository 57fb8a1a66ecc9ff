import { type Kysely, sql } from 'kysely';

// Frozen in time: this file never imports application code (STYLE.md rule 14).

/**
 * One row per planned combination of a parameter tune (per target), so combinations are saved
 * incrementally and completed exactly once per rung, whichever eval worker finishes them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table param_tune_combos (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references users(id) on delete cascade,
    tune_id uuid not null references param_tune_runs(id) on delete cascade,
    provider_key text not null,
    model_id text not null,
    combo_index integer not null,
    combo_key text not null,
    config jsonb not null,
    params jsonb not null,
    requested jsonb not null,
    adjustments jsonb not null default '[]',
    status text not null default 'pending' check (status in ('pending', 'done', 'partial')),
    rung integer not null default -1,
    cases_done integer not null default 0,
    scores jsonb,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    unique (tune_id, provider_key, model_id, combo_index),
    unique (tune_id, provider_key, model_id, combo_key)
  )`.execute(db);
  await sql`create index param_tune_combos_tune_status_idx on param_tune_combos (tune_id, status)`.execute(
    db,
  );
  await sql`alter table param_tune_runs
    add column eval_run_id uuid references eval_runs(id) on delete set null,
    add column calls_used integer not null default 0,
    add column stop_reason text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table param_tune_runs drop column eval_run_id, drop column calls_used, drop column stop_reason`.execute(
    db,
  );
  await sql`drop table param_tune_combos`.execute(db);
}
