import { useState } from 'react';
import { PAGE_SIZE, SortableTable, type Column } from '../../components/SortableTable';
import { Link } from '../../app/router';
import { Badge } from '../../components/ui';
import { pct } from '../../lib/format';
import {
  filterLines,
  gradeTone,
  OUTCOMES,
  outcomeTone,
  shortId,
  sideText,
  winnerText,
  type Outcome,
  type Tally,
  type VerdictLine,
} from './judge-state';
import type { CompareCase, Comparison, ModelReport } from './types';
import './judge.css';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The grade and 0–100 score, big enough to read across the room. */
export function GradeBlock({
  grade,
  score,
  label,
  testId,
}: {
  grade: string | null | undefined;
  score: number | null | undefined;
  label: string;
  testId?: string;
}) {
  return (
    <div className="judge-grade" data-testid={testId} aria-label={label} role="group">
      <span
        className={`judge-grade-letter tone-${gradeTone(grade)}`}
        data-testid={testId && `${testId}-grade`}
      >
        {grade ?? '—'}
      </span>
      <span className="judge-grade-score">
        <strong data-testid={testId && `${testId}-score`}>{score ?? '—'}</strong>
        <span className="muted small"> / 100</span>
      </span>
    </div>
  );
}

/** Pass / marginal / fail / error counts as a stacked bar and a legend. */
export function TallyBar({ tally, label }: { tally: Tally; label: string }) {
  const total = OUTCOMES.reduce((s, o) => s + tally[o], 0);
  return (
    <div className="judge-tally">
      <div className="judge-tally-bar" role="img" aria-label={`${label}: ${describeTally(tally)}`}>
        {total > 0 &&
          OUTCOMES.map((o) =>
            tally[o] ? (
              <span key={o} className={`seg seg-${o}`} style={{ width: `${(100 * tally[o]) / total}%` }} />
            ) : null,
          )}
      </div>
      <div className="row small" aria-hidden="true">
        {OUTCOMES.map((o) => (
          <span key={o} className="legend-item">
            <span className={`swatch seg-${o}`} /> {o} {tally[o]}
          </span>
        ))}
      </div>
    </div>
  );
}

const describeTally = (t: Tally) => OUTCOMES.map((o) => `${t[o]} ${o}`).join(', ');

/** Toggle buttons that filter verdict rows by outcome (none pressed: all). */
export function OutcomeFilter({
  tally,
  value,
  onChange,
}: {
  tally: Tally;
  value: ReadonlySet<Outcome>;
  onChange: (next: Set<Outcome>) => void;
}) {
  return (
    <div className="row" role="group" aria-label="Filter by verdict">
      <span className="small muted">Show:</span>
      <button
        type="button"
        className="btn btn-small"
        aria-pressed={value.size === 0}
        onClick={() => onChange(new Set())}
      >
        All
      </button>
      {OUTCOMES.map((o) => (
        <button
          key={o}
          type="button"
          className="btn btn-small"
          aria-pressed={value.has(o)}
          onClick={() => {
            const next = new Set(value);
            if (next.has(o)) next.delete(o);
            else next.add(o);
            onChange(next);
          }}
        >
          {o} ({tally[o]})
        </button>
      ))}
    </div>
  );
}

function CaseLabel({ id, prompts }: { id: string; prompts?: ReadonlyMap<string, string> }) {
  const prompt = prompts?.get(id);
  return prompt ? (
    <span className="judge-case" title={`case ${id}`}>
      {prompt}
    </span>
  ) : (
    <span className="mono" title={id}>
      {shortId(id)}
    </span>
  );
}

