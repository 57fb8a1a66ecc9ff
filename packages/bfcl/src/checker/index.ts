export { checkBfcl, type CheckBfclInput } from './check-bfcl.js';
export { type BfclMatcher, isRelevanceCategory, matcherForCategory } from './category.js';
export { type DecodeResult, decodeOutput, isEmptyOutput, isFunctionCallingFormat } from './decode.js';
export { standardizeString } from './normalise.js';
export { fromOpenAiToolCalls, type OpenAiToolCall, outputFromCallsJson } from './openai.js';
export { expectedFunctionName } from './simple.js';
export { PYTHON_TYPE_MAPPING } from './type-check.js';
export {
  BFCL_ERROR_TYPES,
  BfclDataError,
  type BfclCall,
  type BfclCheckResult,
  type BfclErrorType,
  type BfclModelOutput,
} from './types.js';
