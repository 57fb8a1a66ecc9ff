import { randomBytes } from 'node:crypto';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest } from '@llmbench/db';
import type { TestProject } from 'vitest/node';
import { dockerAvailable } from './docker.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the test Postgres server (any database on it). */
    pgAdminUrl: string;
    /** Name of the migrated template database that every test file clones. */
    pgTemplate: string;
    /** Redis URL of the test server. */
    redisUrl: string;
    /** Unique id of this test run; prefixes database names and Redis keys. */
    runId: string;
  }
}

type Stoppable = { stop(): Promise<unknown> };

async function startServices(): Promise<{ pgAdminUrl: string; redisUrl: string; containers: Stoppable[] }> {
  const pgUrl = process.env.DATABASE_URL;
  const redisUrl = process.env.REDIS_URL;
  if (!pgUrl && !redisUrl && (await dockerAvailable())) {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const { RedisContainer } = await import('@testcontainers/redis');
    const [pgc, rc] = await Promise.all([
      new PostgreSqlContainer('postgres:16-alpine').start(),
      new RedisContainer('redis:7-alpine').start(),
    ]);
    return { pgAdminUrl: pgc.getConnectionUri(), redisUrl: rc.getConnectionUrl(), containers: [pgc, rc] };
  }
  return {
    pgAdminUrl: pgUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    redisUrl: redisUrl ?? 'redis://127.0.0.1:6379',
    containers: [],
  };
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Drops every database this run created (the template and the per-file clones). */
async function dropRunDatabases(adminUrl: string, runId: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`lbt_${runId}_%`],
    );
    for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
  } finally {
    await client.end();
  }
}

/**
 * Runs once per `vitest run`: picks the Postgres/Redis to test against, migrates a template
 * database that each test file clones, and drops everything it created at the end.
 */
export default async function setup(project: TestProject) {
  const runId = randomBytes(4).toString('hex');
  const { pgAdminUrl, redisUrl, containers } = await startServices();
  const template = `lbt_${runId}_tpl`;
  const admin = new pg.Client({ connectionString: pgAdminUrl });
  await admin.connect();
  await admin.query(`create database "${template}"`);
  await admin.end();

  const db = new Kysely<unknown>({
    dialect: new PostgresDialect({
      pool: new pg.Pool({ connectionString: withDatabase(pgAdminUrl, template), max: 1 }),
    }),
  });
  try {
    await migrateToLatest(db);
    await sql`select 1`.execute(db);
  } finally {
    await db.destroy();
  }

  project.provide('pgAdminUrl', pgAdminUrl);
  project.provide('pgTemplate', template);
  project.provide('redisUrl', redisUrl);
  project.provide('runId', runId);

  return async () => {
    await dropRunDatabases(pgAdminUrl, runId);
    for (const c of containers) await c.stop();
  };
}
