import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const DEMO_SUITE = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '..', '..', 'infra', 'demo', 'smart-home-suite.json'), 'utf8'),
);

/** A JSON client for the gateway, as an API user would write one. */
export function api(base: string, token?: string) {
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(base + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  }
  return {
    get: (p: string) => call('GET', p),
    post: (p: string, b: unknown = {}) => call('POST', p, b),
    patch: (p: string, b: unknown = {}) => call('PATCH', p, b),
    put: (p: string, b: unknown = {}) => call('PUT', p, b),
    delete: (p: string) => call('DELETE', p),
    token: token ?? '',
  };
}

/** Registers a user and imports the demo suite for them. */
export async function userWithDemoSuite(base: string) {
  const email = `e2e-${randomBytes(4).toString('hex')}@test.io`;
  const reg = await api(base).post('/api/auth/register', { email, password: 'correct horse battery' });
  if (reg.status !== 201) throw new Error(`register: ${reg.status} ${JSON.stringify(reg.body)}`);
  const client = api(base, reg.body.access_token);
  const suite = await client.post('/api/tool-eval/import', DEMO_SUITE);
  if (suite.status !== 201) throw new Error(`import: ${suite.status} ${JSON.stringify(suite.body)}`);
  return {
    client,
    user: reg.body.user,
    suiteId: suite.body.id as string,
    caseCount: suite.body.case_count as number,
  };
}

/** Adds a provider "priced": the sandbox with a price on sandbox-precise, so budgets and estimates have costs. */
export async function addPricedSandbox(client: ReturnType<typeof api>, sandboxUrl: string) {
  const provider = await client.post('/api/providers', {
    provider_key: 'priced',
    provider: 'sandbox',
    base_url: sandboxUrl,
    models: [{ model_id: 'sandbox-precise', input_price_per_mtok: 1000, output_price_per_mtok: 1000 }],
  });
  if (provider.status !== 201)
    throw new Error(`provider: ${provider.status} ${JSON.stringify(provider.body)}`);
  return { provider_key: 'priced', model_id: 'sandbox-precise' };
}
