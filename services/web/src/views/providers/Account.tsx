import type { ApiTokenView, CreatedApiToken } from '@llmbench/contracts';
import { useId, useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client';
import { useAuth } from '../../api/auth';
import { SortableTable } from '../../components/SortableTable';
import {
  Badge,
  ConfirmButton,
  ErrorBanner,
  Field,
  Loading,
  PageHeader,
  ProgressBar,
} from '../../components/ui';
import { useApi } from '../../components/use-api';
import { usd, when } from '../../lib/format';
import { budgetStatus, type Budget } from './account-model';
import './providers.css';

function BudgetCard() {
  const id = useId();
  const budget = useApi<Budget>('/api/auth/me/budget');
  const [text, setText] = useState<string>();
  const [error, setError] = useState<ApiError>();
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (budget.error) return <ErrorBanner error={budget.error} title="Could not load your budget" />;
  if (!budget.data) return <Loading label="Loading your budget…" />;
  const data = budget.data;
  const status = budgetStatus(data);
  const value = text ?? (data.budget_usd_monthly === null ? '' : String(data.budget_usd_monthly));
  async function save(cap: number | null) {
    setBusy(true);
    setError(undefined);
    setSaved(undefined);
    try {
      await api.patch<Budget>('/api/auth/me/budget', { budget_usd_monthly: cap });
      setText(undefined);
      setSaved(cap === null ? 'Monthly cap removed.' : `Monthly cap set to ${usd(cap)}.`);
      budget.reload();
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
    }
  }
  function submit(e: FormEvent) {
    e.preventDefault();
    const t = value.trim();
    if (t === '') return void save(null);
    const n = Number(t);
    if (!Number.isFinite(n)) {
      setError(
        new ApiError(0, 'client', 'Enter an amount in dollars, e.g. 25', [
          { path: 'budget_usd_monthly', message: 'not a number' },
        ]),
      );
      return;
    }
    void save(n);
  }
  const fieldError = error?.fieldError('budget_usd_monthly');
  return (
    <section className="card" aria-labelledby={`${id}-h`} data-testid="budget">
      <h2 id={`${id}-h`}>Monthly budget</h2>
      <p className="budget-figures">
        <span>
          Spent this month: <strong data-testid="budget-spent">{usd(data.spent_this_month_usd)}</strong>
        </span>
        <span>
          Cap:{' '}
          <strong data-testid="budget-cap">
            {data.budget_usd_monthly === null ? 'none' : usd(data.budget_usd_monthly)}
          </strong>
        </span>
        {status.left !== null && (
          <span>
            Left: <strong>{usd(status.left)}</strong>
          </span>
        )}
        {status.tone !== 'neutral' && <Badge tone={status.tone}>{status.label}</Badge>}
      </p>
      {status.pct !== null && <ProgressBar value={status.pct} label="Share of the monthly cap spent" />}
      <p className="small muted">
        Tunes estimated above what is left are refused until you confirm them; evaluations record their cost
        here.
      </p>
      {error && !fieldError && <ErrorBanner error={error} title="Could not save the budget" />}
      {saved && (
        <p className="banner banner-info" role="status">
          {saved}
        </p>
      )}
      <form className="row budget-form" noValidate onSubmit={submit}>
        <Field label="Monthly cap (USD)" id={`${id}-cap`} error={fieldError} hint="Empty: no cap.">
          <input
            id={`${id}-cap`}
            type="text"
            inputMode="decimal"
            value={value}
            placeholder="no cap"
            aria-invalid={fieldError ? true : undefined}
            onChange={(e) => setText(e.target.value)}
          />
        </Field>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Save cap
        </button>
        {data.budget_usd_monthly !== null && (
          <button type="button" className="btn" disabled={busy} onClick={() => void save(null)}>
            Remove cap
          </button>
        )}
      </form>
    </section>
  );
}

function CreatedToken({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  const id = useId();
  const [copied, setCopied] = useState<string>();
  return (
    <div className="banner banner-warn created-token" role="status" data-testid="created-token">
      <p>
        <strong>Token “{token.name}” created.</strong> Copy it now: it is shown only this once.
      </p>
      <label htmlFor={id} className="sr-only">
        The new API token
      </label>
      <div className="row token-row">
        <input
          id={id}
          className="mono token-value"
          type="text"
          readOnly
          value={token.token}
          onFocus={(e) => e.target.select()}
        />
        <button
          type="button"
          className="btn btn-small"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(token.token);
              setCopied('Copied to the clipboard.');
            } catch {
              document.getElementById(id)?.focus();
              setCopied('Copying was blocked: the token is selected, press Ctrl+C (⌘C).');
            }
          }}
        >
          Copy token
        </button>
        <button type="button" className="btn btn-small" onClick={onDone}>
          Done
        </button>
      </div>
      {copied && (
        <p className="small" aria-live="polite">
          {copied}
        </p>
      )}
      <p className="small">
        Use it as <code>Authorization: Bearer &lt;token&gt;</code>, or with the CLI:{' '}
        <code>LBS_TOKEN=… lbs suites list</code>.
      </p>
    </div>
  );
}