/** The verdict table: sortable, each summary expandable to the reasoning and assessments. */
export function VerdictTable({
  lines,
  prompts,
  showJudge,
  showScorer = true,
  testId,
  caption,
  runId,
}: {
  runId?: string;
  lines: VerdictLine[];
  prompts?: ReadonlyMap<string, string>;
  showJudge: boolean;
  showScorer?: boolean;
  testId?: string;
  caption?: string;
}) {
  const [filter, setFilter] = useState<Set<Outcome>>(new Set());
  const tally = { pass: 0, marginal: 0, fail: 0, error: 0 };
  for (const l of lines) tally[l.outcome]++;
  const rows = filterLines(lines, filter);
  const columns: Column<VerdictLine>[] = [
    {
      key: 'case',
      label: 'Case',
      value: (l) => prompts?.get(l.case_id) ?? l.case_id,
      render: (l) => <CaseLabel id={l.case_id} prompts={prompts} />,
    },
    {
      key: 'model',
      label: 'Model',
      value: (l) => l.model,
      render: (l) => <span className="mono">{l.model}</span>,
    },
    ...(showJudge
      ? [{ key: 'judge', label: 'Judge', value: (l: VerdictLine) => l.judge } satisfies Column<VerdictLine>]
      : []),
    {
      key: 'verdict',
      label: 'Verdict',
      value: (l) => OUTCOMES.indexOf(l.outcome),
      render: (l) => <Badge tone={outcomeTone(l.outcome)}>{l.outcome}</Badge>,
    },
    {
      key: 'quality',
      label: 'Quality',
      numeric: true,
      value: (l) => l.quality,
      render: (l) => (l.quality === null ? '—' : <span aria-label={`${l.quality} of 5`}>{l.quality}/5</span>),
    },
    ...(showScorer
      ? [
          {
            key: 'scorer',
            label: 'Scorer',
            value: (l: VerdictLine) => (l.scorer_passed === null ? null : l.scorer_passed ? 1 : 0),
            render: (l: VerdictLine) =>
              l.scorer_passed === null ? (
                '—'
              ) : (
                <span className="row">
                  <Badge tone={l.scorer_passed ? 'ok' : 'bad'}>{l.scorer_passed ? 'passed' : 'failed'}</Badge>
                  {l.outcome !== 'error' && (l.outcome === 'pass') !== l.scorer_passed && (
                    <Badge tone="warn" title="The judge and the deterministic scorer disagree">
                      disagrees
                    </Badge>
                  )}
                </span>
              ),
          } satisfies Column<VerdictLine>,
        ]
      : []),
    {
      key: 'summary',
      label: 'Summary',
      value: (l) => l.summary || l.error || '',
      render: (l) => <VerdictDetails line={l} runId={runId} />,
    },
  ];
  return (
    <div className="stack">
      <OutcomeFilter tally={tally} value={filter} onChange={setFilter} />
      {rows.length === 0 ? (
        <p className="muted" role="status">
          {lines.length === 0 ? 'No verdicts yet.' : 'No verdict matches this filter.'}
        </p>
      ) : (
        <SortableTable
          pageSize={PAGE_SIZE}
          caption={caption}
          testId={testId}
          columns={columns}
          rows={rows}
          rowKey={(l) => l.key}
          initialSort={showJudge ? { key: 'case', dir: 'asc' } : undefined}
          rowClassName={(l) => `verdict-${l.outcome}`}
        />
      )}
    </div>
  );
}

function VerdictDetails({ line, runId }: { line: VerdictLine; runId?: string }) {
  const head = line.summary || line.error || 'No summary';
  return (
    <details className="judge-details">
      <summary>
        {head}
        {line.repairs.length > 0 && (
          <>
            {' '}
            <Badge tone="info" title={line.repairs.join('; ')}>
              repaired
            </Badge>
          </>
        )}
        {line.error && (
          <>
            {' '}
            <Badge tone="bad">error</Badge>
          </>
        )}
      </summary>
      <dl className="judge-dl">
        {line.reasoning && (
          <>
            <dt>Reasoning</dt>
            <dd>{line.reasoning}</dd>
          </>
        )}
        {line.tool_assessment && (
          <>
            <dt>Tool choice</dt>
            <dd>{line.tool_assessment.replace(/_/g, ' ')}</dd>
          </>
        )}
        {line.param_assessment && (
          <>
            <dt>Arguments</dt>
            <dd>{line.param_assessment}</dd>
          </>
        )}
        {line.repairs.length > 0 && (
          <>
            <dt>Repairs to the judge&apos;s answer</dt>
            <dd>{line.repairs.join('; ')}</dd>
          </>
        )}
        {line.error && (
          <>
            <dt>Error</dt>
            <dd className="error-text">{line.error}</dd>
          </>
        )}
        <dt>Case id</dt>
        <dd className="mono">{line.case_id}</dd>
        {runId && line.result_id && (
          <dd>
            <Link to={`/evaluate/history/${runId}/results/${line.result_id}`}>
              Open the model&apos;s answer
            </Link>
          </dd>
        )}
      </dl>
    </details>
  );
}

