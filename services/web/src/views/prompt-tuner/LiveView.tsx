import type { JobView } from '@llmbench/contracts';
import { useMemo } from 'react';
import { Link, type Route } from '../../app/router';
import { JobLive, jobOutcome } from '../../components/JobLive';
import { EmptyState, ErrorBanner, PageHeader } from '../../components/ui';
import { useApi } from '../../components/use-api';
import { useJobEvents } from '../../api/use-job-events';
import { PromptTunerTabs, recalledWarnings } from './common';
import { modelKey, reduceTune, type TuneEvent } from './tune-state';
import { TuneResults } from './TuneResults';
import type { TuneRecord } from './types';

/** `/prompt-tuner/jobs/:jobId`: a tune as it runs, derived from its events (a reload replays them). */
export function LiveView({ route }: { route: Route }) {
  const jobId = route.params.jobId ?? '';
  const stream = useJobEvents(jobId);
  const job = useApi<JobView>(`/api/jobs/${jobId}`);
  const startEvent = stream.events.find((e) => e.type === 'tune_start') as { tune_id?: string } | undefined;
  const runId = job.data?.run_id ?? startEvent?.tune_id;
  // The stored tune gives what the events do not carry: the base prompt's text and the models.
  const record = useApi<TuneRecord>(runId ? `/api/tool-eval/prompt-tune/history/${runId}` : undefined);
  const basePrompt = record.data?.base_prompt ?? null;
  const models = useMemo(() => record.data?.targets.map(modelKey), [record.data]);
  const view = useMemo(
    () => reduceTune(stream.events as unknown as TuneEvent[], { basePrompt, models }),
    [stream.events, basePrompt, models],
  );
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
          record.data ? (
            <>
              {view.start?.suite_name ?? 'Suite'} · meta model {modelLabelOf(record.data.meta_target)}
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
      {record.error && record.error.status !== 404 && (
        <ErrorBanner error={record.error} title="Could not load the stored tune (base prompt and models)" />
      )}
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
        <TuneResults view={view} runId={runId} basePrompt={basePrompt} suiteName={view.start?.suite_name} />
      )}
    </>
  );
}

const modelLabelOf = (t: { provider_key: string; model_id: string }) => `${t.model_id} (${t.provider_key})`;
