import { BfclDataError } from './types.js';

/** Which BFCL routine scores a category. */
export type BfclMatcher = 'simple' | 'multiple' | 'parallel' | 'irrelevance' | 'relevance';

/** Category name parts BFCL scores with other (non-AST or non-Python) checkers. */
const UNSUPPORTED = [
  'java',
  'multi_turn',
  'memory',
  'web_search',
  'format_sensitivity',
  'sql',
  'exec',
  'rest',
  'chatable',
];

/**
 * Picks the matcher the way BFCL does, by substring of the category name: `relevance`
 * (`irrelevance` when the name says so), then `parallel`, then `multiple`, else `simple`.
 * @param category e.g. `simple_python`, `live_parallel_multiple`, `live_irrelevance`
 * @returns the matcher
 * @throws BfclDataError for categories BFCL does not score with the Python AST checker
 */
export function matcherForCategory(category: string): BfclMatcher {
  const unsupported = UNSUPPORTED.find((part) => category.includes(part));
  if (unsupported !== undefined) {
    throw new BfclDataError(`category "${category}" is not scored by BFCL's Python AST checker`);
  }
  if (category.includes('relevance')) return category.includes('irrelevance') ? 'irrelevance' : 'relevance';
  if (category.includes('parallel')) return 'parallel';
  if (category.includes('multiple')) return 'multiple';
  return 'simple';
}

/** @returns true for categories whose right answer is about calling at all, with no ground truth. */
export function isRelevanceCategory(category: string): boolean {
  const m = matcherForCategory(category);
  return m === 'irrelevance' || m === 'relevance';
}
