import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUser, startGateway, type Gateway } from './harness.js';

let gw: Gateway;
beforeAll(async () => {
  gw = await startGateway({ BODY_LIMIT: '64kb' });
});
afterAll(async () => gw?.close());

const weather = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Weather for a city',
    parameters: {
      type: 'object',
      properties: { city: { type: 'string' }, unit: { type: 'string', enum: ['c', 'f'] } },
      required: ['city'],
    },
  },
};
const time = {
  type: 'function',
  function: { name: 'get_time', description: 'Current time', parameters: { type: 'object', properties: {} } },
};

describe('tool suites', () => {
  it('creates, reads, replaces, patches and deletes a suite', async () => {
    const u = await newUser(gw.url);
    const created = await u.api.post('/api/tool-suites', { name: 'Weather', tools: [weather] });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect((await u.api.get(`/api/tool-suites/${id}`)).body).toMatchObject({
      name: 'Weather',
      tools: [weather],
      test_cases: [],
    });
    const replaced = await u.api.put(`/api/tool-suites/${id}`, {
      name: 'Weather 2',
      description: 'd',
      system_prompt: 'Use tools.',
      tools: [weather, time],
    });
    expect(replaced.body).toMatchObject({ name: 'Weather 2', system_prompt: 'Use tools.' });
    expect(replaced.body.tools).toHaveLength(2);
    expect((await u.api.patch(`/api/tool-suites/${id}`, { description: 'patched' })).body).toMatchObject({
      name: 'Weather 2',
      description: 'patched',
    });
    const list = await u.api.get('/api/tool-suites');
    expect(list.body.items).toEqual([expect.objectContaining({ id, tool_count: 2, case_count: 0 })]);
    expect((await u.api.delete(`/api/tool-suites/${id}`)).status).toBe(204);
    expect((await u.api.get(`/api/tool-suites/${id}`)).status).toBe(404);
  });

  it('adds cases one at a time and in bulk, keeps their order, replaces and deletes them', async () => {
    const u = await newUser(gw.url);
    const { body: suite } = await u.api.post('/api/tool-suites', { name: 'S', tools: [weather, time] });
    const one = await u.api.post(`/api/tool-suites/${suite.id}/cases`, {
      prompt: 'Weather in Oslo?',
      expected_tool: 'get_weather',
      expected_params: { city: 'Oslo' },
    });
    expect(one.status).toBe(201);
    expect(one.body).toMatchObject({ position: 0, param_scoring: 'exact', multi_turn: false });
    const bulk = await u.api.post(`/api/tool-suites/${suite.id}/cases`, {
      cases: [
        { prompt: 'Time?', expected_tool: ['get_time', 'GET_WEATHER'] },
        { prompt: 'Joke', expected_tool: null },
      ],
    });
    expect(bulk.body.items.map((c: { position: number }) => c.position)).toEqual([1, 2]);
    const replaced = await u.api.put(`/api/tool-suites/${suite.id}/cases/${one.body.id}`, {
      prompt: 'Weather in Rome?',
      expected_tool: 'get_weather',
      expected_params: { city: 'Rome' },
    });
    expect(replaced.body).toMatchObject({ prompt: 'Weather in Rome?', position: 0 });
    expect((await u.api.delete(`/api/tool-suites/${suite.id}/cases/${bulk.body.items[1].id}`)).status).toBe(
      204,
    );
    const cases = await u.api.get(`/api/tool-suites/${suite.id}/cases`);
    expect(cases.body.items.map((c: { prompt: string }) => c.prompt)).toEqual(['Weather in Rome?', 'Time?']);
  });

  it('refuses a tool-list change that would strand a case', async () => {
    const u = await newUser(gw.url);
    const { body: suite } = await u.api.post('/api/tool-suites', { name: 'S', tools: [weather, time] });
    await u.api.post(`/api/tool-suites/${suite.id}/cases`, { prompt: 'Time?', expected_tool: 'get_time' });
    const res = await u.api.patch(`/api/tool-suites/${suite.id}`, { tools: [weather] });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0]).toMatchObject({ path: 'body.tools' });
    expect(res.body.error.message).toContain('get_time');
  });

  it('imports a whole suite and exports it back identically', async () => {
    const u = await newUser(gw.url);
    const { body: example } = await u.api.get('/api/tool-eval/import/example');
    const imported = await u.api.post('/api/tool-eval/import', example);
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({
      name: example.name,
      tool_count: 2,
      case_count: example.test_cases.length,
    });
    const exported = await u.api.get(`/api/tool-suites/${imported.body.id}/export`);
    expect(exported.headers.get('content-disposition')).toContain('attachment');
    const again = await u.api.post('/api/tool-eval/import', exported.body);
    const reExported = await u.api.get(`/api/tool-suites/${again.body.id}/export`);
    expect(reExported.body).toEqual(exported.body);
    expect(exported.body.test_cases[3]).toMatchObject({
      multi_turn: true,
      optimal_hops: 2,
      valid_prerequisites: ['get_weather'],
    });
  });
});

