import { useState } from 'react';
import { api } from '../api/client';
import type { JobEvents } from '../api/use-job-events';
import { seconds } from '../lib/format';
import { Badge, ErrorBanner, ProgressBar } from './ui';

const STATE_LABEL = {
  connecting: ['Connecting…', 'info'],
  live: ['Live', 'ok'],
  reconnecting: ['Reconnecting…', 'warn'],
  ended: ['Finished', 'neutral'],
  error: ['Stream error', 'bad'],
} as const;

/** The job's outcome from its events: running, or how it ended. */
export function jobOutcome(stream: JobEvents): { status: string; error?: { code: string; message: string } } {
  const last = stream.events.at(-1);
  if (last?.type === 'job_completed') return { status: 'completed' };
  if (last?.type === 'job_cancelled') return { status: 'cancelled' };
  if (last?.type === 'job_failed')
    return { status: 'failed', error: last.error as { code: string; message: string } };
  return { status: stream.events.some((e) => e.type === 'job_started') ? 'running' : 'queued' };
}

/**
 * A live job's header: stream state, progress (from the job's own progress events), cancel, and
 * how it ended. Every live view shows this above its own panels.
 */
export function JobLive({ jobId, stream, label }: { jobId: string; stream: JobEvents; label: string }) {
  const [cancelError, setCancelError] = useState<unknown>();
  const [cancelling, setCancelling] = useState(false);
  // The bus publishes job_progress monotonic (the highest percentage any unit saw): the last is the furthest.
  const progress = stream.events.filter((e) => e.type === 'job_progress').at(-1) as
    { progress_pct?: number; progress_detail?: string; eta_s?: number | null } | undefined;
  const outcome = jobOutcome(stream);
  const done = ['completed', 'cancelled', 'failed'].includes(outcome.status);
  const [stateText, tone] = STATE_LABEL[stream.state];
  const pct = outcome.status === 'completed' ? 100 : (progress?.progress_pct ?? 0);
  return (
    <section className="card job-live" aria-label={`${label} progress`} data-job-status={outcome.status}>
      <div className="row spread">
        <div className="row">
          <Badge tone={tone}>{stateText}</Badge>
          <Badge
            tone={
              outcome.status === 'completed'
                ? 'ok'
                : outcome.status === 'failed'
                  ? 'bad'
                  : outcome.status === 'cancelled'
                    ? 'warn'
                    : 'info'
            }
          >
            <span data-testid="job-status">{outcome.status}</span>
          </Badge>
          <span className="muted small">
            {progress?.progress_detail ?? ''}
            {!done && progress?.eta_s ? ` · about ${seconds(progress.eta_s)} left` : ''}
          </span>
        </div>
        {!done && (
          <button
            type="button"
            className="btn btn-danger-outline"
            disabled={cancelling}
            onClick={() => {
              setCancelling(true);
              api
                .post(`/api/jobs/${jobId}/cancel`)
                .catch(setCancelError)
                .finally(() => setCancelling(false));
            }}
          >
            {cancelling ? 'Cancelling…' : 'Cancel'}
          </button>
        )}
      </div>
      <ProgressBar value={pct} label={`${label} progress`} />
      {stream.detail && <p className="error-text">{stream.detail}</p>}
      {outcome.error && <ErrorBanner error={outcome.error} title="The job failed" />}
      <ErrorBanner error={cancelError} title="Could not cancel" />
    </section>
  );
}
