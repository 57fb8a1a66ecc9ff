import { findJson, salvageObjects } from '@llmbench/loose-json';
import type { CompareVerdict, ModelReport, Verdict } from './schemas.js';

/** A repaired judge answer: the value and what had to be fixed (empty when it was clean). */
export type Repaired<T> = { value: T; repairs: string[] };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first JSON object of an answer: clean, fenced, wrapped in prose, or salvaged from a broken one. */
export function answerObject(
  text: string | null | undefined,
): { value: Record<string, unknown>; repairs: string[] } | null {
  const found = findJson(text, (v) => (isObject(v) ? v : undefined));
  if (found)
    return { value: found.value, repairs: found.form === 'json' ? [] : [`answer was ${found.form}`] };
  const salvaged = salvageObjects(text ?? '').find(isObject);
  if (salvaged)
    return { value: salvaged, repairs: ['answer was broken JSON; used its first complete object'] };
  // A JSON object cut off before its closing brace: close it and try once more.
  const start = (text ?? '').indexOf('{');
  if (start >= 0) {
    const body = (text ?? '').slice(start).replace(/,\s*"[^"]*"?\s*:?\s*[^,{}]*$/, '');
    for (const tail of ['}', '"}']) {
      try {
        const v: unknown = JSON.parse(body + tail);
        if (isObject(v)) return { value: v, repairs: ['answer was cut off; closed it'] };
      } catch {
        /* try the next tail */
      }
    }
  }
  return null;
}

function pick<T extends string>(
  raw: unknown,
  allowed: readonly T[],
  aliases: Record<string, T>,
): T | undefined {
  if (typeof raw !== 'string') return undefined;
  const k = raw
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return (allowed as readonly string[]).includes(k) ? (k as T) : aliases[k];
}

const clampInt = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(x)));
const text = (v: unknown, max: number) => (typeof v === 'string' ? v.trim().slice(0, max) : '');
const list = (v: unknown) =>
  Array.isArray(v)
    ? v.filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim())
    : typeof v === 'string' && v.trim()
      ? [v.trim()]
      : [];

const VERDICT_ALIASES = {
  passed: 'pass',
  success: 'pass',
  correct: 'pass',
  partial: 'marginal',
  borderline: 'marginal',
  failed: 'fail',
  failure: 'fail',
  wrong: 'fail',
  incorrect: 'fail',
} as const;

/**
 * A verdict from a judge's answer, repaired: quality clamped to 1–5 (a 0–10 or 0–100 scale is
 * rescaled), verdict aliases mapped and a missing verdict derived from the quality (and vice versa),
 * summary cut to 100 characters, assessments defaulted from the verdict.
 * @returns null when the answer holds neither a verdict nor a quality score
 */
export function repairVerdict(answer: string | null | undefined): Repaired<Verdict> | null {
  const obj = answerObject(answer);
  if (!obj) return null;
  const o = obj.value;
  const repairs = [...obj.repairs];
  let verdict = pick(o.verdict, ['pass', 'marginal', 'fail'] as const, VERDICT_ALIASES);
  let q = typeof o.quality_score === 'number' ? o.quality_score : Number(o.quality_score);
  if (!Number.isFinite(q)) q = NaN;
  if (Number.isNaN(q) && verdict === undefined) return null;
  if (!Number.isNaN(q) && (q < 1 || q > 5)) {
    const scaled = q > 10 ? q / 20 : q > 5 ? q / 2 : q;
    repairs.push(`quality_score ${q} out of 1–5`);
    q = scaled;
  }
  if (Number.isNaN(q)) {
    q = verdict === 'pass' ? 5 : verdict === 'marginal' ? 3 : 1;
    repairs.push('quality_score missing; derived from the verdict');
  }
  const quality = clampInt(q, 1, 5);
  if (verdict === undefined) {
    verdict = quality >= 4 ? 'pass' : quality === 3 ? 'marginal' : 'fail';
    repairs.push('verdict missing; derived from the quality score');
  }
  const summary = text(o.summary, 100) || text(o.reasoning, 100) || `${verdict} (${quality}/5)`;
  if (typeof o.summary !== 'string' || o.summary.trim().length > 100)
    repairs.push('summary missing or over 100 characters');
  const tool =
    pick(o.tool_selection_assessment, ['correct', 'acceptable_alternative', 'wrong'] as const, {
      alternative: 'acceptable_alternative',
      incorrect: 'wrong',
    }) ?? (verdict === 'fail' ? 'wrong' : 'correct');
  const params =
    pick(o.param_assessment, ['exact', 'close', 'partial', 'wrong'] as const, {
      correct: 'exact',
      incorrect: 'wrong',
    }) ?? (verdict === 'pass' ? 'exact' : verdict === 'marginal' ? 'partial' : 'wrong');
  return {
    value: {
      quality_score: quality,
      verdict,
      summary,
      reasoning: text(o.reasoning, 4000),
      tool_selection_assessment: tool,
      param_assessment: params,
    },
    repairs,
  };
}

