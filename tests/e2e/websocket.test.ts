import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { once } from 'node:events';
import WebSocket from 'ws';
import { startStack, type Stack } from '../support/stack.js';
import { userWithDemoSuite } from '../support/api.js';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.close());

const wsUrl = (token: string) => `${stack.url.replace('http', 'ws')}/ws?token=${encodeURIComponent(token)}`;

function collectUntil(ws: WebSocket, done: (m: any) => boolean): Promise<any[]> {
  const messages: any[] = [];
  return new Promise((resolve) => {
    ws.on('message', (raw) => {
      const m = JSON.parse(String(raw));
      messages.push(m);
      if (done(m)) resolve(messages);
    });
  });
}

describe('/ws', () => {
  it("delivers every event of the user's jobs to each of their sockets, and none of another user's", async () => {
    const a = await userWithDemoSuite(stack.url);
    const b = await userWithDemoSuite(stack.url);
    const tabs = [new WebSocket(wsUrl(a.client.token)), new WebSocket(wsUrl(a.client.token))];
    const other = new WebSocket(wsUrl(b.client.token));
    await Promise.all([...tabs, other].map((ws) => once(ws, 'open')));
    const otherMessages: any[] = [];
    other.on('message', (raw) => otherMessages.push(JSON.parse(String(raw))));
    const received = tabs.map((ws) => collectUntil(ws, (m) => m.type === 'job_completed'));

    const accepted = await a.client.post('/api/tool-eval', {
      suite_id: a.suiteId,
      targets: [{ provider_key: 'sandbox', model_id: 'sandbox-precise' }],
    });
    const [first, second] = await Promise.all(received);
    for (const messages of [first!, second!]) {
      expect(messages.every((m) => m.job_id === accepted.body.job_id)).toBe(true);
      expect(messages.filter((m) => m.type === 'tool_eval_result')).toHaveLength(a.caseCount);
      expect(messages.at(-1).type).toBe('job_completed');
      expect(messages.every((m) => typeof m.id === 'string' && m.user_id === undefined)).toBe(true);
    }
    expect(first!.map((m) => m.id)).toEqual(second!.map((m) => m.id));

    // A reconnecting tab catches up by replaying after the last id it saw.
    const late = new WebSocket(wsUrl(a.client.token));
    await once(late, 'open');
    const replay = collectUntil(late, (m) => m.type === 'job_completed');
    late.send(JSON.stringify({ type: 'replay', job_id: accepted.body.job_id, last_event_id: first![4].id }));
    expect((await replay).map((m: any) => m.id)).toEqual(first!.slice(5).map((m) => m.id));

    // Another user's job is not replayable, and none of its events reached user B.
    const denied = collectUntil(other, (m) => m.type === 'error');
    other.send(JSON.stringify({ type: 'replay', job_id: accepted.body.job_id }));
    expect((await denied).at(-1)).toMatchObject({ type: 'error', message: 'job not found' });
    expect(otherMessages.filter((m) => m.job_id === accepted.body.job_id && m.type !== 'error')).toEqual([]);
    for (const ws of [...tabs, other, late]) ws.close();
  });

  it('closes unauthenticated sockets with 4001', async () => {
    const ws = new WebSocket(wsUrl('not-a-token'));
    const [code] = await once(ws, 'close');
    expect(code).toBe(4001);
  });
});

describe('/ws robustness', () => {
  it('answers malformed and oversized messages without taking the gateway down', async () => {
    const { client } = await userWithDemoSuite(stack.url);
    const ws = new WebSocket(wsUrl(client.token));
    await once(ws, 'open');
    const replies = collectUntil(ws, (m) => m.type === 'error' && /event id/.test(m.message));
    ws.send('null');
    ws.send(
      JSON.stringify({ type: 'replay', job_id: '00000000-0000-4000-8000-000000000000', last_event_id: 'x' }),
    );
    const messages = await replies;
    expect(messages.map((m) => m.type)).toEqual(['error', 'error']);
    const big = new WebSocket(wsUrl(client.token));
    await once(big, 'open');
    big.send('x'.repeat(200_000));
    const [code] = await once(big, 'close');
    expect(code).toBe(1009);
    expect((await client.get('/api/auth/me')).status).toBe(200);
    ws.close();
  });
});
