/** One prompt the meta-model proposed. */
export interface MetaCandidate {
  prompt: string;
  style: string | null;
  parent_index: number | null;
  mutation_type: string | null;
}

function asCandidate(x: unknown): MetaCandidate | null {
  if (typeof x === 'string')
    return x.trim() ? { prompt: x.trim(), style: null, parent_index: null, mutation_type: null } : null;
  if (typeof x !== 'object' || x === null) return null;
  const o = x as Record<string, unknown>;
  const text = [o.prompt, o.text, o.system_prompt, o.content].find(
    (v) => typeof v === 'string' && v.trim() !== '',
  );
  if (typeof text !== 'string') return null;
  const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
  const parent = Number(o.parent_index ?? o.parent);
  return {
    prompt: text.trim(),
    style: str(o.style),
    parent_index: Number.isInteger(parent) ? parent : null,
    mutation_type: str(o.mutation_type ?? o.mutation),
  };
}

function fromValue(v: unknown): MetaCandidate[] | null {
  const list = Array.isArray(v)
    ? v
    : typeof v === 'object' && v !== null
      ? ((v as Record<string, unknown>).prompts ?? (v as Record<string, unknown>).candidates)
      : undefined;
  if (!Array.isArray(list)) return null;
  return list.map(asCandidate).filter((c): c is MetaCandidate => c !== null);
}

function tryJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Every balanced `{…}` object in `text` (strings and escapes respected), outermost first. */
function balancedObjects(text: string): string[] {
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

/** How the candidates were found: what the tuner reports when the answer was not plain JSON. */
export type MetaAnswerForm = 'json' | 'fenced' | 'embedded' | 'salvaged' | 'none';

/**
 * The candidates in a meta-model answer, parsed tolerantly: plain JSON (`{"prompts":[…]}` or a bare
 * array), JSON inside a markdown fence or surrounded by prose, and — when the answer was cut off —
 * every complete candidate object before the cut.
 * @returns the candidates (empty when nothing usable was found) and the form they were found in
 */
export function parseMetaCandidates(text: string | null | undefined): {
  candidates: MetaCandidate[];
  form: MetaAnswerForm;
} {
  if (!text) return { candidates: [], form: 'none' };
  const direct = fromValue(tryJson(text.trim()));
  if (direct && direct.length > 0) return { candidates: direct, form: 'json' };
  for (const m of text.matchAll(/```(?:json)?\s*([\s\S]*?)```/gi)) {
    const fenced = fromValue(tryJson(m[1]!.trim()));
    if (fenced && fenced.length > 0) return { candidates: fenced, form: 'fenced' };
  }
  const first = text.search(/[[{]/);
  const last = Math.max(text.lastIndexOf('}'), text.lastIndexOf(']'));
  if (first >= 0 && last > first) {
    const span = fromValue(tryJson(text.slice(first, last + 1)));
    if (span && span.length > 0) return { candidates: span, form: 'embedded' };
  }
  // Truncated or otherwise broken: salvage each complete candidate object.
  const salvaged = balancedObjects(first >= 0 ? text.slice(first + 1) : text).flatMap((o) => {
    const v = tryJson(o);
    const nested = fromValue(v);
    if (nested && nested.length > 0) return nested;
    const one = asCandidate(v);
    return one ? [one] : [];
  });
  return { candidates: salvaged, form: salvaged.length > 0 ? 'salvaged' : 'none' };
}
