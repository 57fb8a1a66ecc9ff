import { useMemo, useState } from 'react';
import { api } from '../../api/client';
import { Link, navigate, setQuery, type Route } from '../../app/router';
import { Badge, ConfirmButton, EmptyState, ErrorBanner, Loading, PageHeader } from '../../components/ui';
import { useApi } from '../../components/use-api';
import { seconds, when } from '../../lib/format';
import { EvalTabs } from './EvalTabs';
import { rerunQuery } from './form-model';
import {
  CaseTable,
  CategoryHeatmap,
  filterFromQuery,
  filterToQuery,
  modelName,
  SummaryTable,
  useCaseLabels,
} from './components';
import { STATUS_TONE } from './EvalHistory';
import { durationS, expectedResults, runView, type RunDetail } from './history-model';
import { promptOfRequest, tkey } from './model';
import './evaluate.css';

export function Json({ value, label }: { value: unknown; label: string }) {
  return (
    <pre className="ev-json mono" aria-label={label} tabIndex={0}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

/** What the run was configured with: shared settings, then per model what was actually sent. */
function RunConfig({ run }: { run: RunDetail }) {
  const c = run.config as {
    temperature?: number | null;
    tool_choice?: string;
    repeats?: number;
    concurrency?: number | null;
    params?: Record<string, unknown>;
    case_ids?: string[] | null;
    system_prompt?: unknown;
    judge?: { mode?: string; judge_targets?: { provider_key: string; model_id: string }[] } | null;
  };
  return (
    <section className="card stack" aria-labelledby="ev-config-h">
      <h2 id="ev-config-h">Configuration</h2>
      <dl className="ev-kv">
        <dt>Suite</dt>
        <dd>
          {run.suite_id ? <Link to={`/suites/${run.suite_id}`}>{run.suite_name}</Link> : run.suite_name}
        </dd>
        <dt>Temperature</dt>
        <dd>{c.temperature ?? 'model default'}</dd>
        <dt>Tool choice</dt>
        <dd className="mono">{c.tool_choice ?? 'required'}</dd>
        <dt>Repeats</dt>
        <dd>{c.repeats ?? 1}</dd>
        <dt>Concurrency</dt>
        <dd>{c.concurrency ?? 'default (4)'}</dd>
        <dt>Cases</dt>
        <dd>{c.case_ids ? `${c.case_ids.length} selected` : 'all of the suite'}</dd>
        <dt>Extra parameters</dt>
        <dd className="mono">
          {c.params && Object.keys(c.params).length ? JSON.stringify(c.params) : 'none'}
        </dd>
        <dt>System prompt</dt>
        <dd>{c.system_prompt ? 'custom (below, per model)' : 'the suite’s'}</dd>
        {c.judge && (
          <>
            <dt>LLM judge</dt>
            <dd>
              {c.judge.mode === 'live_inline' ? 'live' : 'after the eval'} —{' '}
              {(c.judge.judge_targets ?? []).map(tkey).join(', ')}{' '}
              <Link to="/judge/reports">judge reports</Link>
            </dd>
          </>
        )}
      </dl>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Parameters sent per model">
        <table className="table">
          <caption>Per model: what was sent after the provider-parameter pipeline</caption>
          <thead>
            <tr>
              <th scope="col">Model</th>
              <th scope="col">Parameters sent</th>
              <th scope="col">Adjustments</th>
            </tr>
          </thead>
          <tbody>
            {run.targets.map((t) => (
              <tr key={tkey(t)}>
                <th scope="row">
                  {modelName(t)}
                  <div className="muted small mono">{tkey(t)}</div>
                </th>
                <td className="mono">{JSON.stringify(t.params)}</td>
                <td>
                  {t.adjustments.length === 0 ? (
                    <span className="muted">none</span>
                  ) : (
                    <ul className="plain">
                      {t.adjustments.map((a) => (
                        <li key={`${a.param}:${a.action}`}>
                          <span className="mono">{a.param}</span> {a.action} — {a.reason}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <details>
        <summary>System prompt per model</summary>
        {run.targets.map((t) => (
          <div key={tkey(t)}>
            <h3>{modelName(t)}</h3>
            <pre className="ev-prompt">{t.system_prompt ?? '(none)'}</pre>
          </div>
        ))}
      </details>
    </section>
  );
}

/** `/evaluate/history/:runId`: a stored run — the live view's summary and case table, plus config. */
export function EvalRun({ route }: { route: Route }) {
  const runId = route.params.runId ?? '';
  const run = useApi<RunDetail>(`/api/tool-eval/history/${runId}`);
  const view = useMemo(() => (run.data ? runView(run.data) : null), [run.data]);
  const labels = useCaseLabels(run.data?.suite_id);
  const fallbackLabels = useMemo(() => {
    const m = new Map(labels);
    for (const r of run.data?.results ?? []) {
      if (m.has(r.case_id)) continue;
      const p = promptOfRequest(r.detail.raw_request);
      if (p) m.set(r.case_id, p);
    }
    return m;
  }, [labels, run.data]);
  const [deleteError, setDeleteError] = useState<unknown>();
  const filter = filterFromQuery(route.query);

  if (run.error)
    return (
      <div className="ev-page">
        <PageHeader title="Evaluation run" />
        {run.error.status === 404 ? (
          <EmptyState
            title="This run does not exist (any more)"
            action={<Link to="/evaluate/history">Back to the history</Link>}
          >
            It may have been deleted.
          </EmptyState>
        ) : (
          <ErrorBanner error={run.error} title="Could not load the run" />
        )}
      </div>
    );
  if (!run.data || !view) return <Loading label="Loading the run…" />;
  const r = run.data;
  const running = r.status === 'running' || r.status === 'queued';
  const dur = durationS(r);
  return (
    <div className="ev-page">
      <nav aria-label="Breadcrumb" className="ev-crumbs">
        <Link to="/evaluate/history">Evaluation history</Link> › this run
      </nav>
      <PageHeader
        title={`“${r.suite_name}” — ${r.targets.length} model${r.targets.length === 1 ? '' : 's'}`}
        subtitle={
          <>
            <Badge tone={STATUS_TONE[r.status] ?? 'neutral'}>
              <span data-testid="run-status">{r.status}</span>
            </Badge>{' '}
            {when(r.created_at)}
            {dur !== null ? ` · took ${seconds(dur)}` : ''} · {r.completed_cases}/{expectedResults(r)} results
          </>
        }
        actions={
          <>
            <Link
              to={`/evaluate?${rerunQuery(r)}`}
              className="btn"
              title="The form, filled in with this run's suite, models and settings"
            >
              Run again…
            </Link>
            <Link to={`/judge?run=${r.id}`} className="btn">
              Judge this run
            </Link>
            <Link to={`/judge?mode=compare&a=${r.id}`} className="btn">
              Compare with another run
            </Link>
            {!running && (
              <ConfirmButton
                label="Delete run"
                confirmLabel="Delete this run"
                onConfirm={async () => {
                  setDeleteError(undefined);
                  try {
                    await api.del(`/api/tool-eval/history/${r.id}`);
                    navigate('/evaluate/history');
                  } catch (err) {
                    setDeleteError(err);
                  }
                }}
              />
            )}
          </>
        }
      />
      <EvalTabs current="none" />
      <ErrorBanner error={deleteError} title="Could not delete the run" />
      {running && r.job_id && (
        <p className="banner banner-info">
          This run is still going. <Link to={`/evaluate/jobs/${r.job_id}`}>Watch it live</Link>, or{' '}
          <button type="button" className="btn-link" onClick={run.reload}>
            refresh
          </button>
          .
        </p>
      )}
      {r.error && (
        <ErrorBanner
          error={{ message: r.error.message ?? r.error.code ?? 'failed' }}
          title="The run failed"
        />
      )}
      <section aria-label="Summary" className="stack">
        <SummaryTable lines={view.lines} running={running} />
        <CategoryHeatmap lines={view.lines} />
      </section>
      <CaseTable
        rows={view.rows}
        targets={r.targets}
        labels={fallbackLabels}
        repeats={view.repeats}
        filter={filter}
        onFilter={(f) => setQuery(filterToQuery(f))}
        href={(row) => (row.result_id ? `/evaluate/history/${r.id}/results/${row.result_id}` : null)}
      />
      <RunConfig run={r} />
    </div>
  );
}
