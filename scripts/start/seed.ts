/** Seeds the demo account and the demo tool suite through the public API, idempotently. */
import fs from 'node:fs';

export interface SeedOptions {
  gatewayUrl: string;
  email: string;
  password: string;
  suiteFile: string;
}

export interface SeedResult {
  accessToken: string;
  userCreated: boolean;
  suite: { name: string; id: string; imported: boolean } | undefined;
  notes: string[];
}

async function call(
  gatewayUrl: string,
  method: string,
  route: string,
  body?: unknown,
  token?: string,
): Promise<{ status: number; json: unknown; text: string }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${gatewayUrl}${route}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}

function fail(step: string, response: { status: number; text: string }): never {
  throw new Error(`${step} answered HTTP ${response.status}: ${response.text.slice(0, 300)}`);
}

function field<T>(value: unknown, key: string): T | undefined {
  return typeof value === 'object' && value !== null
    ? ((value as Record<string, unknown>)[key] as T)
    : undefined;
}

async function signIn(options: SeedOptions): Promise<{ token: string; created: boolean }> {
  const credentials = { email: options.email, password: options.password };
  const registered = await call(options.gatewayUrl, 'POST', '/api/auth/register', credentials);
  if (registered.status === 201) {
    const token = field<string>(registered.json, 'access_token');
    if (token) return { token, created: true };
  }
  if (registered.status !== 409) fail('POST /api/auth/register', registered);
  const login = await call(options.gatewayUrl, 'POST', '/api/auth/login', credentials);
  const token = field<string>(login.json, 'access_token');
  if (login.status !== 200 || !token) fail('POST /api/auth/login', login);
  return { token, created: false };
}

/**
 * Registers (or logs in) the demo user, then imports the demo suite unless that user already has
 * a suite with the same name.
 */
export async function seedDemo(options: SeedOptions): Promise<SeedResult> {
  const notes: string[] = [];
  const { token, created } = await signIn(options);
  if (!fs.existsSync(options.suiteFile)) {
    notes.push(`demo suite ${options.suiteFile} not found; skipped the import`);
    return { accessToken: token, userCreated: created, suite: undefined, notes };
  }
  const suite = JSON.parse(fs.readFileSync(options.suiteFile, 'utf8')) as unknown;
  const name = field<string>(suite, 'name') ?? field<string>(field(suite, 'suite'), 'name') ?? 'demo suite';

  const listed = await call(options.gatewayUrl, 'GET', '/api/tool-suites', undefined, token);
  if (listed.status !== 200) fail('GET /api/tool-suites', listed);
  const existing = (field<{ id: string; name: string }[]>(listed.json, 'items') ?? []).find(
    (s) => s.name === name,
  );
  if (existing)
    return {
      accessToken: token,
      userCreated: created,
      suite: { name, id: existing.id, imported: false },
      notes,
    };

  const imported = await call(options.gatewayUrl, 'POST', '/api/tool-eval/import', suite, token);
  const id = field<string>(imported.json, 'id');
  if (imported.status !== 201 || !id) fail('POST /api/tool-eval/import', imported);
  return { accessToken: token, userCreated: created, suite: { name, id, imported: true }, notes };
}
