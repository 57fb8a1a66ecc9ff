/** Lower-cased words of a prompt: what "the same prompt" means for de-duplication. */
export function promptTokens(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}

/** Jaccard similarity of the prompts' word sets (1 = same words). */
export function promptSimilarity(a: string, b: string): number {
  const x = new Set(promptTokens(a));
  const y = new Set(promptTokens(b));
  if (x.size === 0 && y.size === 0) return 1;
  let both = 0;
  for (const t of x) if (y.has(t)) both++;
  return both / (x.size + y.size - both);
}

/** Prompts at least this similar are near-duplicates: evaluating both would pay twice for one prompt. */
export const NEAR_DUPLICATE = 0.9;

/**
 * For each new prompt, the index (into `known`, then into the new prompts before it) of an earlier
 * near-duplicate, or null when it is new. Order matters: the first of a pair is kept.
 */
export function findNearDuplicates(
  known: readonly string[],
  fresh: readonly string[],
  threshold = NEAR_DUPLICATE,
): (number | null)[] {
  const seen = [...known];
  return fresh.map((text) => {
    const dup = seen.findIndex((s) => promptSimilarity(s, text) >= threshold);
    seen.push(text);
    return dup >= 0 ? dup : null;
  });
}
