import type { Metrics } from '@llmbench/metrics';
import type { IncomingMessage, Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventBus } from '@llmbench/queue';
import type { JobRepository } from '@llmbench/db';
import { resolveToken, type AuthDeps } from '../http/auth.js';
import type { EventRelay } from './event-relay.js';

const MAX_SOCKETS_PER_USER = 10;
const IDLE_TIMEOUT_MS = 90_000;
const AUTH_RECHECK_MS = 60_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EVENT_ID = /^\d+-\d+$/;

function tokenOf(req: IncomingMessage): string | undefined {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const header = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  return header?.[1] ?? url.searchParams.get('token') ?? undefined;
}

type ClientMessage = { type: 'ping' } | { type: 'replay'; job_id: string; last_event_id?: string };

/**
 * `/ws`: a user's WebSocket receives every event of that user's jobs (multi-tab UIs). A client
 * may ask `{type:"replay", job_id, last_event_id}` to catch up after a reconnect; events carry
 * their log id so a client de-duplicates by (job_id, id).
 */
export function attachWebSocketRelay(
  server: Server,
  deps: {
    auth: AuthDeps;
    relay: EventRelay;
    bus: EventBus;
    jobs: JobRepository;
    shutdown: AbortSignal;
    metrics: Metrics;
  },
): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const perUser = new Map<string, number>();
  deps.shutdown.addEventListener(
    'abort',
    () => {
      for (const client of wss.clients) client.close(1001, 'server shutting down');
      wss.close();
    },
    { once: true },
  );

  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== '/ws') return socket.destroy();
    socket.on('error', () => socket.destroy());
    const token = tokenOf(req);
    void (token ? resolveToken(deps.auth, token).catch(() => undefined) : Promise.resolve(undefined)).then(
      (user) =>
        wss.handleUpgrade(req, socket, head, (ws) => {
          ws.on('error', () => ws.terminate());
          if (!user || !token) return ws.close(4001, 'unauthorized');
          if ((perUser.get(user.id) ?? 0) >= MAX_SOCKETS_PER_USER)
            return ws.close(4008, 'too many connections');
          perUser.set(user.id, (perUser.get(user.id) ?? 0) + 1);
          serve(ws, user.id, token);
        }),
    );
  });

  /** Answers one client message; anything malformed gets an error message, never a crash. */
  async function answer(msg: unknown, userId: string, send: (data: unknown) => void): Promise<void> {
    const m = (typeof msg === 'object' && msg !== null ? msg : {}) as Partial<ClientMessage> &
      Record<string, unknown>;
    if (m.type === 'ping') return send({ type: 'pong' });
    if (m.type !== 'replay' || typeof m.job_id !== 'string')
      return send({
        type: 'error',
        message: 'expected {"type":"ping"} or {"type":"replay","job_id","last_event_id"?}',
      });
    const last = m.last_event_id;
    if (last !== undefined && (typeof last !== 'string' || !EVENT_ID.test(last)))
      return send({ type: 'error', message: 'last_event_id: not an event id', job_id: m.job_id });
    const job = UUID.test(m.job_id) ? await deps.jobs.get(userId, m.job_id) : undefined;
    if (!job) return send({ type: 'error', message: 'job not found', job_id: m.job_id });
    for (const { user_id: _u, ...event } of await deps.bus.replay(job.id, last)) send(event);
  }

  function serve(ws: WebSocket, userId: string, token: string) {
    void deps.relay.start();
    const send = (data: unknown) => ws.readyState === ws.OPEN && ws.send(JSON.stringify(data));
    const unsubscribe = deps.relay.subscribe(userId, (event) => {
      const { user_id: _u, ...rest } = event;
      if (ws.readyState !== ws.OPEN) return;
      send(rest);
      deps.metrics.eventsRelayed.inc({ type: event.type });
    });
    const releaseConnection = deps.metrics.trackConnection('ws');
    let idle = setTimeout(() => ws.close(4002, 'idle'), IDLE_TIMEOUT_MS);
    // A token that expires or is revoked, or a disabled account, ends the socket too.
    const recheck = setInterval(() => {
      void resolveToken(deps.auth, token)
        .then((u) => u?.id === userId || ws.close(4001, 'token expired or revoked'))
        .catch(() => undefined);
    }, AUTH_RECHECK_MS);
    ws.on('message', (raw) => {
      clearTimeout(idle);
      idle = setTimeout(() => ws.close(4002, 'idle'), IDLE_TIMEOUT_MS);
      let msg: unknown;
      try {
        msg = JSON.parse(String(raw));
      } catch {
        return send({ type: 'error', message: 'messages must be JSON' });
      }
      answer(msg, userId, send).catch(() => send({ type: 'error', message: 'could not answer; try again' }));
    });
    ws.on('close', () => {
      releaseConnection();
      clearTimeout(idle);
      clearInterval(recheck);
      unsubscribe();
      const left = (perUser.get(userId) ?? 1) - 1;
      if (left <= 0) perUser.delete(userId);
      else perUser.set(userId, left);
    });
  }
  return wss;
}
