import type { EventPayload, EventType, JobStatus, ProgressEvent } from '@llmbench/contracts';

/** A job event, discriminated by `type` so a `switch` narrows its payload. */
export type JobEvent = { [T in EventType]: ProgressEvent<T> }[EventType];
export type EventOf<T extends EventType> = Extract<JobEvent, { type: T }>;

/** A followed job: how it ended and every event it sent (reports are built from these). */
export type JobRun = { jobId: string; status: JobStatus; error: string | null; events: readonly JobEvent[] };

export function eventsOf<T extends EventType>(events: readonly JobEvent[], type: T): EventOf<T>[] {
  return events.filter((e): e is EventOf<T> => e.type === type);
}

export function lastEventOf<T extends EventType>(
  events: readonly JobEvent[],
  type: T,
): EventOf<T> | undefined {
  return eventsOf(events, type).at(-1);
}

/** The payload without the envelope (`id`, `type`, `job_id`, `ts`), as JSON output shows it. */
export function payloadOf<T extends EventType>(event: EventOf<T>): EventPayload<T> {
  const { id: _i, type: _t, job_id: _j, ts: _s, user_id: _u, ...payload } = event as ProgressEvent;
  return payload as EventPayload<T>;
}
