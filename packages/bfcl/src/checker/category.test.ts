import { describe, expect, it } from 'vitest';
import { isRelevanceCategory, matcherForCategory } from './category.js';

describe(matcherForCategory.name, () => {
  it.each([
    ['simple_python', 'simple'],
    ['live_simple', 'simple'],
    ['multiple', 'multiple'],
    ['live_multiple', 'multiple'],
    ['parallel', 'parallel'],
    ['parallel_multiple', 'parallel'],
    ['live_parallel_multiple', 'parallel'],
    ['irrelevance', 'irrelevance'],
    ['live_irrelevance', 'irrelevance'],
    ['live_relevance', 'relevance'],
  ])('%s uses the %s matcher', (category, matcher) => {
    expect(matcherForCategory(category)).toBe(matcher);
    expect(isRelevanceCategory(category)).toBe(matcher === 'irrelevance' || matcher === 'relevance');
  });

  it.each(['simple_java', 'simple_javascript', 'multi_turn_base', 'memory_kv', 'web_search_base'])(
    'refuses %s',
    (category) => {
      expect(() => matcherForCategory(category)).toThrow('not scored');
    },
  );
});
