import type { BfclCaseData, TestCaseData, Tool } from '@llmbench/contracts';
import type { ChatResponse } from '../llm-client.js';
import { type BfclVerdict, bfclOverallScore, checkBfclResponse } from './bfcl-score.js';
import type { CaseScore } from './case-score.schema.js';
import { buildChain } from './chain.js';
import { type ErrorType, type MultiTurnFacts, classifyError } from './error-taxonomy.js';
import { type ExtractedCall, extractCalls } from './extract-call.js';
import { formatCompliance } from './format-compliance.js';
import { type MultiTurnDetail, scoreMultiTurn } from './multi-turn-score.js';
import { SCORING_VERSION, overallScore, round4 } from './overall.js';
import { type CaseError, failedCaseScore } from './failed-score.js';
import { type ParamDetail, type ParamScore, paramsAreScored, scoreParams } from './param-accuracy.js';
import { checkArgumentsSchema } from './schema-check.js';
import { isExpectedTool, scoreToolSelection } from './tool-selection.js';

/** Input of {@link scoreCase}: the case, its offered tools, and the response(s) or the error. */
export interface ScoreCaseInput {
  testCase: TestCaseData;
  offeredTools: readonly Tool[];
  /** The response of a single-turn case. */
  response?: ChatResponse | null;
  /** The responses of a multi-turn case, one per round (a single `response` also works). */
  responses?: readonly ChatResponse[];
  /** Set when the API call finally failed: the case scores 0 and records the category. */
  error?: CaseError | null;
  /** Notes from the eval loop (e.g. `tool_choice_fallback:auto`). */
  notes?: readonly string[];
}

/** What each scoring path found, before the shared fields are filled in. */
interface CaseFacts {
  calls: ExtractedCall[];
  scored: ExtractedCall | null;
  toolScore: number;
  paramScore: number | null;
  details: ParamDetail[];
  overall: number;
  passed: boolean;
  content: string | null;
  notes: string[];
  bfcl?: BfclVerdict;
  multiTurn?: { detail: MultiTurnDetail; facts: MultiTurnFacts };
}

function paramScoreOf(tc: TestCaseData, call: ExtractedCall | null): ParamScore {
  if (!paramsAreScored(tc)) return { score: null, details: [] };
  return scoreParams({
    expected: tc.expected_params,
    actual: call?.arguments ?? null,
    paramScoring: tc.param_scoring,
    scoringConfig: tc.scoring_config,
  });
}

/** With parallel calls: the expected-tool call with the best parameters, else the first call. */
function pickScoredCall(tc: TestCaseData, calls: readonly ExtractedCall[]): ExtractedCall | null {
  const matching = calls.filter((c) => isExpectedTool(tc.expected_tool, c.name));
  if (matching.length === 0) return calls[0] ?? null;
  const ranked = matching.map((c) => ({ c, s: paramScoreOf(tc, c).score ?? 1 }));
  return ranked.reduce((best, r) => (r.s > best.s ? r : best)).c;
}

function findTool(tools: readonly Tool[], name: string): Tool | undefined {
  return tools.find((t) => t.function.name.toLowerCase() === name.toLowerCase());
}

function classifyFacts(input: ScoreCaseInput, f: CaseFacts): ErrorType | null {
  return classifyError({
    passed: f.passed,
    apiFailed: false,
    expectedTool: input.testCase.expected_tool,
    calls: f.calls,
    offeredTools: input.offeredTools.map((t) => t.function.name),
    toolScore: f.toolScore,
    paramScore: f.paramScore,
    content: f.content,
    ...(f.multiTurn ? { multiTurn: f.multiTurn.facts } : {}),
  });
}

function finish(input: ScoreCaseInput, f: CaseFacts): CaseScore {
  const tc = input.testCase;
  const mt = f.multiTurn;
  return {
    scoring_version: SCORING_VERSION,
    success: true,
    tool_score: f.toolScore,
    param_score: f.paramScore === null ? null : round4(f.paramScore),
    overall_score: round4(f.overall),
    passed: f.passed,
    actual_tool: f.scored?.name ?? null,
    actual_params: f.scored?.arguments ?? null,
    actual_calls: f.calls,
    expected_tool: tc.expected_tool,
    expected_params: tc.expected_params,
    category: tc.category,
    format_compliance: formatCompliance({
      apiFailed: false,
      calls: f.calls,
      callExpected: tc.expected_tool !== null,
    }),
    error_type: classifyFacts(input, f),
    error: null,
    error_category: null,
    param_details: f.details,
    schema_check: f.scored
      ? checkArgumentsSchema(f.scored.arguments, findTool(input.offeredTools, f.scored.name))
      : null,
    ...(f.bfcl ? { bfcl: f.bfcl } : {}),
    ...(mt ? { multi_turn: mt.detail } : {}),
    notes: [...(input.notes ?? []), ...f.notes],
  };
}