function TokensCard() {
  const id = useId();
  const tokens = useApi<{ items: ApiTokenView[] }>('/api/auth/tokens');
  const [name, setName] = useState('');
  const [days, setDays] = useState('');
  const [error, setError] = useState<ApiError>();
  const [created, setCreated] = useState<CreatedApiToken>();
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const body: Record<string, unknown> = { name: name.trim() };
      if (days.trim()) body.expires_in_days = Number(days.trim());
      const token = await api.post<CreatedApiToken>('/api/auth/tokens', body);
      setCreated(token);
      setName('');
      setDays('');
      tokens.reload();
    } catch (caught) {
      setError(caught as ApiError);
    } finally {
      setBusy(false);
    }
  }
  const items = tokens.data?.items ?? [];
  const now = Date.now();
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Personal API tokens</h2>
      <p className="small muted">
        For scripts, CI and the <code>lbs</code> CLI. A token acts as you; revoke it when it is no longer
        needed.
      </p>
      {created && <CreatedToken token={created} onDone={() => setCreated(undefined)} />}
      {error && !error.fieldError('name') && !error.fieldError('expires_in_days') && (
        <ErrorBanner error={error} title="Could not create the token" />
      )}
      <form className="row token-form" noValidate onSubmit={submit} aria-label="Create an API token">
        <Field label="Token name" id={`${id}-name`} error={error?.fieldError('name')} hint="e.g. ci-pipeline">
          <input
            id={`${id}-name`}
            type="text"
            value={name}
            aria-invalid={error?.fieldError('name') ? true : undefined}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <Field
          label="Expires in (days)"
          id={`${id}-days`}
          error={error?.fieldError('expires_in_days')}
          hint="Empty: never."
        >
          <input
            id={`${id}-days`}
            type="text"
            inputMode="numeric"
            value={days}
            aria-invalid={error?.fieldError('expires_in_days') ? true : undefined}
            onChange={(e) => setDays(e.target.value)}
          />
        </Field>
        <button type="submit" className="btn btn-primary" disabled={busy}>
          Create token
        </button>
      </form>
      <ErrorBanner error={tokens.error} title="Could not load your tokens" />
      {!tokens.data ? (
        !tokens.error && <Loading label="Loading tokens…" />
      ) : items.length === 0 ? (
        <p className="muted" role="status">
          No tokens yet. Create one above to use the API or the CLI.
        </p>
      ) : (
        <SortableTable
          testId="tokens-table"
          rows={items}
          rowKey={(t) => t.id}
          initialSort={{ key: 'created', dir: 'desc' }}
          columns={[
            { key: 'name', label: 'Name', value: (t) => t.name },
            {
              key: 'prefix',
              label: 'Starts with',
              value: (t) => t.token_prefix,
              render: (t) => <code>{t.token_prefix}…</code>,
            },
            {
              key: 'created',
              label: 'Created',
              value: (t) => String(t.created_at),
              render: (t) => when(t.created_at),
            },
            {
              key: 'used',
              label: 'Last used',
              value: (t) => (t.last_used_at ? String(t.last_used_at) : null),
              render: (t) => (t.last_used_at ? when(t.last_used_at) : 'never'),
            },
            {
              key: 'expires',
              label: 'Expires',
              value: (t) => (t.expires_at ? String(t.expires_at) : null),
              render: (t) =>
                !t.expires_at ? (
                  'never'
                ) : new Date(t.expires_at).getTime() < now ? (
                  <Badge tone="bad">expired {when(t.expires_at)}</Badge>
                ) : (
                  when(t.expires_at)
                ),
            },
            {
              key: 'revoke',
              label: 'Revoke',
              value: () => '',
              render: (t) => (
                <ConfirmButton
                  label={`Revoke ${t.name}`}
                  confirmLabel={`Confirm revoke ${t.name}`}
                  onConfirm={async () => {
                    try {
                      await api.del(`/api/auth/tokens/${t.id}`);
                      if (created?.id === t.id) setCreated(undefined);
                      tokens.reload();
                    } catch (caught) {
                      setError(caught as ApiError);
                    }
                  }}
                />
              ),
            },
          ]}
        />
      )}
    </section>
  );
}

/** The signed-in user's account: monthly budget and personal API tokens. */
export function Account() {
  const { user } = useAuth();
  return (
    <>
      <PageHeader
        title="Account"
        subtitle={
          user ? (
            <>
              {user.email} · {user.role === 'admin' ? 'administrator' : 'user'} · up to{' '}
              {user.max_concurrent_jobs} job{user.max_concurrent_jobs === 1 ? '' : 's'} at once
            </>
          ) : undefined
        }
      />
      <BudgetCard />
      <TokensCard />
    </>
  );
}
