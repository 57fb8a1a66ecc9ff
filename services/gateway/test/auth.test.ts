import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignJWT, UnsecuredJWT } from 'jose';
import { client, newUser, startGateway, type Gateway } from './harness.js';

let gw: Gateway;
beforeAll(async () => {
  gw = await startGateway({ LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', ACCESS_TOKEN_TTL_S: '60' });
});
afterAll(async () => gw?.close());

describe('registration', () => {
  it('makes the first user admin and later users plain users', async () => {
    const first = await newUser(gw.url);
    const second = await newUser(gw.url);
    expect(first.user.role).toBe('admin');
    expect(second.user.role).toBe('user');
    expect((await first.api.get('/api/auth/me')).body).toMatchObject({ id: first.user.id, role: 'admin' });
  });

  it('refuses a second account for the same e-mail in another case', async () => {
    const u = await newUser(gw.url);
    const res = await client(gw.url).post('/api/auth/register', {
      email: u.email.toUpperCase(),
      password: 'another password',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
  });

  it('names the bad field', async () => {
    const res = await client(gw.url).post('/api/auth/register', { email: 'not-an-email', password: 'short' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'body.email',
      'body.password',
    ]);
  });

  it('stores a real KDF hash, never the password', async () => {
    const u = await newUser(gw.url);
    const row = await gw.t.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', u.user.id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(row.password_hash).not.toContain(u.password);
  });
});

describe('login and sessions', () => {
  it('logs in, rotates the refresh token and revokes the family when a used token comes back', async () => {
    const u = await newUser(gw.url);
    const login = await client(gw.url).post('/api/auth/login', { email: u.email, password: u.password });
    expect(login.status).toBe(200);
    const rotated = await client(gw.url).post('/api/auth/refresh', {
      refresh_token: login.body.refresh_token,
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.refresh_token).not.toBe(login.body.refresh_token);
    const replay = await client(gw.url).post('/api/auth/refresh', {
      refresh_token: login.body.refresh_token,
    });
    expect(replay.status).toBe(401);
    // The thief's replay killed the legitimate rotation too.
    expect(
      (await client(gw.url).post('/api/auth/refresh', { refresh_token: rotated.body.refresh_token })).status,
    ).toBe(401);
  });

  it('accepts a logout without a body', async () => {
    const u = await newUser(gw.url);
    const res = await fetch(`${gw.url}/api/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${u.access_token}` },
    });
    expect(res.status).toBe(204);
  });

  it('logout revokes the refresh token', async () => {
    const u = await newUser(gw.url);
    expect((await u.api.post('/api/auth/logout', { refresh_token: u.refresh_token })).status).toBe(204);
    expect((await client(gw.url).post('/api/auth/refresh', { refresh_token: u.refresh_token })).status).toBe(
      401,
    );
  });

  it('throttles failed logins per account with Retry-After, even for the right password', async () => {
    const u = await newUser(gw.url);
    for (let i = 0; i < 3; i++) {
      expect(
        (await client(gw.url).post('/api/auth/login', { email: u.email, password: 'wrong password' })).status,
      ).toBe(401);
    }
    const locked = await client(gw.url).post('/api/auth/login', { email: u.email, password: u.password });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('rate_limited');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('gives the same answer for an unknown e-mail and a wrong password', async () => {
    const res = await client(gw.url).post('/api/auth/login', {
      email: 'nobody@test.io',
      password: 'whatever1',
    });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe('invalid e-mail or password');
  });
});

describe('tokens', () => {
  const secret = () => new TextEncoder().encode(gw.deps.config.auth.jwtSecret);

  it('accepts personal API tokens until they are revoked', async () => {
    const u = await newUser(gw.url);
    const created = await u.api.post('/api/auth/tokens', { name: 'ci' });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^lbs_/);
    const cli = client(gw.url, created.body.token);
    expect((await cli.get('/api/auth/me')).body.id).toBe(u.user.id);
    const listed = await u.api.get('/api/auth/tokens');
    expect(listed.body.items).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
    expect((await u.api.delete(`/api/auth/tokens/${created.body.id}`)).status).toBe(204);
    expect((await cli.get('/api/auth/me')).status).toBe(401);
  });

  it.each([
    ['missing', undefined],
    ['garbage', 'not-a-token'],
    ['unknown API token', 'lbs_0000000000000000000000000000'],
  ])('rejects a %s token with 401', async (_name, token) => {
    const res = await client(gw.url, token).get('/api/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  });

  it('rejects tampered, unsigned, foreign-secret and expired JWTs', async () => {
    const u = await newUser(gw.url);
    const [h, p, s] = (u.access_token as string).split('.');
    const payload = JSON.parse(Buffer.from(p!, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...payload, role: 'admin' })).toString('base64url');
    const claims = { typ: 'access', role: 'user' };
    const base = () =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(u.user.id)
        .setIssuer('llmbench')
        .setAudience('llmbench-api');
    const tokens = [
      `${h}.${forged}.${s}`,
      new UnsecuredJWT(claims)
        .setSubject(u.user.id)
        .setIssuer('llmbench')
        .setAudience('llmbench-api')
        .setExpirationTime('1h')
        .encode(),
      await base()
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode('x'.repeat(40))),
      await base().setIssuedAt(1_000_000).setExpirationTime(1_000_060).sign(secret()),
    ];
    for (const token of tokens) expect((await client(gw.url, token).get('/api/auth/me')).status).toBe(401);
    expect(
      (await client(gw.url, await base().setExpirationTime('1h').sign(secret())).get('/api/auth/me')).status,
    ).toBe(200);
  });
});
