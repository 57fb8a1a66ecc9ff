import { useMemo, useState } from 'react';
import { api } from '../../api/client';
import { Link, navigate, setQuery, type Route } from '../../app/router';
import { Badge, ConfirmButton, EmptyState, ErrorBanner, Loading, PageHeader } from '../../components/ui';
import { useApi } from '../../components/use-api';
import { when } from '../../lib/format';
import { statusTone } from './History';
import { fromRecord, type TuneRecord } from './results';
import { TuneResults } from './TuneResults';
import { TunerTabs } from './TunerTabs';
import { saveDraftFromRecord } from './draft';

/** `/param-tuner/history/:runId`: the stored tune, shown with the live view's components. */
export function HistoryDetail({ route }: { route: Route }) {
  const runId = route.params.runId ?? '';
  const record = useApi<TuneRecord>(`/api/tool-eval/param-tune/history/${runId}`);
  const view = useMemo(() => (record.data ? fromRecord(record.data) : null), [record.data]);
  const [error, setError] = useState<unknown>();
  const r = record.data;
  const active = r && ['queued', 'running'].includes(r.status);
  return (
    <>
      <PageHeader
        title="Parameter tune"
        subtitle={r ? `${r.suite_name ?? 'Suite'} · ${r.strategy} · ${when(r.created_at)}` : 'Stored record'}
        actions={
          r && (
            <>
              <Badge tone={statusTone(r.status)}>{r.status}</Badge>
              {r.job_id && (
                <Link className="btn" to={`/param-tuner/jobs/${r.job_id}`}>
                  {active ? 'Follow live' : 'Replay live view'}
                </Link>
              )}
              <button
                type="button"
                className="btn"
                onClick={() => {
                  saveDraftFromRecord(r);
                  navigate('/param-tuner');
                }}
              >
                Tune again
              </button>
              {!active && (
                <ConfirmButton
                  onConfirm={async () => {
                    try {
                      await api.del(`/api/tool-eval/param-tune/history/${runId}`);
                      navigate('/param-tuner/history');
                    } catch (e) {
                      setError(e);
                    }
                  }}
                />
              )}
            </>
          )
        }
      />
      <TunerTabs current="" />
      <ErrorBanner error={error} title="Could not delete" />
      {record.error &&
        (record.error.status === 404 ? (
          <EmptyState
            title="This tune does not exist"
            action={<Link to="/param-tuner/history">Back to the history</Link>}
          >
            It may have been deleted.
          </EmptyState>
        ) : (
          <ErrorBanner error={record.error} title="Could not load the tune" />
        ))}
      {!r && record.loading && <Loading label="Loading the tune…" />}
      {r && view && (
        <>
          {active && (
            <p className="banner banner-info">
              This tune is still {r.status}: the record shows what is stored so far.{' '}
              <button type="button" className="btn-link" onClick={record.reload}>
                Reload
              </button>
            </p>
          )}
          {r.not_evaluated > 0 && !active && (
            <p className="banner banner-info">
              {r.not_evaluated} planned combination{r.not_evaluated > 1 ? 's were' : ' was'} not evaluated
              (stopped: {r.stop_reason ?? r.status}).
            </p>
          )}
          <TuneResults
            view={view}
            runId={r.id}
            cases={r.cases}
            selected={route.query.get('combo') ?? undefined}
            onSelect={(combo) => setQuery({ combo })}
            finished={!active}
          />
        </>
      )}
    </>
  );
}
