export {
  type AssistantToolCall,
  type ChatMessage,
  type ChatRequest,
  type ChatResponse,
  type CompleteOptions,
  LLM_ERROR_CATEGORIES,
  LlmCallError,
  type LlmCallErrorOptions,
  type LlmClient,
  LlmErrorCategory,
  type TokenUsage,
  type ToolCall,
  type ToolChoice,
  isRetryableCategory,
} from './llm-client.js';
export { BfclVerdict, bfclOverallScore, checkBfclResponse } from './score/bfcl-score.js';
export { CaseScore, CaseScoreSchema } from './score/case-score.schema.js';
export { type BuiltChain, buildChain, roundEndsConversation } from './score/chain.js';
export {
  type ClassifyInput,
  ERROR_TYPES,
  ErrorType,
  type MultiTurnFacts,
  classifyError,
  describeErrorType,
} from './score/error-taxonomy.js';
export {
  CALL_NOTES,
  CallNote,
  ExtractedCall,
  type ExtractOptions,
  extractCalls,
} from './score/extract-call.js';
export {
  FORMAT_COMPLIANCE_VALUES,
  FormatCompliance,
  type FormatComplianceInput,
  formatCompliance,
} from './score/format-compliance.js';
export {
  ChainCall,
  type MultiTurnInput,
  MultiTurnDetail,
  type MultiTurnResult,
  scoreArgumentSource,
  scoreMultiTurn,
} from './score/multi-turn-score.js';
export {
  MULTI_TURN_PENALTY,
  SCORE_WEIGHTS,
  SCORING_VERSION,
  clamp01,
  overallScore,
  round4,
} from './score/overall.js';
export {
  ParamDetail,
  type ParamScore,
  type ScoreParamsInput,
  paramsAreScored,
  resolveKeyMode,
  scoreParams,
} from './score/param-accuracy.js';
export {
  MAX_REGEX_INPUT_LENGTH,
  MAX_REGEX_PATTERN_LENGTH,
  compileSafeRegex,
  safeRegexMatch,
} from './score/safe-regex.js';
export { sanitizeErrorText, sanitizeParams } from './score/sanitize.js';
export { SchemaCheck, SchemaIssue, checkArgumentsSchema } from './score/schema-check.js';
export { type CaseError, failedCaseScore } from './score/failed-score.js';
export { type ScoreCaseInput, scoreCase } from './score/score-case.js';
export {
  type ExpectedTool,
  expectedToolNames,
  isExpectedTool,
  scoreToolSelection,
} from './score/tool-selection.js';
export { DEFAULT_EPSILON, valuesMatch } from './score/value-match.js';
export {
  type EvalUnit,
  type RunEvalUnitOptions,
  type RunEvalUnitResult,
  outcomeKey,
  runEvalUnit,
} from './run-eval-unit.js';
export { TOOL_CHOICE_FALLBACK_NOTE } from './run/call-model.js';
export { type RawRequest, initialMessages } from './run/messages.js';
export { type CaseOutcome, type EvalCase } from './run/run-case.js';
export { type SummarizeOptions, type SummaryInput, type TokenPrices, summarizeOutcomes } from './summary.js';
export { ci95, mean, percentile, sampleStd, t975 } from './summary/stats.js';
export { type ComboCaseResult, summarizeCombo } from './summary/combo-scores.js';
export {
  CategorySummary,
  LatencySummary,
  RepeatSummary,
  TargetSummary,
  TargetSummarySchema,
} from './summary/target-summary.schema.js';
export { type CandidatesResult, requestCandidates } from './meta/request-candidates.js';
export { type StructuredCall, completeStructured } from './meta/structured-call.js';
