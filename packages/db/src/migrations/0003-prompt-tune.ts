import { type Kysely, sql } from 'kysely';

// Frozen in time: this file never imports application code (STYLE.md rule 14).

/**
 * Prompt tuning: one row per generation (what the meta-model answered, or why not) and per
 * candidate prompt (lineage, per-model scores recorded once each), plus the prompt library.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table prompt_tune_runs
    add column eval_run_id uuid references eval_runs(id) on delete set null,
    add column calls_used integer not null default 0,
    add column calls_saved integer not null default 0,
    add column meta_calls integer not null default 0,
    add column cost_usd double precision not null default 0,
    add column stop_reason text,
    add column validation_score double precision,
    add column best_candidate_id uuid`.execute(db);

  await sql`create table prompt_tune_generations (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references users(id) on delete cascade,
    tune_id uuid not null references prompt_tune_runs(id) on delete cascade,
    generation integer not null,
    status text not null check (status in ('generated', 'error')),
    error text,
    note text,
    meta_calls integer not null default 0,
    created_at timestamptz not null default now(),
    unique (tune_id, generation)
  )`.execute(db);

  await sql`create table prompt_tune_candidates (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references users(id) on delete cascade,
    tune_id uuid not null references prompt_tune_runs(id) on delete cascade,
    generation integer not null,
    idx integer not null,
    prompt text not null,
    style text,
    parent_ids jsonb not null default '[]',
    mutation_type text,
    duplicate_of uuid references prompt_tune_candidates(id) on delete set null,
    scores jsonb not null default '{}',
    validation jsonb not null default '{}',
    created_at timestamptz not null default now(),
    unique (tune_id, generation, idx)
  )`.execute(db);

  await sql`create table prompt_library (
    id uuid primary key default gen_random_uuid(),
    user_id uuid not null references users(id) on delete cascade,
    name text not null,
    version integer not null,
    prompt text not null,
    source text not null check (source in ('manual', 'prompt_tuner')),
    origin_run_id uuid,
    parent_id uuid references prompt_library(id) on delete set null,
    notes text not null default '',
    created_at timestamptz not null default now(),
    unique (user_id, name, version)
  )`.execute(db);
  await sql`create index prompt_library_user_created_idx on prompt_library (user_id, created_at desc)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table prompt_library`.execute(db);
  await sql`drop table prompt_tune_candidates`.execute(db);
  await sql`drop table prompt_tune_generations`.execute(db);
  await sql`alter table prompt_tune_runs drop column eval_run_id, drop column calls_used, drop column calls_saved,
    drop column meta_calls, drop column cost_usd, drop column stop_reason, drop column validation_score,
    drop column best_candidate_id`.execute(db);
}
