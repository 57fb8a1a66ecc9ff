import { LosslessJsonError, parseLosslessJsonMembers } from './lossless-json.js';
import { type LosslessObject, type LosslessValue, isLosslessObject } from './py-value.js';

/** A data file that does not have the BFCL shape; `line` is 1-based when known. */
export class BfclFormatError extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'BfclFormatError';
  }
}

/** One chat message of a BFCL question. */
export interface BfclMessage {
  role: string;
  content: string;
}

/** One BFCL question line. */
export interface BfclQuestion {
  id: string;
  /** Turns, each a list of messages (single-turn categories have exactly one turn). */
  question: BfclMessage[][];
  /** The offered functions as parsed (lossless values; names and BFCL types as in the file). */
  function: LosslessValue[];
  /** The `function` member's text exactly as in the file. */
  functionText: string;
  /** 1-based line number in the file. */
  line: number;
}

/** One BFCL answer line. */
export interface BfclAnswer {
  id: string;
  /** `[{fname: {param: [accepted values]}}]`, parsed losslessly. */
  groundTruth: LosslessValue[];
  /** The `ground_truth` member's text exactly as in the file. */
  groundTruthText: string;
  line: number;
}

/** A question with its answer (null when the category has no answer file). */
export interface BfclEntry {
  question: BfclQuestion;
  answer: BfclAnswer | null;
}

/**
 * The category of a BFCL data file: `BFCL_v4_simple_python.json` → `simple_python`.
 * Leading folders are ignored.
 * @param fileName a file name or path
 * @returns the category name
 */
export function categoryFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const category = base.replace(/^BFCL_v\d+_/, '').replace(/\.jsonl?$/, '');
  if (category === '') throw new BfclFormatError(`cannot derive a BFCL category from "${fileName}"`);
  return category;
}

/** Splits JSON Lines text into non-blank lines with 1-based line numbers. */
export function jsonLines(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  text.split('\n').forEach((raw, i) => {
    const t = raw.replace(/\r$/, '');
    if (t.trim() !== '') out.push({ line: i + 1, text: t });
  });
  return out;
}

function parseLine(text: string, line: number): { value: LosslessObject; raw: Record<string, string> } {
  try {
    return parseLosslessJsonMembers(text);
  } catch (err) {
    if (err instanceof LosslessJsonError) throw new BfclFormatError(`invalid JSON: ${err.message}`, line);
    throw err;
  }
}

function requireId(obj: LosslessObject, line: number): string {
  const id = obj['id'];
  if (typeof id !== 'string' || id === '') throw new BfclFormatError('missing string "id"', line);
  return id;
}

function readMessages(turn: LosslessValue, line: number): BfclMessage[] {
  if (!Array.isArray(turn)) throw new BfclFormatError('each turn of "question" must be a list', line);
  return turn.map((m) => {
    if (!isLosslessObject(m) || typeof m['role'] !== 'string' || typeof m['content'] !== 'string') {
      throw new BfclFormatError('each message needs string "role" and "content"', line);
    }
    return { role: m['role'], content: m['content'] };
  });
}

function readQuestion(text: string, line: number): BfclQuestion {
  const { value, raw } = parseLine(text, line);
  const id = requireId(value, line);
  const turns = value['question'];
  const fns = value['function'];
  if (!Array.isArray(turns)) throw new BfclFormatError(`${id}: "question" must be a list of turns`, line);
  if (!Array.isArray(fns)) throw new BfclFormatError(`${id}: "function" must be a list`, line);
  fns.forEach((f, i) => {
    if (!isLosslessObject(f) || typeof f['name'] !== 'string' || !isLosslessObject(f['parameters'])) {
      throw new BfclFormatError(`${id}: function ${i} needs a string "name" and a "parameters" object`, line);
    }
  });
  const question = turns.map((t) => readMessages(t, line));
  return { id, question, function: fns, functionText: raw['function'] ?? '[]', line };
}

function readAnswer(text: string, line: number): BfclAnswer {
  const { value, raw } = parseLine(text, line);
  const id = requireId(value, line);
  const gt = value['ground_truth'];
  if (!Array.isArray(gt)) throw new BfclFormatError(`${id}: "ground_truth" must be a list`, line);
  return { id, groundTruth: gt, groundTruthText: raw['ground_truth'] ?? '[]', line };
}

/**
 * Parses a BFCL question file (JSON Lines; blank lines ignored).
 * @param text file content
 * @returns the questions in file order
 * @throws BfclFormatError naming the line of a malformed or duplicate entry
 */
export function parseQuestionFile(text: string): BfclQuestion[] {
  const questions = jsonLines(text).map((l) => readQuestion(l.text, l.line));
  assertUniqueIds(questions);
  return questions;
}

/**
 * Parses a BFCL possible-answer file (JSON Lines; blank lines ignored).
 * @param text file content
 * @returns the answers in file order
 * @throws BfclFormatError naming the line of a malformed or duplicate entry
 */
export function parseAnswerFile(text: string): BfclAnswer[] {
  const answers = jsonLines(text).map((l) => readAnswer(l.text, l.line));
  assertUniqueIds(answers);
  return answers;
}

function assertUniqueIds(items: readonly { id: string; line: number }[]): void {
  const seen = new Map<string, number>();
  for (const item of items) {
    const first = seen.get(item.id);
    if (first !== undefined)
      throw new BfclFormatError(`duplicate id "${item.id}" (first on line ${first})`, item.line);
    seen.set(item.id, item.line);
  }
}

/**
 * Parses a question file and, when given, its answer file, pairing line i with line i.
 * @param questionsText question file content
 * @param answersText answer file content, or null/undefined for categories without one
 * @returns one entry per question, in file order
 * @throws BfclFormatError when the files differ in length or a pair has different ids
 */
export function parseBfclFiles(questionsText: string, answersText?: string | null): BfclEntry[] {
  const questions = parseQuestionFile(questionsText);
  if (answersText === undefined || answersText === null)
    return questions.map((q) => ({ question: q, answer: null }));
  const answers = parseAnswerFile(answersText);
  if (answers.length !== questions.length) {
    throw new BfclFormatError(
      `question file has ${questions.length} entries but answer file has ${answers.length}`,
    );
  }
  return questions.map((q, i) => {
    const a = answers[i] as BfclAnswer;
    if (a.id !== q.id) {
      throw new BfclFormatError(
        `answer id "${a.id}" (answer line ${a.line}) does not match question id "${q.id}"`,
        q.line,
      );
    }
    return { question: q, answer: a };
  });
}
