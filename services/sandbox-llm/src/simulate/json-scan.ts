/**
 * Reads JSON values embedded in prose ("Expected params: {"city": "Paris"}"), as judge prompts
 * contain them. Tolerates Python reprs (`None`, `True`, single quotes) because prompt builders
 * written in other languages print dicts that way.
 */

/** Index just past the bracketed value starting at `start` (`{` or `[`), or -1 if unbalanced. */
function balancedEnd(text: string, start: number): number {
  const open = text[start];
  const close = open === '{' ? '}' : ']';
  let depth = 0;
  let quote: string | null = null;
  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === open) depth++;
    else if (ch === close && --depth === 0) return i + 1;
  }
  return -1;
}

/** JSON.parse, then a second try with Python literals converted. */
export function parseLenient(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    const pythonish = raw
      .replace(/'/g, '"')
      .replace(/\bNone\b/g, 'null')
      .replace(/\bTrue\b/g, 'true')
      .replace(/\bFalse\b/g, 'false');
    try {
      return JSON.parse(pythonish);
    } catch {
      return undefined;
    }
  }
}

/**
 * Reads one value starting at `index` (after skipping blanks): a bracketed JSON value, or the
 * rest of the line as a JSON scalar or a bare string.
 */
export function readJsonAt(text: string, index: number): unknown {
  let i = index;
  while (i < text.length && /[ \t]/.test(text[i]!)) i++;
  const ch = text[i];
  if (ch === '{' || ch === '[') {
    const end = balancedEnd(text, i);
    if (end > 0) return parseLenient(text.slice(i, end));
  }
  const line = text.slice(i).split('\n')[0]!.trim();
  const parsed = parseLenient(line);
  if (parsed !== undefined) return parsed;
  return line.replace(/^["'`]|["'`,]$/g, '');
}

/** Reads the value after the first match of `label` (a regex ending where the value starts). */
export function valueAfter(text: string, label: RegExp): { found: boolean; value: unknown } {
  const m = label.exec(text);
  if (!m) return { found: false, value: undefined };
  return { found: true, value: readJsonAt(text, m.index + m[0].length) };
}

/** Parses the first `{…}` of `text`, if any. */
export function firstObject(text: string): Record<string, unknown> | undefined {
  const start = text.indexOf('{');
  if (start < 0) return undefined;
  const value = readJsonAt(text, start);
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}
