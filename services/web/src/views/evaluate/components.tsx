import { useId, useMemo } from 'react';
import { navigate } from '../../app/router';
import { CategorySelect } from '../../components/CasePicker';
import { PAGE_SIZE, SortableTable, type Column } from '../../components/SortableTable';
import { Badge } from '../../components/ui';
import { useApi } from '../../components/use-api';
import { ms, num, pct, usd } from '../../lib/format';
import {
  bestModel,
  caseGrid,
  caseOrder,
  categoriesOf,
  categoryMatrix,
  errorCount,
  expectedToolText,
  filterRows,
  tkey,
  type CaseFilter,
  type CaseRow,
  type JudgeVerdict,
  type ModelSummary,
  type TargetRef,
} from './model';
import './evaluate.css';

export const modelName = (t: TargetRef) => t.display_name || t.model_id;

/** A score as a number with a bar under it (0..1), so a table reads at a glance. */
export function ScoreBar({ value, label }: { value: number | null | undefined; label?: string }) {
  if (value === null || value === undefined) return <span className="muted">—</span>;
  const tone = value >= 0.9 ? 'good' : value >= 0.6 ? 'mid' : 'low';
  return (
    <span className="ev-score" title={label}>
      <span>{pct(value)}</span>
      <span className="ev-bar" aria-hidden="true">
        <span
          className={`ev-bar-fill ev-${tone}`}
          style={{ width: `${Math.max(0, Math.min(1, value)) * 100}%` }}
        />
      </span>
    </span>
  );
}

/** Per-model summary: one row per model, the best highlighted. Live and history both use it. */
export function SummaryTable({ lines, running }: { lines: ModelSummary[]; running: boolean }) {
  const best = bestModel(lines);
  const withRepeats = lines.some((l) => (l.summary.repeats?.k ?? 1) > 1);
  const columns: Column<ModelSummary>[] = [
    {
      key: 'model',
      label: 'Model',
      value: (l) => modelName(l.target),
      render: (l) => (
        <span className="ev-model">
          <strong>{modelName(l.target)}</strong>
          <span className="muted small mono">{tkey(l.target)}</span>
          {tkey(l.target) === best && (
            <Badge tone="ok" title="Highest overall score">
              best
            </Badge>
          )}
          {!l.final && running && <span className="muted small">so far</span>}
        </span>
      ),
    },
    {
      key: 'overall',
      label: 'Overall',
      numeric: true,
      value: (l) => l.summary.overall,
      render: (l) => (
        <span data-testid="summary-overall">
          <ScoreBar value={l.summary.overall} />
          {withRepeats && l.summary.repeats?.overall_ci95 && (
            <span className="muted small ev-ci">
              95 % CI {pct(l.summary.repeats.overall_ci95[0])}–{pct(l.summary.repeats.overall_ci95[1])}
            </span>
          )}
        </span>
      ),
    },
    {
      key: 'tool',
      label: 'Tool accuracy',
      numeric: true,
      value: (l) => l.summary.tool_accuracy,
      render: (l) => <ScoreBar value={l.summary.tool_accuracy} />,
    },
    {
      key: 'params',
      label: 'Param accuracy',
      numeric: true,
      value: (l) => l.summary.param_accuracy,
      render: (l) => <ScoreBar value={l.summary.param_accuracy} />,
    },
    {
      key: 'pass',
      label: 'Pass rate',
      numeric: true,
      value: (l) => l.summary.pass_rate,
      render: (l) => (
        <span>
          {pct(l.summary.pass_rate)}
          <span className="muted small ev-ci">
            {l.summary.cases_passed}/{l.summary.runs} runs
          </span>
        </span>
      ),
    },
    ...(withRepeats
      ? [
          {
            key: 'passk',
            label: 'pass^k',
            numeric: true,
            value: (l: ModelSummary) => l.summary.repeats?.pass_hat_k,
            render: (l: ModelSummary) => (
              <span title={`cases passed in all ${l.summary.repeats?.k} repeats`}>
                {pct(l.summary.repeats?.pass_hat_k)}
                <span className="muted small ev-ci">k = {l.summary.repeats?.k}</span>
              </span>
            ),
          },
        ]
      : []),
    {
      key: 'latency',
      label: 'Latency avg / p95',
      numeric: true,
      value: (l) => l.summary.latency_ms?.avg,
      render: (l) =>
        l.summary.latency_ms ? `${ms(l.summary.latency_ms.avg)} / ${ms(l.summary.latency_ms.p95)}` : '—',
    },
    {
      key: 'tokens',
      label: 'Tokens',
      numeric: true,
      value: (l) => l.summary.tokens?.total,
      render: (l) => (l.summary.tokens ? l.summary.tokens.total.toLocaleString('en') : '—'),
    },
    {
      key: 'cost',
      label: 'Cost',
      numeric: true,
      value: (l) => l.summary.cost_usd,
      render: (l) => usd(l.summary.cost_usd),
    },
    {
      key: 'errors',
      label: 'Errors',
      numeric: true,
      value: (l) => errorCount(l.summary),
      render: (l) => {
        const n = errorCount(l.summary);
        const parts = Object.entries(l.summary.errors_by_category ?? {})
          .filter(([, v]) => v > 0)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ');
        return n === 0 ? (
          <span className="muted">0</span>
        ) : (
          <Badge tone="bad" title={parts}>
            {n} ({parts})
          </Badge>
        );
      },
    },
    {
      key: 'done',
      label: 'Runs',
      numeric: true,
      value: (l) => l.summary.runs,
      render: (l) => (l.expected_runs ? `${l.summary.runs}/${l.expected_runs}` : String(l.summary.runs)),
    },
  ];
  return (
    <SortableTable
      testId="eval-summary"
      caption="Per-model summary"
      columns={columns}
      rows={lines}
      rowKey={(l) => tkey(l.target)}
      rowClassName={(l) => (tkey(l.target) === best ? 'row-best' : undefined)}
    />
  );
}

