import { useMemo } from 'react';
import { Link, setQuery, type Route } from '../../app/router';
import type { JobView } from '@llmbench/contracts';
import { logTrimmed, useJobEvents } from '../../api/use-job-events';
import { useApi } from '../../components/use-api';
import { JobLive, jobOutcome } from '../../components/JobLive';
import { EmptyState, PageHeader } from '../../components/ui';
import { pct } from '../../lib/format';
import { EvalTabs } from './EvalTabs';
import {
  CaseTable,
  CategoryHeatmap,
  filterFromQuery,
  filterToQuery,
  SummaryTable,
  useCaseLabels,
} from './components';
import { deriveLive, modelSummaries, rowKeyOf } from './model';
import { liveBase, type RunDetail } from './history-model';
import './evaluate.css';

/** `/evaluate/jobs/:jobId`: a running (or finished) eval, derived entirely from its events. */
export function EvalLive({ route }: { route: Route }) {
  const jobId = route.params.jobId ?? '';
  const stream = useJobEvents(jobId);
  // A very long run outgrows the job's event log: the oldest results then come from the stored run.
  const trimmed = logTrimmed(stream.events);
  const job = useApi<JobView>(trimmed ? `/api/jobs/${jobId}` : undefined);
  const stored = useApi<RunDetail>(
    job.data?.run_id ? `/api/tool-eval/history/${job.data.run_id}` : undefined,
  );
  const base = useMemo(() => (stored.data ? liveBase(stored.data) : undefined), [stored.data]);
  const live = useMemo(() => deriveLive(stream.events, base), [stream.events, base]);
  const outcome = jobOutcome(stream);
  const running = outcome.status === 'running' || outcome.status === 'queued';
  const lines = useMemo(
    () =>
      modelSummaries(
        live.targets,
        live.rows,
        live.stored,
        live.total_cases === null ? null : live.total_cases * live.repeats,
      ),
    [live],
  );
  const labels = useCaseLabels(live.suite_id);
  const filter = filterFromQuery(route.query);
  const runId = live.run_id;
  const judged = live.verdicts.size;
  return (
    <div className="ev-page">
      <PageHeader
        title={live.suite_name ? `Evaluating “${live.suite_name}”` : 'Evaluation'}
        subtitle={
          live.total !== null
            ? `${live.targets.length} model${live.targets.length === 1 ? '' : 's'} · ${live.total_cases} cases${live.repeats > 1 ? ` × ${live.repeats} repeats` : ''} · ${live.rows.length}/${live.total} results`
            : 'Waiting for the run to start…'
        }
        actions={
          runId && !running ? (
            <Link to={`/evaluate/history/${runId}`} className="btn btn-primary" data-testid="stored-run-link">
              Open the stored run
            </Link>
          ) : undefined
        }
      />
      <EvalTabs current="none" />
      <JobLive jobId={jobId} stream={stream} label="Evaluation" />
      {trimmed && (
        <p className="banner banner-info" data-testid="log-trimmed">
          This run outgrew the live event log, which keeps a job&apos;s latest 20 000 events: its earlier
          results are read from the stored run.
        </p>
      )}
      {stream.state === 'error' && stream.events.length === 0 && (
        <EmptyState
          title="Cannot follow this job"
          action={<Link to="/evaluate/history">Open the evaluation history</Link>}
        >
          {stream.detail ?? 'The job does not exist or is not yours.'} Finished runs stay in the history.
        </EmptyState>
      )}
      {outcome.status === 'completed' && runId && (
        <p className="banner banner-info" role="status">
          Finished. The numbers below are the stored summary;{' '}
          <Link to={`/evaluate/history/${runId}`}>open the stored run</Link> for the configuration and each
          case’s raw request and response.
        </p>
      )}
      {(outcome.status === 'failed' || outcome.status === 'cancelled') && runId && (
        <p className="banner banner-warn">
          The run {outcome.status === 'failed' ? 'failed' : 'was cancelled'} after {live.rows.length} of{' '}
          {live.total ?? '?'} results. What finished is kept:{' '}
          <Link to={`/evaluate/history/${runId}`}>open the stored run</Link> or{' '}
          <Link to={`/evaluate${live.suite_id ? `?suite_id=${live.suite_id}` : ''}`}>start a new one</Link>.
        </p>
      )}
      {live.warnings.map((w) => (
        <p key={w} className="banner banner-warn">
          {w}
        </p>
      ))}
      {live.judge_job && (
        <p className="banner banner-info">
          An LLM judge is reviewing this run:{' '}
          <Link to={`/judge/jobs/${live.judge_job.job_id}`}>follow the judge report</Link>.
        </p>
      )}
      {live.targets.length > 0 && (
        <section aria-label="Summary" className="stack">
          <SummaryTable lines={lines} running={running} />
          {judged > 0 && (
            <p className="muted small">
              Live judge: {judged} case verdicts so far
              {(() => {
                const all = [...live.verdicts.values()].flat();
                const pass = all.filter((v) => v.verdict === 'pass').length;
                return all.length ? ` · ${pct(pass / all.length)} judged pass` : '';
              })()}
            </p>
          )}
          <CategoryHeatmap lines={lines} />
        </section>
      )}
      <CaseTable
        rows={live.rows}
        targets={live.targets}
        labels={labels}
        repeats={live.repeats}
        verdicts={live.verdicts}
        filter={filter}
        onFilter={(f) => setQuery(filterToQuery(f))}
        href={(r) => (runId ? `/evaluate/history/${runId}/results/${encodeURIComponent(rowKeyOf(r))}` : null)}
      />
    </div>
  );
}
