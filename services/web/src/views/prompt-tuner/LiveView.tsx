import type { JobView } from '@llmbench/contracts';
import { useMemo } from 'react';
import { Link, type Route } from '../../app/router';
import { JobLive, jobOutcome } from '../../components/JobLive';
import { EmptyState, ErrorBanner, PageHeader } from '../../components/ui';
import { useApi } from '../../components/use-api';
import { useJobEvents } from '../../api/use-job-events';
import { PromptTunerTabs, recalledWarnings, targetLabel } from './common';
import { reduceTune, type TuneEvent } from './tune-state';
import { TuneResults } from './TuneResults';

/** `/prompt-tuner/jobs/:jobId`: a tune as it runs, derived from its events (a reload replays them). */
export function LiveView({ route }: { route: Route }) {
  const jobId = route.params.jobId ?? '';
  const stream = useJobEvents(jobId);
  const job = useApi<JobView>(`/api/jobs/${jobId}`);
  const view = useMemo(() => reduceTune(stream.events as unknown as TuneEvent[]), [stream.events]);
  const runId = job.data?.run_id ?? view.start?.tune_id;
  const extra = recalledWarnings(jobId).filter((w) => !view.warnings.includes(w));
  const outcome = jobOutcome(stream);
  const wrongType = job.data && job.data.type !== 'prompt_tune';
  if (job.error?.status === 404)
    return (
      <>
        <PageHeader title="Prompt tune" />
        <PromptTunerTabs current="live" />
        <EmptyState
          title="No such job"
          action={<Link to="/prompt-tuner/history">See your prompt tunes</Link>}
        >
          This job does not exist, or it belongs to another account.
        </EmptyState>
      </>
    );
  return (
    <>
      <PageHeader
        title="Prompt tune"
        subtitle={
          view.start?.meta_target ? (
            <>
              {view.start.suite_name} · meta model {targetLabel(view.start.meta_target)}
            </>
          ) : undefined
        }
        actions={
          runId && outcome.status !== 'running' && outcome.status !== 'queued' ? (
            <Link className="btn" to={`/prompt-tuner/history/${runId}`}>
              Stored record
            </Link>
          ) : undefined
        }
      />
      <PromptTunerTabs current="live" />
      {wrongType && (
        <p className="banner banner-warn">
          This job is a {job.data!.type.replace('_', ' ')}, not a prompt tune.{' '}
          <Link to="/">See all jobs</Link>.
        </p>
      )}
      <JobLive jobId={jobId} stream={stream} label="Prompt tune" />
      {job.error && <ErrorBanner error={job.error} title="Could not load the job" />}
      {extra.length > 0 && (
        <div className="banner banner-warn" role="status">
          <strong>Warnings</strong>
          <ul>
            {extra.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      {outcome.status === 'cancelled' && (
        <p className="banner banner-info">
          The tune was cancelled; the generations it finished are kept
          {runId && (
            <>
              {' '}
              in the <Link to={`/prompt-tuner/history/${runId}`}>stored record</Link>
            </>
          )}
          .
        </p>
      )}
      {stream.events.length === 0 && stream.state !== 'error' ? (
        <p className="muted" role="status">
          Connecting to the tune…
        </p>
      ) : (
        <TuneResults view={view} runId={runId} />
      )}
    </>
  );
}
