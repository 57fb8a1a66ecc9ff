import { useEffect, useId, useState } from 'react';

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
  const id = useId();
  const [text, setText] = useState(() => JSON.stringify(value, null, 2));
  const [error, setError] = useState<string>();
  // A value changed from outside (a preset, a reset) replaces the text; our own edits do not.
  const external = JSON.stringify(value);
  useEffect(() => {
    setText((current) => {
      try {
        if (JSON.stringify(JSON.parse(current)) === external) return current;
      } catch {
        // the text is mid-edit and invalid: an outside change still wins
      }
      setError(undefined);
      return JSON.stringify(JSON.parse(external ?? 'null'), null, 2);
    });
  }, [external]);
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        className="mono"
        rows={rows}
        spellCheck={false}
        value={text}
        aria-invalid={!!error}
        aria-describedby={`${id}-msg`}
        onChange={(e) => {
          setText(e.target.value);
          let parsed: unknown;
          try {
            parsed = JSON.parse(e.target.value);
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
      <small id={`${id}-msg`} className={error ? 'error-text' : 'muted'} role={error ? 'alert' : undefined}>
        {error ?? hint ?? 'Valid JSON'}
      </small>
    </div>
  );
}