function parallelNote(calls: readonly ExtractedCall[]): string[] {
  return calls.length > 1 ? [`parallel_calls:${calls.length}`] : [];
}

function singleTurnFacts(input: ScoreCaseInput, response: ChatResponse): CaseFacts {
  const tc = input.testCase;
  const calls = extractCalls(response, { tools: input.offeredTools });
  const scored = pickScoredCall(tc, calls);
  const toolScore = scoreToolSelection(tc.expected_tool, scored?.name ?? null);
  const params = paramScoreOf(tc, scored);
  const overall = overallScore(toolScore, params.score);
  return {
    calls,
    scored,
    toolScore,
    paramScore: params.score,
    details: params.details,
    overall,
    passed: overall === 1,
    content: response.content,
    notes: parallelNote(calls),
  };
}

function bfclFacts(input: ScoreCaseInput, response: ChatResponse, bfcl: BfclCaseData): CaseFacts {
  const tc = input.testCase;
  // BFCL sees the raw calls: no repairs, so what we display is what BFCL judged.
  const calls = extractCalls(response, { tools: input.offeredTools, repair: false });
  const verdict = checkBfclResponse(bfcl, response);
  const scored = pickScoredCall(tc, calls);
  const toolScore = scoreToolSelection(tc.expected_tool, scored?.name ?? null);
  return {
    calls,
    scored,
    toolScore,
    paramScore: paramsAreScored(tc) ? (verdict.valid ? 1 : 0) : null,
    details: [],
    overall: bfclOverallScore(verdict.valid, toolScore),
    passed: verdict.valid,
    content: response.content,
    notes: parallelNote(calls),
    bfcl: verdict,
  };
}

function multiTurnFacts(input: ScoreCaseInput, responses: readonly ChatResponse[]): CaseFacts {
  const tc = input.testCase;
  const built = buildChain(responses, tc.expected_tool, input.offeredTools);
  const result = scoreMultiTurn({
    chain: built.chain,
    expectedTool: tc.expected_tool,
    expectedParams: paramsAreScored(tc) ? tc.expected_params : null,
    paramScoring: tc.param_scoring,
    scoringConfig: tc.scoring_config,
    optimalHops: tc.optimal_hops,
    validPrerequisites: tc.valid_prerequisites,
    argumentSource: tc.argument_source,
    mockResponses: tc.mock_responses,
  });
  const { detail } = result;
  const final = built.calls.find((c) => isExpectedTool(tc.expected_tool, c.name));
  const scored = final ?? built.calls[built.calls.length - 1] ?? null;
  const toolScore = detail.final_reached || (tc.expected_tool === null && detail.hops === 0) ? 1 : 0;
  const facts: MultiTurnFacts = {
    finalReached: detail.final_reached,
    hops: detail.hops,
    optimalHops: tc.optimal_hops,
    redundancyPenalty: detail.redundancy_penalty,
    detourPenalty: detail.detour_penalty,
  };
  return {
    calls: built.calls,
    scored,
    toolScore,
    paramScore: result.paramScore,
    details: final ? paramScoreOf(tc, final).details : [],
    overall: result.overall,
    passed: result.overall === 1,
    content: built.content,
    notes: [`rounds:${responses.length}`],
    multiTurn: { detail, facts },
  };
}

/**
 * Scores one run of one case. The single entry point for every kind of case:
 * - `error` set → {@link failedCaseScore};
 * - `multi_turn` → the multi-turn formula over `responses` (see `scoreMultiTurn`);
 * - `param_scoring: 'bfcl'` with BFCL data → BFCL's checker decides `passed`;
 * - otherwise tool selection + parameter accuracy, `0.6 × tool + 0.4 × params`.
 * @param input the case, the tools it was offered and the response(s) or error
 * @returns the case score (0..1 scale, 4 dp)
 * @throws Error when neither a response nor an error is given
 */
export function scoreCase(input: ScoreCaseInput): CaseScore {
  const tc = input.testCase;
  if (input.error) return failedCaseScore(tc, input.error, input.notes);
  const responses = input.responses ?? (input.response ? [input.response] : []);
  const first = responses[0];
  if (first === undefined) throw new Error('scoreCase needs a response, responses or an error');
  if (tc.multi_turn) return finish(input, multiTurnFacts(input, responses));
  if (tc.param_scoring === 'bfcl' && tc.bfcl) return finish(input, bfclFacts(input, first, tc.bfcl));
  return finish(input, singleTurnFacts(input, first));
}
