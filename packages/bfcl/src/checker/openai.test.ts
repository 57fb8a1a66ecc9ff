import { describe, expect, it } from 'vitest';
import { parseLosslessJson } from '../lossless-json.js';
import { pyFloat } from '../py-value.js';
import { checkBfcl } from './check-bfcl.js';
import { decodeOutput, isEmptyOutput, isFunctionCallingFormat } from './decode.js';
import { fromOpenAiToolCalls, outputFromCallsJson } from './openai.js';

const functions = JSON.stringify([
  {
    name: 'math.hypot',
    parameters: { type: 'dict', properties: { x: { type: 'integer' } }, required: ['x'] },
  },
]);
const groundTruth = '[{"math.hypot": {"x": [4]}}]';

describe(fromOpenAiToolCalls.name, () => {
  const toolCall = (args: string) => ({ function: { name: 'math_hypot', arguments: args } });
  it.each([
    ['{"x": 4}', null],
    ['{"x": 4.0}', 'type_error:simple'],
    ['{"x": 4', 'ast_decoder:decoder_failed'],
    ['', 'ast_decoder:decoder_failed'],
  ])('parses arguments %j losslessly', (args, errorType) => {
    const output = fromOpenAiToolCalls([toolCall(args)], null);
    const result = checkBfcl({
      category: 'simple_python',
      functions,
      groundTruth,
      output,
      underscoreToDot: true,
    });
    expect(result.error_type).toBe(errorType);
  });

  it('treats a reply without tool calls as undecodable text', () => {
    expect(fromOpenAiToolCalls(undefined, 'The answer is 5.')).toEqual({
      kind: 'text',
      text: 'The answer is 5.',
    });
    expect(fromOpenAiToolCalls(null, null)).toEqual({ kind: 'text', text: '' });
  });

  it('keeps an explicit empty tool-call list as zero calls', () => {
    const result = checkBfcl({
      category: 'simple_python',
      functions,
      groundTruth,
      output: fromOpenAiToolCalls([]),
    });
    expect(result.error_type).toBe('simple_function_checker:wrong_count');
  });
});

describe(outputFromCallsJson.name, () => {
  it('reads calls with object or text arguments', () => {
    const calls = parseLosslessJson(
      '[{"name": "a", "arguments": {"x": 1.0}}, {"name": "b", "arguments": "{}"}, {"name": "c"}]',
    );
    const output = outputFromCallsJson(calls);
    expect(output).toEqual([
      { name: 'a', arguments: { x: pyFloat(1) } },
      { name: 'b', arguments: '{}' },
      { name: 'c', arguments: {} },
    ]);
  });

  it('reads a string as model text and a missing field as no output', () => {
    expect(outputFromCallsJson('no idea')).toEqual({ kind: 'text', text: 'no idea' });
    expect(outputFromCallsJson(undefined)).toEqual({ kind: 'text', text: '' });
  });

  it('passes other shapes on for the format check', () => {
    expect(outputFromCallsJson(parseLosslessJson('[{}]'))).toEqual({ kind: 'decoded', value: [{}] });
    expect(outputFromCallsJson(null)).toEqual({ kind: 'decoded', value: null });
  });
});

describe(isFunctionCallingFormat.name, () => {
  it.each([
    ['[]', true, true],
    ['[{}]', false, true],
    ['[{"f": {}}]', true, false],
    ['[{"f": {}, "g": {}}]', false, true],
    ['[{"f": 1}]', false, true],
    ['[{"f": {}}, {}]', false, true],
    ['{"f": {}}', false, true],
    ['"text"', false, true],
  ])('%s: format %s, empty %s', (text, format, empty) => {
    const value = parseLosslessJson(text);
    expect(isFunctionCallingFormat(value)).toBe(format);
    expect(isEmptyOutput(value)).toBe(empty);
  });

  it('is what decodeOutput produces for calls', () => {
    const decoded = decodeOutput([{ name: 'f', arguments: '{"a": 1}' }]);
    expect(decoded.ok && isFunctionCallingFormat(decoded.value)).toBe(true);
  });
});
