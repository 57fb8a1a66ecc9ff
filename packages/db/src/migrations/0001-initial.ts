import { type Kysely, sql } from 'kysely';

// Frozen in time: this file never imports application code (STYLE.md rule 14).

const uuidPk = sql`uuid primary key default gen_random_uuid()`;
const now = sql`timestamptz not null default now()`;

async function ownedIndex(db: Kysely<unknown>, table: string): Promise<void> {
  await sql`create index ${sql.raw(`${table}_user_created_idx`)} on ${sql.table(table)} (user_id, created_at desc)`.execute(
    db,
  );
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists pgcrypto`.execute(db);

  await sql`create table users (
    id ${uuidPk},
    email text not null,
    password_hash text not null,
    role text not null default 'user' check (role in ('admin', 'user')),
    max_concurrent_jobs integer not null default 1 check (max_concurrent_jobs between 1 and 50),
    budget_usd_monthly double precision,
    disabled_at timestamptz,
    last_login_at timestamptz,
    created_at ${now},
    updated_at ${now}
  )`.execute(db);
  await sql`create unique index users_email_lower_idx on users (lower(email))`.execute(db);

  await sql`create table refresh_tokens (
    id ${uuidPk},
    user_id uuid not null references users(id) on delete cascade,
    token_hash text not null unique,
    family_id uuid not null,
    expires_at timestamptz not null,
    revoked_at timestamptz,
    created_at ${now}
  )`.execute(db);
  await ownedIndex(db, 'refresh_tokens');

  await sql`create table api_tokens (
    id ${uuidPk},
    user_id uuid not null references users(id) on delete cascade,
    name text not null,
    token_hash text not null unique,
    token_prefix text not null,
    expires_at timestamptz,
    last_used_at timestamptz,
    revoked_at timestamptz,
    created_at ${now}
  )`.execute(db);
  await ownedIndex(db, 'api_tokens');

  await sql`create table providers (
    id ${uuidPk},
    user_id uuid not null references users(id) on delete cascade,
    provider_key text not null,
    provider text not null,
    name text not null,
    base_url text,
    api_key_ciphertext text,
    models jsonb not null default '[]',
    max_concurrency integer not null default 4,
    is_active boolean not null default true,
    created_at ${now},
    updated_at ${now},
    unique (user_id, provider_key)
  )`.execute(db);
  await ownedIndex(db, 'providers');

  await sql`create table tool_suites (
    id ${uuidPk},
    user_id uuid not null references users(id) on delete cascade,
    name text not null,
    description text not null default '',
    system_prompt text not null default '',
    tools jsonb not null default '[]',
    source jsonb,
    created_at ${now},
    updated_at ${now}
  )`.execute(db);
  await ownedIndex(db, 'tool_suites');

  await sql`create table test_cases (
    id ${uuidPk},
    user_id uuid not null references users(id) on delete cascade,
    suite_id uuid not null references tool_suites(id) on delete cascade,
    position integer not null,
    prompt text not null,
    expected_tool jsonb,
    expected_params jsonb,
    param_scoring text not null default 'exact',
    scoring_config jsonb,
    category text,
    tools jsonb,
    multi_turn boolean not null default false,
    max_rounds integer,
    optimal_hops integer,
    valid_prerequisites jsonb,
    mock_responses jsonb,
    argument_source jsonb,
    bfcl jsonb,
    created_at ${now},
    updated_at ${now}
  )`.execute(db);
  await ownedIndex(db, 'test_cases');
  await sql`create index test_cases_suite_position_idx on test_cases (suite_id, position)`.execute(db);

  await sql`create table experiments (
    id ${uuidPk},
    user_id uuid not null references users(id) on delete cascade,
    name text not null,
    description text not null default '',
    suite_id uuid references tool_suites(id) on delete set null,
    baseline_eval_id uuid,
    baseline_score double precision,
    best_config jsonb,
    best_score double precision,
    best_source text,
    best_source_id uuid,
    status text not null default 'active' check (status in ('active', 'archived')),
    created_at ${now},
    updated_at ${now}
  )`.execute(db);
  await ownedIndex(db, 'experiments');

  await createJobTables(db);
  await createRunTables(db);

  await sql`create table presets (
    id ${uuidPk},
    user_id uuid not null references users(id) on delete cascade,
    name text not null,
    description text not null default '',
    search_space jsonb not null,
    per_model_search_spaces jsonb,
    created_at ${now},
    updated_at ${now},
    unique (user_id, name)
  )`.execute(db);
  await ownedIndex(db, 'presets');

  await sql`create table audit_log (
    id ${uuidPk},
    user_id uuid references users(id) on delete set null,
    action text not null,
    resource_type text not null,
    resource_id text,
    detail jsonb,
    ip text,
    created_at ${now}
  )`.execute(db);
  await ownedIndex(db, 'audit_log');
}

const JOB_STATUS = sql`check (status in ('queued', 'running', 'completed', 'failed', 'cancelled'))`;

async function createJobTables(db: Kysely<unknown>): Promise<void> {
  await sql`create table jobs (
    id ${uuidPk},
    user_id uuid not null references users(id) on delete cascade,
    type text not null,
    status text not null default 'queued' ${JOB_STATUS},
    run_id uuid,
    parent_job_id uuid references jobs(id) on delete cascade,
    progress_pct double precision not null default 0,
    progress_detail text not null default '',
    eta_s double precision,
    payload jsonb not null,
    error jsonb,
    attempts integer not null default 0,
    created_at ${now},
    started_at timestamptz,
    finished_at timestamptz,
    updated_at ${now}
  )`.execute(db);
  await ownedIndex(db, 'jobs');
  await sql`create index jobs_user_status_idx on jobs (user_id, status)`.execute(db);
}

async function createRunTables(db: Kysely<unknown>): Promise<void> {
  const common = sql`
    id ${uuidPk},
    user_id uuid not null references users(id) on delete cascade,
    job_id uuid references jobs(id) on delete set null,
    experiment_id uuid references experiments(id) on delete set null,
    status text not null default 'queued' ${JOB_STATUS},
    error jsonb,
    created_at ${now},
    started_at timestamptz,
    finished_at timestamptz`;

  await sql`create table eval_runs (${common},
    suite_id uuid references tool_suites(id) on delete set null,
    suite_name text not null,
    config jsonb not null,
    targets jsonb not null,
    suite_snapshot jsonb not null,
    summary jsonb,
    orchestrator_type text not null default 'standalone',
    orchestrator_run_id uuid,
    total_cases integer not null default 0,
    completed_cases integer not null default 0
  )`.execute(db);
  await ownedIndex(db, 'eval_runs');

  await sql`create table case_results (
    id ${uuidPk},
    user_id uuid not null references users(id) on delete cascade,
    run_id uuid not null references eval_runs(id) on delete cascade,
    unit_key text not null,
    case_id uuid not null,
    repeat_index integer not null default 0,
    provider_key text not null,
    model_id text not null,
    success boolean not null,
    tool_score double precision not null,
    param_score double precision,
    overall_score double precision not null,
    passed boolean not null,
    error text,
    error_category text,
    latency_ms integer,
    prompt_tokens integer,
    completion_tokens integer,
    cost_usd double precision,
    detail jsonb not null,
    created_at ${now},
    unique (run_id, unit_key, case_id, repeat_index)
  )`.execute(db);
  await ownedIndex(db, 'case_results');

  await sql`create table param_tune_runs (${common},
    suite_id uuid references tool_suites(id) on delete set null,
    strategy text not null default 'grid',
    search_space jsonb not null,
    per_model_search_spaces jsonb,
    targets jsonb not null,
    config jsonb not null,
    results jsonb not null default '[]',
    best_config jsonb,
    best_score double precision,
    total_combos integer not null default 0,
    completed_combos integer not null default 0
  )`.execute(db);
  await ownedIndex(db, 'param_tune_runs');

  await sql`create table prompt_tune_runs (${common},
    suite_id uuid references tool_suites(id) on delete set null,
    mode text not null check (mode in ('quick', 'evolutionary')),
    base_prompt text not null default '',
    targets jsonb not null,
    meta_target jsonb not null,
    config jsonb not null,
    generations jsonb not null default '[]',
    best_prompt text,
    best_score double precision,
    total_prompts integer not null default 0,
    completed_prompts integer not null default 0
  )`.execute(db);
  await ownedIndex(db, 'prompt_tune_runs');

  await sql`create table judge_reports (${common},
    eval_run_id uuid references eval_runs(id) on delete cascade,
    eval_run_id_b uuid references eval_runs(id) on delete cascade,
    judge_model jsonb not null,
    mode text not null check (mode in ('post_eval', 'live_inline', 'comparative')),
    custom_instructions text not null default '',
    verdicts jsonb not null default '[]',
    report jsonb,
    overall_grade text,
    overall_score double precision,
    parent_report_id uuid references judge_reports(id) on delete set null,
    version integer not null default 1
  )`.execute(db);
  await ownedIndex(db, 'judge_reports');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'audit_log',
    'presets',
    'judge_reports',
    'prompt_tune_runs',
    'param_tune_runs',
    'case_results',
    'eval_runs',
    'jobs',
    'experiments',
    'test_cases',
    'tool_suites',
    'providers',
    'api_tokens',
    'refresh_tokens',
    'users',
  ]) {
    await sql`drop table if exists ${sql.table(t)} cascade`.execute(db);
  }
}
