import { useId, useMemo, useState } from 'react';
import { api } from '../../api/client';
import { Link } from '../../app/router';
import { LineChart } from '../../components/LineChart';
import { PAGE_SIZE, SortableTable, type Column } from '../../components/SortableTable';
import { Badge, EmptyState, ErrorBanner, WarningsBanner } from '../../components/ui';
import { ms, num, pct, seconds, targetKey, usd } from '../../lib/format';
import { heatmap, lineSeries } from './chart';
import { Heatmap } from './Heatmap';
import {
  configText,
  paramKeys,
  showValue,
  variedKeys,
  type CaseResult,
  type ComboRow,
  type ModelBest,
  type TuneView,
} from './results';
import './param-tuner.css';

export type CaseInfo = { id: string; prompt: string; expected_tool: unknown };

const ciText = (low: number | null, high: number | null) =>
  low === null || high === null ? '' : `${pct(low)}–${pct(high)}`;

function modelLabel(view: TuneView, provider_key: string, model_id: string): string {
  const m = view.models.find((x) => x.provider_key === provider_key && x.model_id === model_id);
  return m?.display_name ?? model_id;
}

/** Summary, best configurations, chart, sortable results and per-combination cases of one tune. */
export function TuneResults({
  view,
  runId,
  cases,
  selected,
  onSelect,
  finished,
}: {
  view: TuneView;
  runId: string | null;
  cases?: CaseInfo[];
  selected: string | undefined;
  onSelect: (comboId: string | undefined) => void;
  finished: boolean;
}) {
  const selectedRow = view.rows.find((r) => r.combo_id === selected);
  return (
    <div className="stack">
      <TuneSummary view={view} />
      {view.best ? <BestPanel view={view} runId={runId} onSelect={onSelect} /> : <BestSoFar view={view} />}
      {view.rows.length === 0 ? (
        finished ? (
          <EmptyState title="No combination was evaluated">
            The tune ended before any combination finished. Check the failure above, raise the budget, or
            start a new tune from the builder.
          </EmptyState>
        ) : (
          <EmptyState title="Waiting for the first combination">
            Results appear here as each combination finishes
            {view.running.length > 0 ? ` (${view.running.length} running now)` : ''}.
          </EmptyState>
        )
      ) : (
        <>
          <ResultsChart view={view} onSelect={onSelect} />
          <ResultsTable view={view} onSelect={onSelect} selected={selected} />
          {selectedRow && (
            <ComboCases row={selectedRow} view={view} cases={cases} onClose={() => onSelect(undefined)} />
          )}
        </>
      )}
    </div>
  );
}

function TuneSummary({ view }: { view: TuneView }) {
  return (
    <section className="card" aria-label="Tune summary">
      <dl className="ptuner-facts">
        <div>
          <dt>Suite</dt>
          <dd>{view.suiteName ?? '—'}</dd>
        </div>
        <div>
          <dt>Strategy</dt>
          <dd>{view.strategy ?? '—'}</dd>
        </div>
        <div>
          <dt>Models</dt>
          <dd>{view.models.map((m) => m.display_name).join(', ') || '—'}</dd>
        </div>
        <div>
          <dt>Cases × repeats</dt>
          <dd>
            {view.cases ?? '—'} × {view.repeats ?? '—'}
          </dd>
        </div>
        <div>
          <dt>Combinations</dt>
          <dd data-testid="pt-combos-done">
            {view.rows.length} / {view.totalCombos ?? '—'}
          </dd>
        </div>
        {view.plannedEvaluations !== null && view.plannedEvaluations !== view.totalCombos && (
          <div>
            <dt>Evaluations</dt>
            <dd>
              {view.completed} / {view.plannedEvaluations}
            </dd>
          </div>
        )}
        <div>
          <dt>Calls used</dt>
          <dd>{view.callsUsed}</dd>
        </div>
        {view.durationS !== null && (
          <div>
            <dt>Duration</dt>
            <dd>{seconds(view.durationS)}</dd>
          </div>
        )}
        {view.stopReason && (
          <div>
            <dt>Stopped</dt>
            <dd>
              <Badge tone={view.stopReason === 'complete' ? 'ok' : 'warn'}>{view.stopReason}</Badge>
            </dd>
          </div>
        )}
      </dl>
      <WarningsBanner warnings={view.warnings} />
      {view.running.length > 0 && (
        <p className="muted small" aria-live="polite">
          Running:{' '}
          {view.running
            .map((r) => `${r.model} ${configText(r.config)}${r.rung > 0 ? ` (rung ${r.rung})` : ''}`)
            .join(' · ')}
        </p>
      )}
    </section>
  );
}

