import { useState } from 'react';
import { api } from '../../api/client';
import { Link, navigate, setQuery, type Route } from '../../app/router';
import { SortableTable, type Column } from '../../components/SortableTable';
import { Badge, ConfirmButton, EmptyState, ErrorBanner, Loading, PageHeader } from '../../components/ui';
import { useApi } from '../../components/use-api';
import { pct, when } from '../../lib/format';
import { configText, type ModelBest } from './results';
import { TunerTabs } from './TunerTabs';
import './param-tuner.css';

type Item = {
  id: string;
  job_id: string | null;
  status: string;
  strategy: string;
  targets: { provider_key: string; model_id: string; display_name?: string }[];
  best_config: { best?: ModelBest | null } | null;
  best_score: number | null;
  total_combos: number;
  completed_combos: number;
  calls_used: number;
  stop_reason: string | null;
  suite_name?: string | null;
  created_at: string;
};

const PAGE = 25;
const ACTIVE = new Set(['queued', 'running']);

export const statusTone = (s: string) =>
  s === 'completed' ? 'ok' : s === 'failed' ? 'bad' : s === 'cancelled' ? 'warn' : 'info';

/** `/param-tuner/history`: past and running tunes, newest first, with delete. */
export function HistoryView({ route }: { route: Route }) {
  const offset = Math.max(0, Number(route.query.get('offset') ?? 0) || 0);
  const list = useApi<{ items: Item[]; total: number }>(
    `/api/tool-eval/param-tune/history?limit=${PAGE}&offset=${offset}`,
  );
  const [error, setError] = useState<unknown>();
  const columns: Column<Item>[] = [
    {
      key: 'created',
      label: 'Started',
      value: (r) => r.created_at,
      render: (r) => <Link to={`/param-tuner/history/${r.id}`}>{when(r.created_at)}</Link>,
    },
    { key: 'suite', label: 'Suite', value: (r) => r.suite_name ?? '—' },
    {
      key: 'models',
      label: 'Models',
      value: (r) => r.targets.map((t) => t.display_name ?? t.model_id).join(', '),
    },
    { key: 'strategy', label: 'Strategy', value: (r) => r.strategy },
    {
      key: 'status',
      label: 'Status',
      value: (r) => r.status,
      render: (r) => <Badge tone={statusTone(r.status)}>{r.status}</Badge>,
    },
    {
      key: 'combos',
      label: 'Combinations',
      numeric: true,
      value: (r) => r.completed_combos,
      render: (r) => `${r.completed_combos}/${r.total_combos}`,
    },
    {
      key: 'score',
      label: 'Best score',
      numeric: true,
      value: (r) => r.best_score,
      render: (r) => pct(r.best_score),
    },
    {
      key: 'best',
      label: 'Best config',
      value: (r) => (r.best_config?.best ? configText(r.best_config.best.config) : ''),
      render: (r) =>
        r.best_config?.best ? (
          <code className="ptuner-mono-small">{configText(r.best_config.best.config)}</code>
        ) : (
          '—'
        ),
    },
    {
      key: 'actions',
      label: 'Actions',
      value: () => '',
      render: (r) => (
        <span className="ptuner-actions">
          <Link
            className="btn btn-small"
            to={`/param-tuner/history/${r.id}`}
            aria-label={`Open tune of ${when(r.created_at)}`}
          >
            Open
          </Link>
          {ACTIVE.has(r.status) && r.job_id ? (
            <Link className="btn btn-small" to={`/param-tuner/jobs/${r.job_id}`}>
              Live
            </Link>
          ) : (
            <ConfirmButton
              onConfirm={async () => {
                setError(undefined);
                try {
                  await api.del(`/api/tool-eval/param-tune/history/${r.id}`);
                  list.reload();
                } catch (e) {
                  setError(e);
                }
              }}
            />
          )}
        </span>
      ),
    },
  ];
  const data = list.data;
  return (
    <>
      <PageHeader
        title="Parameter tuner"
        subtitle="Past and running tunes"
        actions={
          <button type="button" className="btn" onClick={list.reload}>
            Refresh
          </button>
        }
      />
      <TunerTabs current="history" />
      <ErrorBanner error={list.error} title="Could not load the history" />
      <ErrorBanner error={error} title="Could not delete" />
      {!data && list.loading && <Loading label="Loading tunes…" />}
      {data && data.items.length === 0 && offset === 0 && (
        <EmptyState
          title="No tunes yet"
          action={
            <button type="button" className="btn btn-primary" onClick={() => navigate('/param-tuner')}>
              Build a search space
            </button>
          }
        >
          Sweep temperature, top_p and other parameters over a suite to find each model’s best settings.
        </EmptyState>
      )}
      {data && data.items.length > 0 && (
        <SortableTable
          columns={columns}
          rows={data.items}
          rowKey={(r) => r.id}
          testId="pt-history"
          caption={`${data.total} tune${data.total === 1 ? '' : 's'}`}
        />
      )}
      {data && data.total > PAGE && (
        <div className="row">
          <button
            type="button"
            className="btn"
            disabled={offset === 0}
            onClick={() => setQuery({ offset: String(Math.max(0, offset - PAGE)) })}
          >
            Newer
          </button>
          <span className="muted small">
            {offset + 1}–{Math.min(offset + PAGE, data.total)} of {data.total}
          </span>
          <button
            type="button"
            className="btn"
            disabled={offset + PAGE >= data.total}
            onClick={() => setQuery({ offset: String(offset + PAGE) })}
          >
            Older
          </button>
        </div>
      )}
    </>
  );
}
