import { randomBytes } from 'node:crypto';
import { createDatabase, createKeySpace } from '@llmbench/testing';
import { startStack, type StackOptions } from '../tests/support/stack.js';
import { api } from '../tests/support/api.js';

/** A whole stack on a fresh database and Redis key space (bench runs never touch test data). */
export async function benchStack(options: Omit<StackOptions, 'infra'>) {
  const id = randomBytes(4).toString('hex');
  const db = await createDatabase({
    adminUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    name: `lbs_bench_${id}`,
  });
  const redis = createKeySpace(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', `lbs-bench:${id}`);
  return { id, stack: await startStack({ ...options, infra: { db, redis } }) };
}

/** Registers a bench user and imports a one-tool suite of `cases` cases. */
export async function benchUserWithSuite(url: string, id: string, cases: number) {
  const reg = await api(url).post('/api/auth/register', {
    email: `bench-${id}@bench.io`,
    password: 'bench-password',
  });
  const client = api(url, reg.body.access_token);
  const suite = await client.post('/api/tool-eval/import', {
    name: 'bench',
    tools: [
      {
        type: 'function',
        function: {
          name: 'get_weather',
          description: 'Weather for a city',
          parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
        },
      },
    ],
    test_cases: Array.from({ length: cases }, (_, i) => ({
      prompt: `What is the weather in Paris number ${i}?`,
      expected_tool: 'get_weather',
    })),
  });
  return { client, suiteId: suite.body.id as string };
}
