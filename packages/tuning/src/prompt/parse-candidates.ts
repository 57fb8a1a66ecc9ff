import { findJson, salvageObjects, type LooseJsonForm } from '@llmbench/loose-json';

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

/** How the candidates were found: what the tuner reports when the answer was not plain JSON. */
export type MetaAnswerForm = LooseJsonForm;

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
  const found = findJson(text, (v) => {
    const list = fromValue(v);
    return list && list.length > 0 ? list : undefined;
  });
  if (found) return { candidates: found.value, form: found.form };
  // Truncated or otherwise broken: salvage each complete candidate object.
  const salvaged = salvageObjects(text).flatMap((v) => {
    const nested = fromValue(v);
    if (nested && nested.length > 0) return nested;
    const one = asCandidate(v);
    return one ? [one] : [];
  });
  return { candidates: salvaged, form: salvaged.length > 0 ? 'salvaged' : 'none' };
}
