import { isRelevanceCategory } from './checker/category.js';
import { type OpenAiTool, bfclFunctionToTool, toOpenAiToolName } from './json-schema.js';
import { type PlainJson, toPlain } from './lossless-json.js';
import {
  type BfclEntry,
  type BfclMessage,
  BfclFormatError,
  categoryFromFileName,
  parseBfclFiles,
} from './parse-files.js';
import { referenceCalls } from './reference-answer.js';

/** BFCL-specific data kept on each test case so the BFCL checker can score it. */
export interface BfclCaseData {
  id: string;
  category: string;
  /** Raw JSON text of the question's `function` list (original names and BFCL types). */
  functions: string;
  /** Raw JSON text of the answer line's `ground_truth`, exactly as in the file; null without one. */
  ground_truth: string | null;
  /** The full message list, when the question has more than one message. */
  messages?: BfclMessage[];
}

/** One imported test case. */
export interface BfclSuiteTestCase {
  prompt: string;
  /** Offered (API-safe) name of the first expected call; null when no call is expected. */
  expected_tool: string | null;
  /** First accepted value per parameter of the first expected call; null when no call is expected. */
  expected_params: Record<string, PlainJson> | null;
  param_scoring: 'bfcl';
  category: string;
  /** The tools offered for this case. */
  tools: OpenAiTool[];
  bfcl: BfclCaseData;
}

/** The product's native suite import object for one BFCL file. */
export interface BfclSuiteImport {
  name: string;
  description: string;
  system_prompt: string;
  /** Union of all cases' tools, by case-insensitive name (first wins): suites score names case-insensitively. */
  tools: OpenAiTool[];
  source: { type: 'bfcl'; category: string; file_name: string; count: number };
  test_cases: BfclSuiteTestCase[];
}

/** Input of {@link bfclToSuite}. */
export interface BfclToSuiteInput {
  /** Content of the question file. */
  questionsText: string;
  /** Content of the matching possible-answer file; null/absent for (ir)relevance categories. */
  answersText?: string | null;
  /** The question file's name, e.g. `BFCL_v4_simple_python.json`; it gives the category. */
  fileName: string;
}

function promptOf(entry: BfclEntry): { prompt: string; messages?: BfclMessage[] } {
  const { question } = entry;
  const [turn] = question.question;
  if (question.question.length !== 1 || turn === undefined) {
    throw new BfclFormatError(
      `${question.id}: expected exactly one turn, got ${question.question.length}`,
      question.line,
    );
  }
  const user = turn.filter((m) => m.role === 'user').pop();
  if (!user) throw new BfclFormatError(`${question.id}: the turn has no user message`, question.line);
  return turn.length > 1 ? { prompt: user.content, messages: turn } : { prompt: user.content };
}

function expectations(
  entry: BfclEntry,
  category: string,
): Pick<BfclSuiteTestCase, 'expected_tool' | 'expected_params'> {
  if (isRelevanceCategory(category) || entry.answer === null)
    return { expected_tool: null, expected_params: null };
  const [first] = referenceCalls(entry.answer.groundTruth, entry.question.function);
  if (!first) return { expected_tool: null, expected_params: null };
  const params = toPlain(first.arguments) as Record<string, PlainJson>;
  return { expected_tool: toOpenAiToolName(first.name), expected_params: params };
}

function toTestCase(entry: BfclEntry, category: string): BfclSuiteTestCase {
  const { prompt, messages } = promptOf(entry);
  const bfcl: BfclCaseData = {
    id: entry.question.id,
    category,
    functions: entry.question.functionText,
    ground_truth: entry.answer?.groundTruthText ?? null,
    ...(messages ? { messages } : {}),
  };
  const tools = entry.question.function.map(bfclFunctionToTool);
  return { prompt, ...expectations(entry, category), param_scoring: 'bfcl', category, tools, bfcl };
}

function unionTools(cases: readonly BfclSuiteTestCase[]): OpenAiTool[] {
  const byName = new Map<string, OpenAiTool>();
  for (const tool of cases.flatMap((c) => c.tools)) {
    const key = tool.function.name.toLowerCase();
    if (!byName.has(key)) byName.set(key, tool);
  }
  return [...byName.values()];
}

/**
 * Converts a BFCL question file (and its answer file) into the product's suite import object.
 * Tool names are made API-safe (`.` → `_`); the raw `function` and `ground_truth` texts are
 * kept per case for the BFCL checker.
 * @param input file contents and the question file's name
 * @returns the suite
 * @throws BfclFormatError for malformed files, or a scored category without an answer file
 */
export function bfclToSuite(input: BfclToSuiteInput): BfclSuiteImport {
  const fileName = input.fileName.split(/[\\/]/).pop() ?? input.fileName;
  const category = categoryFromFileName(fileName);
  if (!isRelevanceCategory(category) && (input.answersText === undefined || input.answersText === null)) {
    throw new BfclFormatError(`category "${category}" needs its possible_answer file`);
  }
  const entries = parseBfclFiles(input.questionsText, input.answersText);
  const testCases = entries.map((e) => toTestCase(e, category));
  return {
    name: `BFCL ${category} (${testCases.length} cases)`,
    description: `Berkeley Function Calling Leaderboard (BFCL) category ${category}, imported from ${fileName}.`,
    system_prompt: '',
    tools: unionTools(testCases),
    source: { type: 'bfcl', category, file_name: fileName, count: testCases.length },
    test_cases: testCases,
  };
}
