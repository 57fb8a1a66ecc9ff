import { describe, expect, it } from 'vitest';
import {
  BfclFormatError,
  categoryFromFileName,
  parseAnswerFile,
  parseBfclFiles,
  parseQuestionFile,
} from './parse-files.js';
import { pyFloat } from './py-value.js';

const q = (id: string, extra = '') =>
  `{"id": "${id}", "question": [[{"role": "user", "content": "hi ${id}"}]], "function": [{"name": "f.g", "parameters": {"type": "dict", "properties": {}}}]${extra}}`;
const a = (id: string) => `{"id": "${id}", "ground_truth": [{"f.g": {"x": [1.0, ""]}}]}`;

describe(categoryFromFileName.name, () => {
  it.each([
    ['BFCL_v4_simple_python.json', 'simple_python'],
    ['BFCL_v3_live_simple.json', 'live_simple'],
    ['BFCL_v4_parallel_multiple.json', 'parallel_multiple'],
    ['BFCL_v4_irrelevance.json', 'irrelevance'],
    ['BFCL_v4_live_irrelevance.json', 'live_irrelevance'],
    ['data/possible_answer/BFCL_v4_multiple.json', 'multiple'],
    ['C:\\data\\BFCL_v10_live_parallel.json', 'live_parallel'],
  ])('%s → %s', (fileName, category) => {
    expect(categoryFromFileName(fileName)).toBe(category);
  });

  it('rejects a name with nothing left', () => {
    expect(() => categoryFromFileName('BFCL_v4_.json')).toThrow(BfclFormatError);
  });
});

describe(parseQuestionFile.name, () => {
  it('reads JSON Lines, ignoring blank lines and a missing final newline', () => {
    const questions = parseQuestionFile(`${q('x_0')}\n\n${q('x_1')}\r\n${q('x_2')}`);
    expect(questions.map((x) => [x.id, x.line])).toEqual([
      ['x_0', 1],
      ['x_1', 3],
      ['x_2', 4],
    ]);
    expect(questions[0]?.question).toEqual([[{ role: 'user', content: 'hi x_0' }]]);
    expect(questions[0]?.functionText).toBe(
      '[{"name": "f.g", "parameters": {"type": "dict", "properties": {}}}]',
    );
  });

  it.each([
    [`${q('x_0')}\n{"id": "x_1", "question": [[`, 'line 2: invalid JSON'],
    [`${q('x_0')}\n{"question": [], "function": []}`, 'line 2: missing string "id"'],
    [`{"id": "x_0", "question": [], "function": {}}`, 'line 1: x_0: "function" must be a list'],
    [`{"id": "x_0", "question": [[{"role": "user"}]], "function": []}`, 'line 1: each message needs'],
    [`${q('x_0')}\n${q('x_0')}`, 'line 2: duplicate id "x_0" (first on line 1)'],
  ])('reports malformed input with its line (%#)', (text, message) => {
    expect(() => parseQuestionFile(text)).toThrow(message);
  });
});

describe(parseAnswerFile.name, () => {
  it('keeps the ground truth losslessly and as raw text', () => {
    const [answer] = parseAnswerFile(a('x_0'));
    expect(answer?.groundTruth).toEqual([{ 'f.g': { x: [pyFloat(1), ''] } }]);
    expect(answer?.groundTruthText).toBe('[{"f.g": {"x": [1.0, ""]}}]');
  });

  it('requires a ground_truth list', () => {
    expect(() => parseAnswerFile('{"id": "x_0", "ground_truth": {}}')).toThrow(
      'line 1: x_0: "ground_truth" must be a list',
    );
  });
});

describe(parseBfclFiles.name, () => {
  it('pairs line i with line i', () => {
    const entries = parseBfclFiles(`${q('x_0')}\n${q('x_1')}\n`, `${a('x_0')}\n${a('x_1')}\n`);
    expect(entries.map((e) => [e.question.id, e.answer?.id])).toEqual([
      ['x_0', 'x_0'],
      ['x_1', 'x_1'],
    ]);
  });

  it('works without an answer file', () => {
    expect(parseBfclFiles(q('x_0'))[0]?.answer).toBeNull();
  });

  it('rejects different lengths and mismatched ids', () => {
    expect(() => parseBfclFiles(`${q('x_0')}\n${q('x_1')}`, a('x_0'))).toThrow(
      '2 entries but answer file has 1',
    );
    expect(() => parseBfclFiles(`${q('x_0')}\n${q('x_1')}`, `${a('x_0')}\n${a('x_9')}`)).toThrow(
      'line 2: answer id "x_9" (answer line 2) does not match question id "x_1"',
    );
  });
});
