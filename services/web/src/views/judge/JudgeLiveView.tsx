import { useMemo } from 'react';
import type { Route } from '../../app/router';
import { Link } from '../../app/router';
import { JobLive, jobOutcome } from '../../components/JobLive';
import { SortableTable } from '../../components/SortableTable';
import { Badge, EmptyState, PageHeader } from '../../components/ui';
import { useApi } from '../../components/use-api';
import { useJobEvents } from '../../api/use-job-events';
import { pct } from '../../lib/format';
import {
  deriveLive,
  liveScorerAgreement,
  perModel,
  promptsByCase,
  type LiveJudge,
  type ModelTally,
} from './judge-state';
import {
  CompareCaseTable,
  ComparisonSummary,
  GradeBlock,
  ModelReportCard,
  TallyBar,
  VerdictTable,
} from './parts';
import type { EvalRunDetail, JudgeReportItem } from './types';
import './judge.css';

/** Case prompts for readable labels: the report names its eval run, whose results hold the prompts. */
function usePrompts(reportId: string | undefined) {
  const report = useApi<JudgeReportItem>(reportId ? `/api/tool-eval/judge/reports/${reportId}` : undefined);
  const runId = report.data?.eval_run_id ?? undefined;
  const run = useApi<EvalRunDetail>(runId ? `/api/tool-eval/history/${runId}` : undefined);
  return useMemo(() => promptsByCase(run.data?.results), [run.data]);
}

