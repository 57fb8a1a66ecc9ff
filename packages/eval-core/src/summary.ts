import type { LlmErrorCategory, TokenUsage } from './llm-client.js';
import type { CaseScore } from './score/case-score.schema.js';
import type { ErrorType } from './score/error-taxonomy.js';
import type { FormatCompliance } from './score/format-compliance.js';
// The value lists come from a zod-free module: the web app bundles this file.
import { ERROR_TYPES, FORMAT_COMPLIANCE_VALUES, LLM_ERROR_CATEGORIES } from './score/labels.js';
import { round4 } from './score/overall.js';
import { ci95, mean, percentile } from './summary/stats.js';
import type { CategorySummary, LatencySummary, TargetSummary } from './summary/target-summary.schema.js';

/** What a summary needs of an outcome: live outcomes and stored result rows both fit. */
export interface SummaryInput {
  case_id: string;
  score: CaseScore;
  latency_ms: number;
  usage: TokenUsage | null;
}

/** Token prices in USD per million tokens. */
export interface TokenPrices {
  input_per_mtok: number;
  output_per_mtok: number;
}

/** Options of {@link summarizeOutcomes}. */
export interface SummarizeOptions {
  prices?: TokenPrices | null;
}

/** Per-case aggregates: every average is taken over cases so that each case weighs the same. */
interface CaseAgg {
  tool: number;
  overall: number;
  params: number | null;
  passRate: number;
  allPassed: boolean;
  irrelevance: boolean;
  category: string;
  runs: number;
  passed: number;
}

function aggregateCase(scores: readonly CaseScore[]): CaseAgg {
  const first = scores[0] as CaseScore;
  const params = scores.map((s) => s.param_score).filter((p): p is number => p !== null);
  const passed = scores.filter((s) => s.passed).length;
  return {
    tool: mean(scores.map((s) => s.tool_score)),
    overall: mean(scores.map((s) => s.overall_score)),
    params: params.length === 0 ? null : mean(params),
    passRate: passed / scores.length,
    allPassed: passed === scores.length,
    irrelevance: first.expected_tool === null,
    category: first.category ?? 'uncategorized',
    runs: scores.length,
    passed,
  };
}

function groupByCase(outcomes: readonly SummaryInput[]): CaseAgg[] {
  const byCase = new Map<string, CaseScore[]>();
  for (const o of outcomes) {
    const list = byCase.get(o.case_id);
    if (list) list.push(o.score);
    else byCase.set(o.case_id, [o.score]);
  }
  return [...byCase.values()].map(aggregateCase);
}

function countBy<K extends string>(keys: readonly K[], values: readonly (K | null)[]): Record<K, number> {
  const counts = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  for (const v of values) if (v !== null) counts[v] += 1;
  return counts;
}

function latencyOf(outcomes: readonly SummaryInput[]): LatencySummary | null {
  const xs = outcomes.filter((o) => o.score.success).map((o) => o.latency_ms);
  if (xs.length === 0) return null;
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return { avg: r1(mean(xs)), p50: r1(percentile(xs, 50)), p95: r1(percentile(xs, 95)) };
}

function tokensOf(outcomes: readonly SummaryInput[]): TargetSummary['tokens'] {
  const prompt = outcomes.reduce((s, o) => s + (o.usage?.prompt_tokens ?? 0), 0);
  const completion = outcomes.reduce((s, o) => s + (o.usage?.completion_tokens ?? 0), 0);
  return { prompt, completion, total: prompt + completion };
}

function costOf(tokens: TargetSummary['tokens'], prices: TokenPrices | null | undefined): number | null {
  if (!prices) return null;
  const usd =
    (tokens.prompt * prices.input_per_mtok + tokens.completion * prices.output_per_mtok) / 1_000_000;
  return Math.round(usd * 1_000_000) / 1_000_000;
}

