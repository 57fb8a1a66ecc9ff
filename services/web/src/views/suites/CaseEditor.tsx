import type { TestCaseInput, TestCaseView, Tool } from '@llmbench/contracts';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/client';
import { JsonTextArea } from '../../components/JsonEditor';
import { Field } from '../../components/ui';
import {
  apiErrorsToForm,
  caseToForm,
  emptyCaseForm,
  formToCase,
  offeredToolObjects,
  PARAM_SCORING_MODES,
  parseJson,
  paramWarnings,
  SCORING_LABELS,
  type CaseForm,
  type ExpectedKind,
  type FormErrors,
  type Issue,
  type ScoringMode,
  toolSignature,
} from './logic';

/** A group of checkboxes over tool names (acceptable tools, prerequisites). */
function ToolChecks({
  legend,
  names,
  value,
  onChange,
  error,
  hint,
}: {
  legend: string;
  names: string[];
  value: string[];
  onChange: (v: string[]) => void;
  error?: string;
  hint?: string;
}) {
  const id = useId();
  const lower = new Set(value.map((v) => v.toLowerCase()));
  const unknown = value.filter((v) => !names.some((n) => n.toLowerCase() === v.toLowerCase()));
  return (
    <fieldset className={error ? 'field-invalid' : undefined} aria-describedby={`${id}-msg`}>
      <legend>{legend}</legend>
      {names.length === 0 && <p className="muted small">No tools are offered to this case yet.</p>}
      <div className="check-grid">
        {[...names, ...unknown].map((n) => (
          <label key={n} className="check">
            <input
              type="checkbox"
              checked={lower.has(n.toLowerCase())}
              onChange={(e) =>
                onChange(
                  e.target.checked ? [...value, n] : value.filter((v) => v.toLowerCase() !== n.toLowerCase()),
                )
              }
            />
            <span className="mono">{n}</span>
          </label>
        ))}
      </div>
      <small id={`${id}-msg`} className={error ? 'error-text' : 'muted'} role={error ? 'alert' : undefined}>
        {error ?? hint}
      </small>
    </fieldset>
  );
}

/**
 * Add or edit one test case. Checks every field as it is typed (same rules as the API) and shows the
 * API's own field errors next to the fields after a refused save.
 */