describe('bad input', () => {
  it.each([
    [
      'a broken tool schema',
      {
        name: 'S',
        tools: [
          {
            ...weather,
            function: {
              ...weather.function,
              parameters: { type: 'object', properties: { city: { type: 'text' } } },
            },
          },
        ],
      },
      'body.tools.0.function.parameters.properties.city.type',
    ],
    [
      'required naming an undeclared property',
      {
        name: 'S',
        tools: [
          {
            ...weather,
            function: {
              ...weather.function,
              parameters: { type: 'object', properties: {}, required: ['city'] },
            },
          },
        ],
      },
      'body.tools.0.function.parameters.required',
    ],
    [
      'a non-object parameters schema',
      {
        name: 'S',
        tools: [{ ...weather, function: { ...weather.function, parameters: { type: 'array' } } }],
      },
      'body.tools.0.function.parameters.type',
    ],
    [
      'an invalid tool name',
      { name: 'S', tools: [{ ...weather, function: { ...weather.function, name: 'get weather!' } }] },
      'body.tools.0.function.name',
    ],
    ['duplicate tool names', { name: 'S', tools: [weather, weather] }, 'body.tools.1.function.name'],
    ['a missing name', { tools: [] }, 'body.name'],
    ['a wrong type', { name: 42 }, 'body.name'],
    ['an unknown field', { name: 'S', colour: 'red' }, 'body'],
  ])('rejects %s with 400 naming the field', async (_what, body, path) => {
    const u = await newUser(gw.url);
    const res = await u.api.post('/api/tool-suites', body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('rejects an import whose case expects a tool the suite does not offer', async () => {
    const u = await newUser(gw.url);
    const res = await u.api.post('/api/tool-eval/import', {
      name: 'S',
      tools: [weather],
      test_cases: [{ prompt: 'x', expected_tool: 'get_time' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('body.test_cases.0.expected_tool');
    expect((await u.api.get('/api/tool-suites')).body.total).toBe(0);
  });

  it('answers malformed JSON, a wrong content type, a huge body and a malformed id with JSON 4xx errors', async () => {
    const u = await newUser(gw.url);
    const malformed = await u.api.raw('POST', '/api/tool-suites', '{"name": ', {
      'content-type': 'application/json',
    });
    expect([malformed.status, malformed.body.error.code]).toEqual([400, 'validation_failed']);
    const text = await u.api.raw('POST', '/api/tool-suites', 'name=S', { 'content-type': 'text/plain' });
    expect([text.status, text.body.error.code]).toEqual([415, 'unsupported_media_type']);
    const huge = await u.api.post('/api/tool-suites', { name: 'S', description: 'x'.repeat(100_000) });
    expect([huge.status, huge.body.error.code]).toEqual([413, 'payload_too_large']);
    const badId = await u.api.get('/api/tool-suites/not-a-uuid');
    expect([badId.status, badId.body.error.code]).toEqual([404, 'not_found']);
    const unknownRoute = await u.api.get('/api/nothing-here');
    expect(unknownRoute.status).toBe(404);
  });

  it('drops __proto__ keys instead of letting them reach objects', async () => {
    const u = await newUser(gw.url);
    const res = await u.api.raw('POST', '/api/tool-suites', '{"name":"S","__proto__":{"polluted":true}}', {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(201);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('isolation', () => {
  it('answers 404 to another user on every suite and case route', async () => {
    const a = await newUser(gw.url);
    const b = await newUser(gw.url);
    const { body: suite } = await a.api.post('/api/tool-suites', { name: 'Private', tools: [weather] });
    const { body: c } = await a.api.post(`/api/tool-suites/${suite.id}/cases`, {
      prompt: 'Oslo?',
      expected_tool: 'get_weather',
    });
    const base = `/api/tool-suites/${suite.id}`;
    const caseBody = { prompt: 'x', expected_tool: null };
    const replies = [
      await b.api.get(base),
      await b.api.put(base, { name: 'stolen' }),
      await b.api.patch(base, { name: 'stolen' }),
      await b.api.get(`${base}/cases`),
      await b.api.post(`${base}/cases`, caseBody),
      await b.api.put(`${base}/cases/${c.id}`, caseBody),
      await b.api.delete(`${base}/cases/${c.id}`),
      await b.api.get(`${base}/export`),
      await b.api.delete(base),
    ];
    expect(replies.map((r) => r.status)).toEqual(replies.map(() => 404));
    expect((await b.api.get('/api/tool-suites')).body.total).toBe(0);
    expect((await a.api.get(base)).body.test_cases).toHaveLength(1);
  });
});

describe('service endpoints', () => {
  it('reports readiness of Postgres and Redis', async () => {
    const res = await fetch(`${gw.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      status: 'ready',
      checks: { postgres: { ok: true }, redis: { ok: true } },
    });
  });

  it('serves an OpenAPI document generated from the contracts', async () => {
    const doc: any = await (await fetch(`${gw.url}/api/openapi.json`)).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/register',
        '/api/tool-suites/{id}/cases/{case_id}',
        '/api/tool-eval/import',
      ]),
    );
    expect(
      doc.paths['/api/tool-suites'].post.requestBody.content['application/json'].schema.properties,
    ).toHaveProperty('tools');
  });
});
