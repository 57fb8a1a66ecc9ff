import type { IncomingMessage, Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventBus } from '@llmbench/queue';
import type { JobRepository } from '@llmbench/db';
import { resolveToken, type AuthDeps } from '../http/auth.js';
import type { EventRelay } from './event-relay.js';

const MAX_SOCKETS_PER_USER = 10;
const IDLE_TIMEOUT_MS = 90_000;

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
  deps: { auth: AuthDeps; relay: EventRelay; bus: EventBus; jobs: JobRepository; shutdown: AbortSignal },
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

  server.on('upgrade', async (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname !== '/ws') return socket.destroy();
    const token = tokenOf(req);
    const user = token ? await resolveToken(deps.auth, token).catch(() => undefined) : undefined;
    wss.handleUpgrade(req, socket, head, (ws) => {
      if (!user) return ws.close(4001, 'unauthorized');
      if ((perUser.get(user.id) ?? 0) >= MAX_SOCKETS_PER_USER) return ws.close(4008, 'too many connections');
      perUser.set(user.id, (perUser.get(user.id) ?? 0) + 1);
      serve(ws, user.id);
    });
  });

  function serve(ws: WebSocket, userId: string) {
    void deps.relay.start();
    const send = (data: unknown) => ws.readyState === ws.OPEN && ws.send(JSON.stringify(data));
    const unsubscribe = deps.relay.subscribe(userId, (event) => {
      const { user_id: _u, ...rest } = event;
      send(rest);
    });
    let idle = setTimeout(() => ws.close(4002, 'idle'), IDLE_TIMEOUT_MS);
    ws.on('message', async (raw) => {
      clearTimeout(idle);
      idle = setTimeout(() => ws.close(4002, 'idle'), IDLE_TIMEOUT_MS);
      let msg: ClientMessage;
      try {
        msg = JSON.parse(String(raw)) as ClientMessage;
      } catch {
        return send({ type: 'error', message: 'messages must be JSON' });
      }
      if (msg.type === 'ping') return send({ type: 'pong' });
      if (msg.type === 'replay' && typeof msg.job_id === 'string') {
        const job = /^[0-9a-f-]{36}$/i.test(msg.job_id) ? await deps.jobs.get(userId, msg.job_id) : undefined;
        if (!job) return send({ type: 'error', message: 'job not found', job_id: msg.job_id });
        for (const { user_id: _u, ...event } of await deps.bus.replay(job.id, msg.last_event_id)) send(event);
      }
    });
    ws.on('close', () => {
      clearTimeout(idle);
      unsubscribe();
      perUser.set(userId, (perUser.get(userId) ?? 1) - 1);
    });
  }
  return wss;
}
