import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { startStack, type Stack } from '../support/stack.js';
import { craftJwt, hasErrorShape, openapi, operations, register, request } from './helpers.js';

let stack: Stack;
let admin: Awaited<ReturnType<typeof register>>;
let user: Awaited<ReturnType<typeof register>>;
beforeAll(async () => {
  stack = await startStack({ noWorker: true, noTuner: true, noJudge: true });
  admin = await register(stack.url, 'admin'); // the first account is the admin
  user = await register(stack.url, 'user');
});
afterAll(async () => stack?.close());

/** Every login attempt of this file, from this one address: the per-IP budget is shared. */
let loginAttempts = 0;
function login(opts: { body: unknown }) {
  loginAttempts++;
  return request(stack.url, 'POST', '/api/auth/login', opts);
}

const HS256 = { alg: 'HS256', typ: 'JWT' };
const now = () => Math.floor(Date.now() / 1000);
const claims = (sub: string, extra: Record<string, unknown> = {}) => ({
  sub,
  role: 'user',
  typ: 'access',
  iss: 'llmbench',
  aud: 'llmbench-api',
  iat: now(),
  exp: now() + 600,
  ...extra,
});

async function expect401(token: string, path = '/api/auth/me') {
  const res = await request(stack.url, 'GET', path, { token });
  expect([res.status, hasErrorShape(res.body), res.body?.error?.code]).toEqual([401, true, 'unauthorized']);
  expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
}

