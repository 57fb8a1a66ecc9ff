import { z } from 'zod';
import { LlmErrorCategory } from '../llm-client.js';
import { ErrorType } from '../score/error-taxonomy.js';
import { FormatCompliance } from '../score/format-compliance.js';

const Ratio = z.number().min(0).max(1);
const Count = z.number().int().min(0);

/** Scores of one category of cases. */
export const CategorySummary = z.object({
  cases: Count,
  runs: Count,
  /** Passed runs. */
  passed: Count,
  pass_rate: Ratio,
  tool_accuracy: Ratio,
  overall: Ratio,
});
export type CategorySummary = z.infer<typeof CategorySummary>;

/** Repeat statistics: with temperature > 0 one run is noise, so these sit beside the single-run numbers. */
export const RepeatSummary = z.object({
  /** Most runs recorded for one case (the `repeats` of the eval when it completed). */
  k: Count,
  /** Mean over cases of each case's mean overall score (= `overall`). */
  overall_mean: Ratio,
  /** 95 % CI of that mean over per-case means (t for < 30 cases, else normal); null without cases. */
  overall_ci95: z.tuple([Ratio, Ratio]).nullable(),
  /** pass^k: share of cases that passed in every one of their runs. */
  pass_hat_k: Ratio,
  /** Mean over cases of each case's share of passed runs. */
  pass_at_1: Ratio,
});
export type RepeatSummary = z.infer<typeof RepeatSummary>;

/** Latency over successful calls, in milliseconds. */
export const LatencySummary = z.object({ avg: z.number(), p50: z.number(), p95: z.number() });
export type LatencySummary = z.infer<typeof LatencySummary>;

/**
 * The summary of one target (one eval unit). Every score is on the 0..1 scale (never percent);
 * failed API calls count as zeros in every score average; latency covers successful calls only.
 */
export const TargetSummary = z.object({
  /** Distinct cases with at least one outcome. */
  cases: Count,
  /** Outcomes (case × repeat). */
  runs: Count,
  /** Scoring versions of the outcomes (more than one means the numbers mix rule sets). */
  scoring_versions: z.array(z.number().int()),
  tool_accuracy: Ratio,
  /** Mean over cases whose parameters are scored; null when none are. */
  param_accuracy: Ratio.nullable(),
  overall: Ratio,
  /** Passed runs (equals passed cases when repeats = 1). */
  cases_passed: Count,
  /** cases_passed / runs. */
  pass_rate: Ratio,
  latency_ms: LatencySummary.nullable(),
  tokens: z.object({ prompt: Count, completion: Count, total: Count }),
  /** null when no prices were given. */
  cost_usd: z.number().min(0).nullable(),
  errors_by_category: z.record(LlmErrorCategory, Count),
  error_type_counts: z.record(ErrorType, Count),
  format_compliance_counts: z.record(FormatCompliance, Count),
  /** Share of correct abstentions over cases expecting no call; null when there are none. */
  irrelevance_accuracy: Ratio.nullable(),
  irrelevance_cases: Count,
  /** Per category (`uncategorized` for cases without one). */
  category_breakdown: z.record(z.string(), CategorySummary),
  repeats: RepeatSummary,
});
export type TargetSummary = z.infer<typeof TargetSummary>;

/** Alias of {@link TargetSummary} (the schema), under the name the issue asked for. */
export const TargetSummarySchema = TargetSummary;
