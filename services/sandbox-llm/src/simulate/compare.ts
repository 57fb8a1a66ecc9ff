import { callQuality, paramsValue, parseCallText, toolValue, type ParsedCall } from './call-compare.js';
import { valueAfter } from './json-scan.js';
import type { Rng } from './rng.js';

/**
 * Probability that the judge names model_a on a tie instead of answering "tie". Real LLM judges
 * favour the first position; simulating a small, documented bias makes a debiased comparison
 * (run once, run swapped, reconcile) measurable in tests.
 */
export const POSITION_BIAS = 0.25;

const sectionStart = (side: 'a' | 'b') => new RegExp(`^[\\s>*#-]*model[ _]?${side}\\b[^:\\n]*:[ \\t]*`, 'im');

/** The text between a section label and the next section label (or the end). */
function section(prompt: string, start: RegExp, ends: RegExp[]): string | undefined {
  const m = start.exec(prompt);
  if (!m) return undefined;
  const rest = prompt.slice(m.index + m[0].length);
  const stops = ends.map((e) => e.exec(rest)?.index ?? rest.length);
  return rest.slice(0, Math.min(...stops, rest.length));
}

function expectedFromPrompt(prompt: string): {
  tool: ReturnType<typeof toolValue>;
  params: Record<string, unknown> | null;
} {
  const tool = valueAfter(prompt, /\bexpected[ _](?:tool|function)\s*[:=]\s*/i);
  if (tool.found) {
    return {
      tool: toolValue(tool.value),
      params: paramsValue(
        valueAfter(prompt, /\bexpected[ _](?:params|parameters|arguments|args)\s*[:=]\s*/i).value,
      ),
    };
  }
  const block = section(prompt, /^[\s>*#-]*expected\b[^:\n]*:[ \t]*/im, [
    sectionStart('a'),
    sectionStart('b'),
  ]);
  const call: ParsedCall = block ? parseCallText(block) : { name: null, params: null };
  return { tool: call.name, params: call.params };
}

/**
 * Per-case A/B verdict (spec 6.5): the side whose call matches the expected one wins; equal
 * quality is a tie, except that with probability {@link POSITION_BIAS} the judge leans to model_a.
 */
export function judgeComparison(prompt: string, rng: Rng) {
  const expected = expectedFromPrompt(prompt);
  const ends = [/^[\s>*#-]*(?:respond|return|output|answer|reply)\b/im, /^\s*\{/m];
  const a = parseCallText(section(prompt, sectionStart('a'), [sectionStart('b'), ...ends]) ?? '');
  const b = parseCallText(section(prompt, sectionStart('b'), [sectionStart('a'), ...ends]) ?? '');
  const qa = callQuality(expected.tool, expected.params, a);
  const qb = callQuality(expected.tool, expected.params, b);
  const caseId = /\btest[ _]case[ _]id\s*[:=]\s*["']?([\w-]+)/i.exec(prompt)?.[1] ?? null;
  const describe = (c: ParsedCall) =>
    c.name === null ? 'no call' : `${c.name}(${JSON.stringify(c.params ?? {})})`;
  if (Math.abs(qa - qb) < 1e-9) {
    const biased = rng.chance(POSITION_BIAS);
    return {
      winner: biased ? 'model_a' : 'tie',
      confidence: biased ? 0.55 : 0.5,
      reasoning: `Both calls are equally good against the expectation (A: ${describe(a)}, B: ${describe(b)}).`,
      test_case_id: caseId,
    };
  }
  const winner = qa > qb ? 'model_a' : 'model_b';
  return {
    winner,
    confidence: Math.min(0.95, Math.round((0.5 + Math.abs(qa - qb) / 2) * 100) / 100),
    reasoning: `${winner === 'model_a' ? 'Model A' : 'Model B'} matches the expected call better (A: ${describe(a)}, B: ${describe(b)}).`,
    test_case_id: caseId,
  };
}

/**
 * Summary of a comparison (spec 6.5) from per-case lines naming one winner each. Lines naming
 * all three outcomes (the answer-shape description) are skipped.
 */
export function judgeComparisonSummary(prompt: string) {
  let [a, b, ties] = [0, 0, 0];
  for (const line of prompt.split('\n')) {
    const found = new Set([...line.matchAll(/\b(model_a|model_b|tie)\b/gi)].map((m) => m[1]!.toLowerCase()));
    if (found.size !== 1) continue;
    if (found.has('model_a')) a++;
    else if (found.has('model_b')) b++;
    else ties++;
  }
  const n = a + b + ties;
  const pct = (wins: number) => (n === 0 ? 0 : Math.round((100 * wins) / n));
  const overall = a > b ? 'model_a' : b > a ? 'model_b' : 'tie';
  return {
    overall_winner: overall,
    score_a: pct(a),
    score_b: pct(b),
    summary: `Model A won ${a}, model B won ${b}, ${ties} ties over ${n} cases.`,
    tie_cases: ties,
  };
}
