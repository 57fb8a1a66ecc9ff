import { z } from 'zod';

const Ref = { report_id: z.string() };

/** LLM Judge events (spec feature 3). `judge_verdict` also appears in a live-judged eval's stream. */
export const JUDGE_EVENTS = {
  judge_start: z.object({
    ...Ref,
    mode: z.string(),
    judges: z.array(z.string()),
    cases_to_review: z.number().int(),
    warnings: z.array(z.string()),
  }),
  judge_verdict: z.looseObject({
    ...Ref,
    case_id: z.string(),
    provider_key: z.string(),
    model_id: z.string(),
    judge: z.string(),
    verdict: z.string().nullable(),
    quality_score: z.number().nullable(),
    error: z.string().nullable(),
    repairs: z.array(z.string()),
  }),
  judge_report: z.looseObject({
    ...Ref,
    provider_key: z.string(),
    model_id: z.string(),
    overall_grade: z.string(),
    overall_score: z.number(),
  }),
  judge_complete: z.object({
    ...Ref,
    overall_grade: z.string().nullable(),
    overall_score: z.number().nullable(),
    verdicts: z.number().int(),
    errors: z.number().int(),
  }),
  compare_start: z.object({
    ...Ref,
    cases: z.number().int(),
    model_a: z.string(),
    model_b: z.string(),
    judges: z.array(z.string()),
    warnings: z.array(z.string()),
  }),
  compare_case: z.object({
    ...Ref,
    case_id: z.string(),
    winner: z.enum(['a', 'b', 'tie']),
    consistent: z.boolean(),
    a_first: z.string().nullable(),
    b_first: z.string().nullable(),
    confidence: z.number().nullable(),
    reasoning: z.string(),
    error: z.string().nullable(),
  }),
  compare_complete: z.looseObject({
    ...Ref,
    overall_winner: z.string(),
    score_a: z.number(),
    score_b: z.number(),
    tie_cases: z.number().int(),
    position_consistency: z.number(),
  }),
} as const;
