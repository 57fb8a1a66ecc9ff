import { useMemo } from 'react';
import { useJobEvents } from '../../api/use-job-events';
import { Link, setQuery, type Route } from '../../app/router';
import { JobLive, jobOutcome } from '../../components/JobLive';
import { EmptyState, PageHeader } from '../../components/ui';
import { useApi } from '../../components/use-api';
import { reduceTune, type TuneRecord } from './results';
import { TuneResults } from './TuneResults';
import { TunerTabs } from './TunerTabs';

/** `/param-tuner/jobs/:jobId`: everything derived from the job's events (replayed on reload). */
export function LiveView({ route }: { route: Route }) {
  const jobId = route.params.jobId ?? '';
  const stream = useJobEvents(jobId);
  const view = useMemo(() => reduceTune(stream.events), [stream.events]);
  const outcome = jobOutcome(stream);
  const finished = ['completed', 'failed', 'cancelled'].includes(outcome.status);
  const runId = view.tuneId;
  // The stored record only for the cases' prompts (drill-down); the numbers come from the events.
  const record = useApi<TuneRecord>(runId ? `/api/tool-eval/param-tune/history/${runId}` : undefined);
  return (
    <>
      <PageHeader
        title="Parameter tune"
        subtitle={view.suiteName ? `${view.suiteName} · ${view.strategy ?? ''}` : 'Live results'}
        actions={
          <>
            {finished && runId && (
              <Link className="btn" to={`/param-tuner/history/${runId}`}>
                Open the stored record
              </Link>
            )}
            <Link className="btn btn-ghost" to="/param-tuner">
              New tune
            </Link>
          </>
        }
      />
      <TunerTabs current="" />
      <JobLive jobId={jobId} stream={stream} label="Parameter tune" />
      {stream.state === 'error' && stream.events.length === 0 ? (
        <EmptyState
          title="This tune’s events cannot be loaded"
          action={<Link to="/param-tuner/history">Open the tune history</Link>}
        >
          {stream.detail ?? 'The job may not exist or may belong to another account.'}
        </EmptyState>
      ) : (
        <TuneResults
          view={view}
          runId={runId}
          cases={record.data?.cases}
          selected={route.query.get('combo') ?? undefined}
          onSelect={(combo) => setQuery({ combo })}
          finished={finished}
        />
      )}
    </>
  );
}
