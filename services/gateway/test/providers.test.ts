import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import OpenAI from 'openai';
import { createSandboxApp, loadConfig as loadSandboxConfig } from '@llmbench/sandbox-llm';
import { SecretBox } from '@llmbench/runtime';
import { newUser, startGateway, type Gateway } from './harness.js';

let gw: Gateway;
let sandbox: Server;
let sandboxUrl: string;
beforeAll(async () => {
  sandbox = createSandboxApp(loadSandboxConfig({ LOG_LEVEL: 'silent' })).listen(0, '127.0.0.1');
  await new Promise((r) => sandbox.once('listening', r));
  sandboxUrl = `http://127.0.0.1:${(sandbox.address() as AddressInfo).port}/v1`;
  gw = await startGateway({ SANDBOX_BASE_URL: sandboxUrl });
});
afterAll(async () => {
  await gw?.close();
  sandbox?.close();
});

const openaiProvider = {
  provider_key: 'my-openai',
  provider: 'openai',
  base_url: 'https://api.openai.com/v1',
  api_key: 'sk-test-SECRET-123456',
  models: [{ model_id: 'gpt-4o-mini', display_name: 'GPT-4o mini' }],
};

describe('providers', () => {
  it('starts every user with a working sandbox provider, callable through the openai SDK', async () => {
    const u = await newUser(gw.url);
    const { body } = await u.api.get('/api/providers');
    const sandboxProvider = body.items.find((p: { provider_key: string }) => p.provider_key === 'sandbox');
    expect(sandboxProvider).toMatchObject({ provider: 'sandbox', base_url: sandboxUrl, has_api_key: false });
    expect(sandboxProvider.models.map((m: { model_id: string }) => m.model_id)).toContain('sandbox-precise');

    const sdk = new OpenAI({ baseURL: sandboxProvider.base_url, apiKey: 'unused', maxRetries: 0 });
    const completion = await sdk.chat.completions.create({
      model: sandboxProvider.models[0].model_id,
      messages: [{ role: 'user', content: 'What is the weather in Paris?' }],
      tools: [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
          },
        },
      ],
      tool_choice: 'required',
      temperature: 0,
    });
    const call = completion.choices[0]?.message.tool_calls?.[0];
    expect(call?.type === 'function' && call.function.name).toBe('get_weather');
    expect(completion.usage?.total_tokens).toBeGreaterThan(0);
  });

  it('never echoes the API key and stores only ciphertext bound to the owner', async () => {
    const u = await newUser(gw.url);
    const created = await u.api.post('/api/providers', openaiProvider);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ provider_key: 'my-openai', has_api_key: true });
    expect(JSON.stringify(created.body)).not.toContain('SECRET');
    expect(JSON.stringify((await u.api.get('/api/providers')).body)).not.toContain('SECRET');

    const row = await gw.t.db
      .selectFrom('providers')
      .selectAll()
      .where('id', '=', created.body.id)
      .executeTakeFirstOrThrow();
    expect(row.api_key_ciphertext).toMatch(/^v1:/);
    expect(row.api_key_ciphertext).not.toContain('SECRET');
    const box = new SecretBox(gw.deps.config.encryptionKey);
    expect(box.decrypt(row.api_key_ciphertext!, u.user.id)).toBe(openaiProvider.api_key);
    expect(() => box.decrypt(row.api_key_ciphertext!, '00000000-0000-0000-0000-000000000000')).toThrow();
  });

  it('keeps the key on PUT without api_key and clears it with null', async () => {
    const u = await newUser(gw.url);
    const { body } = await u.api.post('/api/providers', openaiProvider);
    const { api_key: _k, provider_key: _p, ...rest } = openaiProvider;
    expect((await u.api.put(`/api/providers/${body.id}`, { ...rest, name: 'Renamed' })).body).toMatchObject({
      name: 'Renamed',
      has_api_key: true,
    });
    expect((await u.api.put(`/api/providers/${body.id}`, { ...rest, api_key: null })).body.has_api_key).toBe(
      false,
    );
  });

  it.each([
    [{ ...openaiProvider, provider: 'acme' }, 'body.provider'],
    [{ ...openaiProvider, provider_key: 'Bad Key!' }, 'body.provider_key'],
    [{ ...openaiProvider, base_url: 'ftp://x' }, 'body.base_url'],
    [{ ...openaiProvider, models: [{ model_id: 'a' }, { model_id: 'a' }] }, 'body.models.1.model_id'],
    [{ ...openaiProvider, models: 'gpt' }, 'body.models'],
  ])('rejects %j naming %s', async (body, path) => {
    const u = await newUser(gw.url);
    const res = await u.api.post('/api/providers', body);
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('refuses a duplicate provider_key and hides providers from other users', async () => {
    const a = await newUser(gw.url);
    const b = await newUser(gw.url);
    const { body } = await a.api.post('/api/providers', openaiProvider);
    expect((await a.api.post('/api/providers', openaiProvider)).status).toBe(409);
    for (const res of [
      await b.api.get(`/api/providers/${body.id}`),
      await b.api.put(`/api/providers/${body.id}`, { provider: 'openai' }),
      await b.api.delete(`/api/providers/${body.id}`),
    ]) {
      expect(res.status).toBe(404);
    }
    expect((await a.api.delete(`/api/providers/${body.id}`)).status).toBe(204);
  });
});
