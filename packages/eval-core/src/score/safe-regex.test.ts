import { describe, expect, it } from 'vitest';
import {
  MAX_REGEX_INPUT_LENGTH,
  MAX_REGEX_PATTERN_LENGTH,
  compileSafeRegex,
  safeRegexMatch,
} from './safe-regex.js';

describe(safeRegexMatch.name, () => {
  it.each([
    ['searches (not anchored)', '\\d{4}-\\d{2}', 'on 2025-06-01', true],
    ['anchors when asked', '^\\d+$', '12a', false],
    ['is case-sensitive by default', 'paris', 'Paris', false],
    ['takes /pattern/flags', '/paris/i', 'Paris', true],
    ['invalid regex → string equality (equal)', '[unclosed', '[unclosed', true],
    ['invalid regex → string equality (different)', '[unclosed', 'unclosed', false],
    ['nested quantifier → string equality', '(a+)+$', 'aaaa', false],
    ['quantified alternation → string equality', '(a|aa)*$', '(a|aa)*$', true],
  ])('%s', (_label, pattern, input, expected) => {
    expect(safeRegexMatch(pattern, input)).toBe(expected);
  });

  it('compares over-long input as a string instead of searching it', () => {
    const long = 'a'.repeat(MAX_REGEX_INPUT_LENGTH + 1);
    expect(safeRegexMatch('a', long)).toBe(false);
    expect(safeRegexMatch(long, long)).toBe(true);
  });

  it('refuses over-long patterns', () => {
    expect(compileSafeRegex('a'.repeat(MAX_REGEX_PATTERN_LENGTH + 1))).toBeNull();
  });

  it.each(['(a+)+', '(a*)*b', '(?:x+y*)+', '(a|b)+c', '(\\w+\\s?)*$', '(a?)+$', '(a{1,3}){2,}', '((ab)*c)+'])(
    'refuses the catastrophic shape %s',
    (pattern) => {
      expect(compileSafeRegex(pattern)).toBeNull();
    },
  );

  it.each(['^[a-z]+$', '(ab){2}', '(a+)?', '[(+*)]+', '\\(a+\\)+', 'a+b+c+', '(?:ab)+', '^.+@.+\\..+$'])(
    'accepts the harmless shape %s',
    (pattern) => {
      expect(compileSafeRegex(pattern)).not.toBeNull();
    },
  );

  it.each([
    ['^\\d{4}$', MAX_REGEX_INPUT_LENGTH],
    ['.*x', MAX_REGEX_INPUT_LENGTH],
    ['.*.*x', 271],
    ['.*.*.*x', 66],
    ['a*a*a*a*b', 28],
  ])('caps the input searched by %s at %i characters', (pattern, cap) => {
    expect(compileSafeRegex(pattern)?.maxInputLength).toBe(cap);
  });

  it('compares input over the cap as a string', () => {
    expect(safeRegexMatch('.*.*.*x', `${'a'.repeat(70)}x`)).toBe(false);
    expect(safeRegexMatch('.*.*.*x', `${'a'.repeat(60)}x`)).toBe(true);
  });

  it('never takes long on hostile input it accepts', () => {
    const started = performance.now();
    for (const pattern of ['.*x', '.*.*x', '.*.*.*x', 'a*a*a*a*b', '\\w*\\w*\\w*$', '^.+@.+\\..+$']) {
      const cap = compileSafeRegex(pattern)?.maxInputLength ?? 0;
      safeRegexMatch(pattern, 'a'.repeat(cap));
      safeRegexMatch(pattern, `${'@a.'.repeat(cap / 3)}`);
    }
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
