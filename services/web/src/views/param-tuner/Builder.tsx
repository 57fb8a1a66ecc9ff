import type { ProviderView } from '@llmbench/contracts';
import { useEffect, useId, useMemo, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { navigate } from '../../app/router';
import { CasePicker, useSuiteCases } from '../../components/CasePicker';
import { JsonEditor } from '../../components/JsonEditor';
import { SuitePicker, TargetPicker } from '../../components/pickers';
import {
  ConfirmButton,
  ErrorBanner,
  Field,
  InputField,
  PageHeader,
  ToolChoiceField,
} from '../../components/ui';
import { useApi } from '../../components/use-api';
import { targetKey } from '../../lib/format';
import { loadDraft, requestBody, saveDraft, type Draft } from './draft';
import { PreviewPanel, usePreview } from './PreviewPanel';
import { boundsHint, paramOptions, rangeDefaults, type Registry } from './registry';
import { buildSpace, dimSize, emptyDim, spaceToDims, type DimDraft, type DimError } from './space';
import { TunerTabs } from './TunerTabs';
import './param-tuner.css';

type Preset = {
  id: string;
  name: string;
  description: string;
  builtin: boolean;
  search_space: Record<string, unknown>;
  per_model_search_spaces: Record<string, Record<string, unknown>> | null;
};

type Accepted = { job_id: string; run_id: string };

/** `/param-tuner`: build a search space, preview what it costs and how models take it, start. */
export function Builder() {
  const [draft, setDraftState] = useState<Draft>(loadDraft);
  const setDraft = (patch: Partial<Draft>) => setDraftState((d) => ({ ...d, ...patch }));
  useEffect(() => saveDraft(draft), [draft]);

  const providers = useApi<{ items: ProviderView[] }>('/api/providers');
  const registry = useApi<Registry>('/api/provider-params/registry');
  const targetsWithProvider = useMemo(
    () =>
      draft.targets.map((t) => ({
        ...t,
        provider: providers.data?.items.find((p) => p.provider_key === t.provider_key)?.provider ?? 'unknown',
      })),
    [draft.targets, providers.data],
  );

  const { space, errors: dimErrors } = useMemo(() => buildSpace(draft.dims), [draft.dims]);
  const body = useMemo(() => requestBody(draft, space), [draft, space]);
  const ready =
    !!draft.suiteId && draft.targets.length > 0 && dimErrors.length === 0 && draft.dims.length > 0;
  const preview = usePreview(ready ? body : undefined);

  const [submitting, setSubmitting] = useState(false);
  const [startError, setStartError] = useState<unknown>();
  const needsConfirm =
    startError instanceof ApiError &&
    startError.status === 409 &&
    startError.details.some((d) => d.path === 'body.confirm');

  const start = async (confirm: boolean) => {
    setSubmitting(true);
    setStartError(undefined);
    try {
      const res = await api.post<Accepted>(
        '/api/tool-eval/param-tune',
        confirm ? { ...body, confirm: true } : body,
      );
      navigate(`/param-tuner/jobs/${res.job_id}`);
    } catch (e) {
      setStartError(e);
    } finally {
      setSubmitting(false);
    }
  };

  const serverDimError = (name: string) => {
    const e = preview.error ?? startError;
    if (!(e instanceof ApiError)) return undefined;
    return e.details.find(
      (d) => d.path === `body.search_space.${name}` || d.path.startsWith(`body.search_space.${name}.`),
    )?.message;
  };

  return (
    <>
      <PageHeader
        title="Parameter tuner"
        subtitle="Sweep sampling parameters over a suite and find each model’s most reliable tool-calling settings."
      />
      <TunerTabs current="builder" />
      <form
        className="ptuner-builder"
        onSubmit={(e) => {
          e.preventDefault();
          if (ready && !submitting) void start(false);
        }}
        aria-label="Search space"
      >
        <div className="stack">
          <section className="card" aria-labelledby="pt-what">
            <h2 id="pt-what">Suite and models</h2>
            <SuitePicker value={draft.suiteId} onChange={(suiteId) => setDraft({ suiteId, caseIds: [] })} />
            {draft.suiteId && (
              <SuiteCases
                suiteId={draft.suiteId}
                value={draft.caseIds}
                onChange={(caseIds) => setDraft({ caseIds })}
              />
            )}
            <TargetPicker value={draft.targets} onChange={(targets) => setDraft({ targets })} />
          </section>

          <section className="card" aria-labelledby="pt-space">
            <div className="row spread">
              <h2 id="pt-space">Search space</h2>
              <span className="muted small" data-testid="pt-grid-size">
                {gridSizeText(draft.dims)}
              </span>
            </div>
            <Presets
              onApply={(p) =>
                setDraft({
                  dims: spaceToDims(p.search_space),
                  perModel: p.per_model_search_spaces ?? {},
                })
              }
              current={{ space, perModel: draft.perModel }}
              canSave={dimErrors.length === 0 && draft.dims.length > 0}
            />
            {draft.dims.length === 0 && (
              <p className="banner banner-info">Add at least one parameter to search over.</p>
            )}
            {draft.dims.map((d) => (
              <DimensionEditor
                key={d.id}
                dim={d}
                options={paramOptions(registry.data, [
                  ...new Set(targetsWithProvider.map((t) => t.provider)),
                ])}
                hint={boundsHint(registry.data, d.name, targetsWithProvider)}
                errors={dimErrors.filter((e) => e.dimId === d.id)}
                serverError={serverDimError(d.name)}
                onChange={(next) => setDraft({ dims: draft.dims.map((x) => (x.id === d.id ? next : x)) })}
                onRemove={() => setDraft({ dims: draft.dims.filter((x) => x.id !== d.id) })}
                defaults={(name) => rangeDefaults(registry.data, name, targetsWithProvider)}
              />
            ))}
            <AddDimension
              options={paramOptions(registry.data, [
                ...new Set(targetsWithProvider.map((t) => t.provider)),
              ]).filter((o) => !draft.dims.some((d) => d.name === o.name))}
              onAdd={(name) => {
                const defaults = rangeDefaults(registry.data, name, targetsWithProvider);
                const dim = emptyDim(name, defaults);
                setDraft({
                  dims: [
                    ...draft.dims,
                    defaults.min !== undefined && defaults.max !== undefined && defaults.step !== undefined
                      ? { ...dim, mode: 'range' }
                      : dim,
                  ],
                });
              }}
            />
            <ErrorBanner error={registry.error} title="Could not load the parameter registry" />
            <PerModelSpaces draft={draft} space={space} onChange={(perModel) => setDraft({ perModel })} />
          </section>

          <section className="card" aria-labelledby="pt-strategy">
            <h2 id="pt-strategy">Strategy and budget</h2>
            <StrategyFields
              draft={draft}
              setDraft={setDraft}
              errorOf={(p) => fieldError(preview.error ?? startError, p)}
            />
          </section>
        </div>

        <aside className="stack ptuner-preview" aria-label="Preview and start">
          <PreviewPanel
            state={preview}
            ready={ready}
            missing={
              !draft.suiteId
                ? 'Choose a suite.'
                : draft.targets.length === 0
                  ? 'Choose at least one model.'
                  : draft.dims.length === 0
                    ? 'Add a parameter to the search space.'
                    : dimErrors.length > 0
                      ? 'Fix the highlighted dimensions.'
                      : undefined
            }
            params={Object.keys(space)}
            targetName={(k) => {
              for (const p of providers.data?.items ?? [])
                for (const m of p.models)
                  if (targetKey({ provider_key: p.provider_key, model_id: m.model_id }) === k)
                    return m.display_name || m.model_id;
              return k;
            }}
          />
          <div className="card">
            {needsConfirm ? (
              <div className="banner banner-warn" role="alert">
                <p>{(startError as ApiError).message}</p>
                <div className="row">
                  <button
                    type="button"
                    className="btn btn-primary"
                    disabled={submitting}
                    onClick={() => void start(true)}
                  >
                    Start anyway
                  </button>
                  <button type="button" className="btn" onClick={() => setStartError(undefined)}>
                    Cancel
                  </button>
                </div>
              </div>
            ) : (
              <ErrorBanner error={startError} title="Could not start the tune" />
            )}
            <button type="submit" className="btn btn-primary" disabled={!ready || submitting}>
              {submitting ? 'Starting…' : 'Start tune'}
            </button>
            {!ready && (
              <p className="muted small">
                Choose a suite, at least one model and a valid search space to start.
              </p>
            )}
          </div>
        </aside>
      </form>
    </>
  );
}

function fieldError(error: unknown, path: string): string | undefined {
  return error instanceof ApiError ? error.fieldError(path) : undefined;
}

function gridSizeText(dims: readonly DimDraft[]): string {
  const sizes = dims.map(dimSize);
  if (dims.length === 0) return '';
  if (sizes.some((s) => s === null)) return 'grid size: fix the dimensions';
  const total = sizes.reduce<number>((a, b) => a * (b ?? 1), 1);
  const product = sizes.length > 1 ? `${sizes.join(' × ')} = ` : '';
  return `${product}${total} requested combination${total === 1 ? '' : 's'} per model`;
}

/** All cases by default (`[]`), or a subset (fast sweeps on a few cases). */
function SuiteCases({
  suiteId,
  value,
  onChange,
}: {
  suiteId: string;
  value: string[];
  onChange: (ids: string[]) => void;
}) {
  const cases = useSuiteCases(suiteId);
  const [open, setOpen] = useState(value.length > 0);
  const items = cases.data?.items ?? [];
  return (
    <fieldset className="pt-cases">
      <legend>Cases</legend>
      <ErrorBanner error={cases.error} title="Could not load the suite’s cases" />
      <p className="muted small" data-testid="pt-case-count">
        {value.length === 0 ? `All ${items.length} cases` : `${value.length} of ${items.length} cases`}
        {' · '}
        <button type="button" className="btn-link" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Hide cases' : 'Choose a subset'}
        </button>
      </p>
      {open && items.length > 0 && (
        <CasePicker cases={items} chosen={value} onChange={onChange}>
          <button
            type="button"
            className="btn btn-small"
            onClick={() => onChange(items.slice(0, 3).map((c) => c.id))}
          >
            First 3
          </button>
        </CasePicker>
      )}
    </fieldset>
  );
}

function DimensionEditor({
  dim,
  options,
  hint,
  errors,
  serverError,
  onChange,
  onRemove,
  defaults,
}: {
  dim: DimDraft;
  options: { name: string; label: string }[];
  hint: string;
  errors: DimError[];
  serverError?: string;
  onChange: (d: DimDraft) => void;
  onRemove: () => void;
  defaults: (name: string) => { min?: number; max?: number; step?: number };
}) {
  const id = useId();
  const err = (f: DimError['field']) => errors.find((e) => e.field === f)?.message;
  const size = dimSize(dim);
  const isChoice = dim.name === 'tool_choice';
  return (
    <fieldset className="ptuner-dim" data-testid="ptuner-dim" data-param={dim.name}>
      <legend className="sr-only">Dimension {dim.name || '(new)'}</legend>
      <div className="ptuner-dim-head">
        <strong>{dim.name || 'New dimension'}</strong>
        <span className="muted small">{size === null ? '' : `${size} value${size === 1 ? '' : 's'}`}</span>
        <button
          type="button"
          className="btn btn-small btn-ghost"
          onClick={onRemove}
          aria-label={`Remove ${dim.name || 'dimension'}`}
        >
          Remove
        </button>
      </div>
      <div className="ptuner-dim-fields">
        <Field label="Parameter" id={`${id}-name`} error={err('name')}>
          <select
            id={`${id}-name`}
            value={dim.name}
            onChange={(e) => {
              const d = defaults(e.target.value);
              onChange({
                ...dim,
                name: e.target.value,
                min: d.min === undefined ? dim.min : String(d.min),
                max: d.max === undefined ? dim.max : String(d.max),
                step: d.step === undefined ? dim.step : String(d.step),
              });
            }}
          >
            {!options.some((o) => o.name === dim.name) && (
              <option value={dim.name}>{dim.name || 'Choose…'}</option>
            )}
            {options.map((o) => (
              <option key={o.name} value={o.name}>
                {o.label}
              </option>
            ))}
          </select>
        </Field>
        {!isChoice && (
          <Field label="Values as" id={`${id}-mode`}>
            <select
              id={`${id}-mode`}
              value={dim.mode}
              onChange={(e) => onChange({ ...dim, mode: e.target.value as DimDraft['mode'] })}
            >
              <option value="list">List</option>
              <option value="range">Range (min, max, step)</option>
            </select>
          </Field>
        )}
        {dim.mode === 'list' || isChoice ? (
          <div className="ptuner-wide">
            <Field
              label={`${dim.name || 'Parameter'} values`}
              id={`${id}-list`}
              error={err('list') ?? serverError}
              hint={isChoice ? 'Comma-separated: required, auto, none' : 'Comma-separated, e.g. 0, 0.5, 1'}
            >
              <input
                id={`${id}-list`}
                type="text"
                value={dim.list}
                aria-invalid={!!(err('list') ?? serverError)}
                onChange={(e) => onChange({ ...dim, list: e.target.value })}
              />
            </Field>
          </div>
        ) : (
          (['min', 'max', 'step'] as const).map((f) => (
            <Field
              key={f}
              label={`${dim.name} ${f}`}
              id={`${id}-${f}`}
              error={err(f) ?? (f === 'step' ? serverError : undefined)}
            >
              <input
                id={`${id}-${f}`}
                type="number"
                step="any"
                value={dim[f]}
                aria-invalid={!!err(f)}
                onChange={(e) => onChange({ ...dim, [f]: e.target.value })}
              />
            </Field>
          ))
        )}
      </div>
      {hint && <p className="muted small">Registry: {hint}</p>}
    </fieldset>
  );
}

function AddDimension({
  options,
  onAdd,
}: {
  options: { name: string; label: string }[];
  onAdd: (name: string) => void;
}) {
  const id = useId();
  const [name, setName] = useState('');
  const chosen = options.some((o) => o.name === name) ? name : (options[0]?.name ?? '');
  return (
    <div className="row">
      <div className="field">
        <label htmlFor={id}>Add a parameter</label>
        <select id={id} value={chosen} onChange={(e) => setName(e.target.value)}>
          {options.map((o) => (
            <option key={o.name} value={o.name}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="btn" disabled={!chosen} onClick={() => chosen && onAdd(chosen)}>
        Add dimension
      </button>
    </div>
  );
}

function Presets({
  onApply,
  current,
  canSave,
}: {
  onApply: (p: Preset) => void;
  current: { space: Record<string, unknown>; perModel: Record<string, Record<string, unknown>> };
  canSave: boolean;
}) {
  const presets = useApi<Preset[]>('/api/tool-eval/param-tune/presets');
  const [selected, setSelected] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState<string>();
  const ids = { pick: useId(), name: useId() };
  const list = presets.data ?? [];
  const preset = list.find((p) => p.id === selected);
  return (
    <details className="pt-presets">
      <summary>Presets: apply a vendor recommendation or one of yours, or save this space</summary>
      <ErrorBanner error={presets.error} title="Could not load presets" />
      <ErrorBanner error={error} title="Preset" />
      <div className="ptuner-inline-fields">
        <div className="field">
          <label htmlFor={ids.pick}>Preset</label>
          <select id={ids.pick} value={selected} onChange={(e) => setSelected(e.target.value)}>
            <option value="">Choose a preset…</option>
            {list.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {p.builtin ? ' (built-in)' : ''}
              </option>
            ))}
          </select>
        </div>
      </div>
      {preset && (
        <p className="muted small">
          {preset.description || 'No description.'}{' '}
          <code className="ptuner-mono-small">{JSON.stringify(preset.search_space)}</code>
        </p>
      )}
      <div className="row">
        <button type="button" className="btn" disabled={!preset} onClick={() => preset && onApply(preset)}>
          Apply preset
        </button>
        {preset && !preset.builtin && (
          <ConfirmButton
            label="Delete preset"
            onConfirm={async () => {
              setError(undefined);
              try {
                await api.del(`/api/tool-eval/param-tune/presets/${preset.id}`);
                setSelected('');
                presets.reload();
              } catch (e) {
                setError(e);
              }
            }}
          />
        )}
      </div>
      <div className="row">
        <div className="field">
          <label htmlFor={ids.name}>Save the current space as</label>
          <input
            id={ids.name}
            type="text"
            value={name}
            placeholder="Preset name"
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <button
          type="button"
          className="btn"
          disabled={!canSave || !name.trim()}
          onClick={async () => {
            setError(undefined);
            setSaved(undefined);
            try {
              const created = await api.post<Preset>('/api/tool-eval/param-tune/presets', {
                name: name.trim(),
                search_space: current.space,
                ...(Object.keys(current.perModel).length
                  ? { per_model_search_spaces: current.perModel }
                  : {}),
              });
              setSaved(created.name);
              setName('');
              presets.reload();
            } catch (e) {
              setError(e);
            }
          }}
        >
          Save preset
        </button>
      </div>
      {saved && (
        <p className="banner banner-info" role="status">
          Saved preset “{saved}”.
        </p>
      )}
    </details>
  );
}

/** An optional own search space per chosen model (JSON), instead of the shared one. */
function PerModelSpaces({
  draft,
  space,
  onChange,
}: {
  draft: Draft;
  space: Record<string, unknown>;
  onChange: (perModel: Draft['perModel']) => void;
}) {
  if (draft.targets.length === 0) return null;
  return (
    <fieldset className="pt-per-model">
      <legend>Per-model spaces (optional)</legend>
      <p className="muted small">
        A model with its own space ignores the shared one above — useful when models accept different ranges.
      </p>
      {draft.targets.map((t) => {
        const key = targetKey(t);
        const own = draft.perModel[key];
        return (
          <div key={key}>
            <label className="check">
              <input
                type="checkbox"
                checked={own !== undefined}
                onChange={(e) => {
                  const next = { ...draft.perModel };
                  if (e.target.checked) next[key] = space;
                  else delete next[key];
                  onChange(next);
                }}
              />
              Own search space for {key}
            </label>
            {own !== undefined && (
              <JsonEditor
                key={key}
                label={`Search space of ${key}`}
                value={own}
                rows={5}
                hint='Each dimension a list ([0, 0.5]) or {"min": 0, "max": 1, "step": 0.1}'
                validate={(v) =>
                  v && typeof v === 'object' && !Array.isArray(v)
                    ? undefined
                    : 'must be an object of dimensions'
                }
                onChange={(v) => onChange({ ...draft.perModel, [key]: v as Record<string, unknown> })}
              />
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

function StrategyFields({
  draft,
  setDraft,
  errorOf,
}: {
  draft: Draft;
  setDraft: (p: Partial<Draft>) => void;
  errorOf: (path: string) => string | undefined;
}) {
  const id = useId();
  const sampled = draft.strategy === 'random' || draft.strategy === 'bayesian';
  const HINT: Record<Draft['strategy'], string> = {
    grid: 'Every combination.',
    random: 'A seeded sample of n combinations.',
    bayesian: 'TPE in sequential batches (by default up to 35 % of the grid’s calls).',
    halving: 'All combinations on a few cases, the best promoted to more.',
  };
  return (
    <div className="ptuner-inline-fields">
      <Field label="Strategy" id={`${id}-s`} hint={HINT[draft.strategy]} error={errorOf('strategy')}>
        <select
          id={`${id}-s`}
          value={draft.strategy}
          onChange={(e) => setDraft({ strategy: e.target.value as Draft['strategy'] })}
        >
          <option value="grid">Grid</option>
          <option value="random">Random</option>
          <option value="bayesian">Bayesian (TPE)</option>
          <option value="halving">Successive halving</option>
        </select>
      </Field>
      {sampled && (
        <InputField
          type="number"
          label="Samples (n)"
          hint="Combinations to evaluate"
          error={errorOf('n_samples')}
          min={1}
          value={draft.nSamples}
          onChange={(v) => setDraft({ nSamples: v })}
        />
      )}
      <InputField
        type="number"
        label="Repeats"
        hint="1–20; ≥ 3 gives CIs at temperature > 0"
        error={errorOf('repeats')}
        min={1}
        max={20}
        value={draft.repeats}
        onChange={(v) => setDraft({ repeats: v })}
      />
      <InputField
        type="number"
        label="Seed"
        hint="Sampling and case order"
        error={errorOf('seed')}
        value={draft.seed}
        onChange={(v) => setDraft({ seed: v })}
      />
      <ToolChoiceField
        label="tool_choice"
        hint="Unless searched as a dimension"
        error={errorOf('tool_choice')}
        value={draft.toolChoice}
        onChange={(toolChoice) => setDraft({ toolChoice })}
      />
      <InputField
        type="number"
        label="Max calls"
        hint="Budget: stops with the best so far"
        error={errorOf('budget.max_calls')}
        min={1}
        value={draft.maxCalls}
        onChange={(v) => setDraft({ maxCalls: v })}
      />
      <InputField
        type="number"
        label="Max cost (USD)"
        error={errorOf('budget.max_cost_usd')}
        min={0}
        step="any"
        value={draft.maxCost}
        onChange={(v) => setDraft({ maxCost: v })}
      />
      <InputField
        type="number"
        label="Max duration (s)"
        error={errorOf('budget.max_duration_s')}
        min={1}
        value={draft.maxDuration}
        onChange={(v) => setDraft({ maxDuration: v })}
      />
    </div>
  );
}
