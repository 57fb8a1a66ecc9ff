import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, migrateToLatest, type Db } from '@llmbench/db';

export type TestDatabase = { url: string; db: Db; drop: () => Promise<void> };

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function withAdmin<T>(adminUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

/**
 * Creates a database on the server of `adminUrl` — a clone of `template` when given (takes
 * milliseconds), else an empty one that is then migrated — and opens a pool on it.
 */
export async function createDatabase(options: {
  adminUrl: string;
  name: string;
  template?: string;
}): Promise<TestDatabase> {
  await withAdmin(options.adminUrl, async (admin) => {
    // Two clones of one template at the same instant can collide ("being accessed by other users").
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(
          `create database "${options.name}"${options.template ? ` template "${options.template}"` : ''}`,
        );
        return;
      } catch (err) {
        if (attempt >= 20 || !String(err).includes('being accessed')) throw err;
        await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
      }
    }
  });
  const url = withDatabase(options.adminUrl, options.name);
  const db = createDb({ url, maxConnections: 10 });
  if (!options.template) await migrateToLatest(db);
  return {
    url,
    db,
    drop: async () => {
      await db.destroy();
      await withAdmin(options.adminUrl, (c) =>
        c.query(`drop database if exists "${options.name}" with (force)`),
      );
    },
  };
}

/** A fresh, migrated database for one test file: a clone of the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const { inject } = await import('vitest');
  return createDatabase({
    adminUrl: inject('pgAdminUrl'),
    name: `lbt_${inject('runId')}_${randomBytes(4).toString('hex')}`,
    template: inject('pgTemplate'),
  });
}
