import { useId, useState, type ReactNode } from 'react';

/** Whether `text` parses to the JSON `serialized` names (invalid text never does). */
function sameJson(text: string, serialized: string | undefined): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === serialized;
  } catch {
    return false;
  }
}

/**
 * A JSON text area that parses as you type: `onChange` gets the parsed value only when the text is
 * valid JSON (and passes `validate`, which returns an error message or nothing).
 */
export function JsonEditor({
  label,
  value,
  onChange,
  validate,
  rows = 10,
  hint,
  onValidity,
}: {
  label: string;
  value: unknown;
  onChange: (value: unknown) => void;
  validate?: (value: unknown) => string | undefined;
  rows?: number;
  hint?: string;
  /** Told whether the text is currently usable, so a form can refuse to save stale values. */
  onValidity?: (valid: boolean) => void;
}) {
  const [text, setText] = useState(() => JSON.stringify(value, null, 2));
  const [error, setError] = useState<string>();
  // A value changed from outside (a preset, a reset) replaces the text; our own edits (which
  // report the same value back) do not. Adjusted while rendering, as React advises, not in an effect.
  const external = JSON.stringify(value);
  const [synced, setSynced] = useState(external);
  if (external !== synced) {
    setSynced(external);
    if (!sameJson(text, external)) {
      setText(JSON.stringify(value, null, 2) ?? 'null');
      setError(undefined);
    }
  }
  return (
    <JsonTextArea
      label={label}
      rows={rows}
      value={text}
      error={error}
      hint={hint ?? 'Valid JSON'}
      onChange={(next) => {
        setText(next);
        let parsed: unknown;
        try {
          parsed = JSON.parse(next);
        } catch (err) {
          setError(`Not valid JSON: ${(err as Error).message}`);
          onValidity?.(false);
          return;
        }
        const problem = validate?.(parsed);
        setError(problem);
        onValidity?.(!problem);
        if (!problem) onChange(parsed);
      }}
    />
  );
}

/**
 * The labelled JSON textarea itself, for forms that keep the text (and check it) themselves; its
 * error, else its hint, is announced with it.
 */
export function JsonTextArea({
  label,
  value,
  onChange,
  error,
  hint,
  rows = 6,
  testId,
}: {
  label: string;
  value: string;
  onChange: (text: string) => void;
  error?: string;
  hint?: ReactNode;
  rows?: number;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className="mono"
        rows={rows}
        spellCheck={false}
        value={value}
        data-testid={testId}
        aria-invalid={!!error}
        aria-describedby={`${id}-msg`}
        onChange={(e) => onChange(e.target.value)}
      />
      <small id={`${id}-msg`} className={error ? 'error-text' : 'muted'} role={error ? 'alert' : undefined}>
        {error ?? hint}
      </small>
    </div>
  );
}
