import {
  compareParams,
  isAlternative,
  paramsValue,
  toolMatches,
  toolValue,
  type ExpectedTool,
} from './call-compare.js';
import { valueAfter } from './json-scan.js';
import { truncate } from './text.js';

/** Per-case verdict, in the product's schema (spec 6.3). */
export interface Verdict {
  quality_score: number;
  verdict: 'pass' | 'marginal' | 'fail';
  summary: string;
  reasoning: string;
  tool_selection_assessment: 'correct' | 'acceptable_alternative' | 'wrong';
  param_assessment: 'exact' | 'close' | 'partial' | 'wrong';
  judge_override_score: number | null;
  override_reason: string | null;
}

const label = (what: string) => new RegExp(`\\b${what}[ _](?:tool|function)(?:\\(s\\)|s)?\\s*[:=]\\s*`, 'i');
const paramsLabel = (what: string) =>
  new RegExp(`\\b${what}[ _](?:params|parameters|arguments|args)\\s*[:=]\\s*`, 'i');

/** Reads expected/actual tool and params out of a verdict prompt. */
export function parseVerdictEvidence(prompt: string) {
  const expectedTool = toolValue(valueAfter(prompt, label('expected')).value);
  const actualRaw = toolValue(valueAfter(prompt, label('actual')).value);
  return {
    expectedTool,
    expectedParams: paramsValue(valueAfter(prompt, paramsLabel('expected')).value),
    actualTool: Array.isArray(actualRaw) ? (actualRaw[0] ?? null) : actualRaw,
    actualParams: paramsValue(valueAfter(prompt, paramsLabel('actual')).value),
  };
}

const show = (tool: ExpectedTool) => (tool === null ? 'no tool' : [tool].flat().join(' or '));

/**
 * Judges one case from its evidence, the way a careful judge would: a pass (5) only when the
 * actual tool and parameters equal the expected ones, marginal when the tool is right and most
 * parameters are, fail otherwise. It never invents evidence, so tests can predict each verdict.
 */
export function judgeVerdict(prompt: string): Verdict {
  const { expectedTool, expectedParams, actualTool, actualParams } = parseVerdictEvidence(prompt);
  const base = { judge_override_score: null, override_reason: null };
  if (expectedTool === null && actualTool === null) {
    return {
      ...base,
      quality_score: 5,
      verdict: 'pass',
      summary: 'Correctly answered without calling a tool.',
      reasoning:
        'No tool was expected and none was called. The model recognised the request was out of scope.',
      tool_selection_assessment: 'correct',
      param_assessment: 'exact',
    };
  }
  if (!toolMatches(expectedTool, actualTool)) {
    const alternative = isAlternative(expectedTool, actualTool);
    const fraction = compareParams(expectedParams, actualParams).fraction;
    const what = actualTool === null ? 'made no tool call' : `called ${actualTool}`;
    return {
      quality_score: alternative ? 2 : 1,
      verdict: 'fail',
      summary: truncate(`Expected ${show(expectedTool)} but the model ${what}.`, 100),
      reasoning: `The expected tool was ${show(expectedTool)}; the model ${what}. ${
        alternative
          ? 'The chosen tool does a similar job, so the intent was partly understood.'
          : 'This does not fulfil the request.'
      }`,
      tool_selection_assessment: alternative ? 'acceptable_alternative' : 'wrong',
      param_assessment:
        actualTool === null ? 'wrong' : fraction === 1 ? 'exact' : fraction > 0 ? 'partial' : 'wrong',
      judge_override_score: alternative ? Math.round(fraction * 0.8 * 100) / 100 : null,
      override_reason: alternative ? `${actualTool} is functionally close to ${show(expectedTool)}.` : null,
    };
  }
  const { fraction, allClose } = compareParams(expectedParams, actualParams);
  if (fraction === 1) {
    return {
      ...base,
      quality_score: 5,
      verdict: 'pass',
      summary: `Correct call to ${actualTool} with exact parameters.`,
      reasoning: `The model called ${actualTool} as expected. Every expected parameter matches exactly.`,
      tool_selection_assessment: 'correct',
      param_assessment: 'exact',
    };
  }
  const pct = Math.round(fraction * 100);
  const marginal = allClose || fraction >= 0.5;
  return {
    ...base,
    quality_score: allClose ? 4 : marginal ? 3 : 2,
    verdict: marginal ? 'marginal' : 'fail',
    summary: truncate(`Right tool ${actualTool}, ${pct}% of parameters exact.`, 100),
    reasoning: `The tool choice is correct. Only ${pct}% of the expected parameters match exactly${
      allClose ? ', the others are close' : ''
    }, so the call would not do exactly what the user asked.`,
    tool_selection_assessment: 'correct',
    param_assessment: allClose ? 'close' : marginal ? 'partial' : 'wrong',
  };
}

