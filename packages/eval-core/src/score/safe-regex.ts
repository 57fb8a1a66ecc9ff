/**
 * Regex matching for user-written expected values, guarded against catastrophic backtracking.
 * Node's RegExp has no timeout and scoring runs on shared workers, so:
 * - patterns that backtrack exponentially (a repeated group that itself contains a variable
 *   quantifier or an alternation: `(a+)+`, `(a|aa)*`) are refused;
 * - with k unbounded quantifiers the worst case grows like n^(k+1) in the input length n, so the
 *   input searched is capped to keep n^(k+1) under a fixed step budget (500 chars for one
 *   quantifier, ~270 for two, ~65 for three, ...).
 * Anything refused is compared by string equality instead.
 */

/** Longest pattern accepted. */
export const MAX_REGEX_PATTERN_LENGTH = 256;
/** Longest input ever searched (argument values are short; a long one is compared as a string). */
export const MAX_REGEX_INPUT_LENGTH = 500;
// ~2e7 backtracking steps stay around tens of milliseconds in V8.
const STEP_BUDGET = 2e7;

interface Quantifier {
  /** Can repeat what it follows more than once. */
  repeats: boolean;
  /** Matches a variable number of times (so backtracking has choices). */
  variable: boolean;
  /** Unbounded, or so wide (≥ 10) that it behaves like it. */
  unbounded: boolean;
}

function quantifierAt(pattern: string, i: number): Quantifier | null {
  const ch = pattern[i];
  if (ch === '*' || ch === '+') return { repeats: true, variable: true, unbounded: true };
  // `?` after `(` opens a group kind (`(?:`, `(?=`), anywhere else it is "optional" or "lazy".
  if (ch === '?') return pattern[i - 1] === '(' ? null : { repeats: false, variable: true, unbounded: false };
  if (ch !== '{') return null;
  const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(pattern.slice(i, i + 24));
  if (!m) return null;
  const min = Number(m[1]);
  const max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
  return { repeats: max >= 2, variable: max > min, unbounded: max - min >= 10 };
}

interface Group {
  variable: boolean;
  alternation: boolean;
}

/** Counts unbounded quantifiers and detects exponential shapes, in one pass over the pattern. */
function analyse(pattern: string): { unbounded: number; nested: boolean } {
  const stack: Group[] = [{ variable: false, alternation: false }];
  let unbounded = 0;
  let nested = false;
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    const top = stack[stack.length - 1] as Group;
    const q = inClass ? null : quantifierAt(pattern, i);
    if (ch === '\\') i++;
    else if (inClass) inClass = ch !== ']';
    else if (ch === '[') inClass = true;
    else if (ch === '(') stack.push({ variable: false, alternation: false });
    else if (ch === '|') top.alternation = true;
    else if (q !== null) {
      if (q.unbounded) unbounded++;
      if (q.variable) top.variable = true;
    } else if (ch === ')' && stack.length > 1) {
      const group = stack.pop() as Group;
      const after = quantifierAt(pattern, i + 1);
      if (after?.repeats && (group.variable || group.alternation)) nested = true;
      if (group.variable) (stack[stack.length - 1] as Group).variable = true;
    }
  }
  return { unbounded, nested };
}

/** A compiled expected-value regex and the longest input it may search. */
export interface SafeRegex {
  regex: RegExp;
  maxInputLength: number;
}

/**
 * Compiles an expected value as a regex: `pattern` or `/pattern/flags` (flags i, m, s, u).
 * @param source the expected value
 * @returns the RegExp and its input cap, or null when it is invalid or can backtrack exponentially
 */
export function compileSafeRegex(source: string): SafeRegex | null {
  if (source.length > MAX_REGEX_PATTERN_LENGTH) return null;
  const literal = /^\/(.+)\/([imsu]*)$/s.exec(source);
  const pattern = literal ? (literal[1] as string) : source;
  const flags = literal ? (literal[2] as string) : '';
  const shape = analyse(pattern);
  if (shape.nested) return null;
  const maxInputLength = Math.min(
    MAX_REGEX_INPUT_LENGTH,
    Math.floor(STEP_BUDGET ** (1 / (shape.unbounded + 1))),
  );
  try {
    return { regex: new RegExp(pattern, flags), maxInputLength };
  } catch {
    return null;
  }
}

/**
 * Searches `input` for the expected pattern; anything that cannot be searched safely (invalid or
 * exponential pattern, input longer than the pattern's cap) is compared by string equality
 * instead. Never throws.
 * @param source the expected value (a pattern)
 * @param input the actual value as text
 * @returns whether it matches
 */
export function safeRegexMatch(source: string, input: string): boolean {
  const safe = compileSafeRegex(source);
  if (safe === null || input.length > safe.maxInputLength) return source === input;
  return safe.regex.test(input);
}