function ListBlock({ title, items, empty }: { title: string; items: string[] | undefined; empty: string }) {
  return (
    <div>
      <h4>{title}</h4>
      {items && items.length > 0 ? (
        <ul className="judge-list">
          {items.map((s, i) => (
            <li key={i}>{s}</li>
          ))}
        </ul>
      ) : (
        <p className="muted small">{empty}</p>
      )}
    </div>
  );
}

/** One model's report card: grade, score, counts, agreements, strengths/weaknesses/recommendations. */
export function ModelReportCard({ report, jury }: { report: ModelReport; jury: boolean }) {
  const key = `${report.provider_key}::${report.model_id}`;
  const counts = report.verdict_counts ?? { pass: 0, marginal: 0, fail: 0 };
  return (
    <section className="card judge-model" aria-label={`Report for ${key}`} data-testid="judge-model-report">
      <div className="row spread">
        <h3 className="mono">{key}</h3>
        <GradeBlock
          grade={report.overall_grade}
          score={report.overall_score}
          label={`${key} grade and score`}
        />
      </div>
      <TallyBar tally={{ ...counts, error: 0 }} label={`${key} verdicts`} />
      <dl className="judge-stats">
        <div>
          <dt>Cases judged</dt>
          <dd>{report.cases_judged}</dd>
        </div>
        <div>
          <dt title="Share of cases where the judge's pass/fail matched the deterministic scorer">
            Agrees with scorer
          </dt>
          <dd data-testid="judge-scorer-agreement">{pct(report.scorer_agreement)}</dd>
        </div>
        {jury && (
          <div>
            <dt title="Mean pairwise agreement of the jury's verdicts">Inter-judge agreement</dt>
            <dd data-testid="judge-inter-agreement">{pct(report.inter_judge_agreement)}</dd>
          </div>
        )}
      </dl>
      {report.cross_case_analysis && <p>{report.cross_case_analysis}</p>}
      <div className="grid three">
        <ListBlock title="Strengths" items={report.strengths} empty="None named." />
        <ListBlock title="Weaknesses" items={report.weaknesses} empty="None named." />
        <ListBlock title="Recommendations" items={report.recommendations} empty="None given." />
      </div>
      {report.error && (
        <p className="banner banner-warn">The report text could not be produced: {report.error}</p>
      )}
      {report.repairs && report.repairs.length > 0 && (
        <p className="muted small">
          The judge&apos;s report answer was repaired: {report.repairs.join('; ')}
        </p>
      )}
    </section>
  );
}

/** A vs B side by side: winner, scores, ties, position consistency. */
export function ComparisonSummary({ c, testId }: { c: Comparison; testId?: string }) {
  const winA = c.overall_winner === 'model_a';
  const winB = c.overall_winner === 'model_b';
  return (
    <section className="card" aria-label="Comparison result" data-testid={testId}>
      <p className="judge-winner">
        Winner: <strong data-testid={testId && `${testId}-winner`}>{winnerText(c)}</strong>
      </p>
      <div className="judge-ab">
        <div className={`judge-side${winA ? ' judge-side-win' : ''}`}>
          <div className="small muted">Model A</div>
          <div className="mono">{c.model_a}</div>
          <div className="judge-side-score">
            <strong data-testid={testId && `${testId}-score-a`}>{c.score_a}</strong>
            <span className="small muted"> / 100</span>
          </div>
          {c.wins_a !== undefined && <div className="small">{plural(c.wins_a, 'case')} won</div>}
          {winA && <Badge tone="ok">winner</Badge>}
        </div>
        <div className="judge-vs" aria-hidden="true">
          vs
        </div>
        <div className={`judge-side${winB ? ' judge-side-win' : ''}`}>
          <div className="small muted">Model B</div>
          <div className="mono">{c.model_b}</div>
          <div className="judge-side-score">
            <strong data-testid={testId && `${testId}-score-b`}>{c.score_b}</strong>
            <span className="small muted"> / 100</span>
          </div>
          {c.wins_b !== undefined && <div className="small">{plural(c.wins_b, 'case')} won</div>}
          {winB && <Badge tone="ok">winner</Badge>}
        </div>
      </div>
      {c.wins_a !== undefined && c.wins_b !== undefined && (
        <WinBar a={c.wins_a} ties={c.tie_cases} b={c.wins_b} />
      )}
      <dl className="judge-stats">
        <div>
          <dt>Ties</dt>
          <dd data-testid={testId && `${testId}-ties`}>{c.tie_cases}</dd>
        </div>
        <div>
          <dt title="Share of cases where judging A first and B first named the same winner">
            Position consistency
          </dt>
          <dd data-testid={testId && `${testId}-consistency`}>{pct(c.position_consistency)}</dd>
        </div>
      </dl>
      {c.position_consistency < 0.7 && (
        <p className="banner banner-warn">
          The judge often changed its mind when the order was swapped: treat this result as weak evidence (try
          another judge or a jury).
        </p>
      )}
      {c.summary && <p className="muted">{c.summary}</p>}
    </section>
  );
}

