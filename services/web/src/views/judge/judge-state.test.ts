import { describe, expect, it } from 'vitest';
import {
  compareTallyOf,
  deriveLive,
  filterLines,
  gradeTone,
  liveScorerAgreement,
  perModel,
  promptOf,
  reportLines,
  selfJudges,
  sharedAppUrl,
  winnerText,
} from './judge-state';
import type { VerdictBody, VerdictRow } from './types';

const base = { job_id: 'j1', ts: '2026-01-01T00:00:00Z' };
const verdict = (case_id: string, v: string | null, scorer: boolean, extra: object = {}) => ({
  ...base,
  type: 'judge_verdict',
  report_id: 'r1',
  case_id,
  provider_key: 'sandbox',
  model_id: 'sandbox-precise',
  judge: 'sandbox::sandbox-judge',
  verdict: v,
  quality_score: v ? 4 : null,
  error: v ? null : 'unparseable answer',
  repairs: [],
  summary: v ? `summary ${case_id}` : undefined,
  scorer_passed: scorer,
  ...extra,
});

describe('deriveLive (judge)', () => {
  const events = [
    { ...base, type: 'job_created', job_type: 'judge', status: 'queued', run_id: 'r1' },
    { ...base, type: 'job_started', job_type: 'judge', attempt: 1 },
    {
      ...base,
      type: 'judge_start',
      report_id: 'r1',
      mode: 'post_eval',
      judges: ['sandbox::sandbox-judge'],
      cases_to_review: 3,
      warnings: ['judge sandbox::sandbox-judge shares its endpoint'],
    },
    verdict('c1', 'pass', true),
    verdict('c2', 'fail', false, { repairs: ['stripped fence'] }),
    verdict('c3', null, true),
    {
      ...base,
      type: 'judge_report',
      report_id: 'r1',
      provider_key: 'sandbox',
      model_id: 'sandbox-precise',
      overall_grade: 'B',
      overall_score: 82,
    },
    {
      ...base,
      type: 'judge_complete',
      report_id: 'r1',
      overall_grade: 'B',
      overall_score: 82,
      verdicts: 2,
      errors: 1,
    },
    { ...base, type: 'job_completed', result_ref: 'r1' },
  ];

  it('collects start, verdicts with outcomes, reports and completion', () => {
    const live = deriveLive(events);
    expect(live.jobType).toBe('judge');
    expect(live.reportId).toBe('r1');
    expect(live.start?.cases_to_review).toBe(3);
    expect(live.start?.warnings).toHaveLength(1);
    expect(live.verdicts.map((v) => v.outcome)).toEqual(['pass', 'fail', 'error']);
    expect(live.verdicts[1]!.repairs).toEqual(['stripped fence']);
    expect(live.verdicts[2]!.error).toBe('unparseable answer');
    expect(live.tally).toEqual({ pass: 1, marginal: 0, fail: 1, error: 1 });
    expect(live.reports).toHaveLength(1);
    expect(live.reports[0]).toMatchObject({ overall_grade: 'B', overall_score: 82 });
    expect(live.reports[0]).not.toHaveProperty('type');
    expect(live.complete).toEqual({ overall_grade: 'B', overall_score: 82, verdicts: 2, errors: 1 });
  });

  it('is the same for any prefix replayed (reload = live)', () => {
    const partial = deriveLive(events.slice(0, 5));
    expect(partial.verdicts).toHaveLength(2);
    expect(partial.complete).toBeUndefined();
    expect(deriveLive(events)).toEqual(deriveLive([...events]));
  });

  it('filters by outcome and measures agreement with the scorer', () => {
    const live = deriveLive(events);
    expect(filterLines(live.verdicts, new Set())).toHaveLength(3);
    expect(filterLines(live.verdicts, new Set(['fail', 'error'] as const)).map((v) => v.case_id)).toEqual([
      'c2',
      'c3',
    ]);
    expect(liveScorerAgreement(live.verdicts)).toBe(1);
    expect(liveScorerAgreement([])).toBeNull();
  });
});

describe('deriveLive (compare)', () => {
  const kase = (case_id: string, winner: string, consistent: boolean, error: string | null = null) => ({
    ...base,
    type: 'compare_case',
    report_id: 'r2',
    case_id,
    winner,
    consistent,
    a_first: winner,
    b_first: consistent ? winner : 'b',
    confidence: 0.8,
    reasoning: 'because',
    error,
  });
  it('keeps per-case winners, both orders and the summary', () => {
    const live = deriveLive([
      { ...base, type: 'job_created', job_type: 'judge_compare', status: 'queued', run_id: 'r2' },
      {
        ...base,
        type: 'compare_start',
        report_id: 'r2',
        cases: 3,
        model_a: 'sandbox::a',
        model_b: 'sandbox::b',
        judges: ['sandbox::sandbox-judge'],
        warnings: [],
      },
      kase('c1', 'a', true),
      kase('c2', 'tie', false),
      kase('c3', 'tie', false, 'no usable verdict in both orders'),
      {
        ...base,
        type: 'compare_complete',
        report_id: 'r2',
        overall_winner: 'model_a',
        score_a: 75,
        score_b: 25,
        tie_cases: 1,
        position_consistency: 0.5,
        model_a: 'sandbox::a',
        model_b: 'sandbox::b',
      },
    ]);
    expect(live.jobType).toBe('judge_compare');
    expect(live.cases.map((c) => c.winner)).toEqual(['a', 'tie', 'tie']);
    expect(live.cases[1]!.b_first).toBe('b');
    expect(live.compareTally).toEqual({ a: 1, b: 0, tie: 1, consistent: 1, errors: 1 });
    expect(live.comparison?.position_consistency).toBe(0.5);
    expect(winnerText(live.comparison!)).toBe('A · sandbox::a');
    expect(winnerText({ overall_winner: 'tie', model_a: 'x', model_b: 'y' })).toBe('Tie');
    expect(compareTallyOf([])).toEqual({ a: 0, b: 0, tie: 0, consistent: 0, errors: 0 });
  });
});