/** Letter grade of a 0–100 score, with +/- in the top and bottom thirds of each band. */
export function letterGrade(score: number): string {
  if (score < 60) return 'F';
  const letter = score >= 90 ? 'A' : score >= 80 ? 'B' : score >= 70 ? 'C' : 'D';
  const within = score >= 90 ? (score - 90) / 10 : (score % 10) / 10;
  return within >= 0.7 ? `${letter}+` : within < 0.3 ? `${letter}-` : letter;
}

/**
 * Cross-case report (spec 6.4) from lines `Case <id>: <verdict> (score q/5) - <summary>`.
 * The score is the pass share (a marginal counts half), the grade follows from it, and the
 * strengths and weaknesses quote the verdict summaries.
 */
export function judgeReport(prompt: string) {
  const cases = [
    ...prompt.matchAll(
      /^\s*[-*]?\s*case\s+([^:\n]+):\s*(pass|marginal|fail|error)\b[^\n]*?(?:-\s*(.*))?$/gim,
    ),
  ];
  const count = (v: string) => cases.filter((c) => c[2]!.toLowerCase() === v).length;
  const n = cases.length;
  const [pass, marginal] = [count('pass'), count('marginal')];
  const score = n === 0 ? 0 : Math.round((100 * (pass + 0.5 * marginal)) / n);
  const summaries = (v: string[]) => [
    ...new Set(
      cases
        .filter((c) => v.includes(c[2]!.toLowerCase()))
        .map((c) => (c[3] ?? '').trim())
        .filter(Boolean),
    ),
  ];
  const failures = summaries(['fail', 'error']);
  const model =
    /\bmodel(?:[ _](?:id|name))?\s*[:=]\s*["']?([^\n"']+)/i.exec(prompt)?.[1]?.trim() ?? 'unknown';
  const recommendations = [
    failures.some((s) => /no tool call|made no/i.test(s)) &&
      'Tell the model to always call a tool when one applies.',
    failures.some((s) => /without|no tool|although/i.test(s)) &&
      'Say what to do when no tool fits the request.',
    (marginal > 0 || failures.some((s) => /parameters/i.test(s))) &&
      'Ask the model to copy values exactly as written.',
  ].filter((r): r is string => Boolean(r));
  const winner = /winning (?:config|configuration|prompt)/i.test(prompt)
    ? ' The winning setup reduced the share of failed calls, which is why it ranked first.'
    : '';
  return {
    overall_grade: n === 0 ? '?' : letterGrade(score),
    overall_score: score,
    strengths: [`${pass} of ${n} cases pass.`, ...summaries(['pass']).slice(0, 2)],
    weaknesses: failures.length > 0 ? failures.slice(0, 3) : ['No systematic weakness found.'],
    cross_case_analysis: `${pass} pass, ${marginal} marginal and ${n - pass - marginal} failing cases out of ${n}.${winner}`,
    recommendations: recommendations.length > 0 ? recommendations : ['Keep the current configuration.'],
    model_id: model,
    model_name: model,
  };
}
