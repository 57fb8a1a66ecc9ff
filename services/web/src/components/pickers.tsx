import type { ProviderView, SuiteSummary } from '@llmbench/contracts';
import { useId } from 'react';
import { Link } from '../app/router';
import { targetKey } from '../lib/format';
import { ErrorBanner, Loading } from './ui';
import { useApi } from './use-api';

export type Target = { provider_key: string; model_id: string };

/** Choose a suite; an empty list says how to get one. */
export function SuitePicker({
  value,
  onChange,
  label = 'Suite',
}: {
  value: string;
  onChange: (id: string) => void;
  label?: string;
}) {
  const id = useId();
  const suites = useApi<{ items: SuiteSummary[] }>('/api/tool-suites?limit=200');
  if (suites.error) return <ErrorBanner error={suites.error} title="Could not load suites" />;
  if (!suites.data) return <Loading label="Loading suites…" />;
  if (suites.data.items.length === 0)
    return (
      <p className="banner banner-info">
        No suites yet. <Link to="/suites/import">Import one</Link> or <Link to="/suites/new">create one</Link>{' '}
        first.
      </p>
    );
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Choose a suite…</option>
        {suites.data.items.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} ({s.case_count} cases, {s.tool_count} tools)
          </option>
        ))}
      </select>
    </div>
  );
}

/** Choose models (targets) across the user's providers, grouped by provider. */
export function TargetPicker({
  value,
  onChange,
  legend = 'Models',
  single = false,
}: {
  value: Target[];
  onChange: (targets: Target[]) => void;
  legend?: string;
  single?: boolean;
}) {
  const providers = useApi<{ items: ProviderView[] }>('/api/providers');
  if (providers.error) return <ErrorBanner error={providers.error} title="Could not load providers" />;
  if (!providers.data) return <Loading label="Loading models…" />;
  const chosen = new Set(value.map(targetKey));
  const all = providers.data.items.flatMap((p) => p.models.map((m) => ({ provider: p, model: m })));
  if (all.length === 0)
    return (
      <p className="banner banner-info">
        No models configured. <Link to="/providers">Add a provider</Link> first.
      </p>
    );
  return (
    <fieldset className="target-picker">
      <legend>{legend}</legend>
      {providers.data.items.map((p) => (
        <div key={p.id} className="target-group">
          <div className="muted small">{p.name}</div>
          {p.models.map((m) => {
            const t = { provider_key: p.provider_key, model_id: m.model_id };
            const key = targetKey(t);
            return (
              <label key={key} className="check">
                <input
                  type={single ? 'radio' : 'checkbox'}
                  name={single ? `target-${legend}` : undefined}
                  checked={chosen.has(key)}
                  onChange={(e) =>
                    onChange(
                      single
                        ? [t]
                        : e.target.checked
                          ? [...value, t]
                          : value.filter((v) => targetKey(v) !== key),
                    )
                  }
                />
                {m.display_name || m.model_id} <span className="muted small">{key}</span>
              </label>
            );
          })}
        </div>
      ))}
    </fieldset>
  );
}
