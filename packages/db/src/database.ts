import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { UserTable } from './tables/user.table.js';
import type { ApiTokenTable, RefreshTokenTable } from './tables/token.table.js';
import type { ProviderTable } from './tables/provider.table.js';
import type { TestCaseTable, ToolSuiteTable } from './tables/suite.table.js';
import type { JobTable } from './tables/job.table.js';
import type {
  CaseResultTable,
  EvalRunTable,
  JudgeReportTable,
  ParamTuneComboTable,
  ParamTuneRunTable,
  PromptTuneRunTable,
  PromptTuneGenerationTable,
  PromptTuneCandidateTable,
  PromptLibraryTable,
  JudgeVerdictTable,
} from './tables/run.table.js';
import type { AuditLogTable, ExperimentTable, PresetTable } from './tables/misc.table.js';

/** Every table of the product, keyed by its SQL name. */
export interface Database {
  users: UserTable;
  refresh_tokens: RefreshTokenTable;
  api_tokens: ApiTokenTable;
  providers: ProviderTable;
  tool_suites: ToolSuiteTable;
  test_cases: TestCaseTable;
  experiments: ExperimentTable;
  jobs: JobTable;
  eval_runs: EvalRunTable;
  case_results: CaseResultTable;
  param_tune_runs: ParamTuneRunTable;
  param_tune_combos: ParamTuneComboTable;
  prompt_tune_runs: PromptTuneRunTable;
  prompt_tune_generations: PromptTuneGenerationTable;
  prompt_tune_candidates: PromptTuneCandidateTable;
  prompt_library: PromptLibraryTable;
  judge_reports: JudgeReportTable;
  judge_verdicts: JudgeVerdictTable;
  presets: PresetTable;
  audit_log: AuditLogTable;
}

export type Db = Kysely<Database>;

export type DbOptions = { url: string; maxConnections?: number; statementTimeoutMs?: number };

/**
 * Opens a pooled Kysely instance. The pool fails fast when Postgres is down
 * (connection timeout) so the API can answer 503 instead of hanging.
 * @param options - connection URL and pool size
 * @returns the Kysely instance; call `destroy()` to close the pool
 */
export function createDb(options: DbOptions): Db {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 5_000,
    statement_timeout: options.statementTimeoutMs ?? 30_000,
  });
  // A client losing its connection (a Postgres restart, a network cut) must not crash the process:
  // idle ones report on the pool, checked-out ones on themselves; the query in flight rejects and
  // the next one reconnects.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
