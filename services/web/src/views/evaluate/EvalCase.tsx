import { useMemo } from 'react';
import { Link, type Route } from '../../app/router';
import { Badge, EmptyState, ErrorBanner, Loading, PageHeader } from '../../components/ui';
import { useApi } from '../../components/use-api';
import { ms, num, pct } from '../../lib/format';
import { modelName, useCaseLabels } from './components';
import { Json } from './EvalRun';
import { findResult, type RunDetail } from './history-model';
import { expectedToolText, promptOfRequest, rowFromStored, tkey, type ParamDetail } from './model';
import './evaluate.css';

const show = (v: unknown): string => (v === undefined ? '—' : JSON.stringify(v));

/** `/evaluate/history/:runId/results/:resultId`: one case's scores and its raw request and response. */
export function EvalCase({ route }: { route: Route }) {
  const runId = route.params.runId ?? '';
  const resultId = route.params.resultId ?? '';
  const run = useApi<RunDetail>(`/api/tool-eval/history/${runId}`);
  const labels = useCaseLabels(run.data?.suite_id);
  const result = useMemo(
    () => (run.data ? findResult(run.data.results, resultId) : undefined),
    [run.data, resultId],
  );
  const back = `/evaluate/history/${runId}`;

  if (run.error)
    return (
      <div className="ev-page">
        <PageHeader title="Case result" />
        {run.error.status === 404 ? (
          <EmptyState
            title="This run does not exist (any more)"
            action={<Link to="/evaluate/history">Back to the history</Link>}
          />
        ) : (
          <ErrorBanner error={run.error} title="Could not load the run" />
        )}
      </div>
    );
  if (!run.data) return <Loading label="Loading the result…" />;
  if (!result)
    return (
      <div className="ev-page">
        <PageHeader title="Case result" />
        <EmptyState title="No such result in this run" action={<Link to={back}>Back to the run</Link>}>
          {run.data.status === 'running'
            ? 'The case may not have finished yet.'
            : 'It may have been deleted.'}
        </EmptyState>
      </div>
    );

  const row = rowFromStored(result);
  const s = row.score;
  const target = run.data.targets.find((t) => tkey(t) === tkey(row)) ?? {
    provider_key: row.provider_key,
    model_id: row.model_id,
  };
  const prompt = labels.get(row.case_id) ?? promptOfRequest(result.detail.raw_request) ?? row.case_id;
  // Neighbours in the run's order, for stepping through failures without going back.
  const results = run.data.results;
  const at = results.indexOf(result);
  const prev = at > 0 ? results[at - 1] : undefined;
  const next = at < results.length - 1 ? results[at + 1] : undefined;
  const nextFail = results.slice(at + 1).find((r) => !r.detail.score.passed);
  const transcript = result.detail.transcript as unknown[] | undefined;
  const attempts = result.detail.attempts as number | undefined;

  return (
    <div className="ev-page">
      <nav aria-label="Breadcrumb" className="ev-crumbs">
        <Link to="/evaluate/history">Evaluation history</Link> ›{' '}
        <Link to={back}>“{run.data.suite_name}”</Link> › case
      </nav>
      <PageHeader
        title={`${modelName(target)} — ${s.passed ? 'passed' : 'failed'}`}
        subtitle={prompt}
        actions={
          <>
            {prev && (
              <Link className="btn" to={`${back}/results/${prev.id}`}>
                ← Previous
              </Link>
            )}
            {next && (
              <Link className="btn" to={`${back}/results/${next.id}`}>
                Next →
              </Link>
            )}
            {nextFail && (
              <Link className="btn" to={`${back}/results/${nextFail.id}`}>
                Next failure
              </Link>
            )}
          </>
        }
      />
      <dl className="ev-stats" aria-label="Scores">
        <div className="ev-stat">
          <dt>Result</dt>
          <dd>{s.passed ? <Badge tone="ok">pass</Badge> : <Badge tone="bad">fail</Badge>}</dd>
        </div>
        <div className="ev-stat">
          <dt>Overall</dt>
          <dd data-testid="case-overall">{num(s.overall_score, 4)}</dd>
        </div>
        <div className="ev-stat">
          <dt>Tool</dt>
          <dd>{pct(s.tool_score, 0)}</dd>
        </div>
        <div className="ev-stat">
          <dt>Params</dt>
          <dd>{s.param_score === null ? 'not scored' : pct(s.param_score, 0)}</dd>
        </div>
        <div className="ev-stat">
          <dt>Latency</dt>
          <dd>{ms(row.latency_ms)}</dd>
        </div>
        <div className="ev-stat">
          <dt>Tokens in / out</dt>
          <dd>{row.usage ? `${row.usage.prompt_tokens} / ${row.usage.completion_tokens}` : '—'}</dd>
        </div>
      </dl>

      <div className="grid two">
        <section className="card stack" aria-labelledby="ev-call-h">
          <h2 id="ev-call-h">Expected vs actual</h2>
          <dl className="ev-kv">
            <dt>Expected tool</dt>
            <dd className="mono">{expectedToolText(s.expected_tool)}</dd>
            <dt>Actual tool</dt>
            <dd className={`mono ${s.tool_score >= 1 ? 'ev-ok' : 'ev-bad'}`}>{s.actual_tool ?? '(none)'}</dd>
            <dt>Expected params</dt>
            <dd className="mono">
              {s.expected_params === null ? 'not scored' : JSON.stringify(s.expected_params)}
            </dd>
            <dt>Actual params</dt>
            <dd className="mono">{JSON.stringify(s.actual_params)}</dd>
            <dt>Category</dt>
            <dd>{s.category ?? 'uncategorized'}</dd>
            <dt>Format</dt>
            <dd>{s.format_compliance ?? '—'}</dd>
            {s.error_type && (
              <>
                <dt>Failure type</dt>
                <dd>{s.error_type.replace(/_/g, ' ')}</dd>
              </>
            )}
            {s.error && (
              <>
                <dt>API error</dt>
                <dd>
                  <Badge tone="bad">{s.error_category ?? 'error'}</Badge> {s.error}
                </dd>
              </>
            )}
            {attempts !== undefined && (
              <>
                <dt>Attempts</dt>
                <dd>{attempts}</dd>
              </>
            )}
            {s.notes && s.notes.length > 0 && (
              <>
                <dt>Notes</dt>
                <dd className="mono">{s.notes.join(', ')}</dd>
              </>
            )}
          </dl>
          {s.param_details && s.param_details.length > 0 && (
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Parameters, key by key">
              <table className="table">
                <caption>Parameters, key by key</caption>
                <thead>
                  <tr>
                    <th scope="col">Key</th>
                    <th scope="col">Expected</th>
                    <th scope="col">Actual</th>
                    <th scope="col">Match</th>
                  </tr>
                </thead>
                <tbody>
                  {s.param_details.map((d: ParamDetail, i) => (
                    <tr key={`${d.key ?? i}`}>
                      <td className="mono">{String(d.key ?? i)}</td>
                      <td className="mono">{show(d.expected)}</td>
                      <td className="mono">
                        {d.present === false ? <span className="muted">(missing)</span> : show(d.actual)}
                      </td>
                      <td>
                        {d.match ? <Badge tone="ok">match</Badge> : <Badge tone="bad">differs</Badge>}
                        {d.mode ? <span className="muted small"> {String(d.mode)}</span> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>

        <section className="card stack" aria-labelledby="ev-checks-h">
          <h2 id="ev-checks-h">Checks</h2>
          <h3>JSON schema check</h3>
          {!s.schema_check ? (
            <p className="muted">Not checked (no tool call to check).</p>
          ) : s.schema_check.valid ? (
            <p>
              <Badge tone="ok">valid</Badge> The arguments match the tool’s JSON schema.
            </p>
          ) : (
            <>
              <p>
                <Badge tone="bad">invalid</Badge> The arguments break the tool’s schema (reported, not
                scored):
              </p>
              <ul>
                {s.schema_check.errors.map((e, i) => (
                  <li key={i} className="mono">
                    {typeof e === 'string' ? e : JSON.stringify(e)}
                  </li>
                ))}
              </ul>
            </>
          )}
          <h3>Provider-parameter adjustments</h3>
          {row.adjustments.length === 0 ? (
            <p className="muted">None: the parameters were sent as configured.</p>
          ) : (
            <ul>
              {row.adjustments.map((a) => (
                <li key={`${a.param}:${a.action}`}>
                  <span className="mono">{a.param}</span> <Badge tone="info">{a.action}</Badge> {a.reason}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section className="card stack" aria-labelledby="ev-raw-h">
        <h2 id="ev-raw-h">Raw request and response</h2>
        <div className="grid two">
          <div className="stack" data-testid="raw-request">
            <h3>Request</h3>
            <Json value={result.detail.raw_request} label="Raw request" />
          </div>
          <div className="stack" data-testid="raw-response">
            <h3>Response</h3>
            <Json value={result.detail.raw_response} label="Raw response" />
          </div>
        </div>
        {transcript && transcript.length > 0 && (
          <details>
            <summary>Conversation transcript ({transcript.length} messages)</summary>
            <Json value={transcript} label="Transcript" />
          </details>
        )}
      </section>
    </div>
  );
}
