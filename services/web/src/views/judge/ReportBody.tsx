import { useMemo, type ReactNode } from 'react';
import { Link } from '../../app/router';
import { Badge } from '../../components/ui';
import { when } from '../../lib/format';
import { keyOf, promptsByCase, reportLines } from './judge-state';
import { CompareCaseTable, ComparisonSummary, GradeBlock, ModelReportCard, VerdictTable } from './parts';
import type { EvalResult, JudgeReportItem, JudgeReportRecord } from './types';

export const isCompare = (r: Pick<JudgeReportItem, 'mode'>) => r.mode === 'comparative';

export function errorText(e: JudgeReportItem['error']): string | undefined {
  if (!e) return undefined;
  return typeof e === 'string' ? e : (e.message ?? e.code);
}

/**
 * A stored report or comparison, read-only: used by the owner's view (with the eval run's results,
 * for case prompts and answer links) and by the shared page (without). The scorer's pass is stored
 * with each verdict.
 */
export function ReportBody({
  record,
  results,
  aside,
  linkRuns = false,
}: {
  /** Link the judged eval runs (the owner's view; the shared page has no access to them). */
  linkRuns?: boolean;
  record: JudgeReportRecord;
  results?: EvalResult[];
  /** Shown right after the headline result (the owner's share panel). */
  aside?: ReactNode;
}) {
  const prompts = useMemo(
    () => (results ? promptsByCase(results) : new Map((record.cases ?? []).map((c) => [c.id, c.prompt]))),
    [results, record.cases],
  );
  const lines = useMemo(() => reportLines(record.verdicts, results), [record.verdicts, results]);
  const judges = (record.judge_targets?.length ? record.judge_targets : [record.judge_model]).map(keyOf);
  const jury = judges.length > 1;
  const models = record.report?.models ?? [];
  const comparison = record.report?.comparison;
  return (
    <>
      <section className="card" aria-label="About this report">
        <dl className="judge-stats">
          <div>
            <dt>Status</dt>
            <dd>
              <Badge
                tone={record.status === 'completed' ? 'ok' : record.status === 'failed' ? 'bad' : 'info'}
              >
                {record.status}
              </Badge>
            </dd>
          </div>
          <div>
            <dt>{jury ? 'Jury' : 'Judge'}</dt>
            <dd className="mono">{judges.join(', ')}</dd>
          </div>
          <div>
            <dt>Mode</dt>
            <dd>{isCompare(record) ? 'A/B comparison' : record.mode.replace('_', ' ')}</dd>
          </div>
          {linkRuns && record.eval_run_id && (
            <div>
              <dt>{isCompare(record) ? 'Runs' : 'Eval run'}</dt>
              <dd className="row">
                <Link to={`/evaluate/history/${record.eval_run_id}`}>
                  {isCompare(record) ? 'Run A' : 'Open the run'}
                </Link>
                {isCompare(record) && record.eval_run_id_b && (
                  <Link to={`/evaluate/history/${record.eval_run_id_b}`}>Run B</Link>
                )}
              </dd>
            </div>
          )}
          <div>
            <dt>Finished</dt>
            <dd>{when(record.finished_at ?? record.created_at)}</dd>
          </div>
        </dl>
        {record.config?.only_failed && (
          <p className="small muted">Only results the scorer failed were judged.</p>
        )}
        {record.custom_instructions && (
          <details className="judge-details">
            <summary>Custom instructions</summary>
            <p className="mono small">{record.custom_instructions}</p>
          </details>
        )}
        {record.warnings?.length > 0 && (
          <ul className="banner banner-warn">
            {record.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
        {errorText(record.error) && <p className="banner banner-error">{errorText(record.error)}</p>}
      </section>

      {isCompare(record) ? (
        <>
          {comparison ? (
            <ComparisonSummary c={comparison} testId="judge-comparison" />
          ) : (
            <p className="banner banner-info">No comparison result was stored (the job did not complete).</p>
          )}
          {aside}
          <h2>Per-case winners</h2>
          <CompareCaseTable
            cases={record.report?.cases ?? []}
            prompts={prompts}
            testId="judge-compare-cases"
          />
        </>
      ) : (
        <>
          <section className="card judge-hero" aria-label="Overall result">
            <GradeBlock
              grade={record.overall_grade}
              score={record.overall_score}
              label="Overall grade and score"
              testId="judge-report"
            />
            <p className="muted">
              {models.length > 1
                ? `Mean over ${models.length} models; each model's own grade is below.`
                : 'Grade and score the judge gave over every judged case.'}
            </p>
          </section>
          {aside}
          {models.length === 0 ? (
            <p className="banner banner-info">
              No per-model report was written (no verdict, or the job ended early).
            </p>
          ) : (
            <>
              <h2>Per-model reports</h2>
              {models.map((m) => (
                <ModelReportCard key={`${m.provider_key}::${m.model_id}`} report={m} jury={jury} />
              ))}
            </>
          )}
          <h2>Per-case verdicts</h2>
          <VerdictTable
            lines={lines}
            prompts={prompts}
            showJudge={jury}
            showScorer={results !== undefined || lines.some((l) => l.scorer_passed !== null)}
            testId="judge-report-verdicts"
            runId={linkRuns ? (record.eval_run_id ?? undefined) : undefined}
          />
        </>
      )}
    </>
  );
}
