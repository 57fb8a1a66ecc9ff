import { useState } from 'react';
import { api } from '../../api/client';
import { Link } from '../../app/router';
import { SortableTable } from '../../components/SortableTable';
import { Badge, ConfirmButton, EmptyState, ErrorBanner, Loading, PageHeader } from '../../components/ui';
import { useApi } from '../../components/use-api';
import { pct, targetKey, usd, when } from '../../lib/format';
import { PromptTunerTabs, targetLabel } from './common';
import type { TuneSummary } from './types';

export const STATUS_TONE: Record<string, 'ok' | 'warn' | 'bad' | 'info' | 'neutral'> = {
  completed: 'ok',
  running: 'info',
  queued: 'info',
  cancelled: 'warn',
  failed: 'bad',
};
const active = (s: string) => s === 'running' || s === 'queued';

/** `/prompt-tuner/history`: past and running tunes. */
export function HistoryView() {
  const list = useApi<{ items: TuneSummary[]; total: number }>(
    '/api/tool-eval/prompt-tune/history?limit=200',
  );
  const [deleteError, setDeleteError] = useState<unknown>();
  return (
    <>
      <PageHeader title="Prompt Tuner" subtitle="Past and running prompt tunes." />
      <PromptTunerTabs current="history" />
      <ErrorBanner error={list.error} title="Could not load the history" />
      <ErrorBanner error={deleteError} title="Could not delete" />
      {!list.data ? (
        !list.error && <Loading />
      ) : list.data.items.length === 0 ? (
        <EmptyState title="No prompt tunes yet" action={<Link to="/prompt-tuner">Configure a tune</Link>}>
          A tune asks a meta model for better system prompts and scores each on your suite.
        </EmptyState>
      ) : (
        <SortableTable
          testId="tune-history"
          caption={`${list.data.total} prompt tune${list.data.total === 1 ? '' : 's'}`}
          rows={list.data.items}
          rowKey={(t) => t.id}
          initialSort={{ key: 'created', dir: 'desc' }}
          columns={[
            {
              key: 'created',
              label: 'Started',
              value: (t) => t.created_at,
              render: (t) => (
                <Link
                  to={
                    active(t.status) && t.job_id
                      ? `/prompt-tuner/jobs/${t.job_id}`
                      : `/prompt-tuner/history/${t.id}`
                  }
                >
                  {when(t.created_at)}
                </Link>
              ),
            },
            {
              key: 'status',
              label: 'Status',
              value: (t) => t.status,
              render: (t) => <Badge tone={STATUS_TONE[t.status] ?? 'neutral'}>{t.status}</Badge>,
            },
            { key: 'mode', label: 'Mode', value: (t) => t.mode },
            {
              key: 'models',
              label: 'Models',
              value: (t) => t.targets.map(targetKey).join(', '),
              render: (t) => t.targets.map(targetLabel).join(', '),
            },
            {
              key: 'best',
              label: 'Best',
              numeric: true,
              value: (t) => t.best_score,
              render: (t) => pct(t.best_score),
            },
            {
              key: 'validation',
              label: 'Held out',
              numeric: true,
              value: (t) => t.validation_score,
              render: (t) => pct(t.validation_score),
            },
            {
              key: 'prompts',
              label: 'Prompts',
              numeric: true,
              value: (t) => t.total_prompts,
            },
            { key: 'calls', label: 'Calls', numeric: true, value: (t) => t.calls_used },
            {
              key: 'cost',
              label: 'Cost',
              numeric: true,
              value: (t) => t.cost_usd,
              render: (t) => usd(t.cost_usd),
            },
            {
              key: 'actions',
              label: 'Actions',
              value: () => '',
              render: (t) =>
                active(t.status) ? (
                  t.job_id && <Link to={`/prompt-tuner/jobs/${t.job_id}`}>Watch live</Link>
                ) : (
                  <ConfirmButton
                    onConfirm={async () => {
                      setDeleteError(undefined);
                      try {
                        await api.del(`/api/tool-eval/prompt-tune/history/${t.id}`);
                        list.reload();
                      } catch (e) {
                        setDeleteError(e);
                      }
                    }}
                  />
                ),
            },
          ]}
        />
      )}
    </>
  );
}
