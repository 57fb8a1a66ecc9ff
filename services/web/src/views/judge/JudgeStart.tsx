import type { JobAccepted, ProviderView } from '@llmbench/contracts';
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { ApiError, api } from '../../api/client';
import { Link, navigate, type Route } from '../../app/router';
import { TargetPicker, type Target } from '../../components/pickers';
import { SortableTable } from '../../components/SortableTable';
import { Badge, EmptyState, ErrorBanner, Field, Loading, PageHeader, Tabs } from '../../components/ui';
import { useApi } from '../../components/use-api';
import { pct, targetKey, when } from '../../lib/format';
import { judgeable, runModels, runScores, selfJudges } from './judge-state';
import type { EvalRunItem } from './types';
import './judge.css';

type Mode = 'grade' | 'compare';

function runOption(r: EvalRunItem): string {
  const scores = runScores(r)
    .map((s) => `${s.model.split('::')[1] ?? s.model} ${pct(s.overall, 0)}`)
    .join(', ');
  return `${when(r.created_at)} · ${r.suite_name} · ${scores || runModels(r).join(', ')}`;
}

function RunScores({ run }: { run: EvalRunItem }) {
  const scores = runScores(run);
  if (scores.length === 0) return <span className="muted">no summary</span>;
  return (
    <ul className="plain small">
      {scores.map((s) => (
        <li key={s.model}>
          <span className="mono">{s.model}</span> <strong>{pct(s.overall)}</strong>
        </li>
      ))}
    </ul>
  );
}

/** The judges: one model (radio) or a jury of up to five (checkboxes). */
function JudgePicker({
  judges,
  setJudges,
  jury,
  setJury,
  error,
}: {
  judges: Target[];
  setJudges: (t: Target[]) => void;
  jury: boolean;
  setJury: (v: boolean) => void;
  error?: string;
}) {
  return (
    <div className="field">
      <label className="check">
        <input
          type="checkbox"
          checked={jury}
          onChange={(e) => {
            setJury(e.target.checked);
            if (!e.target.checked) setJudges(judges.slice(0, 1));
          }}
        />
        Use a jury (2–5 judges, verdicts combined by majority)
      </label>
      <TargetPicker
        legend={jury ? 'Judges (jury)' : 'Judge model'}
        single={!jury}
        value={judges}
        onChange={setJudges}
      />
      {jury && judges.length > 5 && <small className="error-text">A jury has at most 5 judges.</small>}
      {error && (
        <small className="error-text" role="alert">
          {error}
        </small>
      )}
    </div>
  );
}

