import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../support/stack.js';
import { userWithDemoSuite } from '../support/api.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ noWorker: true, noTuner: true, noJudge: true });
});
afterAll(async () => stack?.close());

const provider = (base_url: string) => ({
  provider_key: `p${Math.random().toString(36).slice(2, 8)}`,
  provider: 'openai',
  base_url,
  models: [{ model_id: 'gpt-4o-mini' }],
});

describe('outbound URLs a user can set', () => {
  it.each([
    'http://127.0.0.1:6379/',
    'http://localhost:5432/v1',
    'http://169.254.169.254/latest/meta-data/',
    'http://10.1.2.3/v1',
    'http://192.168.0.10:11434/v1',
    'http://[::1]:8080/v1',
    'http://[::ffff:127.0.0.1]:6379/',
  ])('refuses %s with 400 naming base_url', async (url) => {
    const { client } = await userWithDemoSuite(stack.url);
    const res = await client.post('/api/providers', provider(url));
    expect([res.status, res.body.error.details[0].path]).toEqual([400, 'body.base_url']);
    expect(res.body.error.details[0].message).toMatch(/internal address.*OUTBOUND_ALLOW/);
  });

  it('allows public hosts, and the sandbox the operator configured', async () => {
    const { client } = await userWithDemoSuite(stack.url);
    expect((await client.post('/api/providers', provider('https://93.184.216.34/v1'))).status).toBe(201);
    expect((await client.post('/api/providers', provider(stack.sandboxUrl))).status).toBe(201);
    const list = await client.get('/api/providers');
    const sandbox = list.body.items.find((p: { provider_key: string }) => p.provider_key === 'sandbox');
    // Updating the built-in sandbox provider keeps working.
    const put = await client.put(`/api/providers/${sandbox.id}`, {
      provider: sandbox.provider,
      base_url: sandbox.base_url,
      models: sandbox.models,
    });
    expect(put.status).toBe(200);
  });
});
