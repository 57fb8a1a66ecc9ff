/**
 * Small text helpers shared by tool choice, argument extraction and the judge. The sandbox
 * deliberately uses crude, explainable NLP (word overlap, regexes) so that a test author can
 * predict what it will do from the prompt alone.
 */

/** Function words and filler verbs that carry no signal for tool choice or values. */
export const STOPWORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from into onto about as is are was were be been ' +
    'being am do does did doing have has had it its this that these those there here what whats which who ' +
    'whom whose when where why how i me my mine we us our you your yours he she they them their his her ' +
    'can could would should will shall may might must please pls thanks thank hey hi hello just also then ' +
    'now right some any all each every so very too up down out over again than not no yes ok okay let lets ' +
    'like want need make get give go put add use tell show find know see new one my our its via using'
  ).split(/\s+/),
);

/** Words that start a sentence or a request and are capitalised for grammar, not because they are names. */
export const COMMON_CAPITALISED = new Set(
  (
    'what whats how who where when why which is are can could would will should please set turn switch ' +
    'start play send create make schedule lock unlock get check tell give show find look add remind ' +
    'i im it its the a an my our your and or but then also today tomorrow ok hey hi'
  ).split(/\s+/),
);

/** Lower-cased alphanumeric words of `text`, in order. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [];
}

/**
 * A deliberately rough stemmer ("lights" → "light", "shuffled" → "shuffl", "shuffle" → "shuffl")
 * applied to both sides of every comparison, so only consistency matters, not linguistics.
 */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/'s$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Stemmed, non-stopword tokens of `text`. */
export function contentTokens(text: string): string[] {
  return words(text)
    .filter((w) => !STOPWORDS.has(w))
    .map(stem);
}

/** Splits `get_weather`, `getWeather`, `get-weather` or `get.weather` into lower-cased words. */
export function splitIdentifier(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** Escapes `text` for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Rough token estimate used for usage reports and latency (OpenAI's "≈ 4 characters per token"). */
export function estimateTokens(text: string): number {
  return text.length === 0 ? 0 : Math.ceil(text.length / 4);
}

/** Shortens `text` to `max` characters, marking the cut with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

/** Stable JSON: object keys sorted, so hashes and comparisons ignore key order. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
