import type { JsonSchema } from '../schemas/chat-request.schema.js';
import { contextWords, type PromptValues, type Span } from './prompt-values.js';
import { contentTokens, splitIdentifier, stem } from './text.js';

/**
 * Choosing which candidate value in a prompt belongs to which parameter, by the words around it.
 * Split from arguments.ts, which walks the schema; this file only ranks spans.
 */

/** Extra cue words per parameter-name word: how people refer to a value without naming the parameter. */
const SYNONYMS: Record<string, string[]> = {
  label: ['called', 'named', 'labelled', 'labeled', 'name'],
  title: ['titled', 'called', 'named'],
  name: ['called', 'named'],
  message: ['saying', 'says', 'say', 'text', 'reads', 'reading'],
  minute: ['min', 'mins'],
  temperature: ['degree', 'degrees', 'temp'],
  brightness: ['percent', 'bright', 'dim'],
  city: ['in', 'at', 'for', 'near', 'from'],
  location: ['in', 'at', 'near'],
  query: ['search', 'about', 'find'],
};
const STEMMED_SYNONYMS = new Map(Object.entries(SYNONYMS).map(([k, v]) => [stem(k), v.map(stem)]));
/** Parameter names that hold a name or place, so capitalised words are tried before quotes. */
export const NAME_LIKE =
  /city|location|place|town|country|name|person|contact|recipient|artist|venue|where|who/i;
/** Words near a boolean parameter's word that make it false ("without shuffle"). */
export const NEGATION = new Set(['no', 'not', 'without', 'don', 'dont', 'never', 'disable', 'off', 'stop']);

/** `cue`: only values with a cue word nearby; `fallback`: the first free value of the right kind. */
export type Mode = 'cue' | 'fallback';

/** State of one extraction: the prompt, its candidate values and those already taken. */
export interface Ctx {
  prompt: string;
  values: PromptValues;
  used: Set<Span>;
  toolResults: readonly unknown[];
}

/** Stemmed cue words of a parameter: its name, synonyms, and (at half weight) its description. */
export function cues(name: string, schema: JsonSchema): Map<string, number> {
  const map = new Map<string, number>();
  for (const w of contentTokens(schema.description ?? '')) map.set(w, 0.5);
  for (const part of splitIdentifier(name)) {
    map.set(stem(part), 1);
    for (const syn of STEMMED_SYNONYMS.get(stem(part)) ?? []) map.set(syn, 1);
  }
  return map;
}

/**
 * How strongly the words around `span` point at the parameter (0 = not at all). Units follow a
 * number ("10 minutes") while names and quotes follow their cue ("called 'pasta'"), so the
 * expected side counts double.
 */
export function cueScore(ctx: Ctx, span: Span, cueWords: Map<string, number>): number {
  const leading = span.kind === 'number' ? 'after' : 'before';
  let score = 0;
  for (const { w, d, side } of contextWords(ctx.prompt, span)) {
    score += ((cueWords.get(w) ?? 0) / d) * (side === leading ? 1 : 0.5);
  }
  return score;
}

function isSentenceStart(prompt: string, span: Span): boolean {
  return /(^|[.!?:]\s+)$/.test(prompt.slice(0, span.start));
}

/** Best unused span of `kinds`; in cue mode only spans with a cue nearby, in fallback the first one. */
export function takeSpan(
  ctx: Ctx,
  kinds: Span['kind'][],
  cueWords: Map<string, number>,
  mode: Mode,
): Span | undefined {
  const free = kinds.flatMap((k) => ctx.values[k]).filter((s) => !ctx.used.has(s));
  let best: Span | undefined;
  // A capitalised first word is more likely grammar ("Weather in Oslo?") than a name.
  const doubt = (span: Span) => (span.kind === 'capitalised' && isSentenceStart(ctx.prompt, span) ? 0.5 : 1);
  if (mode === 'cue') {
    let bestScore = 0;
    for (const span of free) {
      const score = cueScore(ctx, span, cueWords) * doubt(span);
      if (score > bestScore) [best, bestScore] = [span, score];
    }
  } else {
    const rank = (span: Span) => kinds.indexOf(span.kind);
    best = free.sort((a, b) => rank(a) - rank(b) || doubt(b) - doubt(a) || a.start - b.start)[0];
  }
  if (best) ctx.used.add(best);
  return best;
}
