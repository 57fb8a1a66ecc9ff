import type { JobAccepted } from '@llmbench/contracts';
import type { ApiClient } from '../api-client.js';
import { EXIT } from '../errors.js';
import type { JobRun } from '../events.js';
import { followJob, type TerminalEvent } from '../follow-job.js';
import type { Io } from '../io.js';
import { noticesOf, ProgressTracker } from '../progress.js';
import { ProgressView } from '../progress-view.js';
import type { Rendered } from '../report/index.js';
import { print, type Context } from './command.js';

function outcomeOf(terminal: TerminalEvent): Pick<JobRun, 'status' | 'error'> {
  switch (terminal.type) {
    case 'job_completed':
      return { status: 'completed', error: null };
    case 'job_failed':
      return { status: 'failed', error: terminal.error.message };
    case 'job_cancelled':
      return { status: 'cancelled', error: terminal.reason };
  }
}

/** Ctrl-C stops the watching, not the job (closing a stream never cancels): say how to get back. */
function onInterrupt(io: Io, jobId: string): () => void {
  const handler = () => {
    io.stderr.write(
      `\nlbs: stopped watching; job ${jobId} keeps running ("lbs jobs watch ${jobId}", "lbs jobs cancel ${jobId}")\n`,
    );
    process.exit(130);
  };
  process.once('SIGINT', handler);
  return () => process.off('SIGINT', handler);
}

/** Follows a job to its end, drawing progress and notices on stderr unless `quiet` (--json). */
export async function watchJob(client: ApiClient, io: Io, jobId: string, quiet: boolean): Promise<JobRun> {
  const view = new ProgressView(io.stderr, !quiet);
  const tracker = new ProgressTracker();
  const stopListening = onInterrupt(io, jobId);
  try {
    const { events, terminal } = await followJob(client, jobId, {
      onEvent: (e) => {
        for (const notice of noticesOf(e)) view.notice(notice);
        const state = tracker.update(e);
        if (state) view.progress(state);
      },
      onReconnect: (failures, reason) =>
        view.notice(
          `connection lost (${reason}); reconnecting${failures > 1 ? ` (attempt ${failures})` : ''}`,
        ),
    });
    return { jobId, events, ...outcomeOf(terminal) };
  } finally {
    stopListening();
    view.done();
  }
}

/** POSTs a job (the gateway answers 202) and follows it to its end. */
export async function submitJob(ctx: Context, path: string, body: unknown, quiet: boolean): Promise<JobRun> {
  const client = await ctx.client();
  const accepted = await client.post<JobAccepted>(path, body);
  if (!quiet) ctx.io.stderr.write(`submitted job ${accepted.job_id}\n`);
  return watchJob(client, ctx.io, accepted.job_id, quiet);
}

/** Prints a finished job's results; a failed or cancelled job also gets its error line and exit 1. */
export function finishJob(ctx: Context, run: JobRun, rendered: Rendered, json: boolean): number {
  print(ctx, json, rendered.json, () => rendered.text);
  if (run.status === 'completed') return EXIT.ok;
  ctx.io.stderr.write(`lbs: job ${run.jobId} ${run.status}: ${run.error ?? 'no reason given'}\n`);
  return EXIT.failed;
}
