import { useId, useMemo, useState } from 'react';
import { JsonEditor } from '../../components/JsonEditor';
import { Badge, type Tone } from '../../components/ui';
import { paramErrorAt, type Detail } from './form-model';
import {
  adjustmentLabel,
  adjustmentsByParam,
  applySkipParams,
  describeRange,
  disabledReason,
  joinParams,
  parseNumberInput,
  resolveSpecs,
  show,
  splitParams,
  type Adjustment,
  type ParamSpec,
  type ProviderEntry,
} from './registry';
import { useValidate } from './use-validate';

const TONE: Record<Adjustment['action'], Tone> = {
  clamped: 'warn',
  dropped: 'bad',
  renamed: 'info',
  warn: 'warn',
};

function AdjustmentBadges({ items }: { items: Adjustment[] }) {
  return (
    <>
      {items.map((a, i) => (
        <span key={`${a.action}-${i}`} className="param-adjustment">
          <Badge tone={TONE[a.action]} title={a.reason}>
            {adjustmentLabel(a)}
          </Badge>{' '}
          <span className="small muted">{a.reason}</span>
        </span>
      ))}
    </>
  );
}

/** What every parameter control gets: its id, the current value, and what it reports back. */
type ControlProps<T> = {
  id: string;
  value: unknown;
  disabled: boolean;
  describedBy: string;
  onChange: (v: T) => void;
};

/** A number parameter: a number input (any value, so out-of-range values can be seen being clamped) and a slider. */
function NumberControl({
  spec,
  id,
  value,
  disabled,
  describedBy,
  onChange,
}: ControlProps<number | undefined> & { spec: ParamSpec }) {
  const external = typeof value === 'number' ? String(value) : value === undefined ? '' : String(value);
  const [text, setText] = useState(external);
  const [seen, setSeen] = useState(external);
  const [error, setError] = useState<string>();
  if (external !== seen) {
    // The value changed from outside (slider, "use final values", reload): show it.
    setSeen(external);
    const parsed = parseNumberInput(text, spec.type);
    if (!('value' in parsed) || String(parsed.value ?? '') !== external) {
      setText(external);
      setError(undefined);
    }
  }
  const slider = spec.min !== undefined && spec.max !== undefined;
  const sliderValue =
    typeof value === 'number'
      ? Math.min(spec.max ?? value, Math.max(spec.min ?? value, value))
      : typeof spec.default === 'number'
        ? spec.default
        : (spec.min ?? 0);
  return (
    <div className="param-number">
      <input
        id={id}
        type="number"
        inputMode="decimal"
        step={spec.step ?? (spec.type === 'integer' ? 1 : 'any')}
        value={text}
        placeholder={spec.default !== undefined ? `default ${show(spec.default)}` : 'not set'}
        disabled={disabled}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parseNumberInput(e.target.value, spec.type);
          if ('error' in parsed) {
            setError(parsed.error);
            return;
          }
          setError(undefined);
          setSeen(parsed.value === undefined ? '' : String(parsed.value));
          onChange(parsed.value);
        }}
      />
      {slider && (
        <input
          type="range"
          className={`param-slider${typeof value === 'number' ? '' : ' param-slider-unset'}`}
          aria-label={`${spec.name} slider`}
          min={spec.min}
          max={spec.max}
          step={spec.step ?? (spec.type === 'integer' ? 1 : 'any')}
          value={sliderValue}
          disabled={disabled}
          onChange={(e) => onChange(Number(e.target.value))}
        />
      )}
      {error && (
        <small className="error-text" role="alert">
          {error}
        </small>
      )}
    </div>
  );
}

function StringArrayControl({
  id,
  value,
  disabled,
  describedBy,
  onChange,
}: ControlProps<string[] | undefined>) {
  const lines = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
  return (
    <textarea
      id={id}
      rows={2}
      className="mono"
      value={lines.join('\n')}
      placeholder="one per line"
      disabled={disabled}
      aria-describedby={describedBy}
      onChange={(e) => {
        const list = e.target.value.split('\n');
        onChange(list.length === 1 && list[0] === '' ? undefined : list);
      }}
    />
  );
}

