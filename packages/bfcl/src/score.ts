import { isRelevanceCategory } from './checker/category.js';
import { checkBfcl } from './checker/check-bfcl.js';
import { outputFromCallsJson } from './checker/openai.js';
import type { BfclErrorType } from './checker/types.js';
import { LosslessJsonError, parseLosslessJson } from './lossless-json.js';
import { BfclFormatError, categoryFromFileName, jsonLines, parseBfclFiles } from './parse-files.js';
import { type LosslessValue, hasKey, isLosslessObject } from './py-value.js';

/** One scored question. */
export interface BfclScoreLine {
  id: string;
  valid: boolean;
  error_type: BfclErrorType | null;
}

/** Scores of a whole question file. */
export interface BfclScoreReport {
  category: string;
  /** One line per question, in question order. */
  lines: BfclScoreLine[];
  correct: number;
  total: number;
  /** correct / total (0 for an empty file). */
  accuracy: number;
  /** Things worth telling the user that do not stop scoring (e.g. outputs for unknown ids). */
  warnings: string[];
}

/** Input of {@link scoreBfclOutputs}. */
export interface ScoreBfclInput {
  questionsText: string;
  answersText?: string | null;
  /** Question file name; gives the category as in BFCL. */
  fileName: string;
  /** JSON Lines of `{"id", "calls"}`; `calls` is a list of `{name, arguments}` or model text. */
  outputsText: string;
  underscoreToDot?: boolean;
}

/** Output value per id; `undefined` when the line has no `calls` field. */
type OutputsById = Map<string, LosslessValue | undefined>;

/**
 * Parses a model outputs file. Each line is parsed losslessly, so `5.0` stays a float.
 * @throws BfclFormatError for malformed lines or repeated ids
 */
export function parseOutputsFile(text: string): OutputsById {
  const byId: OutputsById = new Map();
  for (const { line, text: lineText } of jsonLines(text)) {
    let value: LosslessValue;
    try {
      value = parseLosslessJson(lineText);
    } catch (err) {
      if (err instanceof LosslessJsonError) throw new BfclFormatError(`invalid JSON: ${err.message}`, line);
      throw err;
    }
    const id = isLosslessObject(value) ? value['id'] : undefined;
    if (!isLosslessObject(value) || typeof id !== 'string')
      throw new BfclFormatError('missing string "id"', line);
    if (byId.has(id)) throw new BfclFormatError(`duplicate output for id "${id}"`, line);
    byId.set(id, hasKey(value, 'calls') ? value['calls'] : undefined);
  }
  return byId;
}

/**
 * Scores a model's outputs for one BFCL question file with {@link checkBfcl}. A question
 * without an output line (or whose line has no `calls`) fails with `ast_decoder:decoder_failed`,
 * in every category.
 * @param input the question, answer and outputs file contents
 * @returns per-question verdicts in question order, and the accuracy
 * @throws BfclFormatError for malformed files; BfclDataError for unusable data
 */
export function scoreBfclOutputs(input: ScoreBfclInput): BfclScoreReport {
  const category = categoryFromFileName(input.fileName);
  if (!isRelevanceCategory(category) && (input.answersText === undefined || input.answersText === null)) {
    throw new BfclFormatError(`category "${category}" needs its possible_answer file`);
  }
  const entries = parseBfclFiles(input.questionsText, input.answersText);
  const outputs = parseOutputsFile(input.outputsText);
  const lines = entries.map(({ question, answer }): BfclScoreLine => {
    const calls = outputs.get(question.id);
    // No output at all is a failed run, not an abstention, whatever the category.
    if (calls === undefined)
      return { id: question.id, valid: false, error_type: 'ast_decoder:decoder_failed' };
    const result = checkBfcl({
      category,
      functions: question.functionText,
      groundTruth: answer?.groundTruth ?? null,
      output: outputFromCallsJson(calls),
      underscoreToDot: input.underscoreToDot ?? false,
    });
    return { id: question.id, valid: result.valid, error_type: result.error_type };
  });
  const known = new Set(entries.map((e) => e.question.id));
  const warnings = [...outputs.keys()]
    .filter((id) => !known.has(id))
    .map((id) => `output for unknown id "${id}"`);
  const correct = lines.filter((l) => l.valid).length;
  const total = lines.length;
  return { category, lines, correct, total, accuracy: total === 0 ? 0 : correct / total, warnings };
}
