/** How a JSON value was found in a model's answer. */
export type LooseJsonForm = 'json' | 'fenced' | 'embedded' | 'salvaged' | 'none';

/** JSON.parse that returns undefined instead of throwing. */
export function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Every balanced top-level `{…}` object in `text` (strings and escapes respected). */
export function balancedObjects(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{') {
      if (depth === 0) start = i;
      depth++;
    } else if (ch === '}' && depth > 0) {
      depth--;
      if (depth === 0) out.push(text.slice(start, i + 1));
    }
  }
  return out;
}

/**
 * The JSON values an LLM answer may hold, most likely first: the whole text, a markdown-fenced
 * block, the span from the first `{`/`[` to the last `}`/`]` (prose around it), and — for an
 * answer cut off or otherwise broken — every complete object inside the outermost one.
 * `accept` decides whether a value is usable; the first accepted value wins.
 */
export function findJson<T>(
  text: string | null | undefined,
  accept: (value: unknown) => T | undefined,
): { value: T; form: LooseJsonForm } | undefined {
  if (!text) return undefined;
  const tryForm = (raw: string, form: LooseJsonForm) => {
    const v = accept(tryJson(raw.trim()));
    return v === undefined ? undefined : { value: v, form };
  };
  const direct = tryForm(text, 'json');
  if (direct) return direct;
  for (const m of text.matchAll(/```(?:json)?\s*([\s\S]*?)```/gi)) {
    const fenced = tryForm(m[1]!, 'fenced');
    if (fenced) return fenced;
  }
  const first = text.search(/[[{]/);
  const last = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'));
  if (first >= 0 && last > first) {
    const span = tryForm(text.slice(first, last + 1), 'embedded');
    if (span) return span;
  }
  return undefined;
}

/** The complete objects of a broken answer (inside its outermost bracket), parsed. */
export function salvageObjects(text: string): unknown[] {
  const first = text.search(/[[{]/);
  return balancedObjects(first >= 0 ? text.slice(first + 1) : text)
    .map(tryJson)
    .filter((v) => v !== undefined);
}
