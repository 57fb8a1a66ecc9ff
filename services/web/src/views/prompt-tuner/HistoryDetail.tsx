import { useMemo, useState } from 'react';
import { api } from '../../api/client';
import { Link, navigate, type Route } from '../../app/router';
import { Badge, ConfirmButton, EmptyState, ErrorBanner, Loading, PageHeader } from '../../components/ui';
import { useApi } from '../../components/use-api';
import { when } from '../../lib/format';
import { PromptTunerTabs, targetLabel } from './common';
import { STATUS_TONE } from './HistoryView';
import { recordEvents, reduceTune } from './tune-state';
import { TuneResults } from './TuneResults';
import type { TuneRecord } from './types';

/** `/prompt-tuner/history/:runId`: a stored tune, shown with the live view's components. */
export function HistoryDetail({ route }: { route: Route }) {
  const runId = route.params.runId ?? '';
  const record = useApi<TuneRecord>(`/api/tool-eval/prompt-tune/history/${runId}`);
  const [deleteError, setDeleteError] = useState<unknown>();
  const suite = useApi<{ name: string }>(
    record.data?.suite_id ? `/api/tool-suites/${record.data.suite_id}` : undefined,
  );
  const view = useMemo(
    () => (record.data ? reduceTune(recordEvents(record.data)) : undefined),
    [record.data],
  );
  const r = record.data;
  if (record.error)
    return (
      <>
        <PageHeader title="Prompt tune" />
        <PromptTunerTabs current="history" />
        {record.error.status === 404 ? (
          <EmptyState
            title="Prompt tune not found"
            action={<Link to="/prompt-tuner/history">Back to the history</Link>}
          >
            It was deleted, or it belongs to another account.
          </EmptyState>
        ) : (
          <ErrorBanner error={record.error} title="Could not load the tune" />
        )}
      </>
    );
  if (!r || !view)
    return (
      <>
        <PageHeader title="Prompt tune" />
        <PromptTunerTabs current="history" />
        <Loading />
      </>
    );
  const running = r.status === 'running' || r.status === 'queued';
  return (
    <>
      <PageHeader
        title="Prompt tune"
        subtitle={
          <>
            {suite.data ? `${suite.data.name} · ` : ''}
            {when(r.created_at)} · {r.mode} · models {r.targets.map(targetLabel).join(', ')} · meta model{' '}
            {targetLabel(r.meta_target)}
          </>
        }
        actions={
          <>
            <Badge tone={STATUS_TONE[r.status] ?? 'neutral'}>{r.status}</Badge>
            {r.job_id && (
              <Link className="btn" to={`/prompt-tuner/jobs/${r.job_id}`}>
                {running ? 'Watch live' : 'Replay events'}
              </Link>
            )}
            <Link className="btn" to={`/prompt-tuner?from=${r.id}`}>
              Tune again
            </Link>
            {r.best_prompt !== null && (
              <Link className="btn" to={`/prompt-tuner?from=${r.id}&start=best`}>
                Tune on from the best
              </Link>
            )}
            {!running && (
              <ConfirmButton
                label="Delete tune"
                onConfirm={async () => {
                  try {
                    await api.del(`/api/tool-eval/prompt-tune/history/${r.id}`);
                    navigate('/prompt-tuner/history');
                  } catch (e) {
                    setDeleteError(e);
                  }
                }}
              />
            )}
          </>
        }
      />
      <PromptTunerTabs current="history" />
      <ErrorBanner error={deleteError} title="Could not delete" />
      {r.error && <ErrorBanner error={r.error} title="The tune failed" />}
      {running && (
        <p className="banner banner-info">
          This tune is still running: this page shows what is stored so far.{' '}
          <Link to={`/prompt-tuner/jobs/${r.job_id}`}>Watch it live</Link>.
        </p>
      )}
      <TuneResults view={view} runId={r.id} suiteName={suite.data?.name} />
    </>
  );
}