function ObjectControl({ id, value, disabled, describedBy, onChange }: ControlProps<unknown>) {
  const [text, setText] = useState(value === undefined ? '' : JSON.stringify(value));
  const [error, setError] = useState<string>();
  return (
    <>
      <input
        id={id}
        type="text"
        className="mono"
        value={text}
        placeholder="JSON object"
        disabled={disabled}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        onChange={(e) => {
          setText(e.target.value);
          if (e.target.value.trim() === '') {
            setError(undefined);
            onChange(undefined);
            return;
          }
          try {
            onChange(JSON.parse(e.target.value));
            setError(undefined);
          } catch {
            setError('not valid JSON');
          }
        }}
      />
      {error && (
        <small className="error-text" role="alert">
          {error}
        </small>
      )}
    </>
  );
}

function ParamRow({
  spec,
  value,
  skipParams,
  adjustments,
  checked,
  error,
  onChange,
}: {
  spec: ParamSpec;
  value: unknown;
  skipParams: string[];
  adjustments: Adjustment[];
  checked: boolean;
  error: string | undefined;
  onChange: (v: unknown) => void;
}) {
  const id = useId();
  const why = disabledReason(spec, skipParams);
  const disabled = !!why;
  const set = value !== undefined;
  const describedBy = `${id}-about`;
  const control = (() => {
    const common = { id, value, disabled, describedBy };
    switch (spec.type) {
      case 'number':
      case 'integer':
        return <NumberControl {...common} spec={spec} onChange={onChange} />;
      case 'enum': {
        const values = spec.values ?? [];
        const current = typeof value === 'string' ? value : '';
        return (
          <select
            id={id}
            value={current}
            disabled={disabled || (values.length === 0 && !current)}
            aria-describedby={describedBy}
            onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
          >
            <option value="">
              {spec.default !== undefined ? `not set (default ${show(spec.default)})` : 'not set'}
            </option>
            {current && !values.includes(current) && (
              <option value={current}>{current} (not accepted)</option>
            )}
            {values.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        );
      }
      case 'boolean':
        return (
          <label className="check">
            <input
              id={id}
              type="checkbox"
              checked={value === true}
              disabled={disabled}
              aria-describedby={describedBy}
              onChange={(e) => onChange(e.target.checked)}
            />
            {set ? String(value) : 'not set'}
          </label>
        );
      case 'string_array':
        return <StringArrayControl {...common} onChange={onChange} />;
      case 'object':
        return <ObjectControl {...common} onChange={onChange} />;
      default:
        return (
          <input
            id={id}
            type="text"
            value={typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value)}
            disabled={disabled}
            aria-describedby={describedBy}
            onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
          />
        );
    }
  })();
  return (
    <div
      className={`param-row${disabled ? ' param-disabled' : ''}${error ? ' field-invalid' : ''}`}
      data-testid={`param-${spec.name}`}
      data-disabled={disabled ? 'true' : undefined}
    >
      <div className="param-name">
        <label htmlFor={id} className="mono">
          {spec.name}
        </label>
        <span className="small muted"> tier {spec.tier}</span>
      </div>
      <div className="param-control">
        {control}
        {set && (
          <button
            type="button"
            className="btn btn-ghost btn-small"
            aria-label={`Clear ${spec.name}`}
            onClick={() => onChange(undefined)}
          >
            Clear
          </button>
        )}
      </div>
      <div className="param-status" aria-live="polite">
        {disabled ? (
          <Badge tone="neutral">unavailable</Badge>
        ) : set && checked && adjustments.length === 0 && !error ? (
          <Badge tone="ok">sent as set</Badge>
        ) : null}
        {set && !disabled && spec.locked !== undefined && adjustments.length === 0 && (
          <Badge tone="info">locked to {show(spec.locked)}</Badge>
        )}
        <AdjustmentBadges items={adjustments} />
        {error && (
          <small className="error-text" role="alert">
            {error}
          </small>
        )}
      </div>
      <div className="param-about small" id={describedBy}>
        {why && <span className="param-reason">Not available: {why}. </span>}
        <span className="muted">
          {[
            why ? '' : describeRange(spec),
            spec.wire_name ? `sent as ${spec.wire_name}` : '',
            spec.notes ?? '',
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
      </div>
    </div>
  );
}

/**
 * The default parameters of one model: controls generated from the registry (the provider's specs with the
 * model's overrides applied), a tier-3 JSON passthrough editor, and live validation through the API.
 */
export function ParamsEditor({
  entry,
  modelId,
  modelIndex,
  skipParams,
  value,
  details,
  onChange,
}: {
  entry: ProviderEntry;
  modelId: string;
  modelIndex: number;
  skipParams: string[];
  value: Record<string, unknown> | undefined;
  details: Detail[] | undefined;
  onChange: (next: Record<string, unknown> | undefined) => void;
}) {
  const {
    specs,
    overrides,
    structuredKeys: keys,
  } = useMemo(() => resolveSpecs(entry, modelId), [entry, modelId]);
  const structuredSpecs = specs.filter((s) => s.tier < 3);
  const tier3 = specs.filter((s) => s.tier === 3);
  const { structured, passthrough } = useMemo(() => splitParams(value, keys), [value, keys]);
  const validation = useValidate(entry.id, modelId, structured, passthrough);
  const answer =
    validation.state === 'done'
      ? validation.result
      : validation.state === 'checking'
        ? validation.previous
        : undefined;
  const result = answer && applySkipParams(answer, skipParams, specs, { ...passthrough, ...structured });
  const byParam = adjustmentsByParam(result?.adjustments ?? [], keys);
  const validateError = validation.state === 'error' ? validation.error : undefined;
  const errorFor = (name: string) =>
    paramErrorAt(details, modelIndex, name) ??
    validateError?.details.find((d) => d.path === `body.params.${name}`)?.message;
  const passthroughError =
    paramErrorAt(details, modelIndex, '') ??
    validateError?.details.find((d) => d.path.startsWith('body.passthrough'))?.message;
  const set = (name: string, v: unknown) => {
    const next = { ...structured };
    if (v === undefined) delete next[name];
    else next[name] = v;
    onChange(joinParams(next, passthrough));
  };
  const clamped = (result?.adjustments ?? []).filter((a) => a.action === 'clamped');
  const passthroughAdjustments = Object.keys(passthrough).flatMap((k) => byParam.get(k) ?? []);
  const saved = joinParams(structured, passthrough) ?? {};
  const tier3Known = new Set([...tier3.map((s) => s.name), ...entry.passthrough_known]);
  const unknownKeys = Object.keys(passthrough).filter((k) => !tier3Known.has(k));
  const checked = validation.state === 'done';

  return (
    <div className="params-editor" data-testid={`params-${modelId || modelIndex}`}>
      {overrides.length > 0 && (
        <p className="small muted">
          Model rules applied:{' '}
          {overrides.map((o) => (
            <span key={o.pattern} className="override-note">
              <code>{o.pattern}</code> — {o.notes}
            </span>
          ))}
        </p>
      )}
      <div className="row spread">
        <h4 className="params-title">Parameters (tiers 1–2)</h4>
        <span className="small" aria-live="polite" data-testid="validation-state">
          {!modelId.trim() ? (
            <span className="muted">Enter a model id to check these parameters.</span>
          ) : validation.state === 'checking' ? (
            <span className="muted">Checking with the provider pipeline…</span>
          ) : validation.state === 'error' ? (
            <span className="error-text">Check failed: {validation.error.message}</span>
          ) : validation.state === 'done' ? (
            result?.valid ? (
              <Badge tone="ok">sent as set</Badge>
            ) : (
              <Badge tone="warn">the pipeline adjusts these</Badge>
            )
          ) : null}
        </span>
      </div>
      <div className="param-grid">
        {structuredSpecs.map((spec) => (
          <ParamRow
            key={spec.name}
            spec={spec}
            value={structured[spec.name]}
            skipParams={skipParams}
            adjustments={structured[spec.name] === undefined ? [] : (byParam.get(spec.name) ?? [])}
            checked={checked}
            error={errorFor(spec.name)}
            onChange={(v) => set(spec.name, v)}
          />
        ))}
      </div>
      {clamped.length > 0 && (
        <div className="row">
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              const next = { ...structured };
              for (const a of clamped) {
                const name = [...byParam.entries()].find(([, list]) => list.includes(a))?.[0] ?? a.param;
                if (name in next) next[name] = a.value;
              }
              onChange(joinParams(next, passthrough));
            }}
          >
            Use the clamped values
          </button>
          <span className="small muted">
            Replaces out-of-range values with what the provider would receive.
          </span>
        </div>
      )}

      <h4 className="params-title">Tier-3 passthrough</h4>
      <JsonEditor
        key={`${entry.id}:${modelId}`}
        label={`Passthrough fields for ${modelId || 'this model'} (JSON object)`}
        rows={4}
        value={passthrough}
        hint={`Sent as-is${entry.tier3_location === 'extra_body' ? ' (extra_body for typed SDKs)' : ''}. ${
          entry.rejects_unknown
            ? 'This provider rejects unknown fields (400).'
            : 'Unknown fields are ignored by this provider.'
        }`}
        validate={(v) => {
          if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'must be a JSON object';
          const structuredKey = Object.keys(v).find((k) => keys.has(k));
          return structuredKey
            ? `${structuredKey} is a tier-1/2 parameter: set it with its control above`
            : undefined;
        }}
        onChange={(v) => onChange(joinParams(structured, v as Record<string, unknown>))}
      />
      {passthroughError && (
        <p className="error-text small" role="alert">
          {passthroughError}
        </p>
      )}
      {(passthroughAdjustments.length > 0 || unknownKeys.length > 0) && (
        <ul className="plain small" data-testid="passthrough-status">
          {Object.keys(passthrough).map((k) => {
            const items = byParam.get(k) ?? [];
            if (items.length === 0 && tier3Known.has(k)) return null;
            return (
              <li key={k}>
                <code>{k}</code>{' '}
                {items.length ? (
                  <AdjustmentBadges items={items} />
                ) : (
                  <Badge tone="warn">not documented</Badge>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {tier3Known.size > 0 && (
        <details className="small">
          <summary>Documented tier-3 fields for {entry.display_name}</summary>
          <ul>
            {tier3.map((s) => {
              const why = disabledReason(s, skipParams);
              return (
                <li key={s.name}>
                  <code>{s.name}</code> <span className="muted">{s.type}</span> {describeRange(s)}
                  {why && <span className="param-reason"> — {why}</span>}
                  {s.notes && <span className="muted"> — {s.notes}</span>}
                </li>
              );
            })}
            {entry.passthrough_known
              .filter((k) => !tier3.some((s) => s.name === k))
              .map((k) => (
                <li key={k}>
                  <code>{k}</code>
                </li>
              ))}
          </ul>
        </details>
      )}

      <div className="grid two params-preview">
        <div>
          <h4 className="params-title">Saved as default_params</h4>
          <pre className="mono" data-testid="saved-params">
            {JSON.stringify(saved, null, 2)}
          </pre>
        </div>
        <div>
          <h4 className="params-title">Sent to the provider</h4>
          <pre className="mono" data-testid="final-params">
            {result ? JSON.stringify(result.params, null, 2) : '—'}
          </pre>
          {result && result.warnings.length > 0 && (
            <ul className="small">
              {result.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}
