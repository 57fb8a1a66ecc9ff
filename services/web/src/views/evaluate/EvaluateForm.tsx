import { useId, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client';
import { Link, navigate, type Route } from '../../app/router';
import { CasePicker, useSuiteCases } from '../../components/CasePicker';
import { JsonEditor } from '../../components/JsonEditor';
import { SuitePicker, TargetPicker } from '../../components/pickers';
import { ErrorBanner, Field, InputField, PageHeader, ToolChoiceField } from '../../components/ui';
import { useApi } from '../../components/use-api';
import { EvalTabs } from './EvalTabs';
import {
  buildRequest,
  initialForm,
  plannedCalls,
  serverFieldErrors,
  type FieldErrors,
  type FormState,
} from './form-model';
import './evaluate.css';

type SavedPrompt = { id: string; name: string; version: number; prompt: string; notes?: string };

function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <small id={id} className="error-text" role="alert">
      {error}
    </small>
  );
}

/** Pick a subset of the suite's cases (all by default: `null`). */
function SuiteCases({
  suiteId,
  value,
  onChange,
  error,
}: {
  suiteId: string;
  value: string[] | null;
  onChange: (ids: string[] | null) => void;
  error?: string;
}) {
  const id = useId();
  const cases = useSuiteCases(suiteId);
  if (cases.error) return <ErrorBanner error={cases.error} title="Could not load the suite's cases" />;
  const items = cases.data?.items ?? [];
  return (
    <details className="card" open={value !== null}>
      <summary>
        Cases: {value === null ? `all ${items.length}` : `${value.length} of ${items.length}`}
      </summary>
      <CasePicker
        cases={items}
        chosen={value ?? items.map((c) => c.id)}
        onChange={(ids) => onChange(ids.length === items.length ? null : ids)}
        legend="Cases to run"
        describedBy={error ? `${id}-err` : undefined}
      />
      <FieldError id={`${id}-err`} error={error} />
    </details>
  );
}

/** `/evaluate`: the new-run form. `?suite_id=` and `?system_prompt_id=` preselect. */
export function EvaluateForm({ route }: { route: Route }) {
  // A link to other preselections while the form is open starts a fresh form.
  const key = route.query.toString();
  return <RunForm key={key} route={route} />;
}

