import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from './api-client.js';
import { CliError, EXIT } from './errors.js';
import { followJob } from './follow-job.js';

/** A job's event log as the gateway would serve it. */
const LOG = [
  'job_created',
  'job_queued',
  'job_started',
  'tool_eval_init',
  'tool_eval_complete',
  'job_completed',
].map((type, i) => ({ id: `100-${i}`, type, job_id: 'j1', ts: 't' }));
const frame = (e: (typeof LOG)[number]) => `id: ${e.id}\nevent: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`;

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
});

/** Serves /api/jobs/j1/events with `handle`, recording each request's Last-Event-ID. */
async function serve(handle: (req: IncomingMessage, res: ServerResponse, connection: number) => void) {
  const lastIds: (string | undefined)[] = [];
  server = createServer((req, res) => {
    lastIds.push(req.headers['last-event-id'] as string | undefined);
    handle(req, res, lastIds.length);
  });
  server.listen(0, '127.0.0.1');
  await new Promise((ok) => server!.once('listening', ok));
  const client = new ApiClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 'tok');
  return { client, lastIds };
}

/** Writes the log after `lastId` (as the gateway replays), cutting the connection after `limit` frames. */
function replay(req: IncomingMessage, res: ServerResponse, limit = Infinity) {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  res.write('retry: 10\n\n');
  const from = LOG.findIndex((e) => e.id === req.headers['last-event-id']) + 1;
  const frames = LOG.slice(from, from + limit)
    .map(frame)
    .join('');
  if (from + limit >= LOG.length) return void res.end(frames);
  res.write(frames, () => res.socket?.destroy());
}

const noWait = { backoffMs: () => 0 };

describe('followJob', () => {
  it('reconnects after a dropped stream with Last-Event-ID and loses or repeats nothing', async () => {
    const { client, lastIds } = await serve((req, res, n) => replay(req, res, n === 1 ? 2 : 3));
    const reconnects: number[] = [];
    const seen: string[] = [];
    const { events, terminal } = await followJob(client, 'j1', {
      ...noWait,
      onEvent: (e) => seen.push(e.id),
      onReconnect: (failures) => reconnects.push(failures),
    });
    expect(events.map((e) => e.id)).toEqual(LOG.map((e) => e.id));
    expect(seen).toEqual(LOG.map((e) => e.id));
    expect(terminal.type).toBe('job_completed');
    expect(lastIds).toEqual([undefined, '100-1', '100-4']);
    expect(reconnects).toEqual([1, 1]);
  });

  it('drops events a replay repeats', async () => {
    // This server ignores Last-Event-ID on the second connection and starts over.
    const { client } = await serve((req, res, n) => {
      res.writeHead(200);
      if (n === 1) return void res.write(LOG.slice(0, 3).map(frame).join(''), () => res.socket?.destroy());
      res.end(LOG.map(frame).join(''));
    });
    const { events } = await followJob(client, 'j1', noWait);
    expect(events.map((e) => e.id)).toEqual(LOG.map((e) => e.id));
  });

  it('gives up with a network error (exit 3) after connections in a row bring nothing', async () => {
    const { client, lastIds } = await serve((_req, res) => res.socket?.destroy());
    const failed = await followJob(client, 'j1', { ...noWait, maxFailures: 3 }).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(CliError);
    expect((failed as CliError).exitCode).toBe(EXIT.network);
    expect((failed as CliError).message).toMatch(/^lost the event stream of job j1: /);
    expect(lastIds).toHaveLength(4);
  });

  it('does not retry a 404: the job will not appear by asking again', async () => {
    const { client, lastIds } = await serve((_req, res) => {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'not_found', message: 'job not found' } }));
    });
    const failed = await followJob(client, 'j1', noWait).catch((e: unknown) => e);
    expect([(failed as CliError).exitCode, (failed as CliError).message]).toEqual([
      EXIT.usage,
      'job not found',
    ]);
    expect(lastIds).toHaveLength(1);
  });

  it('treats a silent connection as dead and reconnects', async () => {
    const { client, lastIds } = await serve((req, res, n) => {
      if (n > 1) return replay(req, res);
      res.writeHead(200);
      res.write(frame(LOG[0]!)); // then nothing, not even a heartbeat
    });
    const { events } = await followJob(client, 'j1', { ...noWait, idleTimeoutMs: 100 });
    expect(events).toHaveLength(LOG.length);
    expect(lastIds).toEqual([undefined, '100-0']);
  });
});
