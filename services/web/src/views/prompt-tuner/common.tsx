import type { ReactNode } from 'react';
import { Tabs } from '../../components/ui';
import './prompt-tuner.css';

/** Moves between the prompt tuner's sections. */
export function PromptTunerTabs({ current }: { current: 'config' | 'history' | 'library' | 'live' }) {
  return (
    <Tabs
      current={current}
      tabs={[
        { id: 'config', label: 'New tune', href: '#/prompt-tuner' },
        { id: 'history', label: 'History', href: '#/prompt-tuner/history' },
        { id: 'library', label: 'Prompt library', href: '#/prompt-tuner/library' },
      ]}
    />
  );
}

/** `provider::model` shown short: the model id, with the provider when it is not the sandbox. */
export function modelLabel(key: string): string {
  const [provider, model] = key.split('::');
  return provider === 'sandbox' ? (model ?? key) : `${model ?? key} (${provider})`;
}

/** Warnings the 202 answered, kept for the live view it navigates to. */
export function rememberWarnings(jobId: string, warnings: string[]): void {
  try {
    if (warnings.length) sessionStorage.setItem(`prompt-tune-warnings:${jobId}`, JSON.stringify(warnings));
  } catch {
    /* storage off: the tune_start event repeats them */
  }
}

export function recalledWarnings(jobId: string): string[] {
  try {
    const raw = sessionStorage.getItem(`prompt-tune-warnings:${jobId}`);
    return raw ? (JSON.parse(raw) as string[]) : [];
  } catch {
    return [];
  }
}

/** A `.table-wrap` that keyboard users can focus and scroll when the table is wider than the window. */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
