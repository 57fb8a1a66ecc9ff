import type { Redis } from 'ioredis';
import { TERMINAL_EVENTS, type EventPayload, type EventType, type ProgressEvent } from '@llmbench/contracts';
import type { Keys } from './keys.js';

// Appends to the job's log and publishes in one atomic step, so live subscribers and replay
// see the same order and ids. After a terminal event nothing else is accepted: every job
// ends with exactly one of job_completed / job_failed / job_cancelled, and it is the last.
// With a monotonic field (ARGV[6]), the published value is the largest count any publisher
// has observed so far for that field (KEYS[3]), so concurrent units never make progress go
// backwards; each field has its own counter, so a job may keep several.
// With a dedupe member (ARGV[8]), an event already announced under that member (KEYS[4]) is
// dropped: a recovered worker can re-announce stored results without duplicating any.
const PUBLISH_LUA = `
if redis.call('EXISTS', KEYS[2]) == 1 then return false end
if ARGV[8] ~= '' then
  if redis.call('SADD', KEYS[4], ARGV[8]) == 0 then return false end
  redis.call('EXPIRE', KEYS[4], ARGV[4])
end
if ARGV[1] == '1' then redis.call('SET', KEYS[2], '1', 'EX', ARGV[4]) end
local body = ARGV[2]
if ARGV[6] ~= '' then
  local v = math.max(tonumber(redis.call('GET', KEYS[3]) or '0'), tonumber(ARGV[7]))
  redis.call('SET', KEYS[3], v, 'EX', ARGV[4])
  body = string.sub(body, 1, -2) .. ',"' .. ARGV[6] .. '":' .. v .. '}'
end
local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[3], '*', 'd', body)
redis.call('EXPIRE', KEYS[1], ARGV[4])
redis.call('PUBLISH', ARGV[5], id .. ' ' .. body)
return id`;

const TERMINAL = new Set<string>(TERMINAL_EVENTS);
const MAX_EVENTS_PER_JOB = 20_000;
const LOG_TTL_S = 7 * 86_400;

export type PublishOptions<T extends EventType> = {
  monotonic?: { field: keyof EventPayload<T> & string; observed: number };
  dedupe?: string;
};

export type EventBusOptions = { maxEventsPerJob?: number; logTtlS?: number };

/** Compares two log ids (`<ms>-<seq>`); negative when `a` is older. */
export function compareEventIds(a: string, b: string): number {
  const [am = 0, as = 0] = a.split('-').map(Number);
  const [bm = 0, bs = 0] = b.split('-').map(Number);
  return am - bm || as - bs;
}

/** A published frame `<id> <json>` back into an event. */
export function parseFrame(frame: string): ProgressEvent {
  const space = frame.indexOf(' ');
  return { ...JSON.parse(frame.slice(space + 1)), id: frame.slice(0, space) } as ProgressEvent;
}

/**
 * The progress bus: workers publish typed events; each is appended to a per-job Redis stream
 * (replayable with Last-Event-ID) and fanned out on the owner's pub/sub channel.
 */
export class EventBus {
  private readonly maxEvents: number;
  private readonly ttlS: number;

  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    options: EventBusOptions = {},
  ) {
    this.maxEvents = options.maxEventsPerJob ?? MAX_EVENTS_PER_JOB;
    this.ttlS = options.logTtlS ?? LOG_TTL_S;
  }

  /**
   * Publishes one event of a job. With `monotonic`, that numeric field is published as the
   * largest value observed by any publisher of the job (a progress counter). With `dedupe`, the
   * event is published at most once per job under that key.
   * @returns the event's log id, or null when the job already ended (the event is dropped)
   */
  async publish<T extends EventType>(
    job: { id: string; user_id: string },
    type: T,
    payload: EventPayload<T>,
    options: PublishOptions<T> = {},
  ): Promise<string | null> {
    const { monotonic, dedupe } = options;
    const fields: Record<string, unknown> = {
      ...payload,
      type,
      job_id: job.id,
      user_id: job.user_id,
      ts: new Date().toISOString(),
    };
    if (monotonic) delete fields[monotonic.field];
    const body = JSON.stringify(fields);
    const id = await this.redis.eval(
      PUBLISH_LUA,
      4,
      this.keys.eventLog(job.id),
      this.keys.terminal(job.id),
      this.keys.progressCounter(job.id, monotonic?.field ?? ''),
      this.keys.announced(job.id),
      TERMINAL.has(type) ? '1' : '0',
      body,
      String(this.maxEvents),
      String(this.ttlS),
      this.keys.userChannel(job.user_id),
      monotonic?.field ?? '',
      String(monotonic?.observed ?? 0),
      dedupe ?? '',
    );
    return typeof id === 'string' ? id : null;
  }

  /** Events of a job after `afterId` (exclusive), or all of them, oldest first. */
  async replay(jobId: string, afterId?: string): Promise<ProgressEvent[]> {
    const start = afterId ? `(${afterId}` : '-';
    const entries = await this.redis.xrange(this.keys.eventLog(jobId), start, '+');
    return entries.map(([id, fields]) => ({ ...JSON.parse(fields[1] ?? '{}'), id }) as ProgressEvent);
  }

  /** Whether the job's terminal event has been published. */
  async hasEnded(jobId: string): Promise<boolean> {
    return (await this.redis.exists(this.keys.terminal(jobId))) === 1;
  }
}

/** True for job_completed / job_failed / job_cancelled. */
export function isTerminalEvent(type: string): boolean {
  return TERMINAL.has(type);
}