function BestSoFar({ view }: { view: TuneView }) {
  const b = view.bestSoFar;
  return (
    <section className="card ptuner-best" aria-label="Best so far" data-testid="pt-best-so-far">
      <h2>Best so far</h2>
      {b ? (
        <p>
          <strong className="ptuner-score">{pct(b.score)}</strong> ·{' '}
          {modelLabel(view, b.provider_key, b.model_id)} · <code>{configText(b.config)}</code>
        </p>
      ) : (
        <p className="muted">No combination has finished yet.</p>
      )}
    </section>
  );
}

type Applied = {
  provider_key: string;
  model_id: string;
  default_params: Record<string, unknown>;
  overall_score: number;
  tool_choice?: unknown;
  note?: string;
};

function BestPanel({
  view,
  runId,
  onSelect,
}: {
  view: TuneView;
  runId: string | null;
  onSelect: (id: string) => void;
}) {
  const best = view.best ?? [];
  if (best.length === 0)
    return (
      <section className="card" aria-label="Best configuration">
        <h2>Best configuration</h2>
        <p className="muted">No combination finished, so there is no best configuration to apply.</p>
      </section>
    );
  return (
    <section className="card ptuner-best" aria-label="Best configuration per model" data-testid="ptuner-best">
      <h2>Best configuration per model</h2>
      <div className="grid two">
        {best.map((b) => (
          <BestCard key={targetKey(b)} best={b} view={view} runId={runId} onSelect={onSelect} />
        ))}
      </div>
    </section>
  );
}

