import type { ParamScoringMode, ScoringConfig } from '@llmbench/contracts';
import { z } from 'zod';
import { isPlainObject, tryParseJson } from './json-text.js';
import { MULTI_TURN_PENALTY, clamp01, overallScore, round4 } from './overall.js';
import { scoreParams } from './param-accuracy.js';
import { type ExpectedTool, expectedToolNames, isExpectedTool } from './tool-selection.js';
import { valuesMatch } from './value-match.js';

/** One call of a multi-turn conversation. */
export const ChainCall = z.object({
  tool: z.string(),
  arguments: z.record(z.string(), z.unknown()).nullable(),
  /** 1-based round in which the call was made (parallel calls share a round). */
  round: z.number().int(),
});
export type ChainCall = z.infer<typeof ChainCall>;

/** The multi-turn part of a case score. */
export const MultiTurnDetail = z.object({
  completion: z.number(),
  efficiency: z.number(),
  redundancy_penalty: z.number(),
  detour_penalty: z.number(),
  /** Calls made (the chain length). */
  hops: z.number().int(),
  /** Whether an expected tool was called. */
  final_reached: z.boolean(),
  /** `argument_source` check: 1 when every mapped argument equals the mock output field, else 0; null when not configured. Reported only. */
  nested_arg_score: z.number().nullable(),
  chain: z.array(ChainCall),
});
export type MultiTurnDetail = z.infer<typeof MultiTurnDetail>;

/** Input of {@link scoreMultiTurn}. */
export interface MultiTurnInput {
  chain: readonly ChainCall[];
  expectedTool: ExpectedTool;
  expectedParams: Record<string, unknown> | null;
  paramScoring?: ParamScoringMode;
  scoringConfig?: ScoringConfig | null;
  optimalHops: number;
  validPrerequisites: readonly string[];
  /** `argument_source` (final arg → `tool.field` of an earlier mock output) and the mock outputs. */
  argumentSource?: Record<string, string> | null;
  mockResponses?: Record<string, unknown>;
}

/** Result of {@link scoreMultiTurn}. */
export interface MultiTurnResult {
  overall: number;
  /** Parameter score of the final expected call (0 when it never came; null when not scored). */
  paramScore: number | null;
  detail: MultiTurnDetail;
}

function sameCall(a: ChainCall, b: ChainCall): boolean {
  return a.tool.toLowerCase() === b.tool.toLowerCase() && valuesMatch(a.arguments, b.arguments, 'exact');
}

/** The value at `field` (dotted path) of a tool's mock output; undefined when absent. */
function mockField(mocks: Record<string, unknown>, tool: string, field: string): unknown {
  const key = Object.keys(mocks).find((k) => k.toLowerCase() === tool.toLowerCase());
  let value: unknown = key === undefined ? undefined : mocks[key];
  if (typeof value === 'string') {
    const parsed = tryParseJson(value);
    if (parsed.ok) value = parsed.value;
  }
  for (const part of field.split('.')) value = isPlainObject(value) ? value[part] : undefined;
  return value;
}

/**
 * `argument_source` check: each mapped final argument must equal (exact mode) the named field of
 * the mock output of a tool called before the final call. Fields that do not exist are skipped.
 * @returns 1 or 0; null when not configured or the final call never came
 */
export function scoreArgumentSource(
  source: Record<string, string> | null | undefined,
  mocks: Record<string, unknown>,
  earlier: readonly ChainCall[],
  final: ChainCall | undefined,
): number | null {
  if (!source || Object.keys(source).length === 0 || final === undefined) return null;
  const called = new Set(earlier.map((c) => c.tool.toLowerCase()));
  for (const [arg, ref] of Object.entries(source)) {
    const dot = ref.indexOf('.');
    const tool = ref.slice(0, dot);
    if (!called.has(tool.toLowerCase())) continue;
    const want = mockField(mocks, tool, ref.slice(dot + 1));
    if (want === undefined) continue;
    if (!valuesMatch(want, final.arguments?.[arg], 'exact')) return 0;
  }
  return 1;
}

function penalties(input: MultiTurnInput, finalIndex: number): { redundancy: number; detour: number } {
  const { chain } = input;
  const repeats = chain.filter((c, i) => i > 0 && sameCall(c, chain[i - 1] as ChainCall)).length;
  const allowed = new Set([
    ...input.validPrerequisites.map((n) => n.toLowerCase()),
    ...expectedToolNames(input.expectedTool),
  ]);
  const detours = chain.filter((c, i) => i !== finalIndex && !allowed.has(c.tool.toLowerCase())).length;
  return { redundancy: round4(MULTI_TURN_PENALTY * repeats), detour: round4(MULTI_TURN_PENALTY * detours) };
}

/**
 * Scores a multi-turn conversation (scale 0..1, 4 dp):
 * - completion = 0.6 × tool + 0.4 × params of the final expected call (tool alone when params are
 *   not scored); 0 when no expected tool was ever called;
 * - efficiency = min(1, optimal_hops / hops), 0 for an empty chain;
 * - redundancy = 0.1 per call identical (name and arguments) to the one before it;
 * - detour = 0.1 per non-final call outside valid_prerequisites and the expected tool(s);
 * - overall = clamp(completion × efficiency − redundancy − detour, 0, 1).
 * A case that expects no call scores 1 for an empty chain (a correct abstention) and 0 otherwise.
 * @param input the chain and the case's expectations
 * @returns overall score, final-call param score and the detail to store
 */
export function scoreMultiTurn(input: MultiTurnInput): MultiTurnResult {
  const { chain } = input;
  const finalIndex = chain.findIndex((c) => isExpectedTool(input.expectedTool, c.tool));
  const final = finalIndex === -1 ? undefined : chain[finalIndex];
  const hops = chain.length;
  const { redundancy, detour } = penalties(input, finalIndex);
  const scored = input.expectedTool !== null && input.expectedParams !== null;
  const params = scoreParams({
    expected: input.expectedParams,
    actual: final?.arguments ?? null,
    ...(input.paramScoring ? { paramScoring: input.paramScoring } : {}),
    scoringConfig: input.scoringConfig ?? null,
  });
  const abstained = input.expectedTool === null && hops === 0;
  const completion = abstained ? 1 : final ? overallScore(1, params.score) : 0;
  const efficiency = abstained ? 1 : hops === 0 ? 0 : round4(Math.min(1, input.optimalHops / hops));
  const overall =
    input.expectedTool === null
      ? abstained
        ? 1
        : 0
      : round4(clamp01(completion * efficiency - redundancy - detour));
  const earlier = finalIndex === -1 ? [] : chain.slice(0, finalIndex);
  const detail: MultiTurnDetail = {
    completion,
    efficiency,
    redundancy_penalty: redundancy,
    detour_penalty: detour,
    hops,
    final_reached: final !== undefined,
    nested_arg_score: scoreArgumentSource(input.argumentSource, input.mockResponses ?? {}, earlier, final),
    chain: [...chain],
  };
  return { overall, paramScore: scored ? round4(params.score ?? 0) : null, detail };
}