const GRADE = /^[A-DF][+-]?$/;

/** Letter grade of a 0–100 score (+/− in the top and bottom thirds of a band). */
export function gradeOf(score: number): string {
  if (score < 60) return 'F';
  const letter = score >= 90 ? 'A' : score >= 80 ? 'B' : score >= 70 ? 'C' : 'D';
  const within = score >= 90 ? (score - 90) / 10 : (score % 10) / 10;
  return within >= 0.7 ? `${letter}+` : within < 0.3 ? `${letter}-` : letter;
}

/**
 * A report from a judge's answer, repaired: score clamped to 0–100 (a 0–1 or 0–10 scale rescaled), a
 * grade derived from the score when missing or not a letter grade, lists from strings.
 * @param fallbackScore - the score to use when the answer has none (from the verdicts)
 */
export function repairReport(
  answer: string | null | undefined,
  fallbackScore: number,
): Repaired<ModelReport> {
  const obj = answerObject(answer);
  const o = obj?.value ?? {};
  const repairs = obj ? [...obj.repairs] : ['no usable report; built from the verdicts'];
  let score = typeof o.overall_score === 'number' ? o.overall_score : Number(o.overall_score);
  if (!Number.isFinite(score)) {
    score = fallbackScore;
    if (obj) repairs.push('overall_score missing; computed from the verdicts');
  } else if (score <= 1 && score >= 0 && score !== 0) {
    score = score * 100;
    repairs.push('overall_score was on a 0–1 scale');
  } else if (score > 100 || score < 0) {
    repairs.push(`overall_score ${score} out of 0–100`);
    score = Math.min(100, Math.max(0, score));
  }
  score = Math.round(score);
  let grade = typeof o.overall_grade === 'string' ? o.overall_grade.trim().toUpperCase() : '';
  if (!GRADE.test(grade)) {
    if (obj) repairs.push('overall_grade missing or not A–F; derived from the score');
    grade = gradeOf(score);
  }
  return {
    value: {
      overall_grade: grade,
      overall_score: score,
      strengths: list(o.strengths),
      weaknesses: list(o.weaknesses),
      cross_case_analysis: text(o.cross_case_analysis, 4000),
      recommendations: list(o.recommendations),
    },
    repairs,
  };
}

/** An A/B judgement from a judge's answer (winner aliases, confidence clamped to 0–1). */
export function repairCompare(answer: string | null | undefined): Repaired<CompareVerdict> | null {
  const obj = answerObject(answer);
  if (!obj) return null;
  const o = obj.value;
  const w = pick(o.winner, ['model_a', 'model_b', 'tie'] as const, {
    a: 'model_a',
    b: 'model_b',
    draw: 'tie',
    equal: 'tie',
    both: 'tie',
    none: 'tie',
  });
  if (!w) return null;
  const repairs = [...obj.repairs];
  let confidence = typeof o.confidence === 'number' ? o.confidence : Number(o.confidence);
  if (!Number.isFinite(confidence)) {
    confidence = 0.5;
    repairs.push('confidence missing');
  } else if (confidence > 1) {
    confidence = Math.min(1, confidence / 100);
    repairs.push('confidence was a percentage');
  }
  return {
    value: {
      winner: w === 'model_a' ? 'a' : w === 'model_b' ? 'b' : 'tie',
      confidence: Math.max(0, confidence),
      reasoning: text(o.reasoning, 4000),
    },
    repairs,
  };
}
