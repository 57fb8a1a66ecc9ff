const cache = new Map<string, RegExp>();

function compile(pattern: string): RegExp {
  const alternatives = pattern
    .split('|')
    .map((alt) => alt.trim().toLowerCase())
    .filter((alt) => alt.length > 0)
    .map((alt) =>
      alt
        .split('*')
        .map((part) => part.replace(/[.+?^${}()[\]\\]/g, '\\$&'))
        .join('.*'),
    );
  return new RegExp(`^(?:${alternatives.join('|')})$`);
}

/**
 * Whole-string, case-insensitive glob match: `*` matches any run of characters and `|` separates
 * alternatives. No other character is special.
 *
 * @example
 * matchGlob('o1*|o3*|o4*', 'o3-mini') // true
 * matchGlob('o1*|o3*|o4*', 'model-o3') // false
 * @param pattern - the glob
 * @param text - the string to test (usually a bare model id)
 * @returns whether the whole string matches
 */
export function matchGlob(pattern: string, text: string): boolean {
  let re = cache.get(pattern);
  if (!re) {
    re = compile(pattern);
    cache.set(pattern, re);
  }
  return re.test(text.toLowerCase());
}