function BestCard({
  best,
  view,
  runId,
  onSelect,
}: {
  best: ModelBest;
  view: TuneView;
  runId: string | null;
  onSelect: (id: string) => void;
}) {
  const [applied, setApplied] = useState<Applied>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const apply = async () => {
    if (!runId) return;
    setBusy(true);
    setError(undefined);
    try {
      setApplied(
        await api.post<Applied>(`/api/tool-eval/param-tune/history/${runId}/apply`, {
          provider_key: best.provider_key,
          model_id: best.model_id,
        }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const others = best.indistinguishable.filter((i) => i.combo_id !== best.combo_id);
  return (
    <article className="ptuner-best-card" data-testid="ptuner-best-card" data-model={targetKey(best)}>
      <h3>{modelLabel(view, best.provider_key, best.model_id)}</h3>
      <p>
        <strong className="ptuner-score" data-testid="pt-best-score">
          {pct(best.overall_score)}
        </strong>{' '}
        {best.ci_low !== null && <span className="muted">95 % CI {ciText(best.ci_low, best.ci_high)}</span>}
      </p>
      <p>
        <code data-testid="pt-best-config">{configText(best.config)}</code>{' '}
        <button type="button" className="btn-link" onClick={() => onSelect(best.combo_id)}>
          View its cases
        </button>
      </p>
      {others.length > 0 ? (
        <details>
          <summary>
            {others.length} combination{others.length > 1 ? 's' : ''} statistically indistinguishable from it
          </summary>
          <ul className="plain small">
            {others.map((o) => (
              <li key={o.combo_id}>
                <button type="button" className="btn-link" onClick={() => onSelect(o.combo_id)}>
                  {configText(o.config)}
                </button>{' '}
                — {pct(o.overall_score)}
              </li>
            ))}
          </ul>
          <p className="muted small">
            Welch’s test cannot separate these from the best: more cases or repeats would tell them apart.
          </p>
        </details>
      ) : (
        <p className="muted small">No other combination is statistically tied with it.</p>
      )}
      <button
        type="button"
        className="btn btn-primary"
        disabled={busy || !runId}
        onClick={() => void apply()}
      >
        {busy ? 'Applying…' : 'Apply best config'}
      </button>
      <ErrorBanner error={error} title="Could not apply" />
      {applied && (
        <div className="banner banner-info" role="status" data-testid="pt-applied">
          Saved as the default parameters of <strong>{targetKey(applied)}</strong>:{' '}
          <code>{JSON.stringify(applied.default_params)}</code>. Later evals of this model use them unless a
          request overrides them. {applied.note && <span>{applied.note}.</span>}{' '}
          <Link to="/providers">Open providers</Link>
        </div>
      )}
    </article>
  );
}

function ResultsChart({ view, onSelect }: { view: TuneView; onSelect: (id: string) => void }) {
  const keys = useMemo(() => paramKeys(view.rows), [view.rows]);
  const varied = useMemo(() => variedKeys(view.rows), [view.rows]);
  const numeric = keys.filter((k) => view.rows.some((r) => typeof r.config[k] === 'number'));
  const [xChoice, setX] = useState<string>();
  const [yChoice, setY] = useState<string>();
  const [modelChoice, setModel] = useState<string>();
  const x =
    xChoice && keys.includes(xChoice)
      ? xChoice
      : (varied.find((k) => numeric.includes(k)) ?? varied[0] ?? keys[0]);
  const y =
    yChoice === '' ? undefined : yChoice && keys.includes(yChoice) ? yChoice : varied.find((k) => k !== x);
  const ids = { x: useId(), y: useId(), m: useId() };
  const models = view.models.length > 0 ? view.models : [];
  const modelKey = modelChoice ?? (models[0] ? targetKey(models[0]) : undefined);
  if (!x) return null;
  const rowsForModel = y && modelKey ? view.rows.filter((r) => targetKey(r) === modelKey) : view.rows;
  const name = (r: ComboRow) => modelLabel(view, r.provider_key, r.model_id);
  const lineOk = numeric.includes(x);
  const series = !y && lineOk ? lineSeries(view.rows, x, name) : [];
  const aggregated = (!y && series.some((s) => s.points.some((p) => p.n > 1))) || false;
  return (
    <section className="card" aria-label="Score chart">
      <div className="row spread">
        <h2>Score by parameter</h2>
        <div className="row ptuner-chart-controls">
          <div className="field">
            <label htmlFor={ids.x}>Parameter (x)</label>
            <select id={ids.x} value={x} onChange={(e) => setX(e.target.value)}>
              {keys.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.y}>Second parameter (heatmap)</label>
            <select id={ids.y} value={y ?? ''} onChange={(e) => setY(e.target.value)}>
              <option value="">None: line chart</option>
              {keys
                .filter((k) => k !== x)
                .map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
            </select>
          </div>
          {y && models.length > 1 && (
            <div className="field">
              <label htmlFor={ids.m}>Model</label>
              <select id={ids.m} value={modelKey} onChange={(e) => setModel(e.target.value)}>
                {models.map((m) => (
                  <option key={targetKey(m)} value={targetKey(m)}>
                    {m.display_name}
                  </option>
                ))}
              </select>
            </div>
          )}
        </div>
      </div>
      {y ? (
        <Heatmap
          data={heatmap(rowsForModel, x, y)}
          xLabel={x}
          yLabel={y}
          title={`Overall score by ${x} and ${y}`}
          onSelect={onSelect}
        />
      ) : lineOk ? (
        <div
          className="ptuner-line"
          data-testid="pt-line-chart"
          data-points={series.reduce((n, s) => n + s.points.length, 0)}
        >
          <LineChart
            series={series.map((s) => ({ name: s.name, points: s.points }))}
            xLabel={x}
            yLabel="overall score"
            title={`Overall score by ${x}, with 95 % confidence bands`}
          />
          {aggregated && (
            <p className="muted small">
              Other parameters vary too: each point is the best combination at that {x}. Pick a second
              parameter for the full grid.
            </p>
          )}
        </div>
      ) : (
        <p className="muted">
          {x} is not numeric: pick a second parameter to see a heatmap, or read the table below.
        </p>
      )}
    </section>
  );
}

function ResultsTable({
  view,
  onSelect,
  selected,
}: {
  view: TuneView;
  onSelect: (id: string) => void;
  selected: string | undefined;
}) {
  const keys = paramKeys(view.rows);
  const multiModel = new Set(view.rows.map((r) => targetKey(r))).size > 1;
  const halving = view.strategy === 'halving' || view.rows.some((r) => r.rung > 0);
  const bestIds = new Set((view.best ?? []).map((b) => b.combo_id));
  const columns: Column<ComboRow>[] = [
    ...(multiModel
      ? [
          {
            key: 'model',
            label: 'Model',
            value: (r: ComboRow) => modelLabel(view, r.provider_key, r.model_id),
          },
        ]
      : []),
    ...keys.map((k): Column<ComboRow> => ({
      key: `p:${k}`,
      label: k,
      numeric: view.rows.every((r) => r.config[k] === undefined || typeof r.config[k] === 'number'),
      value: (r) => {
        const v = r.config[k];
        return typeof v === 'number' ? v : v === undefined ? null : showValue(v);
      },
      render: (r) => showValue(r.config[k]),
    })),
    {
      key: 'overall',
      label: 'Overall',
      numeric: true,
      value: (r) => r.overall_score,
      render: (r) => (
        <span data-testid="pt-overall">
          <strong className="ptuner-nowrap">{pct(r.overall_score)}</strong>
          {r.ci_low !== null && <span className="muted small ptuner-ci"> {ciText(r.ci_low, r.ci_high)}</span>}
        </span>
      ),
    },
    {
      key: 'tool',
      label: 'Tool acc.',
      numeric: true,
      value: (r) => r.tool_accuracy,
      render: (r) => pct(r.tool_accuracy),
    },
    {
      key: 'param',
      label: 'Param acc.',
      numeric: true,
      value: (r) => r.param_accuracy,
      render: (r) => pct(r.param_accuracy),
    },
    {
      key: 'latency',
      label: 'Latency',
      numeric: true,
      value: (r) => r.latency_avg_ms,
      render: (r) => ms(r.latency_avg_ms),
    },
    {
      key: 'passed',
      label: 'Passed',
      numeric: true,
      value: (r) => (r.cases_total ? r.cases_passed / r.cases_total : null),
      render: (r) => `${r.cases_passed}/${r.cases_total}`,
    },
    { key: 'calls', label: 'Calls', numeric: true, value: (r) => r.calls },
    { key: 'cost', label: 'Cost', numeric: true, value: (r) => r.cost_usd, render: (r) => usd(r.cost_usd) },
    ...(halving ? [{ key: 'rung', label: 'Rung', numeric: true, value: (r: ComboRow) => r.rung }] : []),
    {
      key: 'adjust',
      label: 'Adjustments',
      value: (r) => r.adjustments.length,
      render: (r) => (
        <span className="ptuner-badges">
          {r.adjustments.length === 0 && <span className="muted">none</span>}
          {r.adjustments.map((a, i) => (
            <Badge
              key={`${a.param}${a.action}${i}`}
              tone={a.action === 'dropped' ? 'bad' : a.action === 'clamped' ? 'warn' : 'info'}
              title={a.reason}
            >
              {a.param} {a.action}
              {a.action === 'clamped' ? ` → ${showValue(a.value)}` : ''}
            </Badge>
          ))}
          {!r.complete && <Badge tone="warn">partial</Badge>}
          {r.requested.length > 1 && (
            <Badge tone="neutral" title={r.requested.map(configText).join(' | ')}>
              {r.requested.length} merged
            </Badge>
          )}
        </span>
      ),
    },
    {
      key: 'cases',
      label: 'Cases',
      value: (r) => r.combo_index,
      render: (r) => (
        <button
          type="button"
          className="btn btn-small"
          aria-pressed={selected === r.combo_id}
          aria-label={`Cases of ${configText(r.config)}`}
          onClick={() => onSelect(r.combo_id)}
        >
          Cases
        </button>
      ),
    },
  ];
  return (
    <section aria-label="Results">
      <h2>Results</h2>
      <SortableTable
        pageSize={PAGE_SIZE}
        columns={columns}
        rows={view.rows}
        rowKey={(r) => r.combo_id}
        testId="pt-results"
        caption={`${view.rows.length} combination${view.rows.length === 1 ? '' : 's'} evaluated — click a header to sort`}
        rowClassName={(r) => (bestIds.has(r.combo_id) ? 'row-best' : undefined)}
      />
      {halving && (
        <p className="muted small">
          Successive halving: a combination at a higher rung was scored on more cases (see Passed), so compare
          scores within a rung; the best is chosen among those that went furthest.
        </p>
      )}
      {bestIds.size > 0 && (
        <p className="muted small">Highlighted rows: the best combination of each model.</p>
      )}
    </section>
  );
}

function ComboCases({
  row,
  view,
  cases,
  onClose,
}: {
  row: ComboRow;
  view: TuneView;
  cases?: CaseInfo[];
  onClose: () => void;
}) {
  const prompts = new Map((cases ?? []).map((c) => [c.id, c]));
  const columns: Column<CaseResult>[] = [
    {
      key: 'case',
      label: 'Case',
      value: (c) => prompts.get(c.case_id)?.prompt ?? c.case_id,
      render: (c) => (
        <span className="ptuner-prompt">
          {prompts.get(c.case_id)?.prompt ?? <code>{c.case_id.slice(0, 8)}</code>}
        </span>
      ),
    },
    ...(row.case_results.some((c) => (c.repeat_index ?? 0) > 0)
      ? [{ key: 'rep', label: 'Repeat', numeric: true, value: (c: CaseResult) => c.repeat_index ?? 0 }]
      : []),
    {
      key: 'expected',
      label: 'Expected tool',
      value: (c) => showValue(prompts.get(c.case_id)?.expected_tool ?? null),
    },
    { key: 'actual', label: 'Called', value: (c) => showValue(c.actual_tool ?? null) },
    {
      key: 'overall',
      label: 'Overall',
      numeric: true,
      value: (c) => c.overall_score,
      render: (c) => pct(c.overall_score),
    },
    {
      key: 'tool',
      label: 'Tool',
      numeric: true,
      value: (c) => c.tool_score ?? null,
      render: (c) => num(c.tool_score ?? null),
    },
    {
      key: 'param',
      label: 'Params',
      numeric: true,
      value: (c) => c.param_score ?? null,
      render: (c) => num(c.param_score ?? null),
    },
    {
      key: 'passed',
      label: 'Result',
      value: (c) => (c.error ? 'error' : c.passed ? 'pass' : 'fail'),
      render: (c) =>
        c.error ? (
          <Badge tone="bad" title={c.error}>
            error
          </Badge>
        ) : c.passed ? (
          <Badge tone="ok">pass</Badge>
        ) : (
          <Badge tone="warn">fail</Badge>
        ),
    },
    {
      key: 'latency',
      label: 'Latency',
      numeric: true,
      value: (c) => c.latency_ms ?? null,
      render: (c) => ms(c.latency_ms),
    },
    {
      key: 'args',
      label: 'Arguments',
      value: (c) => JSON.stringify(c.actual_params ?? null),
      render: (c) => <code className="ptuner-args">{JSON.stringify(c.actual_params ?? null)}</code>,
    },
  ];
  return (
    <section className="card" aria-label="Combination cases" data-testid="pt-combo-cases">
      <div className="row spread">
        <h2>
          Cases of {modelLabel(view, row.provider_key, row.model_id)} · <code>{configText(row.config)}</code>
        </h2>
        <button type="button" className="btn btn-ghost" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="muted small">
        Overall {pct(row.overall_score)}
        {row.ci_low !== null ? ` (95 % CI ${ciText(row.ci_low, row.ci_high)})` : ''} · {row.cases_passed}/
        {row.cases_total} passed{row.rung > 0 ? ` · rung ${row.rung}` : ''}
        {row.adjustments.length > 0
          ? ` · pipeline: ${row.adjustments.map((a) => `${a.param} ${a.action}${a.reason ? ` (${a.reason})` : ''}`).join('; ')}`
          : ''}
      </p>
      {row.case_results.length === 0 ? (
        <p className="muted">No per-case results were stored for this combination.</p>
      ) : (
        <SortableTable
          pageSize={PAGE_SIZE}
          columns={columns}
          rows={row.case_results}
          rowKey={(c) => `${c.case_id}:${c.repeat_index ?? 0}`}
          testId="pt-case-results"
          initialSort={{ key: 'overall', dir: 'asc' }}
        />
      )}
    </section>
  );
}
