import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { Badge, ErrorBanner, Loading, TableWrap } from '../../components/ui';
import { seconds, usd } from '../../lib/format';
import { compatMatrix, type CompatStatus, type Preview } from './space';

export type PreviewState = { data?: Preview; error?: ApiError; loading: boolean; stale: boolean };

/** `POST …/param-tune/preview`, debounced: re-run 400 ms after the request body stops changing. */
export function usePreview(body: Record<string, unknown> | undefined): PreviewState {
  const key = body === undefined ? undefined : JSON.stringify(body);
  const [state, setState] = useState<PreviewState>({ loading: false, stale: false });
  useEffect(() => {
    if (key === undefined) {
      setState({ loading: false, stale: false });
      return;
    }
    let live = true;
    setState((s) => ({ ...s, stale: true }));
    const timer = setTimeout(() => {
      setState((s) => ({ ...s, loading: true }));
      api
        .post<Preview>('/api/tool-eval/param-tune/preview', JSON.parse(key))
        .then((data) => live && setState({ data, loading: false, stale: false }))
        .catch(
          (e: unknown) =>
            live &&
            setState({
              loading: false,
              stale: false,
              error: e instanceof ApiError ? e : new ApiError(0, 'client_error', String(e)),
            }),
        );
    }, 400);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);
  return state;
}

const TONE: Record<CompatStatus, 'ok' | 'warn' | 'bad' | 'info'> = {
  supported: 'ok',
  clamped: 'warn',
  renamed: 'info',
  warn: 'warn',
  dropped: 'bad',
};

export function PreviewPanel({
  state,
  ready,
  missing,
  params,
  targetName,
}: {
  state: PreviewState;
  ready: boolean;
  missing?: string;
  params: string[];
  targetName: (key: string) => string;
}) {
  const p = state.data;
  return (
    <section
      className="card"
      aria-labelledby="pt-preview-h"
      data-testid="ptuner-preview"
      aria-busy={state.loading || state.stale}
    >
      <h2 id="pt-preview-h">Preview</h2>
      {!ready && <p className="muted">{missing ?? 'Complete the form to see the preview.'}</p>}
      {ready && state.error && <ErrorBanner error={state.error} title="The search space has a problem" />}
      {ready && !p && !state.error && <Loading label="Computing the preview…" />}
      {ready && p && !state.error && (
        <>
          {(state.loading || state.stale) && (
            <p className="muted small" role="status">
              Updating…
            </p>
          )}
          <dl className="ptuner-facts">
            <div>
              <dt>Combinations</dt>
              <dd data-testid="pt-preview-combos">{p.total_combinations}</dd>
            </div>
            <div>
              <dt>Eval calls</dt>
              <dd data-testid="pt-preview-calls">{p.total_eval_calls}</dd>
            </div>
            <div>
              <dt>Cases</dt>
              <dd>{p.cases}</dd>
            </div>
            <div>
              <dt>Est. duration</dt>
              <dd>{seconds(p.estimated_duration_s)}</dd>
            </div>
            <div>
              <dt>Est. cost</dt>
              <dd>{p.estimated_cost_usd === null ? 'unknown (no prices)' : usd(p.estimated_cost_usd)}</dd>
            </div>
          </dl>
          <TableWrap label="Combinations per model">
            <table className="table" data-testid="pt-preview-models">
              <caption>Per model, after the provider pipeline</caption>
              <thead>
                <tr>
                  <th scope="col">Model</th>
                  <th scope="col" className="num">
                    Requested
                  </th>
                  <th scope="col" className="num">
                    Evaluated
                  </th>
                  <th scope="col" className="num">
                    Calls
                  </th>
                </tr>
              </thead>
              <tbody>
                {p.targets.map((t) => {
                  const k = `${t.provider_key}::${t.model_id}`;
                  return (
                    <tr key={k} data-model={k}>
                      <th scope="row">{targetName(k)}</th>
                      <td className="num">{t.requested_combinations}</td>
                      <td className="num" data-testid="pt-preview-model-combos">
                        {t.combinations}
                      </td>
                      <td className="num">{t.calls}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
          {p.targets.some((t) => t.requested_combinations > t.combinations) && (
            <p className="muted small">
              Requested combinations that become identical after clamping or dropping are evaluated once.
            </p>
          )}
          {p.warnings.length > 0 && (
            <div className="banner banner-warn" data-testid="pt-preview-warnings">
              <strong>Warnings</strong>
              <ul>
                {p.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </div>
          )}
          <h3>Compatibility</h3>
          <TableWrap label="Compatibility matrix">
            <table className="table ptuner-compat" data-testid="ptuner-compat">
              <caption className="sr-only">How each model receives each parameter</caption>
              <thead>
                <tr>
                  <th scope="col">Parameter</th>
                  {p.targets.map((t) => (
                    <th scope="col" key={`${t.provider_key}::${t.model_id}`}>
                      {targetName(`${t.provider_key}::${t.model_id}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {compatMatrix(p, params).map((row) => (
                  <tr key={row.param} data-param={row.param}>
                    <th scope="row">
                      <code>{row.param}</code>
                    </th>
                    {row.cells.map(({ target, cell }) => (
                      <td key={target} data-status={cell.status}>
                        <Badge tone={TONE[cell.status]}>{cell.status}</Badge>
                        <span className="ptuner-why">{cell.detail}</span>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </>
      )}
    </section>
  );
}
