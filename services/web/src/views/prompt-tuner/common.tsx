import { Tabs } from '../../components/ui';
import { targetKey } from '../../lib/format';
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

/** A target shown short, as {@link modelLabel}. */
export const targetLabel = (t: { provider_key: string; model_id: string }) => modelLabel(targetKey(t));

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
