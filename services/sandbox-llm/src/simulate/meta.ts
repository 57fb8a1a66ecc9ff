import { ALL_SNIPPETS, DEFAULT_ROLE, MUTATIONS, QUICK_STYLES, type Mutation } from './meta-snippets.js';
import type { Rng } from './rng.js';

/** A prompt the meta-model proposes. */
export interface PromptCandidate {
  style: string;
  prompt: string;
  parent_index?: number;
  mutation_type?: string;
}

/** A parent prompt quoted in an evolutionary meta-prompt (`#i (score=0.xx): "…"`). */
export interface ParentPrompt {
  index: number;
  score: number;
  text: string;
}

const COUNT_PATTERN =
  /\b(\d{1,2})\s+(?:new\s+|more\s+)?(?:distinct|different|new|unique|diverse|varied|alternative|improved|candidate|child|children|variations?|versions?|variants?|system\s+prompts?|prompts?|mutations?|mutated|offspring)\b/i;

/**
 * How many prompts the meta-prompt asks for: "Generate 7 distinct system prompts" → 7, or the
 * schema's minItems/maxItems, else 5 (the product's default population). Clamped to 1–20.
 */
export function requestedCount(text: string, bounds: { min?: number; max?: number } = {}): number {
  const plain = text.replace(/[*`]/g, ''); // "5 **distinct** prompts" is still 5 prompts
  const m =
    COUNT_PATTERN.exec(plain) ?? /\b(?:N|count|population(?:_size)?)\s*[=:]\s*(\d{1,2})\b/i.exec(plain);
  let n = m ? Number(m[1]) : (bounds.min ?? 5);
  if (bounds.max !== undefined) n = Math.min(n, bounds.max);
  if (bounds.min !== undefined) n = Math.max(n, bounds.min);
  return Math.min(20, Math.max(1, n));
}

/** Parent prompts listed as `#1 (score=0.82): "…"` (also `Parent 1 (score: 0.82): …`). */
export function parseParents(text: string): ParentPrompt[] {
  const parents: ParentPrompt[] = [];
  const pattern = /(?:#|parent\s*)(\d+)\s*\(\s*score\s*[=:]?\s*([\d.]+)\s*\)\s*:?\s*(.+)$/gim;
  for (const m of text.matchAll(pattern)) {
    const body = m[3]!
      .trim()
      .replace(/^["“']|["”']$/g, '')
      .replace(/(?:…|\.\.\.)["”']?$/, '')
      .replace(/["”']$/, '')
      .replace(/\\n/g, '\n');
    if (body) parents.push({ index: Number(m[1]), score: Number(m[2]), text: body });
  }
  return parents;
}

/** The base prompt after a "Base prompt:" style marker, quoted, fenced or up to a blank line. */
export function parseBasePrompt(text: string): string | undefined {
  const marker =
    /(?:base|current|original|starting|seed)\s+(?:system\s+)?prompt\s*(?:\([^)]*\))?\s*[:-]\s*/i.exec(text);
  if (!marker) return undefined;
  const rest = text.slice(marker.index + marker[0].length);
  const fenced = /^(```|"""|"|“)([\s\S]*?)(```|"""|"|”)/.exec(rest);
  const body = fenced ? fenced[2]! : rest.split(/\n\s*\n/)[0]!;
  return body.trim() || undefined;
}

/** Instruction sentences of a prompt, with list numbering and bullets removed. */
export function instructionSentences(prompt: string): string[] {
  return prompt
    .split(/\n+|(?<=[.!?])\s+/)
    .map((s) => s.replace(/^\s*(?:rules?:?|\d+[.):]|[-*•])\s*/i, '').trim())
    .filter((s) => s.length > 2 && !/^rules?:?$/i.test(s));
}

const numbered = (lines: string[]) => lines.map((l, i) => `${i + 1}. ${l}`).join('\n');
const uniq = (lines: string[]) => [...new Set(lines)];

function snippets(rng: Rng, n: number): string[] {
  return rng
    .shuffle(ALL_SNIPPETS)
    .slice(0, n)
    .map((s) => s.text);
}

/** Composes one prompt of a quick-mode style from base sentences and random library snippets. */
function composeStyle(style: (typeof QUICK_STYLES)[number], base: string[], rng: Rng): string {
  const [role = DEFAULT_ROLE, ...rest] = base.length > 0 ? base : [DEFAULT_ROLE];
  switch (style) {
    case 'concise':
      return uniq([role, ...snippets(rng, 1)]).join(' ');
    case 'detailed':
      return uniq([role, ...rest, ...snippets(rng, 3)]).join(' ');
    case 'structured':
      return `${role}\nRules:\n${numbered(uniq([...rest, ...snippets(rng, 3)]))}`;
    case 'conversational':
      return uniq([`Hi! ${role}`, ...rest, ...snippets(rng, 2)]).join(' ');
    case 'technical':
      return `Specification: ${uniq([role, ...snippets(rng, 2), ...rest]).join(' ')}`;
  }
}

/** Applies one mutation to a parent (and, for crossover, a second parent). */
function mutate(kind: Mutation, parent: string[], other: string[], rng: Rng): string {
  const [role = DEFAULT_ROLE, ...rest] = parent.length > 0 ? parent : [DEFAULT_ROLE];
  switch (kind) {
    case 'conservative':
    case 'add_instruction':
      return uniq([role, ...rest, ...snippets(rng, 1)]).join(' ');
    case 'bold':
      return `${role}\nRules:\n${numbered(uniq([...rng.shuffle(rest), ...snippets(rng, 3)]))}`;
    case 'crossover': {
      const mixed = [...rest.filter(() => rng.chance(0.6)), ...other.slice(1).filter(() => rng.chance(0.6))];
      return uniq([role, ...mixed]).join(' ');
    }
    case 'remove_instruction': {
      const drop = rest.length > 0 ? rng.int(rest.length) : -1;
      return uniq([role, ...rest.filter((_, i) => i !== drop)]).join(' ');
    }
    case 'rephrase':
      return uniq([role, ...rng.shuffle(rest)]).join('\n');
  }
}

/**
 * Generates prompt variations like a meta-model would. Quick mode (no parents) cycles through the
 * product's styles; evolutionary mode mutates the quoted parents (at least one conservative and
 * one bold child when two or more are asked for, conservative children come from the best parent).
 * @param input.base - the base prompt, if the meta-prompt quotes one
 * @param input.parents - parent prompts of an evolutionary meta-prompt
 * @param input.count - number of prompts to return
 * @returns exactly `count` candidates, with `parent_index`/`mutation_type` in evolutionary mode
 */
export function generatePromptVariations(
  input: { base?: string; parents: ParentPrompt[]; count: number },
  rng: Rng,
): PromptCandidate[] {
  const out: PromptCandidate[] = [];
  const base = instructionSentences(input.base ?? '');
  if (input.parents.length === 0) {
    for (let i = 0; i < input.count; i++) {
      const style = QUICK_STYLES[i % QUICK_STYLES.length]!;
      out.push({ style, prompt: composeStyle(style, base, rng) });
    }
    return out;
  }
  const ranked = [...input.parents].sort((a, b) => b.score - a.score);
  for (let i = 0; i < input.count; i++) {
    const kind: Mutation = i < 2 ? MUTATIONS[i]! : rng.pick(MUTATIONS);
    const parent = kind === 'conservative' ? ranked[0]! : rng.pick(input.parents);
    const other = rng.pick(input.parents);
    const prompt = mutate(kind, instructionSentences(parent.text), instructionSentences(other.text), rng);
    out.push({ style: kind, prompt, parent_index: parent.index, mutation_type: kind });
  }
  return out;
}
