export * from './checker/index.js';
export {
  LosslessJsonError,
  type LosslessMembers,
  type PlainJson,
  fromPlain,
  parseLosslessJson,
  parseLosslessJsonMembers,
  stringifyLossless,
  toPlain,
} from './lossless-json.js';
export {
  type BfclAnswer,
  type BfclEntry,
  BfclFormatError,
  type BfclMessage,
  type BfclQuestion,
  categoryFromFileName,
  jsonLines,
  parseAnswerFile,
  parseBfclFiles,
  parseQuestionFile,
} from './parse-files.js';
export { pyFloatRepr, pyRepr } from './py-repr.js';
export {
  type LosslessObject,
  type LosslessValue,
  PyFloat,
  PyInt,
  type PyTypeName,
  isLosslessObject,
  orderedKeys,
  pyEquals,
  pyFloat,
  pyInt,
  pyTypeOf,
} from './py-value.js';
export {
  type JsonSchema,
  type JsonSchemaObject,
  type OpenAiTool,
  bfclFunctionToTool,
  bfclParametersToJsonSchema,
  bfclSchemaToJsonSchema,
  isValidOpenAiToolName,
  toOpenAiToolName,
} from './json-schema.js';
export { type ReferenceCall, referenceCalls } from './reference-answer.js';
export {
  type BfclScoreLine,
  type BfclScoreReport,
  type ScoreBfclInput,
  parseOutputsFile,
  scoreBfclOutputs,
} from './score.js';
export {
  type BfclCaseData,
  type BfclSuiteImport,
  type BfclSuiteTestCase,
  type BfclToSuiteInput,
  bfclToSuite,
} from './to-suite.js';
