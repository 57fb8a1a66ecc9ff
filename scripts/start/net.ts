/** Small network helpers: TCP probes, free ports, a Redis PING and HTTP polling. */
import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** True when something accepts TCP connections on host:port within `timeoutMs`. */
export function tcpProbe(host: string, port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** A TCP port that was free on 127.0.0.1 a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not allocate a free port'));
      });
    });
  });
}

function encodeCommand(args: string[]): string {
  return `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
}

/**
 * Sends AUTH (when the URL has credentials) and PING over a raw RESP connection, so the probe
 * needs no Redis client library. Resolves true only on a real `+PONG`.
 */
export function redisPing(redisUrl: string, timeoutMs = 2_000): Promise<boolean> {
  let url: URL;
  try {
    url = new URL(redisUrl);
  } catch {
    return Promise.resolve(false);
  }
  // A TLS endpoint cannot be probed with a plain socket; trust the operator who configured it.
  if (url.protocol === 'rediss:') return Promise.resolve(true);
  const commands: string[][] = [];
  const password = decodeURIComponent(url.password);
  const username = decodeURIComponent(url.username);
  if (password) commands.push(username ? ['AUTH', username, password] : ['AUTH', password]);
  commands.push(['PING']);

  return new Promise((resolve) => {
    const socket = net.connect({ host: url.hostname || '127.0.0.1', port: Number(url.port || 6379) });
    let buffer = '';
    let replies = 0;
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write(commands.map(encodeCommand).join('')));
    socket.on('data', (chunk) => {
      buffer += chunk.toString('utf8');
      let newline: number;
      while ((newline = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        replies += 1;
        if (line.startsWith('-')) return done(false);
        if (replies === commands.length) return done(line === '+PONG');
      }
    });
  });
}

export interface WaitForHttpOptions {
  timeoutMs: number;
  /** Checked between attempts: stop waiting early when the process behind the URL died. */
  stillAlive?: () => boolean;
  /** First poll interval; it grows to 1 s. */
  intervalMs?: number;
}

/**
 * Polls `url` until it answers 200. Startup waits are bounded: a service that is not ready in
 * time is reported with the last status or error seen.
 */
export async function waitForHttp(url: string, options: WaitForHttpOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let last = 'no answer';
  let attempt = 0;
  while (Date.now() < deadline) {
    if (options.stillAlive && !options.stillAlive()) throw new Error(`process exited before ${url} answered`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      const body = await response.text();
      if (response.status === 200) return;
      last = `HTTP ${response.status} ${body.slice(0, 200)}`;
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    // Quick at first, then once a second: every poll is a request line in the service's log.
    await sleep(Math.min(1_000, (options.intervalMs ?? 100) * 1.5 ** attempt++));
  }
  throw new Error(`${url} not ready after ${Math.round(options.timeoutMs / 1000)}s (last: ${last})`);
}