function Warnings({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <div className="banner banner-warn" role="status">
      <strong>Warnings:</strong>
      <ul>
        {warnings.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
    </div>
  );
}

/** Per-model standings while verdicts arrive. */
function ModelTallyTable({ rows, done }: { rows: ModelTally[]; done: boolean }) {
  return (
    <SortableTable
      caption={done ? 'By model' : 'By model, so far'}
      testId="judge-live-models"
      rows={rows}
      rowKey={(r) => r.model}
      initialSort={{ key: 'pass', dir: 'desc' }}
      columns={[
        {
          key: 'model',
          label: 'Model',
          value: (r) => r.model,
          render: (r) => <span className="mono">{r.model}</span>,
        },
        { key: 'judged', label: 'Judged', numeric: true, value: (r) => r.judged },
        {
          key: 'pass',
          label: 'Judge pass rate',
          numeric: true,
          value: (r) => r.pass / Math.max(1, r.judged),
          render: (r) => pct(r.pass / Math.max(1, r.judged)),
        },
        { key: 'marginal', label: 'Marginal', numeric: true, value: (r) => r.marginal },
        { key: 'fail', label: 'Fail', numeric: true, value: (r) => r.fail },
        { key: 'error', label: 'Errors', numeric: true, value: (r) => r.error },
        {
          key: 'quality',
          label: 'Mean quality',
          numeric: true,
          value: (r) => r.mean_quality,
          render: (r) => (r.mean_quality === null ? '—' : `${r.mean_quality.toFixed(1)}/5`),
        },
        {
          key: 'agree',
          label: 'Agrees with scorer',
          numeric: true,
          value: (r) => r.scorer_agreement,
          render: (r) => pct(r.scorer_agreement),
        },
      ]}
    />
  );
}

/** What both panels draw from: the job's state, case prompts by id, and whether the job ended. */
type PanelProps = { live: LiveJudge; prompts: Map<string, string>; done: boolean };

function JudgePanels({ live, prompts, done }: PanelProps) {
  const start = live.start;
  const jury = (start?.judges.length ?? 0) > 1;
  const expected = start ? start.cases_to_review * Math.max(1, start.judges.length) : 0;
  const agreement = liveScorerAgreement(live.verdicts);
  return (
    <>
      {live.complete && (
        <section className="card judge-hero" aria-label="Overall result" data-testid="judge-live-complete">
          <GradeBlock
            grade={live.complete.overall_grade}
            score={live.complete.overall_score}
            label="Overall grade and score"
          />
          <div>
            <p>
              {live.complete.verdicts} verdicts, {live.complete.errors} judge errors.
            </p>
            {live.reportId && (
              <Link to={`/judge/reports/${live.reportId}`} className="btn btn-primary">
                Open the report
              </Link>
            )}
          </div>
        </section>
      )}
      {start && (
        <section className="card" aria-label="What is judged">
          <dl className="judge-stats">
            <div>
              <dt>Mode</dt>
              <dd>{start.mode.replace('_', ' ')}</dd>
            </div>
            <div>
              <dt>{jury ? 'Jury' : 'Judge'}</dt>
              <dd className="mono">{start.judges.join(', ')}</dd>
            </div>
            <div>
              <dt>Verdicts</dt>
              <dd data-testid="judge-live-count">
                {live.verdicts.length} / {expected}
              </dd>
            </div>
            <div>
              <dt title="Share of verdicts where the judge's pass matches the deterministic scorer">
                Agrees with scorer
              </dt>
              <dd>{pct(agreement)}</dd>
            </div>
          </dl>
          <TallyBar tally={live.tally} label="Verdicts so far" />
          {start.mode === 'live_inline' && (
            <p className="small muted">
              This eval was judged live: its verdicts are in the eval&apos;s own stream and in the report;
              this job writes the per-model reports.
            </p>
          )}
          <Warnings warnings={start.warnings} />
        </section>
      )}
      {live.reports.length > 0 && (
        <>
          <h2>Per-model reports</h2>
          {live.reports.map((r) => (
            <ModelReportCard key={`${r.provider_key}::${r.model_id}`} report={r} jury={jury} />
          ))}
        </>
      )}
      {live.verdicts.length > 0 && <ModelTallyTable rows={perModel(live.verdicts)} done={done} />}
      <h2>Verdicts{!done && <span className="small muted"> · newest first, updating live</span>}</h2>
      <VerdictTable
        lines={done ? live.verdicts : [...live.verdicts].reverse()}
        prompts={prompts}
        showJudge={jury}
        testId="judge-live-verdicts"
      />
    </>
  );
}

function ComparePanels({ live, prompts, done }: PanelProps) {
  const s = live.compareStart;
  const t = live.compareTally;
  const judged = t.a + t.b + t.tie;
  return (
    <>
      {live.comparison && (
        <>
          <ComparisonSummary c={live.comparison} testId="judge-live-comparison" />
          {live.reportId && (
            <p>
              <Link to={`/judge/reports/${live.reportId}`} className="btn btn-primary">
                Open the comparison
              </Link>
            </p>
          )}
        </>
      )}
      {s && (
        <section className="card" aria-label="What is compared">
          <dl className="judge-stats">
            <div>
              <dt>Model A</dt>
              <dd className="mono">{s.model_a}</dd>
            </div>
            <div>
              <dt>Model B</dt>
              <dd className="mono">{s.model_b}</dd>
            </div>
            <div>
              <dt>Cases</dt>
              <dd data-testid="judge-live-count">
                {live.cases.length} / {s.cases}
              </dd>
            </div>
            <div>
              <dt>Judge</dt>
              <dd className="mono">{s.judges.join(', ')}</dd>
            </div>
          </dl>
          <div className="row">
            <Badge tone="info">A won {t.a}</Badge>
            <Badge tone="warn">B won {t.b}</Badge>
            <Badge tone="neutral">ties {t.tie}</Badge>
            {t.errors > 0 && <Badge tone="bad">errors {t.errors}</Badge>}
            <span className="small">
              Consistent in both orders so far: {judged ? pct(t.consistent / judged, 0) : '—'}
            </span>
          </div>
          <Warnings warnings={s.warnings} />
        </section>
      )}
      <h2>Per-case winners{!done && <span className="small muted"> · newest first, updating live</span>}</h2>
      <CompareCaseTable
        cases={done ? live.cases : [...live.cases].reverse()}
        prompts={prompts}
        testId="judge-live-cases"
      />
    </>
  );
}

/** The live view of a judge or judge_compare job, derived from its events only. */
export function JudgeLiveView({ route }: { route: Route }) {
  const jobId = route.params.jobId ?? '';
  const stream = useJobEvents(jobId);
  const live = useMemo(() => deriveLive(stream.events), [stream.events]);
  const prompts = usePrompts(live.reportId);
  const outcome = jobOutcome(stream);
  const done = ['completed', 'failed', 'cancelled'].includes(outcome.status);
  const compare = live.jobType === 'judge_compare';
  const title = compare ? 'Judge comparison' : 'Judge run';
  return (
    <>
      <PageHeader
        title={title}
        subtitle={
          <>
            Job <span className="mono">{jobId.slice(0, 8)}</span> ·{' '}
            <Link to="/judge/reports">All reports</Link> · <Link to="/judge">Start another</Link>
          </>
        }
      />
      <JobLive jobId={jobId} stream={stream} label={title} />
      {stream.state === 'error' ? null : live.jobType === undefined && stream.events.length === 0 ? (
        <p className="muted" role="status">
          Connecting to the job…
        </p>
      ) : !live.start && !live.compareStart && !done ? (
        <p className="muted" role="status">
          Waiting for a judge worker to pick the job up…
        </p>
      ) : compare ? (
        <ComparePanels live={live} prompts={prompts} done={done} />
      ) : live.start || live.verdicts.length > 0 ? (
        <JudgePanels live={live} prompts={prompts} done={done} />
      ) : (
        <EmptyState title="Nothing was judged">
          The job ended before any verdict. {outcome.status === 'failed' ? 'See the error above.' : ''}
        </EmptyState>
      )}
      {outcome.status === 'cancelled' && live.reportId && (
        <p className="banner banner-info">
          Cancelled: the verdicts recorded so far are kept.{' '}
          <Link to={`/judge/reports/${live.reportId}`}>See the record</Link>.
        </p>
      )}
    </>
  );
}
