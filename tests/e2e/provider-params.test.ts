import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROVIDER_IDS } from '@llmbench/contracts';
import { startStack, type Stack } from '../support/stack.js';
import { isTerminal, openEvents, readSse } from '../support/sse.js';
import { userWithDemoSuite } from '../support/api.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.close());

describe('provider parameters over HTTP', () => {
  it('serves the versioned registry with every provider', async () => {
    const { client } = await userWithDemoSuite(stack.url);
    const res = await client.get('/api/provider-params/registry');
    expect(res.status).toBe(200);
    expect(res.body.version).toMatch(/\d/);
    const ids = (
      Array.isArray(res.body.providers)
        ? res.body.providers.map((p: { id: string }) => p.id)
        : Object.keys(res.body.providers)
    ) as string[];
    expect(ids).toEqual(expect.arrayContaining([...PROVIDER_IDS]));
  });

  it.each(PROVIDER_IDS.map((p) => [p]))('validates a request for %s', async (provider) => {
    const { client } = await userWithDemoSuite(stack.url);
    const res = await client.post('/api/provider-params/validate', {
      provider,
      model_id: 'some-model',
      params: { temperature: 0.5, max_tokens: 256 },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      valid: true,
      params: expect.any(Object),
      adjustments: expect.any(Array),
      warnings: expect.any(Array),
    });
  });

  it('clamps out-of-range values, warns on unknown ones and names bad fields', async () => {
    const { client } = await userWithDemoSuite(stack.url);
    const ok = await client.post('/api/provider-params/validate', {
      provider_key: 'sandbox',
      model_id: 'sandbox-precise',
      params: { top_p: 1.7, mystery_knob: 3 },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.params.top_p).toBe(1);
    expect(ok.body.valid).toBe(false);
    expect(ok.body.adjustments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ param: 'top_p', action: 'clamped', original: 1.7, value: 1 }),
      ]),
    );
    expect(ok.body.adjustments).toEqual(
      expect.arrayContaining([expect.objectContaining({ param: 'mystery_knob', action: 'warn' })]),
    );
    const bad: [unknown, string][] = [
      [{ provider: 'acme', model_id: 'x', params: {} }, 'body.provider'],
      [{ provider: 'openai', model_id: 'gpt-4o', params: { temperature: 'hot' } }, 'body.params.temperature'],
      [{ provider: 'ollama', model_id: 'llama3', params: {}, passthrough: [1, 2] }, 'body.passthrough'],
      [{ provider_key: 'nope', model_id: 'x' }, 'body.provider_key'],
      [{ model_id: 'x' }, 'body.provider_key'],
    ];
    for (const [body, path] of bad) {
      const res = await client.post('/api/provider-params/validate', body);
      expect([res.status, res.body.error.details.map((d: { path: string }) => d.path)]).toEqual([
        400,
        expect.arrayContaining([path]),
      ]);
    }
  });

  it('records the clamping on every result of an eval, and the request sent holds the final values', async () => {
    const { client, suiteId, caseCount } = await userWithDemoSuite(stack.url);
    const bad = await client.post('/api/tool-eval', {
      suite_id: suiteId,
      targets: [{ provider_key: 'sandbox', model_id: 'sandbox-creative' }],
      params: { top_p: 'wide' },
    });
    expect([bad.status, bad.body.error.details[0].path]).toEqual([400, 'body.params.top_p']);

    const accepted = await client.post('/api/tool-eval', {
      suite_id: suiteId,
      targets: [{ provider_key: 'sandbox', model_id: 'sandbox-creative' }],
      temperature: 0.8,
      params: { top_p: 1.7, top_k: 40 },
    });
    const events = await readSse(await openEvents(stack.url, client.token, accepted.body.job_id), isTerminal);
    const results = events.filter((e) => e.event === 'tool_eval_result');
    expect(results).toHaveLength(caseCount);
    for (const r of results)
      expect(r.data.adjustments).toEqual(
        expect.arrayContaining([expect.objectContaining({ param: 'top_p', action: 'clamped', value: 1 })]),
      );
    const history = await client.get(`/api/tool-eval/history/${accepted.body.run_id}`);
    for (const row of history.body.results) {
      expect(row.detail.raw_request.params).toMatchObject({ top_p: 1, top_k: 40, temperature: 0.8 });
      expect(row.detail.adjustments).toEqual(
        expect.arrayContaining([expect.objectContaining({ param: 'top_p', action: 'clamped' })]),
      );
    }
  });

  it('refuses per-model default parameters of the wrong type, naming the field', async () => {
    const { client } = await userWithDemoSuite(stack.url);
    const res = await client.post('/api/providers', {
      provider_key: 'local',
      provider: 'ollama',
      base_url: 'http://127.0.0.1:11434/v1',
      models: [{ model_id: 'llama3', default_params: { temperature: 'warm' } }],
    });
    expect([res.status, res.body.error.details[0].path]).toEqual([
      400,
      'body.models.0.default_params.temperature',
    ]);
  });
});
