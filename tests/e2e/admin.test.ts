import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { startStack, type Stack } from '../support/stack.js';
import { api, userWithDemoSuite } from '../support/api.js';
import { isTerminal, openEvents, readSse } from '../support/sse.js';

let stack: Stack;
let admin: ReturnType<typeof api>;
beforeAll(async () => {
  stack = await startStack();
  // The first account of a fresh database is the admin.
  const reg = await api(stack.url).post('/api/auth/register', {
    email: `admin-${randomBytes(3).toString('hex')}@test.io`,
    password: 'correct horse battery',
  });
  expect(reg.body.user.role).toBe('admin');
  admin = api(stack.url, reg.body.access_token);
});
afterAll(async () => stack?.close());

describe('admin', () => {
  it('the queue dashboard and its assets are for admins only', async () => {
    const { client } = await userWithDemoSuite(stack.url);
    expect((await fetch(`${stack.url}/admin/queues`)).status).toBe(401);
    expect(
      (await fetch(`${stack.url}/admin/queues`, { headers: { authorization: `Bearer ${client.token}` } }))
        .status,
    ).toBe(403);
    expect(
      (
        await fetch(`${stack.url}/admin/queues/api/queues`, {
          headers: { authorization: `Bearer ${client.token}` },
        })
      ).status,
    ).toBe(403);
    const page = await fetch(`${stack.url}/admin/queues`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
    const queues = await fetch(`${stack.url}/admin/queues/api/queues`, {
      headers: { authorization: `Bearer ${admin.token}` },
    });
    const names = ((await queues.json()) as { queues: { name: string }[] }).queues.map((q) => q.name).sort();
    expect(names).toEqual(['eval-runs', 'eval-units', 'judge-runs', 'tune-runs']);
    // A browser signs in once with ?token=: an HttpOnly cookie scoped to the dashboard carries it after.
    const login = await fetch(`${stack.url}/admin/queues?token=${admin.token}`, { redirect: 'manual' });
    expect(login.status).toBe(302);
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/lbs_admin=.*HttpOnly/i);
    const viaCookie = await fetch(`${stack.url}/admin/queues/api/queues`, {
      headers: { cookie: cookie.split(';')[0]! },
    });
    expect(viaCookie.status).toBe(200);
  });

  it('admin API: users with active jobs, changes audited, all jobs, cancel any job, stats; others get 403', async () => {
    const { client, suiteId, user } = await userWithDemoSuite(stack.url);
    expect((await client.get('/api/admin/users')).status).toBe(403);
    const run = await client.post('/api/tool-eval', {
      suite_id: suiteId,
      targets: [{ provider_key: 'sandbox', model_id: 'sandbox-precise' }],
    });
    await readSse(await openEvents(stack.url, client.token, run.body.job_id), isTerminal);

    const users = await admin.get('/api/admin/users');
    expect(users.body.items.find((u: any) => u.id === user.id)).toMatchObject({
      role: 'user',
      active_jobs: 0,
    });
    const patched = await admin.patch(`/api/admin/users/${user.id}`, {
      max_concurrent_jobs: 3,
      budget_usd_monthly: 5,
    });
    expect(patched.body).toMatchObject({ max_concurrent_jobs: 3, budget_usd_monthly: 5 });
    const bad = await admin.patch(`/api/admin/users/${user.id}`, { max_concurrent_jobs: 0 });
    expect([bad.status, bad.body.error.details[0].path]).toEqual([400, 'body.max_concurrent_jobs']);

    const jobs = await admin.get(`/api/admin/jobs?type=tool_eval`);
    expect(jobs.body.items.some((j: any) => j.id === run.body.job_id && j.user_id === user.id)).toBe(true);
    const done = await admin.post(`/api/admin/jobs/${run.body.job_id}/cancel`);
    expect(done.status).toBe(409);

    const stats = await admin.get('/api/admin/stats');
    expect(stats.body.queues['eval-units']).toMatchObject({
      wait: expect.any(Number),
      active: expect.any(Number),
    });
    expect(
      stats.body.last_hour.llm_by_provider.find((p: any) => p.provider_key === 'sandbox').calls,
    ).toBeGreaterThan(0);

    const audit = await admin.get('/api/admin/audit');
    expect(audit.body.items[0]).toMatchObject({
      action: 'user.update',
      resource_id: user.id,
      detail: { max_concurrent_jobs: 3, budget_usd_monthly: 5 },
    });

    await admin.patch(`/api/admin/users/${user.id}`, { disabled: true });
    expect((await client.get('/api/auth/me')).status).toBe(401);
  });

  it('serves the interactive API reference from the OpenAPI document', async () => {
    const page = await fetch(`${stack.url}/api/docs`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/api/openapi.json');
    expect((await fetch(`${stack.url}/api/docs/assets/swagger-ui-bundle.js`)).status).toBe(200);
    const spec = (await (await fetch(`${stack.url}/api/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining(['/api/admin/users', '/api/tool-eval/judge/compare']),
    );
  });
});
