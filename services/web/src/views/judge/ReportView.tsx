import { useId, useState } from 'react';
import { api } from '../../api/client';
import { Link, navigate, type Route } from '../../app/router';
import { ConfirmButton, EmptyState, ErrorBanner, Loading, PageHeader } from '../../components/ui';
import { useApi } from '../../components/use-api';
import { when } from '../../lib/format';
import { sharedAppUrl } from './judge-state';
import { isCompare, ReportBody } from './ReportBody';
import type { EvalRunDetail, JudgeReportRecord } from './types';
import './judge.css';

/** Create, copy and revoke the read-only link of a report. */
function SharePanel({ record, reload }: { record: JudgeReportRecord; reload: () => void }) {
  const [token, setToken] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState('');
  const inputId = useId();
  const url = token ? sharedAppUrl(location, token) : undefined;

  const create = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const res = await api.post<{ token: string; url: string }>(
        `/api/tool-eval/judge/reports/${record.id}/share`,
      );
      setToken(res.token);
      setNote('Link created. Anyone with it can read this report without signing in.');
      reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const revoke = async () => {
    setError(undefined);
    try {
      await api.del(`/api/tool-eval/judge/reports/${record.id}/share`);
      setToken(undefined);
      setNote('Link revoked: it no longer opens the report.');
      reload();
    } catch (e) {
      setError(e);
    }
  };
  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setNote('Copied to the clipboard.');
    } catch {
      (document.getElementById(inputId) as HTMLInputElement | null)?.select();
      setNote('Copy is blocked here: the link is selected, press Ctrl+C.');
    }
  };

  return (
    <section className="card judge-share" aria-labelledby={`${inputId}-h`}>
      <h2 id={`${inputId}-h`}>Share a read-only link</h2>
      {url ? (
        <>
          <label htmlFor={inputId} className="small">
            Link (shown once — copy it now)
          </label>
          <div className="row">
            <input
              id={inputId}
              type="text"
              readOnly
              value={url}
              data-testid="judge-share-url"
              onFocus={(e) => e.target.select()}
            />
            <button type="button" className="btn" onClick={() => void copy()}>
              Copy link
            </button>
          </div>
        </>
      ) : record.shared_at ? (
        <p className="small">
          Shared since {when(record.shared_at)}. The link is only shown when it is created; a new link
          replaces the old one.
        </p>
      ) : (
        <p className="small muted">
          Not shared. A link lets anyone read this report (no sign-in) until you revoke it.
        </p>
      )}
      <div className="row">
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void create()}>
          {record.shared_at ? 'Create a new link' : 'Create share link'}
        </button>
        {(record.shared_at || token) && (
          <ConfirmButton label="Revoke link" confirmLabel="Confirm revoke" onConfirm={revoke} />
        )}
      </div>
      <p className="small" role="status" aria-live="polite">
        {note}
      </p>
      <ErrorBanner error={error} title="Sharing failed" />
    </section>
  );
}

/** One stored report or comparison, with share and delete. */
export function ReportView({ route }: { route: Route }) {
  const id = route.params.id ?? '';
  const report = useApi<JudgeReportRecord>(`/api/tool-eval/judge/reports/${id}`);
  const record = report.data;
  // The eval run's results: case prompts and the deterministic scorer's pass of each judged result.
  const run = useApi<EvalRunDetail>(
    record && !isCompare(record) && record.eval_run_id
      ? `/api/tool-eval/history/${record.eval_run_id}`
      : undefined,
  );
  const runA = useApi<EvalRunDetail>(
    record && isCompare(record) && record.eval_run_id
      ? `/api/tool-eval/history/${record.eval_run_id}`
      : undefined,
  );
  const [deleteError, setDeleteError] = useState<unknown>();

  if (report.error)
    return (
      <>
        <PageHeader title="Judge report" />
        {report.error.status === 404 ? (
          <EmptyState title="Report not found" action={<Link to="/judge/reports">Back to the reports</Link>}>
            It was deleted, or it is not yours.
          </EmptyState>
        ) : (
          <ErrorBanner error={report.error} title="Could not load the report" />
        )}
      </>
    );
  if (!record) return <Loading label="Loading the report…" />;
  const running = record.status === 'queued' || record.status === 'running';
  const runError = run.error ?? runA.error;
  return (
    <>
      <PageHeader
        title={isCompare(record) ? 'Judge comparison' : 'Judge report'}
        subtitle={
          <>
            {when(record.created_at)} · <Link to="/judge/reports">All reports</Link>
          </>
        }
        actions={
          !running && (
            <ConfirmButton
              label="Delete report"
              onConfirm={async () => {
                try {
                  await api.del(`/api/tool-eval/judge/reports/${record.id}`);
                  navigate('/judge/reports');
                } catch (e) {
                  setDeleteError(e);
                }
              }}
            />
          )
        }
      />
      <ErrorBanner error={deleteError} title="Could not delete" />
      {running && (
        <p className="banner banner-info">
          This job is still {record.status}.{' '}
          {record.job_id && <Link to={`/judge/jobs/${record.job_id}`}>Follow it live</Link>}
        </p>
      )}
      {runError?.status === 404 ? (
        <p className="banner banner-info">
          The judged eval run was deleted: cases show by id and the scorer&apos;s results are not available.
        </p>
      ) : (
        <ErrorBanner error={runError} title="Could not load the eval run (case prompts and scorer results)" />
      )}
      <ReportBody
        record={record}
        linkRuns
        results={(isCompare(record) ? runA : run).data?.results}
        aside={record.status === 'completed' && <SharePanel record={record} reload={report.reload} />}
      />
    </>
  );
}