/** Start a judge job: grade one eval run, or compare two runs case by case. */
export function JudgeStart({ route }: { route: Route }) {
  const mode: Mode = route.query.get('mode') === 'compare' ? 'compare' : 'grade';
  const runs = useApi<{ items: EvalRunItem[] }>('/api/tool-eval/history?limit=200');
  const providers = useApi<{ items: ProviderView[] }>('/api/providers');
  const [runId, setRunId] = useState(route.query.get('run') ?? '');
  const [runA, setRunA] = useState(route.query.get('a') ?? '');
  const [runB, setRunB] = useState(route.query.get('b') ?? '');
  const [targetA, setTargetA] = useState('');
  const [targetB, setTargetB] = useState('');
  const [judges, setJudges] = useState<Target[]>([]);
  const [jury, setJury] = useState(false);
  const [instructions, setInstructions] = useState('');
  const [concurrency, setConcurrency] = useState(4);
  const [onlyFailed, setOnlyFailed] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const ids = { instr: useId(), conc: useId(), a: useId(), b: useId(), ta: useId(), tb: useId() };

  // A sensible default judge: the first model named like a judge.
  useEffect(() => {
    if (judges.length > 0 || !providers.data) return;
    for (const p of providers.data.items)
      for (const m of p.models)
        if (/judge/i.test(m.model_id)) {
          setJudges([{ provider_key: p.provider_key, model_id: m.model_id }]);
          return;
        }
  }, [providers.data, judges.length]);

  const items = useMemo(() => (runs.data?.items ?? []).filter(judgeable), [runs.data]);
  const byId = useMemo(() => new Map(items.map((r) => [r.id, r])), [items]);
  const chosen = mode === 'grade' ? [byId.get(runId)] : [byId.get(runA), byId.get(runB)];
  const evaluated = chosen.flatMap((r) => r?.targets ?? []);
  const selfJudging = selfJudges(judges, evaluated);
  const sharesProvider = judges.filter((j) => evaluated.some((t) => t.provider_key === j.provider_key));
  const apiError = error instanceof ApiError ? error : undefined;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    const judgeFields = jury ? { judge_targets: judges } : { judge_target: judges[0] };
    const local: string[] = [];
    if (judges.length === 0) local.push('Choose a judge model.');
    if (mode === 'grade' && !runId) local.push('Choose the eval run to grade.');
    if (mode === 'compare' && (!runA || !runB)) local.push('Choose run A and run B.');
    if (local.length) {
      setError(new ApiError(400, 'client_validation', local.join(' ')));
      return;
    }
    const parseTarget = (v: string) => {
      const [provider_key = '', model_id = ''] = v.split('::');
      return v ? { provider_key, model_id } : undefined;
    };
    setBusy(true);
    try {
      const accepted =
        mode === 'grade'
          ? await api.post<JobAccepted>('/api/tool-eval/judge', {
              eval_run_id: runId,
              ...judgeFields,
              custom_instructions: instructions,
              concurrency,
              only_failed: onlyFailed,
            })
          : await api.post<JobAccepted>('/api/tool-eval/judge/compare', {
              eval_run_id_a: runA,
              eval_run_id_b: runB,
              ...(targetA ? { target_a: parseTarget(targetA) } : {}),
              ...(targetB ? { target_b: parseTarget(targetB) } : {}),
              ...judgeFields,
              custom_instructions: instructions,
              concurrency,
            });
      navigate(`/judge/jobs/${accepted.job_id}`);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  const previous = useApi<{ items: unknown[]; total: number }>(
    mode === 'grade' && runId ? `/api/tool-eval/judge/reports?eval_run_id=${runId}&limit=1` : undefined,
  );
  const judgeError = apiError?.fieldError('judge_target') ?? apiError?.fieldError('judge_targets');

  return (
    <>
      <PageHeader
        title="LLM Judge"
        subtitle="Have a model grade an eval run case by case, or decide which of two runs answered better."
        actions={
          <Link to="/judge/reports" className="btn">
            Reports
          </Link>
        }
      />
      <Tabs
        current={mode}
        tabs={[
          { id: 'grade', label: 'Grade a run', href: '#/judge?mode=grade' },
          { id: 'compare', label: 'Compare two runs', href: '#/judge?mode=compare' },
        ]}
      />
      <ErrorBanner error={runs.error} title="Could not load eval runs" />
      {!runs.data && !runs.error ? (
        <Loading label="Loading eval runs…" />
      ) : runs.data && items.length === 0 ? (
        <EmptyState
          title="No finished eval run to judge"
          action={
            <Link to="/evaluate" className="btn btn-primary">
              Run an evaluation
            </Link>
          }
        >
          The judge reviews the stored answers of an evaluation. Run one first; it appears here when it has
          finished.
        </EmptyState>
      ) : (
        <form
          className="judge-form"
          onSubmit={submit}
          noValidate
          aria-label={mode === 'grade' ? 'Grade a run' : 'Compare two runs'}
        >
          {mode === 'grade' ? (
            <section className="card" aria-labelledby="judge-run-title">
              <h2 id="judge-run-title">Eval run</h2>
              <div className="judge-runs">
                <SortableTable
                  testId="judge-run-table"
                  caption="Choose the run to grade"
                  rows={items}
                  rowKey={(r) => r.id}
                  initialSort={{ key: 'date', dir: 'desc' }}
                  rowClassName={(r) => (r.id === runId ? 'run-chosen' : undefined)}
                  columns={[
                    {
                      key: 'pick',
                      label: 'Pick',
                      value: (r) => (r.id === runId ? 1 : 0),
                      render: (r) => (
                        <input
                          type="radio"
                          name="judge-run"
                          checked={r.id === runId}
                          onChange={() => setRunId(r.id)}
                          aria-label={`Grade the run of ${when(r.created_at)} on ${r.suite_name}`}
                        />
                      ),
                    },
                    {
                      key: 'date',
                      label: 'Date',
                      value: (r) => r.created_at,
                      render: (r) => when(r.created_at),
                    },
                    { key: 'suite', label: 'Suite', value: (r) => r.suite_name },
                    {
                      key: 'status',
                      label: 'Status',
                      value: (r) => r.status,
                      render: (r) => (
                        <Badge tone={r.status === 'completed' ? 'ok' : 'warn'}>{r.status}</Badge>
                      ),
                    },
                    {
                      key: 'scores',
                      label: 'Models and scores',
                      value: (r) => runScores(r)[0]?.overall ?? null,
                      render: (r) => <RunScores run={r} />,
                    },
                    {
                      key: 'cases',
                      label: 'Results',
                      numeric: true,
                      value: (r) => r.completed_cases,
                    },
                  ]}
                />
              </div>
              {apiError?.fieldError('eval_run_id') && (
                <p className="error-text" role="alert">
                  Eval run: {apiError.fieldError('eval_run_id')}
                </p>
              )}
              {runId && previous.data && previous.data.total > 0 && (
                <p className="banner banner-info small">
                  This run already has {previous.data.total} judge report
                  {previous.data.total === 1 ? '' : 's'}.{' '}
                  <Link to={`/judge/reports?run=${runId}`}>See them</Link>
                </p>
              )}
              <label className="check">
                <input
                  type="checkbox"
                  checked={onlyFailed}
                  onChange={(e) => setOnlyFailed(e.target.checked)}
                />
                Only the results the deterministic scorer failed (cheaper; the report then covers failures
                only)
              </label>
            </section>
          ) : (
            <section className="card" aria-labelledby="judge-ab-title">
              <h2 id="judge-ab-title">Runs to compare</h2>
              <p className="muted small">
                Both runs are judged on their common cases, each case twice (A shown first, then B) so that a
                judge&apos;s bias for the first answer shows up as ties.
              </p>
              <div className="grid two">
                {(
                  [
                    ['A', runA, setRunA, targetA, setTargetA, ids.a, ids.ta, 'eval_run_id_a', 'target_a'],
                    ['B', runB, setRunB, targetB, setTargetB, ids.b, ids.tb, 'eval_run_id_b', 'target_b'],
                  ] as const
                ).map(([side, value, set, target, setTarget, id, tid, field, tfield]) => {
                  const run = byId.get(value);
                  return (
                    <div key={side}>
                      <Field id={id} label={`Run ${side}`} error={apiError?.fieldError(field)}>
                        <select
                          id={id}
                          value={value}
                          onChange={(e) => {
                            set(e.target.value);
                            setTarget('');
                          }}
                        >
                          <option value="">Choose run {side}…</option>
                          {items.map((r) => (
                            <option key={r.id} value={r.id}>
                              {runOption(r)}
                            </option>
                          ))}
                        </select>
                      </Field>
                      {run && run.targets.length > 1 && (
                        <Field
                          id={tid}
                          label={`Model of run ${side}`}
                          hint="This run evaluated several models: choose which one to compare."
                          error={apiError?.fieldError(tfield)}
                        >
                          <select
                            id={tid}
                            value={target || targetKey(run.targets[0]!)}
                            onChange={(e) => setTarget(e.target.value)}
                          >
                            {run.targets.map((t) => (
                              <option key={targetKey(t)} value={targetKey(t)}>
                                {targetKey(t)}
                              </option>
                            ))}
                          </select>
                        </Field>
                      )}
                      {run && <RunScores run={run} />}
                    </div>
                  );
                })}
              </div>
              {runA && runA === runB && (
                <p className="banner banner-info">
                  Run A and run B are the same run: pick two models of it, or expect a tie (a useful check of
                  the judge&apos;s position bias).
                </p>
              )}
            </section>
          )}

          <section className="card" aria-labelledby="judge-judges-title">
            <h2 id="judge-judges-title">Judge</h2>
            <JudgePicker
              judges={judges}
              setJudges={setJudges}
              jury={jury}
              setJury={setJury}
              error={judgeError}
            />
            {selfJudging.length > 0 && (
              <p className="banner banner-warn" role="status" data-testid="judge-self-warning">
                Self-judging: {selfJudging.join(', ')} is also an evaluated model — expect it to favour its
                own answers. Prefer a different judge.
              </p>
            )}
            {sharesProvider.length > 0 && selfJudging.length === 0 && (
              <p className="banner banner-info small">
                The judge uses the same provider as an evaluated model; when they share an endpoint, cases are
                judged one at a time.
              </p>
            )}
            <div className="judge-inline-fields">
              <Field
                id={ids.conc}
                label="Concurrency"
                hint="Cases judged at once (1–32)"
                error={apiError?.fieldError('concurrency')}
              >
                <input
                  id={ids.conc}
                  type="number"
                  min={1}
                  max={32}
                  value={concurrency}
                  onChange={(e) => setConcurrency(Math.max(1, Math.min(32, Number(e.target.value) || 1)))}
                />
              </Field>
            </div>
            <Field
              id={ids.instr}
              label="Custom instructions (optional)"
              hint="Added to the judge's prompt, e.g. “Dates must be ISO 8601; partial addresses are wrong.”"
              error={apiError?.fieldError('custom_instructions')}
            >
              <textarea
                id={ids.instr}
                maxLength={4000}
                value={instructions}
                onChange={(e) => setInstructions(e.target.value)}
              />
            </Field>
          </section>

          <ErrorBanner error={error} title="Could not start the judge" />
          <div className="row">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {busy ? 'Starting…' : mode === 'grade' ? 'Start grading' : 'Start comparison'}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