/** Cases won by A, tied, won by B, as one bar. */
function WinBar({ a, ties, b }: { a: number; ties: number; b: number }) {
  const n = a + ties + b;
  if (n === 0) return null;
  const seg = (v: number, cls: string) =>
    v > 0 ? <span className={`seg ${cls}`} style={{ width: `${(100 * v) / n}%` }} /> : null;
  return (
    <div
      className="judge-tally-bar judge-winbar"
      role="img"
      aria-label={`A won ${a}, ${ties} ties, B won ${b} of ${n} cases`}
    >
      {seg(a, 'seg-a')}
      {seg(ties, 'seg-tie')}
      {seg(b, 'seg-b')}
    </div>
  );
}

/** Per-case winners with both orders. */
export function CompareCaseTable({
  cases,
  prompts,
  testId,
}: {
  cases: CompareCase[];
  prompts?: ReadonlyMap<string, string>;
  testId?: string;
}) {
  const winnerTone = (w: string) => (w === 'a' ? 'info' : w === 'b' ? 'warn' : 'neutral');
  return cases.length === 0 ? (
    <p className="muted" role="status">
      No case judged yet.
    </p>
  ) : (
    <SortableTable
      pageSize={PAGE_SIZE}
      testId={testId}
      rows={cases}
      rowKey={(c) => c.case_id}
      columns={[
        {
          key: 'case',
          label: 'Case',
          value: (c) => prompts?.get(c.case_id) ?? c.case_id,
          render: (c) => <CaseLabel id={c.case_id} prompts={prompts} />,
        },
        {
          key: 'winner',
          label: 'Winner',
          value: (c) => (c.error ? 'error' : c.winner),
          render: (c) =>
            c.error ? (
              <Badge tone="bad" title={c.error}>
                error
              </Badge>
            ) : (
              <Badge tone={winnerTone(c.winner)}>{sideText(c.winner)}</Badge>
            ),
        },
        { key: 'afirst', label: 'A shown first', value: (c) => sideText(c.a_first) },
        { key: 'bfirst', label: 'B shown first', value: (c) => sideText(c.b_first) },
        {
          key: 'consistent',
          label: 'Consistent',
          value: (c) => (c.consistent ? 1 : 0),
          render: (c) => (c.consistent ? <Badge tone="ok">yes</Badge> : <Badge tone="warn">flipped</Badge>),
        },
        {
          key: 'confidence',
          label: 'Confidence',
          numeric: true,
          value: (c) => c.confidence,
          render: (c) => pct(c.confidence, 0),
        },
        {
          key: 'reasoning',
          label: 'Reasoning',
          value: (c) => c.reasoning,
          render: (c) =>
            c.reasoning ? (
              <details className="judge-details">
                <summary>{c.reasoning.length > 80 ? `${c.reasoning.slice(0, 80)}…` : c.reasoning}</summary>
                <p>{c.reasoning}</p>
                {c.error && <p className="error-text">{c.error}</p>}
              </details>
            ) : (
              (c.error ?? '—')
            ),
        },
      ]}
    />
  );
}
