import { describe, expect, it } from 'vitest';
import { judgeComparison, judgeComparisonSummary } from './compare.js';
import { judgeReport, judgeVerdict, letterGrade } from './judge.js';
import { createRng } from './rng.js';
import { detectTask } from './task-detection.js';

const verdictPrompt = (expected: string, expectedParams: string, actual: string, actualParams: string) => `
You are an expert evaluator of tool calling. Assess this case.
User prompt: What's the weather in Paris?
Expected tool: ${expected}
Expected params: ${expectedParams}
Actual tool: ${actual}
Actual params: ${actualParams}
Automated score: 0.8
Respond with JSON: {"quality_score": 1-5, "verdict": "pass"|"marginal"|"fail", ...}`;

describe('judgeVerdict', () => {
  it.each([
    [
      'exact match',
      'get_weather',
      '{"city": "Paris", "unit": "celsius"}',
      'get_weather',
      '{"unit": "celsius", "city": "paris"}',
      'pass',
      5,
    ],
    [
      'one of two params wrong',
      'get_weather',
      '{"city": "Paris", "unit": "celsius"}',
      'get_weather',
      '{"city": "Paris", "unit": "fahrenheit"}',
      'marginal',
      3,
    ],
    ['close value', 'set_timer', '{"minutes": 10}', 'set_timer', '{"minutes": 11}', 'marginal', 4],
    [
      'all params wrong',
      'get_weather',
      '{"city": "Paris", "unit": "celsius"}',
      'get_weather',
      '{"city": "Rome", "unit": "fahrenheit"}',
      'fail',
      2,
    ],
    ['wrong tool', 'get_weather', '{"city": "Paris"}', 'set_timer', '{"minutes": 5}', 'fail', 1],
    ['no call', 'get_weather', '{"city": "Paris"}', 'None', 'None', 'fail', 1],
    ['correct abstention', 'null', 'null', 'none', '{}', 'pass', 5],
    ['hallucinated call', 'None', 'None', 'get_time', '{}', 'fail', 1],
    [
      'list of acceptable tools',
      '["set_timer", "send_notification"]',
      'null',
      'send_notification',
      '{}',
      'pass',
      5,
    ],
  ])('%s', (_name, et, ep, at, ap, verdict, quality) => {
    const v = judgeVerdict(verdictPrompt(et, ep, at, ap));
    expect(v).toMatchObject({ verdict, quality_score: quality });
    expect(v.summary.length).toBeLessThanOrEqual(100);
  });

  it('calls a same-object tool an acceptable alternative with an override suggestion', () => {
    const v = judgeVerdict(
      verdictPrompt('get_weather', '{"city": "Paris"}', 'fetch_weather', '{"city": "Paris"}'),
    );
    expect(v.tool_selection_assessment).toBe('acceptable_alternative');
    expect(v.judge_override_score).toBe(0.8);
  });

  it('reads Python-style dict reprs', () => {
    const v = judgeVerdict(
      verdictPrompt('get_weather', "{'city': 'Paris'}", 'get_weather', "{'city': 'Paris'}"),
    );
    expect(v.verdict).toBe('pass');
  });
});

describe('judgeReport', () => {
  it('grades from the pass share', () => {
    const prompt = `Model: sandbox-precise
Case c1: pass (score 5/5) - Correct call to get_weather with exact parameters.
Case c2: pass (score 5/5) - Correct call to set_timer with exact parameters.
Case c3: marginal (score 3/5) - Right tool get_weather, 50% of parameters exact.
Case c4: fail (score 1/5) - Expected get_time but the model made no tool call.
Return {"overall_grade": ..., "overall_score": ...}`;
    const r = judgeReport(prompt);
    expect(r.overall_score).toBe(63);
    expect(r.overall_grade).toBe(letterGrade(63));
    expect(r.model_id).toBe('sandbox-precise');
    expect(r.weaknesses[0]).toContain('no tool call');
    expect(r.recommendations).toContain('Tell the model to always call a tool when one applies.');
  });

  it.each([
    [100, 'A+'],
    [91, 'A-'],
    [85, 'B'],
    [79, 'C+'],
    [60, 'D-'],
    [59, 'F'],
  ])('letterGrade(%d) = %s', (score, grade) => {
    expect(letterGrade(score)).toBe(grade);
  });
});

describe('judgeComparison', () => {
  const compare = (a: string, b: string) => `Compare two models on one test case.
test_case_id: case-7
Expected: get_weather({"city": "Paris"})
Model A: ${a} (score 1.0)
Model B: ${b} (score 0.0)
Respond with {"winner": "model_a"|"model_b"|"tie", "confidence": 0-1, "reasoning": "..."}`;

  it('picks the side whose call matches the expectation, whichever position it is in', () => {
    const good = 'get_weather({"city": "Paris"})';
    const bad = 'set_timer({"minutes": 3})';
    expect(judgeComparison(compare(good, bad), createRng(1))).toMatchObject({
      winner: 'model_a',
      test_case_id: 'case-7',
    });
    expect(judgeComparison(compare(bad, good), createRng(1)).winner).toBe('model_b');
    expect(judgeComparison(compare('get_weather({"city": "Rome"})', good), createRng(1)).winner).toBe(
      'model_b',
    );
  });

  it('has a small position bias toward model_a on ties, and never toward model_b', () => {
    const tie = compare('get_weather({"city": "Paris"})', 'get_weather({"city": "Paris"})');
    const winners = Array.from({ length: 400 }, (_, i) => judgeComparison(tie, createRng(i)).winner);
    const biased = winners.filter((w) => w === 'model_a').length / winners.length;
    expect(winners).not.toContain('model_b');
    expect(biased).toBeGreaterThan(0.15);
    expect(biased).toBeLessThan(0.35);
  });

  it('summarises per-case winners', () => {
    const summary = judgeComparisonSummary(`Case 1: model_a - better city
Case 2: model_a - right tool
Case 3: tie - same
Case 4: model_b - closer number
Return {"overall_winner": "model_a"|"model_b"|"tie", "score_a", "score_b"}`);
    expect(summary).toMatchObject({ overall_winner: 'model_a', score_a: 50, score_b: 25, tie_cases: 1 });
  });
});

describe('detectTask', () => {
  it.each([
    [verdictPrompt('a', '{}', 'a', '{}'), null, 'verdict'],
    ['Return {"overall_grade": "B+"}', null, 'report'],
    ['Pick the winner: model_a or model_b', null, 'compare'],
    ['Return {"overall_winner": ...}', null, 'compare_summary'],
    ['Generate 5 system prompts for a tool-calling model.', null, 'meta'],
    ['Set a timer for 10 minutes.', null, null],
    ['anything', { type: 'json_schema' as const, json_schema: { name: 'prompt_list' } }, 'meta'],
  ])('%s', (text, format, kind) => {
    expect(detectTask(text, format)).toBe(kind);
  });
});