describe('access tokens', () => {
  it('a JWT crafted with the real secret and the right claims is accepted (control)', async () => {
    const token = craftJwt(HS256, claims(user.user.id), stack.env.JWT_SECRET);
    const res = await request(stack.url, 'GET', '/api/auth/me', { token });
    expect([res.status, res.body.id]).toEqual([200, user.user.id]);
  });

  it('tampered, expired, unsigned, foreign-signed or mis-typed JWTs are 401 with the error shape', async () => {
    const secret = stack.env.JWT_SECRET;
    const [h, , s] = user.token.split('.');
    const forged = {
      'payload swapped to the admin (signature kept)': `${h}.${Buffer.from(JSON.stringify(claims(admin.user.id))).toString('base64url')}.${s}`,
      'signature altered': user.token.slice(0, -2) + (user.token.endsWith('AA') ? 'BB' : 'AA'),
      'signature removed': user.token.split('.').slice(0, 2).join('.') + '.',
      expired: craftJwt(HS256, claims(user.user.id, { iat: now() - 7200, exp: now() - 3600 }), secret),
      'alg none': craftJwt({ alg: 'none', typ: 'JWT' }, claims(admin.user.id)),
      'alg None': craftJwt({ alg: 'None', typ: 'JWT' }, claims(admin.user.id)),
      'wrong secret': craftJwt(HS256, claims(admin.user.id), 'x'.repeat(64)),
      'HS512 with the real secret (algorithm pinned)': craftJwt(
        { alg: 'HS512', typ: 'JWT' },
        claims(user.user.id),
        secret,
      ),
      'refresh-typed': craftJwt(HS256, claims(user.user.id, { typ: 'refresh' }), secret),
      'no typ': craftJwt(HS256, claims(user.user.id, { typ: undefined }), secret),
      'wrong issuer': craftJwt(HS256, claims(user.user.id, { iss: 'someone-else' }), secret),
      'wrong audience': craftJwt(HS256, claims(user.user.id, { aud: 'other-api' }), secret),
      'not yet valid': craftJwt(HS256, claims(user.user.id, { nbf: now() + 3600 }), secret),
      'unknown user': craftJwt(HS256, claims(randomUUID()), secret),
      'sub a number': craftJwt(HS256, claims(user.user.id, { sub: 42 }), secret),
      garbage: 'a.b.c',
      'api token prefix, unknown': 'lbs_' + 'A'.repeat(43),
    };
    const failures: string[] = [];
    for (const [what, token] of Object.entries(forged)) {
      const res = await request(stack.url, 'GET', '/api/auth/me', { token });
      if (res.status !== 401 || !hasErrorShape(res.body) || res.body.error.code !== 'unauthorized')
        failures.push(`${what} → ${res.status} ${res.text.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
    for (const header of ['Bearer', 'Basic dXNlcjpwYXNz', `Token ${user.token}`, `Bearer  `, 'Bearer a b'])
      expect(
        (await request(stack.url, 'GET', '/api/auth/me', { headers: { authorization: header } })).status,
      ).toBe(401);
  });

  // A correctly signed token whose subject is not a uuid (e.g. minted by another service sharing
  // the secret, or by a future token kind) must be a 401, never a 500 from Postgres.
  it('a correctly signed JWT whose sub is not a uuid is 401, not 500', async () => {
    const secret = stack.env.JWT_SECRET;
    for (const sub of ['not-a-uuid', "' or 1=1 --", '']) {
      const res = await request(stack.url, 'GET', '/api/auth/me', {
        token: craftJwt(HS256, claims(sub), secret),
      });
      expect([sub, res.status, hasErrorShape(res.body)]).toEqual([sub, 401, true]);
    }
  });

  it('a role claim cannot make a user an admin: the role comes from the account', async () => {
    const token = craftJwt(HS256, claims(user.user.id, { role: 'admin' }), stack.env.JWT_SECRET);
    const res = await request(stack.url, 'GET', '/api/admin/users', { token });
    expect([res.status, res.body.error.code]).toEqual([403, 'forbidden']);
  });

  it('a revoked personal API token is 401 (HTTP and WebSocket)', async () => {
    const created = await user.client.post('/api/auth/tokens', { name: 'ci' });
    expect(created.status).toBe(201);
    const token = created.body.token as string;
    expect((await request(stack.url, 'GET', '/api/auth/me', { token })).status).toBe(200);
    expect((await user.client.delete(`/api/auth/tokens/${created.body.id}`)).status).toBe(204);
    await expect401(token);
    await expect401(token, '/api/providers');
    const ws = new WebSocket(`${stack.url.replace('http', 'ws')}/ws?token=${encodeURIComponent(token)}`);
    const [code] = await once(ws, 'close');
    expect(code).toBe(4001);
  });

  it("a disabled user's access JWT, API token, refresh token, login and socket are all refused", async () => {
    const victim = await register(stack.url, 'disabled');
    const apiToken = (await victim.client.post('/api/auth/tokens', { name: 'x' })).body.token as string;
    const disabled = await admin.client.patch(`/api/admin/users/${victim.user.id}`, { disabled: true });
    expect(disabled.status).toBe(200);
    await expect401(victim.token);
    await expect401(apiToken);
    await expect401(victim.token, `/api/tool-suites`);
    const refresh = await request(stack.url, 'POST', '/api/auth/refresh', {
      body: { refresh_token: victim.refresh },
    });
    expect([refresh.status, hasErrorShape(refresh.body)]).toEqual([401, true]);
    const denied = await login({ body: { email: victim.email, password: 'correct horse battery' } });
    expect([denied.status, hasErrorShape(denied.body)]).toEqual([401, true]);
    for (const token of [victim.token, apiToken]) {
      const ws = new WebSocket(`${stack.url.replace('http', 'ws')}/ws?token=${encodeURIComponent(token)}`);
      const [code] = await once(ws, 'close');
      expect(code).toBe(4001);
    }
  });
});

describe('login throttling', () => {
  // Defaults: 5 failures per account, 30 attempts per IP, in a 900 s window.
  it('locks an account after 5 failures (429 + Retry-After), even for the right password', async () => {
    const target = await register(stack.url, 'brute');
    const as = (password: string) => login({ body: { email: target.email, password } });
    for (let i = 0; i < 5; i++) expect((await as(`wrong-password-${i}`)).status).toBe(401);
    for (const password of ['wrong-password-x', 'correct horse battery']) {
      const res = await as(password);
      expect([res.status, res.body.error.code]).toEqual([429, 'rate_limited']);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(Number(res.headers.get('retry-after'))).toBeLessThanOrEqual(900);
    }
    // Another account is not affected by this one's lock; the e-mail's case does not dodge it.
    const upper = await login({
      body: { email: target.email.toUpperCase(), password: 'correct horse battery' },
    });
    expect(upper.status).toBe(429);
    const other = await login({
      body: { email: user.email, password: 'correct horse battery' },
    });
    expect(other.status).toBe(200);
  });

  it('throttles one address after 30 attempts in the window, whatever the account', async () => {
    const before = loginAttempts;
    let first429 = -1;
    for (let i = 0; i < 40 && first429 < 0; i++) {
      const res = await login({
        body: { email: `nobody-${i}@test.io`, password: 'whatever-password' },
      });
      if (res.status === 429) {
        first429 = i;
        expect(res.body.error.code).toBe('rate_limited');
        expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      } else expect(res.status).toBe(401);
    }
    // Attempt number 31 from this address (counting the earlier tests' attempts) is the first refused.
    expect(before + first429).toBe(30);
  });
});

describe('admin surface', () => {
  it('every /api/admin route: anonymous 401, non-admin 403, each with the error shape', async () => {
    const spec = await openapi(stack.url);
    const adminOps = operations(spec).filter((o) => o.path.startsWith('/api/admin/'));
    expect(adminOps.length).toBeGreaterThanOrEqual(6);
    const failures: string[] = [];
    for (const { method, path } of adminOps) {
      const url = path.replace(/\{\w+\}/g, user.user.id);
      const body = method === 'GET' ? undefined : { disabled: true };
      const anon = await request(stack.url, method, url, { body });
      const mortal = await request(stack.url, method, url, { token: user.token, body });
      if (anon.status !== 401 || !hasErrorShape(anon.body))
        failures.push(`anon ${method} ${url} → ${anon.status}`);
      if (mortal.status !== 403 || !hasErrorShape(mortal.body) || mortal.body.error.code !== 'forbidden')
        failures.push(`user ${method} ${url} → ${mortal.status}`);
    }
    expect(failures).toEqual([]);
    // Nothing the non-admin sent took effect.
    expect((await user.client.get('/api/auth/me')).status).toBe(200);
  });

  it('the queue dashboard refuses anonymous (401) and non-admins (403), by header, ?token= and cookie', async () => {
    for (const path of [
      '/admin/queues',
      '/admin/queues/',
      '/admin/queues/api/queues',
      '/admin/queues/static/x.js',
    ]) {
      const anon = await request(stack.url, 'GET', path);
      expect([path, anon.status, hasErrorShape(anon.body)]).toEqual([path, 401, true]);
      const byHeader = await request(stack.url, 'GET', path, { token: user.token });
      expect([path, byHeader.status, hasErrorShape(byHeader.body)]).toEqual([path, 403, true]);
      const byQuery = await fetch(`${stack.url}${path}?token=${user.token}`, { redirect: 'manual' });
      expect([path, byQuery.status, byQuery.headers.get('set-cookie')]).toEqual([path, 403, null]);
      const byCookie = await request(stack.url, 'GET', path, {
        headers: { cookie: `lbs_admin=${user.token}` },
      });
      expect([path, byCookie.status]).toEqual([path, 403]);
      const forged = craftJwt(HS256, claims(admin.user.id), 'y'.repeat(64));
      const byForged = await request(stack.url, 'GET', path, { headers: { cookie: `lbs_admin=${forged}` } });
      expect([path, byForged.status]).toEqual([path, 401]);
    }
    const put = await request(stack.url, 'PUT', '/admin/queues/api/queues/pause', { token: user.token });
    expect(put.status).toBe(403);
  });
});