function RunForm({ route }: { route: Route }) {
  const id = useId();
  const [form, setForm] = useState<FormState>(() => initialForm(route.query));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [apiError, setApiError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const prompts = useApi<{ items: SavedPrompt[] }>('/api/prompt-library');
  const suites = useApi<{ items: { id: string; case_count: number }[] }>('/api/tool-suites?limit=200');
  const caseCount = suites.data?.items.find((s) => s.id === form.suite_id)?.case_count ?? null;
  const calls = plannedCalls(caseCount, form);
  const patch = (p: Partial<FormState>) => setForm((f) => ({ ...f, ...p }));
  const savedPrompt = prompts.data?.items.find((p) => p.id === form.saved_prompt_id);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setApiError(undefined);
    const built = buildRequest(form, (pid) => prompts.data?.items.find((p) => p.id === pid)?.prompt);
    if ('errors' in built) {
      setErrors(built.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const accepted = await api.post<{ job_id: string; run_id: string }>('/api/tool-eval', built.body);
      navigate(`/evaluate/jobs/${accepted.job_id}`);
    } catch (err) {
      setApiError(err);
      if (err instanceof ApiError) setErrors(serverFieldErrors(err.details));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="ev-page">
      <PageHeader
        title="Evaluate"
        subtitle="Run a suite against one or more models and compare how reliably they call tools."
      />
      <EvalTabs current="new" />
      <form className="stack ev-form" onSubmit={submit} noValidate aria-label="New evaluation">
        <ErrorBanner error={apiError} title="Could not start the evaluation" />
        <section className="card stack">
          <h2>What to run</h2>
          <div>
            <SuitePicker value={form.suite_id} onChange={(suite_id) => patch({ suite_id, case_ids: null })} />
            <FieldError id={`${id}-suite`} error={errors.suite_id} />
          </div>
          <div>
            <TargetPicker value={form.targets} onChange={(targets) => patch({ targets })} />
            <FieldError id={`${id}-targets`} error={errors.targets} />
          </div>
          {form.suite_id && (
            <SuiteCases
              key={form.suite_id}
              suiteId={form.suite_id}
              value={form.case_ids}
              onChange={(case_ids) => patch({ case_ids })}
              error={errors.case_ids}
            />
          )}
        </section>

        <section className="card stack">
          <h2>System prompt</h2>
          <fieldset>
            <legend className="sr-only">Which system prompt</legend>
            <div className="row">
              {(
                [
                  ['suite', 'The suite’s prompt'],
                  ['custom', 'Write one'],
                  ['saved', 'From the prompt library'],
                ] as const
              ).map(([mode, text]) => (
                <label key={mode} className="check">
                  <input
                    type="radio"
                    name={`${id}-prompt-mode`}
                    checked={form.prompt_mode === mode}
                    onChange={() => patch({ prompt_mode: mode })}
                  />
                  {text}
                </label>
              ))}
            </div>
          </fieldset>
          {form.prompt_mode === 'custom' && (
            <Field
              id={`${id}-sp`}
              label="System prompt"
              hint="Sent to every model instead of the suite's prompt."
              error={errors.system_prompt}
            >
              <textarea
                id={`${id}-sp`}
                rows={6}
                value={form.system_prompt}
                onChange={(e) => patch({ system_prompt: e.target.value })}
              />
            </Field>
          )}
          {form.prompt_mode === 'saved' && (
            <>
              <ErrorBanner error={prompts.error} title="Could not load the prompt library" />
              {prompts.data && prompts.data.items.length === 0 ? (
                <p className="banner banner-info">
                  The prompt library is empty. Save a prompt from the{' '}
                  <Link to="/prompt-tuner">Prompt Tuner</Link>, or write one here.
                </p>
              ) : (
                <Field id={`${id}-saved`} label="Saved prompt" error={errors.system_prompt}>
                  <select
                    id={`${id}-saved`}
                    value={form.saved_prompt_id}
                    onChange={(e) => patch({ saved_prompt_id: e.target.value })}
                  >
                    <option value="">Choose a saved prompt…</option>
                    {prompts.data?.items.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name} v{p.version}
                      </option>
                    ))}
                  </select>
                </Field>
              )}
              {savedPrompt && (
                <pre className="ev-prompt" aria-label="Saved prompt text">
                  {savedPrompt.prompt}
                </pre>
              )}
            </>
          )}
        </section>

        <section className="card stack">
          <h2>Sampling and execution</h2>
          <div className="ev-grid">
            <InputField
              type="number"
              label="Temperature"
              hint="Empty: the model's default (else 0)."
              error={errors.temperature}
              min={0}
              max={2}
              step={0.1}
              value={form.temperature}
              onChange={(v) => patch({ temperature: v })}
            />
            <ToolChoiceField
              error={errors.tool_choice}
              value={form.tool_choice}
              onChange={(tool_choice) => patch({ tool_choice })}
            />
            <InputField
              type="number"
              label="Repeats"
              hint="Above 1 adds a 95 % CI and pass^k."
              error={errors.repeats}
              min={1}
              max={20}
              value={form.repeats}
              onChange={(v) => patch({ repeats: v })}
            />
            <InputField
              type="number"
              label="Concurrency"
              hint="Parallel cases per model (default 4)."
              error={errors.concurrency}
              min={1}
              max={64}
              value={form.concurrency}
              onChange={(v) => patch({ concurrency: v })}
            />
          </div>
          <JsonEditor
            label="Extra parameters (JSON)"
            value={form.params}
            rows={4}
            hint='top_p, seed, max_tokens… e.g. {"top_p": 0.9, "seed": 7}. Each provider clamps or renames them.'
            validate={(v) =>
              v && typeof v === 'object' && !Array.isArray(v) ? undefined : 'Must be a JSON object'
            }
            onChange={(v) => patch({ params: v as Record<string, unknown> })}
          />
          <FieldError id={`${id}-params`} error={errors.params} />
        </section>

        <section className="card stack">
          <h2>LLM judge (optional)</h2>
          <label className="check">
            <input
              type="checkbox"
              checked={form.judge_enabled}
              onChange={(e) => patch({ judge_enabled: e.target.checked })}
            />
            Have a judge model review the answers
          </label>
          {form.judge_enabled && (
            <>
              <fieldset>
                <legend>When</legend>
                <label className="check">
                  <input
                    type="radio"
                    name={`${id}-judge-mode`}
                    checked={form.judge_mode === 'live_inline'}
                    onChange={() => patch({ judge_mode: 'live_inline' })}
                  />
                  Live — verdicts appear next to each case as it finishes
                </label>
                <label className="check">
                  <input
                    type="radio"
                    name={`${id}-judge-mode`}
                    checked={form.judge_mode === 'post_eval'}
                    onChange={() => patch({ judge_mode: 'post_eval' })}
                  />
                  After the eval — one report job when it ends
                </label>
              </fieldset>
              <div>
                <TargetPicker
                  single
                  legend="Judge model"
                  value={form.judge_target}
                  onChange={(judge_target) => patch({ judge_target })}
                />
                <FieldError id={`${id}-judge`} error={errors['judge.judge_target'] ?? errors.judge} />
              </div>
              <InputField
                type="number"
                label="Only judge cases scoring below"
                hint="0–1; empty judges every case."
                error={errors['judge.auto_on_failure_threshold']}
                min={0}
                max={1}
                step={0.05}
                value={form.judge_threshold}
                onChange={(v) => patch({ judge_threshold: v })}
              />
            </>
          )}
        </section>

        <div className="row spread">
          <span className="muted" aria-live="polite">
            {calls !== null && form.targets.length > 0
              ? `${calls} model call${calls === 1 ? '' : 's'} (${form.case_ids?.length ?? caseCount} cases × ${form.targets.length} model${form.targets.length === 1 ? '' : 's'} × ${Number(form.repeats) || 1} repeat${Number(form.repeats) === 1 ? '' : 's'})`
              : 'Choose a suite and at least one model.'}
          </span>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Starting…' : 'Run evaluation'}
          </button>
        </div>
      </form>
    </div>
  );
}
