/** Helpers for JSON that arrives as text from models: parsing without throwing, finding spans. */

/** @returns whether `v` is a plain JSON object (not null, not an array). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The outcome of {@link tryParseJson}. */
export type ParseResult = { ok: true; value: unknown } | { ok: false };

/**
 * `JSON.parse` that reports failure instead of throwing.
 * @param text JSON text
 * @returns the parsed value, or `{ ok: false }`
 */
export function tryParseJson(text: string): ParseResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

// Model content can be long; scanning is linear but we still bound the work per response.
const MAX_SCAN_CHARS = 200_000;

/**
 * Finds the top-level balanced `{...}` and `[...]` spans of a text, skipping braces inside JSON
 * strings, e.g. the calls in `Sure! <tool_call>{"name": "f"}</tool_call>`.
 * @param text model content
 * @returns the spans in order of appearance (at most the first 200 000 characters are scanned)
 */
export function findJsonSpans(text: string): string[] {
  const spans: string[] = [];
  const end = Math.min(text.length, MAX_SCAN_CHARS);
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < end; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"' && depth > 0) inString = true;
    else if (ch === '{' || ch === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if ((ch === '}' || ch === ']') && depth > 0) {
      depth--;
      if (depth === 0) spans.push(text.slice(start, i + 1));
    }
  }
  return spans;
}

/**
 * The old product's fallback span: from the first `{` to the last `}`. It still finds a call
 * wrapped in text whose own braces are unbalanced (e.g. a stray `}` in prose after it).
 * @param text model content
 * @returns the span, or null when there is none
 */
export function outerBraceSpan(text: string): string | null {
  const first = text.indexOf('{');
  const last = text.lastIndexOf('}');
  return first === -1 || last <= first ? null : text.slice(first, last + 1);
}
