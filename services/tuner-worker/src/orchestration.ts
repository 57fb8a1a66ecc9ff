import { WaitingChildrenError, type Job } from 'bullmq';
import type { TunerDeps } from './deps.js';

type TunePayload = {
  job_id: string;
  user_id: string;
  tune_id: string;
  queued_event_sent: boolean;
  last_batch?: string | undefined;
};

/**
 * After a batch was added: waits for its children (throws BullMQ's WaitingChildrenError to park
 * the job) or returns when none is pending. The same batch twice in a row means its children
 * ended without results (failed for good): that is reported as `stuck` instead of looping.
 */
export async function awaitBatch<P extends TunePayload>(
  job: Job,
  token: string | undefined,
  p: P,
  signature: string,
): Promise<{ stuck: true } | { stuck: false; payload: P }> {
  if (signature === p.last_batch) return { stuck: true };
  const payload = { ...p, last_batch: signature };
  await job.updateData(payload);
  if (await job.moveToWaitingChildren(token ?? '')) throw new WaitingChildrenError();
  return { stuck: false, payload };
}

/** Announces that a batch could not be evaluated, once. */
export function warnStuck(deps: TunerDeps, p: TunePayload, what: string) {
  return deps.bus.publish(
    { id: p.job_id, user_id: p.user_id },
    'job_warning',
    { detail: `${what} could not be evaluated (their jobs failed); stopping the search` },
    { dedupe: `stuck:${p.last_batch ?? ''}` },
  );
}
