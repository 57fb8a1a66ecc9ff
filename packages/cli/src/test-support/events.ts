import type { EventType } from '@llmbench/contracts';
import type { EventOf, JobEvent, JobRun } from '../events.js';

let seq = 0;

/** A job event with its envelope; the payload is taken as given (tests build only what they read). */
export function ev<T extends EventType>(type: T, payload: Record<string, unknown>): EventOf<T> {
  seq += 1;
  return {
    id: `1-${seq}`,
    type,
    job_id: 'job-1',
    ts: '2025-01-01T00:00:00Z',
    ...payload,
  } as unknown as EventOf<T>;
}

export function jobRun(
  events: JobEvent[],
  status: JobRun['status'] = 'completed',
  error: string | null = null,
): JobRun {
  return { jobId: 'job-1', status, error, events };
}
