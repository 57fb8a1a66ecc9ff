import { COMMON_CAPITALISED, stem, STOPWORDS } from './text.js';

/** A piece of the prompt that could become an argument value. */
export interface Span {
  kind: 'quoted' | 'number' | 'capitalised' | 'date' | 'time' | 'datetime' | 'email';
  start: number;
  end: number;
  text: string;
}

/** Every candidate value found in a prompt, grouped by kind, each list in prompt order. */
export type PromptValues = Record<Span['kind'], Span[]>;

/** Quotes: "…", “…”, ‘…’ and '…' — the last only between word boundaries so "it's" is not a quote. */
const QUOTE_PATTERN = /"([^"\n]+)"|“([^”\n]+)”|‘([^’\n]+)’|(?<![\w])'([^'\n]+)'(?![\w])/g;

/** `text` with every quoted passage blanked out (same length), for reading intent without the data. */
export function maskQuoted(text: string): string {
  return text.replace(QUOTE_PATTERN, (m) => ' '.repeat(m.length));
}

const PATTERNS: Array<[Span['kind'], RegExp]> = [
  ['email', /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g],
  ['datetime', /\b\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(?::\d{2})?\b/g],
  ['date', /\b\d{4}-\d{2}-\d{2}\b/g],
  ['time', /\b\d{1,2}:\d{2}(?::\d{2})?\b/g],
  ['quoted', QUOTE_PATTERN],
  ['number', /(?<![\w.:-])-?\d+(?:\.\d+)?(?![\w:@]|\.\d)/g],
];

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/**
 * Finds the candidate values of a prompt. Earlier patterns win overlaps, so the "14" of "14:30" is
 * a time, not a number, and words inside quotes are never capitalised-name candidates.
 * @param prompt - the user request
 * @param excludedWords - lower-cased words never taken as names (the tool's enum values, e.g. "Celsius")
 */
export function findPromptValues(
  prompt: string,
  excludedWords: ReadonlySet<string> = new Set(),
): PromptValues {
  const values: PromptValues = {
    quoted: [],
    number: [],
    capitalised: [],
    date: [],
    time: [],
    datetime: [],
    email: [],
  };
  const taken: Span[] = [];
  for (const [kind, pattern] of PATTERNS) {
    for (const m of prompt.matchAll(pattern)) {
      const outer = { start: m.index, end: m.index + m[0].length };
      if (taken.some((t) => overlaps(t, outer))) continue;
      taken.push({ kind, ...outer, text: m[0] });
      const inner = kind === 'quoted' ? (m.slice(1).find((g) => g !== undefined) ?? '') : m[0];
      values[kind].push({ kind, ...outer, text: inner.trim() });
    }
  }
  values.capitalised = findCapitalised(prompt, taken, excludedWords);
  return values;
}

function isCommon(word: string, excludedWords: ReadonlySet<string>): boolean {
  const w = word.toLowerCase().replace(/['’]/g, '');
  return COMMON_CAPITALISED.has(w) || excludedWords.has(w);
}

/** Runs of capitalised words ("New York", "Anna Smith"), minus grammar capitals like "What's". */
function findCapitalised(prompt: string, taken: readonly Span[], excludedWords: ReadonlySet<string>): Span[] {
  const spans: Span[] = [];
  for (const m of prompt.matchAll(/[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*/g)) {
    const parts = [...m[0].matchAll(/\S+/g)].map((p) => ({ word: p[0], at: m.index + p.index }));
    while (parts.length > 0 && isCommon(parts[0]!.word, excludedWords)) parts.shift();
    while (parts.length > 0 && isCommon(parts[parts.length - 1]!.word, excludedWords)) parts.pop();
    if (parts.length === 0) continue;
    const first = parts[0]!;
    const last = parts[parts.length - 1]!;
    const span: Span = {
      kind: 'capitalised',
      start: first.at,
      end: last.at + last.word.length,
      text: prompt.slice(first.at, last.at + last.word.length).replace(/[.'’]+$/, ''),
    };
    if (!taken.some((t) => overlaps(t, span))) spans.push(span);
  }
  return spans;
}

/**
 * Items of a plain-text list such as "milk, eggs and bread" or "apples, rice and olive oil".
 * The first item keeps only the words after the last filler word ("Add milk" → "milk") and the
 * last item stops at the first filler word ("bread to my list" → "bread").
 * @returns the items, or [] when the prompt holds no comma-separated list
 */
export function findListItems(prompt: string): string[] {
  const m = /([^,.;:!?]+)((?:,\s*[^,.;:!?]+?)+),?\s+(?:and|or)\s+([^,.;:!?]+)/.exec(prompt);
  if (!m) return [];
  const headWords = m[1]!.trim().split(/\s+/);
  let cut = headWords.length;
  while (cut > 0 && !isFiller(headWords[cut - 1]!)) cut--;
  const first = headWords.slice(cut).join(' ');
  const middle = m[2]!
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const tailWords = m[3]!.trim().split(/\s+/);
  const stop = tailWords.findIndex(isFiller);
  const last = (stop === -1 ? tailWords : tailWords.slice(0, stop)).join(' ');
  return [first, ...middle, last].filter((item) => item.length > 0);
}

function isFiller(word: string): boolean {
  const w = word.toLowerCase();
  return STOPWORDS.has(w) || COMMON_CAPITALISED.has(w) || ['list', 'buy', 'need', 'items'].includes(w);
}

/**
 * Stemmed words around a span, with their distance from it (1 = adjacent). A `%` or `°` glued to
 * a number counts as the word "percent"/"degree", since that is how people write units.
 */
export function contextWords(
  prompt: string,
  span: Span,
  before = 5,
  after = 3,
): Array<{ w: string; d: number; side: 'before' | 'after' }> {
  const toWords = (text: string) =>
    (text.match(/[A-Za-z0-9]+|%|°/g) ?? []).map((w) =>
      stem(w === '%' ? 'percent' : w === '°' ? 'degree' : w),
    );
  const left = toWords(prompt.slice(0, span.start)).slice(-before).reverse();
  const right = toWords(prompt.slice(span.end)).slice(0, after);
  return [
    ...left.map((w, i) => ({ w, d: i + 1, side: 'before' as const })),
    ...right.map((w, i) => ({ w, d: i + 1, side: 'after' as const })),
  ];
}
