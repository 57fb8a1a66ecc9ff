import { useState } from 'react';
import { api, query } from '../../api/client';
import { Link, navigate, type Route } from '../../app/router';
import { SortableTable } from '../../components/SortableTable';
import { Badge, ConfirmButton, EmptyState, ErrorBanner, Loading, PageHeader } from '../../components/ui';
import { useApi } from '../../components/use-api';
import { when } from '../../lib/format';
import { gradeTone, keyOf, winnerText } from './judge-state';
import { isCompare } from './ReportBody';
import type { JudgeReportItem } from './types';
import './judge.css';

function Result({ r }: { r: JudgeReportItem }) {
  if (isCompare(r)) {
    const c = r.report?.comparison;
    return c ? (
      <span>
        Winner <strong>{winnerText(c)}</strong> · {c.score_a}–{c.score_b}
      </span>
    ) : (
      <span className="muted">—</span>
    );
  }
  return r.overall_grade ? (
    <span className="row">
      <Badge tone={gradeTone(r.overall_grade)}>{r.overall_grade}</Badge>
      <strong>{r.overall_score}</strong>
      <span className="muted small">/ 100</span>
    </span>
  ) : (
    <span className="muted">—</span>
  );
}

/** Every judge report and comparison of the user, newest first, with delete. */
export function ReportsList({ route }: { route: Route }) {
  const runId = route.query.get('run') ?? undefined;
  const reports = useApi<{ items: JudgeReportItem[]; total: number }>(
    `/api/tool-eval/judge/reports${query({ limit: 200, eval_run_id: runId })}`,
  );
  const [error, setError] = useState<unknown>();
  return (
    <>
      <PageHeader
        title="Judge reports"
        subtitle={
          runId ? (
            <>
              Reports on one eval run · <Link to="/judge/reports">Show all</Link>
            </>
          ) : (
            'Grades of eval runs and A/B comparisons.'
          )
        }
        actions={
          <Link to="/judge" className="btn btn-primary">
            New judge run
          </Link>
        }
      />
      <ErrorBanner error={reports.error ?? error} title="Could not load or change reports" />
      {!reports.data ? (
        !reports.error && <Loading label="Loading reports…" />
      ) : reports.data.items.length === 0 ? (
        <EmptyState
          title="No judge reports yet"
          action={
            <Link to="/judge" className="btn btn-primary">
              Judge an eval run
            </Link>
          }
        >
          Grade a finished evaluation with an LLM judge, or compare two runs.
        </EmptyState>
      ) : (
        <SortableTable
          testId="judge-reports-table"
          rows={reports.data.items}
          rowKey={(r) => r.id}
          initialSort={{ key: 'date', dir: 'desc' }}
          columns={[
            {
              key: 'date',
              label: 'Date',
              value: (r) => r.created_at,
              render: (r) => <Link to={`/judge/reports/${r.id}`}>{when(r.created_at)}</Link>,
            },
            {
              key: 'kind',
              label: 'Kind',
              value: (r) => (isCompare(r) ? 'comparison' : 'grade'),
            },
            {
              key: 'status',
              label: 'Status',
              value: (r) => r.status,
              render: (r) => (
                <Badge
                  tone={
                    r.status === 'completed'
                      ? 'ok'
                      : r.status === 'failed'
                        ? 'bad'
                        : r.status === 'cancelled'
                          ? 'warn'
                          : 'info'
                  }
                >
                  {r.status}
                </Badge>
              ),
            },
            {
              key: 'result',
              label: 'Result',
              value: (r) => (isCompare(r) ? (r.report?.comparison?.score_a ?? null) : r.overall_score),
              render: (r) => <Result r={r} />,
            },
            {
              key: 'judges',
              label: 'Judge(s)',
              value: (r) =>
                (r.judge_targets?.length ? r.judge_targets : [r.judge_model]).map(keyOf).join(', '),
              render: (r) => (
                <span className="mono small">
                  {(r.judge_targets?.length ? r.judge_targets : [r.judge_model]).map(keyOf).join(', ')}
                </span>
              ),
            },
            {
              key: 'shared',
              label: 'Shared',
              value: (r) => (r.shared_at ? 1 : 0),
              render: (r) => (r.shared_at ? <Badge tone="info">link active</Badge> : '—'),
            },
            {
              key: 'actions',
              label: 'Actions',
              value: () => '',
              render: (r) =>
                r.status === 'queued' || r.status === 'running' ? (
                  r.job_id ? (
                    <Link to={`/judge/jobs/${r.job_id}`}>Follow live</Link>
                  ) : (
                    '—'
                  )
                ) : (
                  <span className="row">
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => navigate(`/judge/reports/${r.id}`)}
                      aria-label={`Open the report of ${when(r.created_at)}`}
                    >
                      Open
                    </button>
                    <ConfirmButton
                      label="Delete"
                      onConfirm={async () => {
                        setError(undefined);
                        try {
                          await api.del(`/api/tool-eval/judge/reports/${r.id}`);
                          reports.reload();
                        } catch (e) {
                          setError(e);
                        }
                      }}
                    />
                  </span>
                ),
            },
          ]}
        />
      )}
    </>
  );
}
