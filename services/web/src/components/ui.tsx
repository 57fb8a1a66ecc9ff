import { cloneElement, isValidElement, useId, useState, type ReactNode } from 'react';
import type { ApiError } from '../api/client';

export function PageHeader({
  title,
  subtitle,
  actions,
}: {
  title: string;
  subtitle?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <header className="page-header">
      <div>
        <h1>{title}</h1>
        {subtitle && <p className="muted">{subtitle}</p>}
      </div>
      {actions && <div className="row">{actions}</div>}
    </header>
  );
}

/** An API (or client) error with the fields it names, so the user knows what to fix. */
export function ErrorBanner({ error, title }: { error: unknown; title?: string }) {
  if (!error) return null;
  const e = error as Partial<ApiError> & { message?: string };
  return (
    <div className="banner banner-error" role="alert">
      <strong>{title ?? 'Something went wrong'}:</strong> {e.message ?? String(error)}
      {e.details && e.details.length > 0 && (
        <ul>
          {e.details.map((d) => (
            <li key={`${d.path}:${d.message}`}>
              <code>{d.path}</code> — {d.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="empty" role="status">
      <h2>{title}</h2>
      {children && <p>{children}</p>}
      {action}
    </div>
  );
}

export type Tone = 'ok' | 'warn' | 'bad' | 'info' | 'neutral';
export function Badge({
  tone = 'neutral',
  children,
  title,
}: {
  tone?: Tone;
  children: ReactNode;
  title?: string;
}) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      {children}
    </span>
  );
}

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <p className="muted" role="status" aria-live="polite">
      {label}
    </p>
  );
}

export function ProgressBar({ value, label }: { value: number; label: string }) {
  const clamped = Math.max(0, Math.min(100, value));
  return (
    <div
      className="progress"
      role="progressbar"
      aria-valuenow={Math.round(clamped)}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-label={label}
    >
      <div className="progress-fill" style={{ width: `${clamped}%` }} />
    </div>
  );
}

/** A labelled form control with its hint and error (both announced with the control). */
export function Field({
  label,
  hint,
  error,
  children,
  id,
}: {
  label: string;
  hint?: ReactNode;
  error?: string;
  children: ReactNode;
  id?: string;
}) {
  const own = useId();
  const hintId = hint ? `${own}-hint` : undefined;
  const errorId = error ? `${own}-error` : undefined;
  // The control (a single element child) is described by the hint and the error, and marked invalid.
  const control =
    isValidElement<{ 'aria-describedby'?: string; 'aria-invalid'?: boolean }>(children) && (hintId || errorId)
      ? cloneElement(children, {
          'aria-describedby':
            [children.props['aria-describedby'], errorId, hintId].filter(Boolean).join(' ') || undefined,
          ...(error ? { 'aria-invalid': true } : {}),
        })
      : children;
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {control}
      {hint && (
        <small className="muted" id={hintId}>
          {hint}
        </small>
      )}
      {error && (
        <small className="error-text" role="alert" id={errorId}>
          {error}
        </small>
      )}
    </div>
  );
}

/** A labelled input whose value stays text (a blank or half-typed number shows as typed). */
export function InputField({
  label,
  hint,
  error,
  onChange,
  type = 'text',
  ...input
}: {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'number';
  min?: number;
  max?: number;
  step?: number | 'any';
  maxLength?: number;
  disabled?: boolean;
  placeholder?: string;
  required?: boolean;
}) {
  const id = useId();
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <input id={id} type={type} {...input} onChange={(e) => onChange(e.target.value)} />
    </Field>
  );
}

export type ToolChoice = 'required' | 'auto' | 'none';

/** The `tool_choice` sent with every call. */
export function ToolChoiceField({
  label = 'Tool choice',
  hint,
  error,
  value,
  onChange,
}: {
  label?: string;
  hint?: ReactNode;
  error?: string | undefined;
  value: string;
  onChange: (value: ToolChoice) => void;
}) {
  const id = useId();
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as ToolChoice)}>
        <option value="required">required</option>
        <option value="auto">auto</option>
        <option value="none">none</option>
      </select>
    </Field>
  );
}

/** A job's warnings (ignored parameters, clamped values…), listed once above its results. */
export function WarningsBanner({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <div className="banner banner-warn" role="status">
      <strong>Warnings</strong>
      <ul>
        {warnings.map((w) => (
          <li key={w}>{w}</li>
        ))}
      </ul>
    </div>
  );
}

/** A `.table-wrap` that keyboard users can focus and scroll when the table is wider than the window. */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}

/** Delete with a second, explicit confirmation click instead of a blocking dialog. */
export function ConfirmButton({
  label = 'Delete',
  confirmLabel = 'Confirm delete',
  onConfirm,
  disabled,
  small,
  ariaLabel,
}: {
  /** What is deleted, for screen readers (a table of rows otherwise reads "Delete" on each). */
  ariaLabel?: string;
  label?: string;
  confirmLabel?: string;
  onConfirm: () => void | Promise<void>;
  disabled?: boolean;
  /** Table-row size, like `btn-small` buttons beside it. */
  small?: boolean;
}) {
  const [armed, setArmed] = useState(false);
  const size = small ? ' btn-small' : '';
  const [busy, setBusy] = useState(false);
  if (!armed)
    return (
      <button
        type="button"
        className={`btn btn-danger-outline${size}`}
        disabled={disabled}
        aria-label={ariaLabel}
        onClick={() => setArmed(true)}
      >
        {label}
      </button>
    );
  return (
    <span className="row">
      <button
        type="button"
        className={`btn btn-danger${size}`}
        disabled={busy}
        autoFocus
        onClick={async () => {
          setBusy(true);
          try {
            await onConfirm();
          } finally {
            setBusy(false);
            setArmed(false);
          }
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className={`btn${size}`} onClick={() => setArmed(false)}>
        Keep
      </button>
    </span>
  );
}

/** Tabs as links (the tab is part of the URL, so reload and back keep it). */
export function Tabs({
  tabs,
  current,
}: {
  tabs: { id: string; label: string; href: string }[];
  current: string;
}) {
  return (
    <nav className="tabs" aria-label="Sections">
      {tabs.map((t) => (
        <a
          key={t.id}
          href={t.href}
          className={t.id === current ? 'tab tab-active' : 'tab'}
          aria-current={t.id === current ? 'page' : undefined}
        >
          {t.label}
        </a>
      ))}
    </nav>
  );
}