describe('stored report rows', () => {
  const row = (
    id: string,
    caseKey: string,
    v: VerdictRow['verdict'],
    error: string | null = null,
  ): VerdictRow => ({
    id,
    case_key: caseKey,
    judge_key: 'sandbox::sandbox-judge',
    case_id: caseKey.split('|')[1]!,
    provider_key: 'sandbox',
    model_id: 'sandbox-precise',
    verdict: v,
    repairs: [],
    error,
    created_at: '2026-01-01T00:00:00Z',
  });
  const body = (verdict: 'pass' | 'fail'): VerdictBody => ({
    verdict,
    quality_score: verdict === 'pass' ? 5 : 2,
    summary: 's',
    reasoning: 'r',
    tool_selection_assessment: 'correct',
    param_assessment: 'exact',
  });
  it('joins verdicts with the scorer pass of the result they judged', () => {
    const lines = reportLines(
      [
        row('v1', 'u0|c1|0', body('pass')),
        row('v2', 'u0|c2|0', body('fail')),
        row('v3', 'u0|c3|0', null, 'bad'),
      ],
      [
        {
          id: 'res1',
          unit_key: 'u0',
          case_id: 'c1',
          repeat_index: 0,
          provider_key: 'sandbox',
          model_id: 'm',
          passed: true,
          overall_score: 1,
        },
        {
          unit_key: 'u0',
          case_id: 'c2',
          repeat_index: 0,
          provider_key: 'sandbox',
          model_id: 'm',
          passed: true,
          overall_score: 0.6,
        },
      ],
    );
    expect(lines.map((l) => [l.outcome, l.quality, l.scorer_passed])).toEqual([
      ['pass', 5, true],
      ['fail', 2, true],
      ['error', null, null],
    ]);
    expect(lines[0]!.model).toBe('sandbox::sandbox-precise');
    expect(lines[0]!.result_id).toBe('res1');
    expect(lines[1]!.result_id).toBeUndefined();
  });
});

describe('helpers', () => {
  it('reads the prompt, tones grades, flags self-judging and builds the share URL', () => {
    expect(
      promptOf({
        detail: {
          raw_request: {
            messages: [
              { role: 'system', content: 'sys' },
              { role: 'user', content: ' Turn on the lights ' },
            ],
          },
        },
      }),
    ).toBe('Turn on the lights');
    expect(promptOf(undefined)).toBeUndefined();
    expect([gradeTone('A-'), gradeTone('C+'), gradeTone('D'), gradeTone('F'), gradeTone(null)]).toEqual([
      'ok',
      'info',
      'warn',
      'bad',
      'neutral',
    ]);
    expect(
      selfJudges(
        [
          { provider_key: 's', model_id: 'judge' },
          { provider_key: 's', model_id: 'a' },
        ],
        [{ provider_key: 's', model_id: 'a' }],
      ),
    ).toEqual(['s::a']);
    expect(sharedAppUrl({ origin: 'http://x', pathname: '/' }, 'tok')).toBe('http://x/#/shared/judge/tok');
  });
});

describe('perModel', () => {
  it('counts verdicts, mean quality and scorer agreement per model', () => {
    const line = (
      model: string,
      outcome: 'pass' | 'fail' | 'error',
      quality: number | null,
      scorer: boolean,
    ) => ({
      key: `${model}${outcome}${quality}`,
      case_id: 'c',
      model,
      judge: 'j',
      outcome,
      quality,
      summary: '',
      reasoning: '',
      tool_assessment: null,
      param_assessment: null,
      scorer_passed: scorer,
      repairs: [],
      error: null,
    });
    const rows = perModel([
      line('a', 'pass', 5, true),
      line('a', 'fail', 2, true),
      line('b', 'error', null, true),
    ]);
    expect(rows).toEqual([
      {
        model: 'a',
        pass: 1,
        marginal: 0,
        fail: 1,
        error: 0,
        judged: 2,
        mean_quality: 3.5,
        scorer_agreement: 0.5,
      },
      {
        model: 'b',
        pass: 0,
        marginal: 0,
        fail: 0,
        error: 1,
        judged: 1,
        mean_quality: null,
        scorer_agreement: null,
      },
    ]);
  });
});
