import { describe, expect, it } from 'vitest';
import { repairCompare, repairReport, repairVerdict, gradeOf } from './repair.js';
import {
  combineJury,
  interJudgeAgreement,
  reconcileSwap,
  scorerAgreement,
  summarizeComparison,
  verdictScore,
} from './aggregate.js';
import type { Verdict } from './schemas.js';

const clean = {
  quality_score: 5,
  verdict: 'pass',
  summary: 'Correct call.',
  reasoning: 'All good.',
  tool_selection_assessment: 'correct',
  param_assessment: 'exact',
};

describe('repairVerdict', () => {
  it('takes a clean answer as is', () => {
    expect(repairVerdict(JSON.stringify(clean))).toEqual({ value: clean, repairs: [] });
  });
  it('reads verdicts wrapped in prose or fences, and broken or cut-off JSON', () => {
    expect(repairVerdict(`Here is my verdict: ${JSON.stringify(clean)} Thanks.`)?.value.verdict).toBe('pass');
    expect(repairVerdict('```json\n' + JSON.stringify(clean) + '\n```')?.repairs).toEqual([
      'answer was fenced',
    ]);
    const cut = repairVerdict('{"quality_score": 2, "verdict": "fail", "summary": "Wrong tool", "reason');
    expect(cut?.value).toMatchObject({ quality_score: 2, verdict: 'fail', summary: 'Wrong tool' });
  });
  it('fills missing fields and rescales out-of-range scores', () => {
    const r = repairVerdict('{"quality_score": 9, "verdict": "PASSED"}')!;
    expect(r.value).toMatchObject({
      quality_score: 5,
      verdict: 'pass',
      tool_selection_assessment: 'correct',
      param_assessment: 'exact',
    });
    expect(r.repairs.join(' ')).toMatch(/out of 1–5/);
    expect(repairVerdict('{"quality_score": 2}')!.value.verdict).toBe('fail');
    expect(repairVerdict('{"verdict": "partial"}')!.value).toMatchObject({
      verdict: 'marginal',
      quality_score: 3,
    });
    expect(repairVerdict(JSON.stringify({ ...clean, summary: 'x'.repeat(300) }))!.value.summary).toHaveLength(
      100,
    );
  });
  it('gives up on answers with no verdict at all', () => {
    expect(repairVerdict('I think it is fine.')).toBeNull();
    expect(repairVerdict('{"note": "hm"}')).toBeNull();
  });
});

describe('repairReport', () => {
  it('derives the grade from the score and rescales', () => {
    expect(repairReport('{"overall_score": 0.87, "strengths": "fast"}', 10).value).toMatchObject({
      overall_score: 87,
      overall_grade: 'B+',
      strengths: ['fast'],
    });
    expect(repairReport('{"overall_grade": "a-", "overall_score": 140}', 10).value).toMatchObject({
      overall_score: 100,
      overall_grade: 'A-',
    });
  });
  it('falls back to the verdict score when the answer is unusable', () => {
    const r = repairReport('no idea', 55);
    expect(r.value).toMatchObject({ overall_score: 55, overall_grade: 'F' });
    expect(r.repairs).toEqual(['no usable report; built from the verdicts']);
  });
  it('grades', () => {
    expect([95, 91, 85, 72, 79, 61, 59].map(gradeOf)).toEqual(['A', 'A-', 'B', 'C-', 'C+', 'D-', 'F']);
  });
});

describe('comparisons', () => {
  it('maps winner aliases and percentages', () => {
    expect(repairCompare('{"winner": "A", "confidence": 80}')!.value).toEqual({
      winner: 'a',
      confidence: 0.8,
      reasoning: '',
    });
    expect(repairCompare('{"winner": "nobody"}')).toBeNull();
  });
  it('a verdict that flips with the order is a tie', () => {
    const v = (winner: 'a' | 'b' | 'tie') => ({ winner, confidence: 0.9, reasoning: '' });
    expect(reconcileSwap(v('a'), v('b'))).toEqual({ winner: 'a', consistent: true });
    expect(reconcileSwap(v('a'), v('a'))).toEqual({ winner: 'tie', consistent: false });
    expect(reconcileSwap(v('tie'), v('tie'))).toEqual({ winner: 'tie', consistent: true });
  });
  it('summarises wins, ties and position consistency', () => {
    const s = summarizeComparison([
      { winner: 'a', consistent: true },
      { winner: 'a', consistent: true },
      { winner: 'tie', consistent: false },
      { winner: 'b', consistent: true },
    ]);
    expect(s).toMatchObject({
      overall_winner: 'model_a',
      wins_a: 2,
      wins_b: 1,
      tie_cases: 1,
      score_a: 62.5,
      score_b: 37.5,
      position_consistency: 0.75,
    });
  });
});

describe('jury and agreement', () => {
  const v = (verdict: Verdict['verdict'], q: number): Verdict =>
    ({ ...clean, verdict, quality_score: q }) as Verdict;
  it('majority verdict, mean quality, split jury is marginal', () => {
    expect(combineJury([v('pass', 5), v('pass', 4), v('fail', 1)])).toMatchObject({
      verdict: { verdict: 'pass', quality_score: 3 },
      unanimous: false,
    });
    expect(combineJury([v('pass', 5), v('fail', 1)]).verdict.verdict).toBe('marginal');
  });
  it('measures agreement', () => {
    expect(
      interJudgeAgreement([
        [v('pass', 5), v('pass', 5)],
        [v('pass', 5), v('fail', 1)],
      ]),
    ).toBe(0.5);
    expect(interJudgeAgreement([[v('pass', 5)]])).toBeNull();
    expect(
      scorerAgreement([
        { judgePass: true, scorerPass: true },
        { judgePass: false, scorerPass: true },
      ]),
    ).toBe(0.5);
    expect(verdictScore([v('pass', 5), v('marginal', 3), v('fail', 1), v('fail', 1)])).toBe(38);
  });
});