export function CaseEditor({
  initial,
  template,
  position,
  suiteTools,
  categories,
  onSave,
  onCancel,
  onDirty,
}: {
  initial?: TestCaseView;
  /** A case to copy into a new one (Duplicate). */
  template?: TestCaseView;
  position?: number;
  suiteTools: Tool[];
  categories: string[];
  onSave: (body: TestCaseInput) => Promise<void>;
  onCancel: () => void;
  /** Called on the first change, so the page can protect unsaved edits. */
  onDirty?: () => void;
}) {
  const [form, setForm] = useState<CaseForm>(() => {
    const from = initial ?? template;
    return from ? caseToForm(from) : emptyCaseForm();
  });
  const [touched, setTouched] = useState<Set<keyof CaseForm>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [apiFields, setApiFields] = useState<FormErrors>({});
  const [apiRest, setApiRest] = useState<{ message: string; details: Issue[] }>();
  const [busy, setBusy] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const kindName = useId();
  const catList = useId();

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const offeredObjects = offeredToolObjects(form, suiteTools);
  const offered = offeredObjects.map((t) => t.function.name);
  const targetName =
    form.expectedKind === 'one'
      ? form.expectedOne
      : form.expectedKind === 'any' && form.expectedAny.length === 1
        ? form.expectedAny[0]
        : undefined;
  const targetTool = offeredObjects.find((t) => t.function.name.toLowerCase() === targetName?.toLowerCase());
  const signature = toolSignature(targetTool);
  const warnings = form.paramsScored
    ? paramWarnings(parseJson(form.paramsText).value, targetTool, form.paramScoring)
    : [];
  const { body, errors } = formToCase(form, suiteTools);
  const show = (k: keyof CaseForm): string | undefined =>
    apiFields[k] ?? (submitted || touched.has(k) ? errors[k] : undefined);

  function set<K extends keyof CaseForm>(key: K, value: CaseForm[K]) {
    onDirty?.();
    setForm((f) => ({ ...f, [key]: value }));
    setTouched((t) => new Set(t).add(key));
    setApiFields((a) => ({ ...a, [key]: undefined }));
  }

  function setKind(kind: ExpectedKind) {
    onDirty?.();
    setForm((f) => ({
      ...f,
      expectedKind: kind,
      expectedAny:
        kind === 'any' && f.expectedAny.length === 0 && f.expectedOne ? [f.expectedOne] : f.expectedAny,
      expectedOne: kind === 'one' && !f.expectedOne && f.expectedAny[0] ? f.expectedAny[0] : f.expectedOne,
      paramsScored: kind === 'none' ? false : f.paramsScored,
    }));
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    if (!body) return;
    setBusy(true);
    setApiRest(undefined);
    try {
      await onSave(body);
    } catch (err) {
      const apiErr = err instanceof ApiError ? err : new ApiError(0, 'client_error', String(err));
      const { fields, rest } = apiErrorsToForm(apiErr.details);
      setApiFields(fields);
      setApiRest({ message: apiErr.message, details: rest });
    } finally {
      setBusy(false);
    }
  }

  const errorCount = Object.values(errors).filter(Boolean).length;
  const title = initial
    ? `Edit case ${position ?? ''}`.trim()
    : template
      ? `New test case (copy of case ${position ?? ''})`
      : 'New test case';

  return (
    <form
      className="card case-editor"
      onSubmit={submit}
      noValidate
      aria-label={title}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <div className="row spread">
        <h2 ref={headingRef} tabIndex={-1} className="case-editor-title">
          {title}
        </h2>
        <span className="muted small">Esc cancels</span>
      </div>
      {form.bfcl && (
        <p className="banner banner-info small">
          Imported from BFCL (<code>{form.bfcl.id}</code>, {form.bfcl.category}). Its BFCL ground truth is
          kept and used when the scoring mode is “BFCL checker”.
        </p>
      )}
      {form.bfcl?.ground_truth && (
        <details className="bfcl-truth">
          <summary>BFCL ground truth (every accepted value)</summary>
          <pre>{form.bfcl.ground_truth}</pre>
        </details>
      )}
      {apiRest && (
        <div className="banner banner-error" role="alert">
          <strong>The case was not saved:</strong> {apiRest.message}
          {apiRest.details.length > 0 && (
            <ul>
              {apiRest.details.map((d) => (
                <li key={`${d.path}:${d.message}`}>
                  <code>{d.path}</code> — {d.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <Field
        label="Prompt"
        id="case-prompt"
        error={show('prompt')}
        hint="The user message the model answers."
      >
        <textarea
          id="case-prompt"
          rows={3}
          value={form.prompt}
          aria-invalid={!!show('prompt')}
          onChange={(e) => set('prompt', e.target.value)}
        />
      </Field>

      <div className="grid two">
        <fieldset>
          <legend>Expected tool call</legend>
          <div className="row">
            {(
              [
                ['one', 'One tool'],
                ['any', 'Any of several'],
                ['none', 'Must not call a tool'],
              ] as const
            ).map(([k, label]) => (
              <label key={k} className="check">
                <input
                  type="radio"
                  name={kindName}
                  value={k}
                  checked={form.expectedKind === k}
                  onChange={() => setKind(k)}
                />
                {label}
              </label>
            ))}
          </div>
          {form.expectedKind === 'one' && (
            <Field label="Expected tool" id="case-expected-tool" error={show('expectedOne')}>
              <select
                id="case-expected-tool"
                value={form.expectedOne}
                aria-invalid={!!show('expectedOne')}
                onChange={(e) => set('expectedOne', e.target.value)}
              >
                <option value="">Choose a tool…</option>
                {offered.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
                {form.expectedOne && !offered.includes(form.expectedOne) && (
                  <option value={form.expectedOne}>{form.expectedOne} (not offered)</option>
                )}
              </select>
            </Field>
          )}
          {form.expectedKind === 'any' && (
            <ToolChecks
              legend="Acceptable tools"
              names={offered}
              value={form.expectedAny}
              onChange={(v) => set('expectedAny', v)}
              error={show('expectedAny')}
              hint="Calling any ticked tool counts as the right tool."
            />
          )}
          {form.expectedKind === 'none' && (
            <p className="muted small">
              The case passes when the model answers without calling a tool (irrelevance).
            </p>
          )}
        </fieldset>

        <fieldset>
          <legend>Expected parameters</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={form.paramsScored}
              disabled={form.expectedKind === 'none'}
              onChange={(e) => set('paramsScored', e.target.checked)}
            />
            Score the parameters
          </label>
          {form.paramsScored ? (
            <>
              <JsonTextArea
                label="Expected parameters (JSON object)"
                value={form.paramsText}
                onChange={(v) => set('paramsText', v)}
                error={show('paramsText')}
                hint={
                  targetTool ? (
                    <>
                      Only the keys listed are compared. {targetTool.function.name} takes:{' '}
                      {signature.length === 0
                        ? 'no parameters'
                        : signature.map((p, i) => (
                            <span key={p.name}>
                              {i > 0 && ', '}
                              <code className={p.required ? 'param-req' : undefined}>
                                {p.name}
                                {p.required ? '*' : ''}
                              </code>{' '}
                              ({p.type})
                            </span>
                          ))}
                    </>
                  ) : (
                    'Only the keys listed are compared, e.g. {"city": "Paris"}.'
                  )
                }
                rows={5}
                testId="case-params"
              />
              {warnings.length > 0 && !show('paramsText') && (
                <div className="banner banner-warn small param-warnings" data-testid="param-warnings">
                  <strong>Check these:</strong>
                  <ul>
                    {warnings.map((w) => (
                      <li key={w}>{w}</li>
                    ))}
                  </ul>
                </div>
              )}
            </>
          ) : (
            <p className="muted small">Not scored: only the tool choice counts.</p>
          )}
        </fieldset>
      </div>

      <div className="grid two">
        <fieldset>
          <legend>Scoring</legend>
          <Field label="Parameter scoring mode" id="case-scoring">
            <select
              id="case-scoring"
              value={form.paramScoring}
              onChange={(e) => set('paramScoring', e.target.value as ScoringMode)}
            >
              {PARAM_SCORING_MODES.map((m) => (
                <option key={m} value={m}>
                  {SCORING_LABELS[m]}
                </option>
              ))}
            </select>
          </Field>
          <Field
            label="Epsilon (numeric tolerance)"
            id="case-epsilon"
            error={show('epsilonText')}
            hint="Allowed difference for numeric tolerance; empty = 0.01."
          >
            <input
              id="case-epsilon"
              type="text"
              inputMode="decimal"
              value={form.epsilonText}
              aria-invalid={!!show('epsilonText')}
              onChange={(e) => set('epsilonText', e.target.value)}
            />
          </Field>
          <JsonTextArea
            label="Per-parameter modes (optional JSON)"
            value={form.perKeyText}
            onChange={(v) => set('perKeyText', v)}
            error={show('perKeyText')}
            hint='e.g. {"city": {"mode": "case_insensitive"}, "temp": {"mode": "numeric_tolerance", "epsilon": 0.5}}'
            rows={3}
          />
        </fieldset>
        <fieldset>
          <legend>Grouping and tools</legend>
          <Field
            label="Category"
            id="case-category"
            error={show('category')}
            hint="Groups results by kind of task."
          >
            <input
              id="case-category"
              type="text"
              list={catList}
              value={form.category}
              maxLength={64}
              onChange={(e) => set('category', e.target.value)}
            />
            <datalist id={catList}>
              {categories.map((c) => (
                <option key={c} value={c} />
              ))}
            </datalist>
          </Field>
          <label className="check">
            <input
              type="checkbox"
              checked={form.toolsOverride}
              onChange={(e) => set('toolsOverride', e.target.checked)}
            />
            Offer this case its own tools instead of the suite’s
          </label>
          {form.toolsOverride && (
            <JsonTextArea
              label="Tools for this case (JSON)"
              value={form.toolsText}
              onChange={(v) => set('toolsText', v)}
              error={show('toolsText')}
              hint="Same shape as the suite’s tools."
              rows={8}
            />
          )}
        </fieldset>
      </div>

      <fieldset>
        <legend>Multi-turn</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={form.multiTurn}
            onChange={(e) => set('multiTurn', e.target.checked)}
          />
          Multi-turn case: the model may call tools over several rounds before the expected call
        </label>
        {form.multiTurn && (
          <div className="stack">
            <div className="row">
              <Field
                label="Max rounds"
                id="case-max-rounds"
                error={show('maxRoundsText')}
                hint="1–20 model turns allowed."
              >
                <input
                  id="case-max-rounds"
                  type="number"
                  min={1}
                  max={20}
                  value={form.maxRoundsText}
                  aria-invalid={!!show('maxRoundsText')}
                  onChange={(e) => set('maxRoundsText', e.target.value)}
                />
              </Field>
              <Field
                label="Optimal hops"
                id="case-optimal-hops"
                error={show('optimalHopsText')}
                hint="Calls on the shortest path."
              >
                <input
                  id="case-optimal-hops"
                  type="number"
                  min={1}
                  max={20}
                  value={form.optimalHopsText}
                  aria-invalid={!!show('optimalHopsText')}
                  onChange={(e) => set('optimalHopsText', e.target.value)}
                />
              </Field>
            </div>
            <ToolChecks
              legend="Valid prerequisite tools"
              names={offered}
              value={form.prerequisites}
              onChange={(v) => set('prerequisites', v)}
              error={show('prerequisites')}
              hint="Calls to these before the expected tool are not penalised."
            />
            <JsonTextArea
              label="Mock responses (JSON: tool name → result)"
              value={form.mockText}
              onChange={(v) => set('mockText', v)}
              error={show('mockText')}
              hint='What each tool returns to the model, e.g. {"get_weather": {"temperature": 18}}.'
              rows={5}
              testId="case-mock"
            />
            <JsonTextArea
              label="Argument sources (optional JSON: parameter → tool.field)"
              value={form.argumentSourceText}
              onChange={(v) => set('argumentSourceText', v)}
              error={show('argumentSourceText')}
              hint='Where a parameter’s value must come from, e.g. {"temperature": "get_weather.temperature"}.'
              rows={3}
            />
          </div>
        )}
      </fieldset>

      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Saving…' : initial ? 'Save case' : 'Add case'}
        </button>
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          Cancel
        </button>
        {submitted && errorCount > 0 && (
          <span className="error-text small" role="status">
            {errorCount} field{errorCount === 1 ? '' : 's'} to fix before saving.
          </span>
        )}
      </div>
    </form>
  );
}
