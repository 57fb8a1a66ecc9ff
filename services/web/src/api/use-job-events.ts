import { useEffect, useState } from 'react';
import { followJob, type JobEvent, type StreamState } from './job-stream';

export type JobEvents = { events: JobEvent[]; state: StreamState; detail?: string };

/**
 * Every event of a job, replayed from its first one and then live. Views derive everything they
 * show from this list, so a reload (which replays) and a live page show the same thing.
 */
export function useJobEvents(jobId: string | undefined): JobEvents {
  const [result, setResult] = useState<JobEvents>({ events: [], state: 'connecting' });
  useEffect(() => {
    if (!jobId) return;
    setResult({ events: [], state: 'connecting' });
    const seen = new Set<string>();
    let pending: JobEvent[] = [];
    let frame = 0;
    // Batch bursts (a replay of thousands of events) into one render per animation frame.
    const flush = () => {
      cancelAnimationFrame(frame); // flushed early (a state change): no second, empty render
      frame = 0;
      const batch = pending;
      pending = [];
      setResult((r) => ({ ...r, events: r.events.concat(batch) }));
    };
    const stop = followJob(jobId, {
      onEvent: (event) => {
        if (seen.has(event.id)) return;
        seen.add(event.id);
        pending.push(event);
        frame ||= requestAnimationFrame(flush);
      },
      onState: (state, detail) => {
        if (pending.length) flush();
        setResult((r) => ({ ...r, state, detail }));
      },
    });
    return () => {
      cancelAnimationFrame(frame);
      stop();
    };
  }, [jobId]);
  return result;
}

/**
 * Whether the job's log no longer starts at its beginning: a replay from the start always opens
 * with `job_created`, unless the log (capped per job) dropped the oldest events of a very long job.
 */
export const logTrimmed = (events: readonly JobEvent[]) =>
  events.length > 0 && events[0]?.type !== 'job_created';

/** The events of one type, typed loosely (payload fields as the contracts define them). */
export function eventsOf<T = Record<string, unknown>>(events: JobEvent[], type: string): (JobEvent & T)[] {
  return events.filter((e) => e.type === type) as (JobEvent & T)[];
}
