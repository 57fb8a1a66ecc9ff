import { describe, expect, it } from 'vitest';
import { BfclFormatError } from './parse-files.js';
import { parseOutputsFile, scoreBfclOutputs } from './score.js';
import { readAnswers, readQuestions } from './test-support/shipped-data.js';

const questionsText = [
  '{"id": "simple_python_0", "question": [[{"role": "user", "content": "a"}]], "function": [{"name": "math.f", "parameters": {"type": "dict", "properties": {"x": {"type": "integer"}}, "required": ["x"]}}]}',
  '{"id": "simple_python_1", "question": [[{"role": "user", "content": "b"}]], "function": [{"name": "g", "parameters": {"type": "dict", "properties": {"y": {"type": "float"}}, "required": ["y"]}}]}',
  '{"id": "simple_python_2", "question": [[{"role": "user", "content": "c"}]], "function": [{"name": "g", "parameters": {"type": "dict", "properties": {"y": {"type": "float"}}, "required": ["y"]}}]}',
].join('\n');
const answersText = [
  '{"id": "simple_python_0", "ground_truth": [{"math.f": {"x": [5]}}]}',
  '{"id": "simple_python_1", "ground_truth": [{"g": {"y": [2.0]}}]}',
  '{"id": "simple_python_2", "ground_truth": [{"g": {"y": [2.0]}}]}',
].join('\n');

describe(scoreBfclOutputs.name, () => {
  it('scores each question in question order, keeping 5.0 apart from 5', () => {
    const outputsText = [
      '{"id": "simple_python_1", "calls": [{"name": "g", "arguments": {"y": 2}}]}',
      '{"id": "simple_python_0", "calls": [{"name": "math.f", "arguments": {"x": 5.0}}]}',
    ].join('\n');
    const report = scoreBfclOutputs({
      questionsText,
      answersText,
      fileName: 'BFCL_v4_simple_python.json',
      outputsText,
    });
    expect(report.lines).toEqual([
      { id: 'simple_python_0', valid: false, error_type: 'type_error:simple' },
      { id: 'simple_python_1', valid: true, error_type: null },
      { id: 'simple_python_2', valid: false, error_type: 'ast_decoder:decoder_failed' },
    ]);
    expect(report).toMatchObject({ category: 'simple_python', correct: 1, total: 3, warnings: [] });
    expect(report.accuracy).toBeCloseTo(1 / 3);
  });

  it('handles model text, underscored names and unknown ids', () => {
    const outputsText = [
      '{"id": "simple_python_0", "calls": [{"name": "math_f", "arguments": "{\\"x\\": 5}"}]}',
      '{"id": "simple_python_1", "calls": "I would call g with y=2"}',
      '{"id": "other_9", "calls": []}',
    ].join('\n');
    const input = { questionsText, answersText, fileName: 'x/BFCL_v4_simple_python.json', outputsText };
    const report = scoreBfclOutputs({ ...input, underscoreToDot: true });
    expect(report.lines.map((l) => l.error_type)).toEqual([
      null,
      'ast_decoder:decoder_failed',
      'ast_decoder:decoder_failed',
    ]);
    expect(report.warnings).toEqual(['output for unknown id "other_9"']);
    expect(scoreBfclOutputs(input).lines[0]?.error_type).toBe('simple_function_checker:wrong_func_name');
  });

  it('scores irrelevance without an answer file; a missing output still fails', () => {
    const report = scoreBfclOutputs({
      questionsText: readQuestions('irrelevance'),
      fileName: 'BFCL_v4_irrelevance.json',
      outputsText:
        '{"id": "irrelevance_0", "calls": []}\n{"id": "irrelevance_1", "calls": [{"name": "math_sum", "arguments": {}}]}',
    });
    expect(report.lines.slice(0, 3)).toEqual([
      { id: 'irrelevance_0', valid: true, error_type: null },
      { id: 'irrelevance_1', valid: false, error_type: 'irrelevance_error:decoder_success' },
      { id: 'irrelevance_2', valid: false, error_type: 'ast_decoder:decoder_failed' },
    ]);
    expect(report.total).toBe(240);
  });

  it('requires the answer file for scored categories', () => {
    expect(() =>
      scoreBfclOutputs({
        questionsText: readQuestions('multiple'),
        fileName: 'BFCL_v4_multiple.json',
        outputsText: '',
      }),
    ).toThrow('needs its possible_answer file');
    const ok = scoreBfclOutputs({
      questionsText: readQuestions('multiple'),
      answersText: readAnswers('multiple'),
      fileName: 'BFCL_v4_multiple.json',
      outputsText: '',
    });
    expect(ok).toMatchObject({ correct: 0, total: 200, accuracy: 0 });
  });
});

describe(parseOutputsFile.name, () => {
  it.each([
    ['{"id": "a", "calls": []}\n{"id": "a", "calls": []}', 'line 2: duplicate output for id "a"'],
    ['{"calls": []}', 'line 1: missing string "id"'],
    ['\n{"id": "a", "calls": [}', 'line 2: invalid JSON'],
  ])('rejects %j', (text, message) => {
    expect(() => parseOutputsFile(text)).toThrow(BfclFormatError);
    expect(() => parseOutputsFile(text)).toThrow(message);
  });
});
