import type { ProviderView } from '@llmbench/contracts';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client';
import { Link, navigate, type Route } from '../../app/router';
import {
  Badge,
  ConfirmButton,
  EmptyState,
  ErrorBanner,
  Field,
  Loading,
  PageHeader,
} from '../../components/ui';
import { useApi } from '../../components/use-api';
import { when } from '../../lib/format';
import {
  emptyForm,
  emptyModel,
  errorAt,
  firstModelWithError,
  formFromProvider,
  isPlaced,
  parseSkipParams,
  requestBody,
  unplacedDetails,
  type Detail,
  type KeyMode,
  type ModelRow,
  type ProviderForm,
} from './form-model';
import { ParamsEditor } from './ParamsEditor';
import { SUGGESTED_BASE_URLS, providerEntry, type ProviderEntry, type Registry } from './registry';
import './providers.css';

/** Model ids whose parameter panel is open, per provider (kept while the app runs). */
const OPEN_PANELS = new Map<string, Set<string>>();

function ModelEditor({
  row,
  index,
  entry,
  details,
  open,
  onToggle,
  onChange,
  onRemove,
}: {
  row: ModelRow;
  index: number;
  entry: ProviderEntry | undefined;
  details: Detail[] | undefined;
  open: boolean;
  onToggle: () => void;
  onChange: (row: ModelRow) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const err = (f: string) => errorAt(details, `models.${index}.${f}`);
  const paramCount = Object.keys(row.default_params ?? {}).length;
  const label = row.model_id.trim() || `model ${index + 1}`;
  const text = (field: keyof ModelRow, name: string, hint?: string, inputMode?: 'decimal' | 'numeric') => (
    <Field label={name} id={`${id}-${field}`} error={err(field)} hint={hint}>
      <input
        id={`${id}-${field}`}
        type="text"
        inputMode={inputMode}
        value={row[field] as string}
        aria-invalid={err(field) ? true : undefined}
        onChange={(e) => onChange({ ...row, [field]: e.target.value })}
      />
    </Field>
  );
  return (
    <fieldset className="model-row" data-testid={`model-row-${index}`}>
      <legend>
        Model {index + 1}
        {row.model_id.trim() ? `: ${row.model_id.trim()}` : ''}
      </legend>
      <div className="model-fields">
        {text('model_id', 'Model id')}
        {text('display_name', 'Display name')}
        {text('context_window', 'Context window', undefined, 'numeric')}
        {text('input_price_per_mtok', 'Input $/M tok', undefined, 'decimal')}
        {text('output_price_per_mtok', 'Output $/M tok', undefined, 'decimal')}
        {text('skip_params', 'Skip parameters')}
      </div>
      <div className="row">
        <button
          type="button"
          className="btn btn-small"
          aria-expanded={open}
          aria-controls={`${id}-params`}
          onClick={onToggle}
        >
          {open ? 'Hide' : 'Edit'} default parameters of {label}
          {paramCount > 0 && <Badge tone="info">{paramCount} set</Badge>}
        </button>
        {!open && paramCount > 0 && (
          <code className="small params-summary" title="Stored default parameters">
            {Object.entries(row.default_params ?? {})
              .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
              .join(' · ')}
          </code>
        )}
        <span className="spacer" />
        <button type="button" className="btn btn-danger-outline btn-small" onClick={onRemove}>
          Remove {label}
        </button>
      </div>
      {err('default_params') && (
        <p className="error-text small" role="alert">
          {err('default_params')}
        </p>
      )}
      <div id={`${id}-params`} hidden={!open}>
        {open &&
          (entry ? (
            <ParamsEditor
              entry={entry}
              modelId={row.model_id}
              modelIndex={index}
              skipParams={parseSkipParams(row.skip_params)}
              value={row.default_params}
              details={details}
              onChange={(default_params) => onChange({ ...row, default_params })}
            />
          ) : (
            <Loading label="Loading the parameter registry…" />
          ))}
      </div>
    </fieldset>
  );
}

function ApiKeyField({
  mode,
  hasKey,
  form,
  error,
  onChange,
}: {
  mode: 'create' | 'update';
  hasKey: boolean;
  form: ProviderForm;
  error: string | undefined;
  onChange: (patch: Partial<ProviderForm>) => void;
}) {
  const id = useId();
  const input = (
    <Field
      label={hasKey ? 'New API key' : 'API key'}
      id={`${id}-key`}
      error={error}
      hint="Write-only: stored encrypted and never shown again. Local servers may need none."
    >
      <input
        id={`${id}-key`}
        type="password"
        autoComplete="new-password"
        spellCheck={false}
        value={form.api_key}
        aria-invalid={error ? true : undefined}
        onChange={(e) => onChange({ api_key: e.target.value })}
      />
    </Field>
  );
  if (mode === 'create' || !hasKey) return input;
  const choices: { value: KeyMode; label: string }[] = [
    { value: 'keep', label: 'Keep the stored key' },
    { value: 'replace', label: 'Replace it' },
    { value: 'clear', label: 'Remove it' },
  ];
  return (
    <fieldset className="key-fieldset">
      <legend>API key</legend>
      <p className="row">
        <Badge tone="ok">a key is stored</Badge>
        <span className="small muted">It is never shown; you can replace or remove it.</span>
      </p>
      <div className="row" role="radiogroup" aria-label="What to do with the stored key">
        {choices.map((c) => (
          <label key={c.value} className="check">
            <input
              type="radio"
              name={`${id}-mode`}
              value={c.value}
              checked={form.key_mode === c.value}
              onChange={() => onChange({ key_mode: c.value, api_key: '' })}
            />
            {c.label}
          </label>
        ))}
      </div>
      {form.key_mode === 'replace' && input}
      {form.key_mode === 'clear' && (
        <p className="banner banner-warn small">
          Saving removes the stored key: calls will be sent without one.
        </p>
      )}
    </fieldset>
  );
}

function ProviderEditor({ initial, notice }: { initial: ProviderView | undefined; notice?: string }) {
  const mode = initial ? 'update' : 'create';
  const id = useId();
  const registry = useApi<Registry>('/api/provider-params/registry');
  const [pristine] = useState<ProviderForm>(() => (initial ? formFromProvider(initial) : emptyForm()));
  const [form, setForm] = useState<ProviderForm>(pristine);
  // Open parameter panels survive the reload after a save (by model id).
  const [open, setOpen] = useState<Set<string>>(() => {
    const ids = initial ? (OPEN_PANELS.get(initial.id) ?? new Set<string>()) : new Set<string>();
    return new Set(pristine.models.filter((m) => ids.has(m.model_id)).map((m) => m.key));
  });
  const [error, setError] = useState<ApiError>();
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const entries = registry.data ? Object.values(registry.data.providers) : [];
  const entry = providerEntry(registry.data, form.provider);
  const details = error?.details;

  useEffect(() => {
    if (!error) return;
    // Move focus to the first field the API named, so keyboard users land on what to fix.
    const first = formRef.current?.querySelector<HTMLElement>(
      '.field-invalid input, .field-invalid select, .field-invalid textarea, [aria-invalid="true"]',
    );
    first?.focus();
  }, [error]);

  const patch = (p: Partial<ProviderForm>) => setForm((f) => ({ ...f, ...p }));
  const setModel = (i: number, row: ModelRow) =>
    setForm((f) => ({ ...f, models: f.models.map((m, j) => (j === i ? row : m)) }));
  const err = (path: string) => errorAt(details, path);
  const dirty = JSON.stringify(requestBody(form, mode)) !== JSON.stringify(requestBody(pristine, mode));

  useEffect(() => {
    if (!initial) return;
    OPEN_PANELS.set(initial.id, new Set(form.models.filter((m) => open.has(m.key)).map((m) => m.model_id)));
  }, [initial, form.models, open]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    setError(undefined);
    try {
      const body = requestBody(form, mode);
      if (initial) {
        await api.put<ProviderView>(`/api/providers/${initial.id}`, body);
        navigate(`/providers/${initial.id}?saved=${Date.now()}`, { replace: true });
      } else {
        const created = await api.post<ProviderView>('/api/providers', body);
        navigate(`/providers/${created.id}?saved=${Date.now()}`);
      }
    } catch (caught) {
      const apiError = caught instanceof ApiError ? caught : new ApiError(0, 'client_error', String(caught));
      const modelIndex = firstModelWithError(apiError.details);
      const modelKey = modelIndex === undefined ? undefined : form.models[modelIndex]?.key;
      if (modelKey && apiError.details.some((d) => d.path.includes('.default_params')))
        setOpen((s) => new Set(s).add(modelKey));
      setError(apiError);
    } finally {
      setSaving(false);
    }
  }

  const unplaced = error ? unplacedDetails(error.details, (p) => isPlaced(p, form.models.length)) : [];
  const suggested = SUGGESTED_BASE_URLS[form.provider];

  return (
    <>
      <PageHeader
        title={initial ? `Provider: ${initial.name}` : 'Add a provider'}
        subtitle={
          initial ? (
            <>
              <code>{initial.provider_key}</code> · updated {when(initial.updated_at)}
            </>
          ) : (
            'Any OpenAI-compatible endpoint: a hosted API, a router, or a local server.'
          )
        }
        actions={
          <>
            <Link to="/providers" className="btn">
              All providers
            </Link>
            {initial && (
              <ConfirmButton
                label="Delete provider"
                onConfirm={async () => {
                  try {
                    await api.del(`/api/providers/${initial.id}`);
                    navigate(`/providers?deleted=${encodeURIComponent(initial.name)}`);
                  } catch (caught) {
                    setError(caught as ApiError);
                  }
                }}
              />
            )}
          </>
        }
      />
      {notice && (
        <p className="banner banner-info" role="status">
          {notice}
        </p>
      )}
      {error && (
        <div className="banner banner-error" role="alert" data-testid="form-error">
          <strong>Not saved:</strong>{' '}
          {error.details.length > 0
            ? `${error.details.length} problem${error.details.length === 1 ? '' : 's'}${
                unplaced.length < error.details.length ? ' — fix the highlighted fields' : ''
              }.`
            : error.message}
          {unplaced.length > 0 && (
            <ul>
              {unplaced.map((d) => (
                <li key={`${d.path}:${d.message}`}>
                  <code>{d.path}</code> — {d.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <ErrorBanner error={registry.error} title="Could not load the parameter registry" />
      <form
        ref={formRef}
        noValidate
        onSubmit={submit}
        aria-label={initial ? 'Edit provider' : 'Add provider'}
      >
        <section className="card" aria-labelledby={`${id}-conn`}>
          <h2 id={`${id}-conn`}>Connection</h2>
          <div className="provider-fields">
            <Field
              label="Registry provider"
              id={`${id}-provider`}
              error={err('provider')}
              hint="Decides which parameters are sent, their ranges and the model-specific rules."
            >
              <select
                id={`${id}-provider`}
                value={form.provider}
                onChange={(e) => patch({ provider: e.target.value })}
              >
                {entries.length === 0 && <option value={form.provider}>{form.provider}</option>}
                {entries.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.display_name}
                  </option>
                ))}
              </select>
            </Field>
            {mode === 'create' ? (
              <Field
                label="Provider key"
                id={`${id}-key`}
                error={err('provider_key')}
                hint="How targets name it (provider_key::model_id): lower-case letters, digits, _ and -."
              >
                <input
                  id={`${id}-key`}
                  type="text"
                  value={form.provider_key}
                  autoCapitalize="off"
                  spellCheck={false}
                  aria-invalid={err('provider_key') ? true : undefined}
                  onChange={(e) => patch({ provider_key: e.target.value })}
                />
              </Field>
            ) : (
              <div className="field">
                <span className="field-label">Provider key</span>
                <code>{form.provider_key}</code>
                <small className="muted">Fixed once created (runs refer to it).</small>
              </div>
            )}
            <Field label="Name" id={`${id}-name`} error={err('name')} hint="Defaults to the provider key.">
              <input
                id={`${id}-name`}
                type="text"
                value={form.name}
                aria-invalid={err('name') ? true : undefined}
                onChange={(e) => patch({ name: e.target.value })}
              />
            </Field>
            <Field
              label="Base URL"
              id={`${id}-url`}
              error={err('base_url')}
              hint={
                suggested ? (
                  <>
                    The OpenAI-compatible endpoint, e.g. <code>{suggested}</code>{' '}
                    {form.base_url !== suggested && (
                      <button
                        type="button"
                        className="btn-link"
                        onClick={() => patch({ base_url: suggested })}
                      >
                        Use it
                      </button>
                    )}
                  </>
                ) : (
                  'The OpenAI-compatible endpoint (http or https), ending before /chat/completions.'
                )
              }
            >
              <input
                id={`${id}-url`}
                type="url"
                value={form.base_url}
                placeholder={suggested ?? 'https://…/v1'}
                spellCheck={false}
                aria-invalid={err('base_url') ? true : undefined}
                onChange={(e) => patch({ base_url: e.target.value })}
              />
            </Field>
            <Field
              label="Max concurrency"
              id={`${id}-mc`}
              error={err('max_concurrency')}
              hint="In-flight calls to this provider, across all workers (1–256)."
            >
              <input
                id={`${id}-mc`}
                type="number"
                min={1}
                max={256}
                step={1}
                value={form.max_concurrency}
                placeholder="default"
                aria-invalid={err('max_concurrency') ? true : undefined}
                onChange={(e) => patch({ max_concurrency: e.target.value })}
              />
            </Field>
            <ApiKeyField
              mode={mode}
              hasKey={!!initial?.has_api_key}
              form={form}
              error={err('api_key')}
              onChange={patch}
            />
          </div>
          {entry && (
            <details className="small provider-notes">
              <summary>About {entry.display_name} in the registry</summary>
              <p>{entry.notes}</p>
              {registry.data && <p className="muted">Parameter registry version {registry.data.version}.</p>}
              <ul>
                {entry.source.map((s) =>
                  s.url.startsWith('https://') ? (
                    <li key={s.url}>
                      <a href={s.url} target="_blank" rel="noreferrer">
                        {s.title}
                      </a>
                    </li>
                  ) : (
                    <li key={s.url}>
                      {s.title} <code>{s.url}</code>
                    </li>
                  ),
                )}
              </ul>
            </details>
          )}
        </section>

        <section className="card" aria-labelledby={`${id}-models`}>
          <div className="row spread">
            <h2 id={`${id}-models`}>Models ({form.models.length})</h2>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => setForm((f) => ({ ...f, models: [...f.models, emptyModel()] }))}
            >
              Add model
            </button>
          </div>
          {err('models') && (
            <p className="error-text" role="alert">
              {err('models')}
            </p>
          )}
          <p className="small muted">
            Model id as the provider names it (e.g. <code>gpt-4.1-mini</code>); prices in $ per million tokens
            feed cost estimates and budgets; skip parameters (comma-separated names) are never sent to that
            model.
          </p>
          {form.models.length === 0 ? (
            <p className="muted">No models: add the models of this endpoint you want to evaluate.</p>
          ) : (
            form.models.map((row, i) => (
              <ModelEditor
                key={row.key}
                row={row}
                index={i}
                entry={entry}
                details={details}
                open={open.has(row.key)}
                onToggle={() =>
                  setOpen((s) => {
                    const next = new Set(s);
                    if (!next.delete(row.key)) next.add(row.key);
                    return next;
                  })
                }
                onChange={(r) => setModel(i, r)}
                onRemove={() => setForm((f) => ({ ...f, models: f.models.filter((m) => m.key !== row.key) }))}
              />
            ))
          )}
        </section>

        <div className="row form-actions">
          <button type="submit" className="btn btn-primary" disabled={saving}>
            {saving ? 'Saving…' : initial ? 'Save provider' : 'Add provider'}
          </button>
          <Link to="/providers" className="btn">
            Cancel
          </Link>
          {dirty && initial && (
            <span className="small" role="status">
              <Badge tone="warn">unsaved changes</Badge>
            </span>
          )}
        </div>
      </form>
    </>
  );
}

export function NewProvider() {
  return <ProviderEditor initial={undefined} />;
}

export function EditProvider({ route }: { route: Route }) {
  const id = route.params.id ?? '';
  const saved = route.query.get('saved') ?? undefined;
  const provider = useApi<ProviderView>(`/api/providers/${encodeURIComponent(id)}`);
  const { reload } = provider;
  useEffect(() => {
    if (saved) reload();
  }, [saved, reload]);
  if (provider.error?.status === 404)
    return (
      <EmptyState title="Provider not found" action={<Link to="/providers">Back to providers</Link>}>
        It may have been deleted.
      </EmptyState>
    );
  if (provider.error) return <ErrorBanner error={provider.error} title="Could not load the provider" />;
  // While reloading after a save, the form stays (no flash, the scroll position is kept).
  if (!provider.data) return <Loading label="Loading the provider…" />;
  return (
    <ProviderEditor
      key={`${provider.data.id}:${String(provider.data.updated_at)}`}
      initial={provider.data}
      notice={
        saved && Number(saved) ? `Saved at ${new Date(Number(saved)).toLocaleTimeString()}.` : undefined
      }
    />
  );
}