/** Category × model heatmap of overall scores (where does each model fail?). */
export function CategoryHeatmap({ lines }: { lines: ModelSummary[] }) {
  const { categories, cells } = useMemo(() => categoryMatrix(lines), [lines]);
  if (categories.length < 2) return null;
  return (
    // Focusable so a keyboard user can scroll it on a narrow screen.
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Overall score by category">
      <table className="table ev-heatmap">
        <caption>Overall score by category</caption>
        <thead>
          <tr>
            <th scope="col">Category</th>
            {lines.map((l) => (
              <th key={tkey(l.target)} scope="col" className="num">
                {modelName(l.target)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {categories.map((cat) => (
            <tr key={cat}>
              <th scope="row">{cat}</th>
              {lines.map((l) => {
                const c = cells.get(`${cat}|${tkey(l.target)}`);
                const level = c ? Math.min(4, Math.floor(c.overall * 4)) : -1;
                return (
                  <td
                    key={tkey(l.target)}
                    className={`num ev-heat ev-heat-${level}`}
                    title={c ? `${c.cases} cases, pass rate ${pct(c.pass_rate)}` : 'no cases yet'}
                  >
                    {c ? pct(c.overall, 0) : '—'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Case id → its prompt, from the suite (best effort: a deleted suite leaves ids). */
export function useCaseLabels(suiteId: string | null | undefined): Map<string, string> {
  const cases = useApi<{ items: { id: string; prompt: string; position: number }[] }>(
    suiteId ? `/api/tool-suites/${suiteId}/cases` : undefined,
  );
  return useMemo(() => {
    const m = new Map<string, string>();
    for (const c of cases.data?.items ?? []) m.set(c.id, `#${c.position + 1} ${c.prompt}`);
    return m;
  }, [cases.data]);
}

function ToolCell({ expected, actual, ok }: { expected: string; actual: string | null; ok: boolean }) {
  return (
    <span className="ev-tools">
      <span className="mono">{expected}</span>
      <span className={`mono ${ok ? 'ev-ok' : 'ev-bad'}`}>
        <span className="sr-only">actual: </span>→ {actual ?? '(none)'}
      </span>
    </span>
  );
}

function cellTone(c: { overall: number; passed: number; runs: number }) {
  if (c.passed === c.runs) return 4;
  return Math.min(3, Math.floor(c.overall * 4));
}

/** Case × model grid: one line per case, a coloured cell per model (links to the case). */
function CaseGrid({
  rows,
  targets,
  label,
  href,
}: {
  rows: CaseRow[];
  targets: TargetRef[];
  label: (caseId: string) => string;
  href: (row: CaseRow) => string | null;
}) {
  const grid = caseGrid(rows, targets);
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Cases by model">
      <table className="table ev-grid-table" data-testid="eval-grid">
        <caption>
          Overall score per case and model — <span className="ev-disagree-key">◆</span> marks cases where the
          models disagree
        </caption>
        <thead>
          <tr>
            <th scope="col">Case</th>
            {targets.map((t) => (
              <th key={tkey(t)} scope="col" className="num">
                {modelName(t)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.map((g) => (
            <tr key={g.case_id}>
              <th scope="row" className="ev-grid-case">
                {g.disagree && (
                  <span className="ev-disagree-key" title="The models disagree on this case">
                    ◆<span className="sr-only"> models disagree: </span>
                  </span>
                )}{' '}
                {label(g.case_id) || `case ${g.case_id.slice(0, 8)}`}
              </th>
              {g.cells.map((c, i) => {
                const t = targets[i] as TargetRef;
                if (!c)
                  return (
                    <td key={tkey(t)} className="num muted">
                      —
                    </td>
                  );
                const to = href(c.rows[0] as CaseRow);
                const text =
                  c.runs > 1
                    ? `${pct(c.overall, 0)} · ${c.passed}/${c.runs}`
                    : c.passed
                      ? 'pass'
                      : pct(c.overall, 0);
                return (
                  <td key={tkey(t)} className={`num ev-heat ev-heat-${cellTone(c)}`}>
                    {to ? (
                      <a
                        href={`#${to}`}
                        className="ev-cell-link"
                        aria-label={`${modelName(t)}: ${text}, open the case`}
                      >
                        {text}
                      </a>
                    ) : (
                      text
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function verdictTone(v: string | null): 'ok' | 'bad' | 'warn' | 'neutral' {
  if (v === 'pass') return 'ok';
  if (v === 'fail') return 'bad';
  if (v === 'partial') return 'warn';
  return 'neutral';
}

/**
 * The per-case table with its filters (model, failed only, category, text). Rows open the
 * case's drill-down (`href(row)`).
 */
export function CaseTable({
  rows,
  targets,
  labels,
  href,
  verdicts,
  filter,
  onFilter,
  repeats,
}: {
  rows: CaseRow[];
  targets: TargetRef[];
  labels: Map<string, string>;
  href: (row: CaseRow) => string | null;
  verdicts?: Map<string, JudgeVerdict[]>;
  filter: CaseFilter;
  onFilter: (f: CaseFilter) => void;
  repeats: number;
}) {
  const id = useId();
  const label = (caseId: string) => labels.get(caseId) ?? '';
  const shown = filterRows(rows, filter, label);
  const categories = categoriesOf(rows);
  const names = new Map(targets.map((t) => [tkey(t), modelName(t)]));
  const hasVerdicts = !!verdicts && verdicts.size > 0;
  const columns: Column<CaseRow>[] = [
    {
      key: 'case',
      label: 'Case',
      // By the case's position in the suite (labels start with `#N`), then model: pairs stay together.
      value: (r) =>
        `${caseOrder(label(r.case_id), r.case_id)}|${names.get(tkey(r)) ?? tkey(r)}|${r.repeat_index}`,
      render: (r) => {
        const to = href(r);
        const text = label(r.case_id) || `case ${r.case_id.slice(0, 8)}`;
        return (
          <span className="ev-case">
            {to ? (
              <a href={`#${to}`} onClick={(e) => e.stopPropagation()}>
                {text}
              </a>
            ) : (
              text
            )}
            {repeats > 1 && <span className="muted small"> · repeat {r.repeat_index + 1}</span>}
          </span>
        );
      },
    },
    {
      key: 'model',
      label: 'Model',
      value: (r) => names.get(tkey(r)) ?? tkey(r),
    },
    {
      key: 'category',
      label: 'Category',
      value: (r) => r.score.category ?? 'uncategorized',
    },
    {
      key: 'tool',
      label: 'Expected → actual tool',
      value: (r) => r.score.actual_tool ?? '',
      render: (r) => (
        <ToolCell
          expected={expectedToolText(r.score.expected_tool)}
          actual={r.score.actual_tool}
          ok={r.score.tool_score >= 1}
        />
      ),
    },
    {
      key: 'params',
      label: 'Params',
      numeric: true,
      value: (r) => r.score.param_score,
      render: (r) =>
        r.score.param_score === null ? <span className="muted">n/a</span> : pct(r.score.param_score, 0),
    },
    {
      key: 'overall',
      label: 'Overall',
      numeric: true,
      value: (r) => r.score.overall_score,
      render: (r) => num(r.score.overall_score, 2),
    },
    {
      key: 'result',
      label: 'Result',
      value: (r) => (r.score.passed ? 'pass' : 'fail'),
      render: (r) => (r.score.passed ? <Badge tone="ok">pass</Badge> : <Badge tone="bad">fail</Badge>),
    },
    {
      key: 'latency',
      label: 'Latency',
      numeric: true,
      value: (r) => r.latency_ms,
      render: (r) => ms(r.latency_ms),
    },
    {
      key: 'error',
      label: 'Error',
      value: (r) => r.score.error_category ?? r.score.error_type ?? '',
      render: (r) =>
        r.score.error_category ? (
          <Badge tone="bad" title={r.score.error ?? undefined}>
            {r.score.error_category}
          </Badge>
        ) : r.score.error_type ? (
          <span className="muted small">{r.score.error_type.replace(/_/g, ' ')}</span>
        ) : (
          <span className="muted">—</span>
        ),
    },
    ...(hasVerdicts
      ? [
          {
            key: 'judge',
            label: 'Judge',
            value: (r: CaseRow) => verdicts?.get(`${tkey(r)}::${r.case_id}`)?.at(-1)?.verdict ?? '',
            render: (r: CaseRow) => {
              const list = verdicts?.get(`${tkey(r)}::${r.case_id}`) ?? [];
              const v = list.at(-1);
              if (!v) return <span className="muted">—</span>;
              return (
                <Badge tone={verdictTone(v.verdict)} title={v.summary ?? v.error ?? undefined}>
                  {v.verdict ?? 'error'}
                  {v.quality_score !== null ? ` · ${v.quality_score}/5` : ''}
                </Badge>
              );
            },
          },
        ]
      : []),
  ];
  const failed = rows.filter((r) => !r.score.passed).length;
  return (
    <section aria-labelledby={`${id}-h`} className="stack">
      <div className="row spread">
        <h2 id={`${id}-h`}>Per-case results</h2>
        <span className="muted small" data-testid="case-count">
          {shown.length} of {rows.length} shown · {failed} failed
        </span>
      </div>
      <div className="row ev-filters" role="group" aria-label="Filter cases">
        <div className="field">
          <label htmlFor={`${id}-model`}>Model</label>
          <select
            id={`${id}-model`}
            value={filter.model}
            onChange={(e) => onFilter({ ...filter, model: e.target.value })}
          >
            <option value="">All models</option>
            {targets.map((t) => (
              <option key={tkey(t)} value={tkey(t)}>
                {modelName(t)}
              </option>
            ))}
          </select>
        </div>
        <CategorySelect
          categories={categories}
          value={filter.category}
          onChange={(category) => onFilter({ ...filter, category })}
        />
        <div className="field">
          <label htmlFor={`${id}-q`}>Search</label>
          <input
            id={`${id}-q`}
            type="search"
            placeholder="prompt or tool"
            value={filter.text}
            onChange={(e) => onFilter({ ...filter, text: e.target.value })}
          />
        </div>
        <label className="check ev-check">
          <input
            type="checkbox"
            checked={filter.failedOnly}
            onChange={(e) => onFilter({ ...filter, failedOnly: e.target.checked })}
          />
          Failed only
        </label>
        <div className="ev-toggle" role="group" aria-label="Show as">
          <button
            type="button"
            className="btn btn-small"
            aria-pressed={!filter.grid}
            onClick={() => onFilter({ ...filter, grid: false })}
          >
            Table
          </button>
          <button
            type="button"
            className="btn btn-small"
            aria-pressed={!!filter.grid}
            onClick={() => onFilter({ ...filter, grid: true })}
          >
            Grid by model
          </button>
        </div>
      </div>
      {rows.length === 0 ? (
        <p className="muted" role="status">
          No results yet — rows appear here as each case finishes.
        </p>
      ) : shown.length === 0 ? (
        <p className="muted" role="status">
          No case matches these filters.{' '}
          <button
            type="button"
            className="btn-link"
            onClick={() => onFilter({ ...NO_FILTER, grid: filter.grid })}
          >
            Clear the filters
          </button>
        </p>
      ) : filter.grid ? (
        <CaseGrid rows={shown} targets={targets} label={label} href={href} />
      ) : (
        <SortableTable
          testId="eval-cases"
          pageSize={PAGE_SIZE}
          initialSort={{ key: 'case', dir: 'asc' }}
          columns={columns}
          rows={shown}
          rowKey={(r) => r.key}
          rowClassName={(r) => (r.score.passed ? undefined : 'ev-row-fail')}
          onRowClick={(r) => {
            const to = href(r);
            if (to) navigate(to);
          }}
        />
      )}
    </section>
  );
}

export const NO_FILTER: CaseFilter = { model: '', failedOnly: false, text: '', category: '' };

/** The case filter kept in the URL query (`?model=&failed=1&cat=&q=`), so reload and back keep it. */
export function filterFromQuery(q: URLSearchParams): CaseFilter {
  return {
    model: q.get('model') ?? '',
    failedOnly: q.get('failed') === '1',
    category: q.get('cat') ?? '',
    text: q.get('q') ?? '',
    grid: q.get('view') === 'grid',
  };
}
export function filterToQuery(f: CaseFilter): Record<string, string | undefined> {
  return {
    model: f.model || undefined,
    failed: f.failedOnly ? '1' : undefined,
    cat: f.category || undefined,
    q: f.text || undefined,
    view: f.grid ? 'grid' : undefined,
  };
}
