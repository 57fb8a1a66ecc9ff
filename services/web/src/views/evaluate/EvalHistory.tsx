import { useState } from 'react';
import { api } from '../../api/client';
import { Link, navigate, setQuery, type Route } from '../../app/router';
import { SortableTable } from '../../components/SortableTable';
import {
  Badge,
  ConfirmButton,
  EmptyState,
  ErrorBanner,
  Loading,
  PageHeader,
  type Tone,
} from '../../components/ui';
import { useApi } from '../../components/use-api';
import { pct, when } from '../../lib/format';
import { EvalTabs } from './EvalTabs';
import { ScoreBar, modelName } from './components';
import { expectedResults, overallPerModel, type RunListItem } from './history-model';
import { tkey } from './model';
import './evaluate.css';

export const STATUS_TONE: Record<string, Tone> = {
  completed: 'ok',
  running: 'info',
  queued: 'info',
  failed: 'bad',
  cancelled: 'warn',
};

const PAGE = 50;

/** `/evaluate/history`: every stored eval, newest first; open, compare at a glance, delete. */
export function EvalHistory({ route }: { route: Route }) {
  const suiteFilter = route.query.get('suite_id') ?? '';
  const offset = Math.max(0, Number(route.query.get('offset')) || 0);
  const list = useApi<{ items: RunListItem[]; total: number }>(
    `/api/tool-eval/history?limit=${PAGE}&offset=${offset}${suiteFilter ? `&suite_id=${suiteFilter}` : ''}`,
  );
  const suites = useApi<{ items: { id: string; name: string }[] }>('/api/tool-suites?limit=200');
  const [deleteError, setDeleteError] = useState<unknown>();
  const items = list.data?.items ?? [];

  return (
    <div className="ev-page">
      <PageHeader
        title="Evaluation history"
        subtitle="Every run with the numbers it stored. Open one for its cases, config and raw calls."
        actions={
          <Link to="/evaluate" className="btn btn-primary">
            New evaluation
          </Link>
        }
      />
      <EvalTabs current="history" />
      <div className="row ev-filters">
        <div className="field">
          <label htmlFor="ev-history-suite">Suite</label>
          <select
            id="ev-history-suite"
            value={suiteFilter}
            onChange={(e) => setQuery({ suite_id: e.target.value || undefined, offset: undefined })}
          >
            <option value="">All suites</option>
            {suites.data?.items.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="btn" onClick={list.reload}>
          Refresh
        </button>
      </div>
      <ErrorBanner error={list.error} title="Could not load the history" />
      <ErrorBanner error={deleteError} title="Could not delete the run" />
      {!list.data ? (
        !list.error && <Loading label="Loading runs…" />
      ) : items.length === 0 && offset > 0 ? (
        <EmptyState
          title="No runs on this page"
          action={
            <button type="button" className="btn" onClick={() => setQuery({ offset: undefined })}>
              Back to the newest runs
            </button>
          }
        />
      ) : items.length === 0 ? (
        <EmptyState
          title={suiteFilter ? 'No runs of this suite yet' : 'No evaluations yet'}
          action={
            <Link
              to={`/evaluate${suiteFilter ? `?suite_id=${suiteFilter}` : ''}`}
              className="btn btn-primary"
            >
              Run an evaluation
            </Link>
          }
        >
          Pick a suite and a few models; each run is stored here with its per-case results.
        </EmptyState>
      ) : (
        <>
          <SortableTable
            testId="eval-history"
            caption={`${list.data.total} run${list.data.total === 1 ? '' : 's'} — Enter or click a row to open it`}
            rows={items}
            rowKey={(r) => r.id}
            initialSort={{ key: 'date', dir: 'desc' }}
            onRowClick={(r) => navigate(`/evaluate/history/${r.id}`)}
            columns={[
              {
                key: 'date',
                label: 'Date',
                value: (r) => r.created_at,
                render: (r) => (
                  <Link to={`/evaluate/history/${r.id}`} onClick={(e) => e.stopPropagation()}>
                    {when(r.created_at)}
                  </Link>
                ),
              },
              { key: 'suite', label: 'Suite', value: (r) => r.suite_name },
              {
                key: 'models',
                label: 'Models — overall',
                value: (r) => Math.max(-1, ...overallPerModel(r).map((m) => m.overall ?? -1)),
                render: (r) => (
                  <ul className="plain ev-history-models">
                    {overallPerModel(r).map((m) => (
                      <li key={tkey(m.target)} className="row spread">
                        <span>{modelName(m.target)}</span>
                        {m.overall === null ? (
                          <span className="muted">—</span>
                        ) : (
                          <ScoreBar value={m.overall} label={`overall ${pct(m.overall)}`} />
                        )}
                      </li>
                    ))}
                  </ul>
                ),
              },
              {
                key: 'cases',
                label: 'Results',
                numeric: true,
                value: (r) => r.completed_cases,
                render: (r) => `${r.completed_cases}/${expectedResults(r)}`,
              },
              {
                key: 'status',
                label: 'Status',
                value: (r) => r.status,
                render: (r) => <Badge tone={STATUS_TONE[r.status] ?? 'neutral'}>{r.status}</Badge>,
              },
              {
                key: 'actions',
                label: 'Actions',
                value: () => '',
                render: (r) => (
                  // Keeps clicks and Enter on the buttons from opening the row.
                  <span
                    className="row"
                    onClick={(e) => e.stopPropagation()}
                    onKeyDown={(e) => e.stopPropagation()}
                  >
                    {r.status === 'running' || r.status === 'queued' ? (
                      r.job_id && (
                        <Link to={`/evaluate/jobs/${r.job_id}`} className="btn btn-small">
                          Watch live
                        </Link>
                      )
                    ) : (
                      <ConfirmButton
                        label="Delete"
                        confirmLabel="Delete this run"
                        onConfirm={async () => {
                          setDeleteError(undefined);
                          try {
                            await api.del(`/api/tool-eval/history/${r.id}`);
                            list.reload();
                          } catch (err) {
                            setDeleteError(err);
                          }
                        }}
                      />
                    )}
                  </span>
                ),
              },
            ]}
          />
          {(offset > 0 || list.data.total > offset + items.length) && (
            <nav className="row" aria-label="Pages">
              <button
                type="button"
                className="btn"
                disabled={offset === 0}
                onClick={() => setQuery({ offset: offset > PAGE ? String(offset - PAGE) : undefined })}
              >
                ← Newer
              </button>
              <span className="muted">
                {offset + 1}–{offset + items.length} of {list.data.total}
              </span>
              <button
                type="button"
                className="btn"
                disabled={list.data.total <= offset + items.length}
                onClick={() => setQuery({ offset: String(offset + PAGE) })}
              >
                Older →
              </button>
            </nav>
          )}
        </>
      )}
    </div>
  );
}
