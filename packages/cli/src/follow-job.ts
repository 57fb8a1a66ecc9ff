import { setTimeout as sleep } from 'node:timers/promises';
import { TERMINAL_EVENTS } from '@llmbench/contracts';
import type { ApiClient } from './api-client.js';
import { CliError, EXIT } from './errors.js';
import type { EventOf, JobEvent } from './events.js';
import { SseParser, type SseFrame } from './sse-parser.js';

export type TerminalEvent = EventOf<(typeof TERMINAL_EVENTS)[number]>;

export type FollowOptions = {
  onEvent?: (event: JobEvent) => void;
  /** Called before each reconnection, with how many connections in a row failed. */
  onReconnect?: (failures: number, reason: string) => void;
  /** Connections in a row that may fail (without a single new event) before giving up. */
  maxFailures?: number;
  /** No byte at all for this long (the gateway sends heartbeats every 15 s) means a dead connection. */
  idleTimeoutMs?: number;
  /** Delay before the n-th reconnection in a row; default: at once, then the server's `retry` doubled each time. */
  backoffMs?: (failures: number, serverRetryMs: number) => number;
};

export type Followed = { events: JobEvent[]; terminal: TerminalEvent };

const TERMINAL: readonly string[] = TERMINAL_EVENTS;
const isTerminal = (e: JobEvent): e is TerminalEvent => TERMINAL.includes(e.type);

const defaultBackoff = (failures: number, serverRetryMs: number) =>
  failures <= 1 ? 0 : Math.min(serverRetryMs * 2 ** (failures - 2), 15_000);

function toEvent(frame: SseFrame): JobEvent {
  try {
    const event = JSON.parse(frame.data) as JobEvent;
    // The frame id is what Last-Event-ID must echo; the payload's copy is only informative.
    if (frame.id) event.id = frame.id;
    return event;
  } catch {
    throw new CliError(EXIT.network, `malformed event from the server: ${frame.data.slice(0, 80)}`);
  }
}

/**
 * Follows a job's SSE stream to its terminal event. A connection that drops, stalls or ends
 * early is reopened with `Last-Event-ID` — the gateway replays exactly what was missed — and
 * events are de-duplicated by id in case a replay overlaps. HTTP errors other than 5xx (a 404,
 * a refused token) are not retried: they would fail the same way again.
 */
export async function followJob(
  client: ApiClient,
  jobId: string,
  options: FollowOptions = {},
): Promise<Followed> {
  const { maxFailures = 5, idleTimeoutMs = 45_000, backoffMs = defaultBackoff } = options;
  const events: JobEvent[] = [];
  const seen = new Set<string>();
  let serverRetryMs = 1000;
  let lastEventId: string | undefined;
  let failures = 0;
  for (;;) {
    let progressed = false;
    let reason = 'the stream ended before the job did';
    // A fresh parser per connection: a frame cut off by the drop must not prefix the replay.
    const parser = new SseParser();
    const connection = new AbortController();
    let idle: NodeJS.Timeout | undefined;
    const touch = () => {
      clearTimeout(idle);
      idle = setTimeout(() => connection.abort(new Error(`no data for ${idleTimeoutMs} ms`)), idleTimeoutMs);
    };
    try {
      touch();
      const res = await client.openEvents(jobId, lastEventId, connection.signal);
      for await (const chunk of decode(res)) {
        touch();
        for (const frame of parser.push(chunk)) {
          const event = toEvent(frame);
          if (seen.has(event.id)) continue;
          seen.add(event.id);
          lastEventId = event.id;
          progressed = true;
          events.push(event);
          options.onEvent?.(event);
          if (isTerminal(event)) return { events, terminal: event };
        }
      }
    } catch (err) {
      if (err instanceof CliError && !err.retryable) throw err;
      reason = ((connection.signal.aborted ? connection.signal.reason : err) as Error).message;
    } finally {
      clearTimeout(idle);
      connection.abort();
      serverRetryMs = parser.retryMs ?? serverRetryMs;
    }
    failures = progressed ? 1 : failures + 1;
    if (failures > maxFailures)
      throw new CliError(EXIT.network, `lost the event stream of job ${jobId}: ${reason}`, true);
    options.onReconnect?.(failures, reason);
    await sleep(backoffMs(failures, serverRetryMs));
  }
}

async function* decode(res: Response): AsyncGenerator<string> {
  if (!res.body) return;
  const decoder = new TextDecoder();
  for await (const bytes of res.body) yield decoder.decode(bytes as Uint8Array, { stream: true });
}