function categories(cases: readonly CaseAgg[]): Record<string, CategorySummary> {
  const groups = new Map<string, CaseAgg[]>();
  for (const c of cases) {
    const list = groups.get(c.category);
    if (list) list.push(c);
    else groups.set(c.category, [c]);
  }
  const out: Record<string, CategorySummary> = {};
  for (const [name, list] of groups) {
    const runs = list.reduce((s, c) => s + c.runs, 0);
    const passed = list.reduce((s, c) => s + c.passed, 0);
    out[name] = {
      cases: list.length,
      runs,
      passed,
      pass_rate: round4(runs === 0 ? 0 : passed / runs),
      tool_accuracy: round4(mean(list.map((c) => c.tool))),
      overall: round4(mean(list.map((c) => c.overall))),
    };
  }
  return out;
}

function repeatsOf(cases: readonly CaseAgg[]): TargetSummary['repeats'] {
  const overalls = cases.map((c) => c.overall);
  const ci = ci95(overalls);
  return {
    k: cases.reduce((k, c) => Math.max(k, c.runs), 0),
    overall_mean: round4(mean(overalls)),
    overall_ci95: ci === null ? null : [round4(ci[0]), round4(ci[1])],
    pass_hat_k: round4(cases.length === 0 ? 0 : cases.filter((c) => c.allPassed).length / cases.length),
    pass_at_1: round4(mean(cases.map((c) => c.passRate))),
  };
}

/**
 * Summarises the outcomes of one target. The ONE summary function: live progress, the final
 * event and history all call it on the same outcomes, so their numbers cannot differ.
 * - Scale 0..1 everywhere (no percentages), 4 dp.
 * - Failed API calls count as zeros in every score average (never excluded).
 * - Averages are over cases (each case's runs averaged first); with repeats = 1 that is the plain mean.
 * - Latency is over successful calls only (a failure's time says nothing about the model).
 * @param outcomes outcomes (live) or stored result rows
 * @param options token prices for the cost (cost_usd is null without them)
 * @returns the summary
 * @example
 * summarizeOutcomes(outcomes, { prices: { input_per_mtok: 0.15, output_per_mtok: 0.6 } }).repeats.overall_ci95;
 */
export function summarizeOutcomes(
  outcomes: readonly SummaryInput[],
  options: SummarizeOptions = {},
): TargetSummary {
  const cases = groupByCase(outcomes);
  const withParams = cases.map((c) => c.params).filter((p): p is number => p !== null);
  const irrelevance = cases.filter((c) => c.irrelevance);
  const passedRuns = outcomes.filter((o) => o.score.passed).length;
  const tokens = tokensOf(outcomes);
  return {
    cases: cases.length,
    runs: outcomes.length,
    scoring_versions: [...new Set(outcomes.map((o) => o.score.scoring_version))].sort((a, b) => a - b),
    tool_accuracy: round4(mean(cases.map((c) => c.tool))),
    param_accuracy: withParams.length === 0 ? null : round4(mean(withParams)),
    overall: round4(mean(cases.map((c) => c.overall))),
    cases_passed: passedRuns,
    pass_rate: round4(outcomes.length === 0 ? 0 : passedRuns / outcomes.length),
    latency_ms: latencyOf(outcomes),
    tokens,
    cost_usd: costOf(tokens, options.prices),
    errors_by_category: countBy<LlmErrorCategory>(
      LLM_ERROR_CATEGORIES,
      outcomes.map((o) => o.score.error_category),
    ),
    error_type_counts: countBy<ErrorType>(
      ERROR_TYPES,
      outcomes.map((o) => o.score.error_type),
    ),
    format_compliance_counts: countBy<FormatCompliance>(
      FORMAT_COMPLIANCE_VALUES,
      outcomes.map((o) => o.score.format_compliance),
    ),
    irrelevance_accuracy: irrelevance.length === 0 ? null : round4(mean(irrelevance.map((c) => c.tool))),
    irrelevance_cases: irrelevance.length,
    category_breakdown: categories(cases),
    repeats: repeatsOf(cases),
  };
}
