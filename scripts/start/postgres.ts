/** PostgreSQL: probe a URL, create its database when missing, or run an embedded server. */
import pg from 'pg';

export type PgProbe = { ok: true } | { ok: false; reason: string };

function errorCode(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && 'code' in err ? String(err.code) : undefined;
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

async function query(url: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  // A server that drops the connection must not crash the start command with an unhandled 'error'.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The URL of the same server with another database name (the maintenance db `postgres`). */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, '')) || 'postgres';
}

/**
 * Connects to `url` and runs a real query. When the server answers but the database does not
 * exist yet (SQLSTATE 3D000), creates it through the maintenance database first.
 */
export async function ensurePostgresDatabase(url: string): Promise<PgProbe> {
  try {
    await query(url, 'SELECT 1');
    return { ok: true };
  } catch (err) {
    if (errorCode(err) !== '3D000') return { ok: false, reason: errorText(err) };
  }
  const name = databaseName(url);
  try {
    await query(withDatabase(url, 'postgres'), `CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } catch (err) {
    // 42P04: another process created it between our two queries.
    if (errorCode(err) !== '42P04')
      return { ok: false, reason: `cannot create database ${name}: ${errorText(err)}` };
  }
  try {
    await query(url, 'SELECT 1');
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: errorText(err) };
  }
}
