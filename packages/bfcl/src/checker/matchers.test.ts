import { describe, expect, it } from 'vitest';
import { pyInt } from '../py-value.js';
import { checkBfcl } from './check-bfcl.js';
import { BfclDataError, type BfclModelOutput } from './types.js';

function single(props: object) {
  return JSON.stringify([
    { name: 'f.g', description: 'd', parameters: { type: 'dict', properties: props, required: [] } },
  ]);
}

const INT = { x: { type: 'integer' } };
const FLOAT = { x: { type: 'float' } };

describe(`${checkBfcl.name} matchers`, () => {
  describe('decoding and call counts', () => {
    const functions = JSON.stringify([
      { name: 'a', parameters: { type: 'dict', properties: { x: { type: 'integer' } }, required: ['x'] } },
      { name: 'b', parameters: { type: 'dict', properties: { x: { type: 'integer' } }, required: ['x'] } },
    ]);
    const groundTruth = '[{"b": {"x": [1]}}]';
    const call = (name: string, args = '{"x": 1}') => ({ name, arguments: args });
    it.each<[string, string, BfclModelOutput, string | null]>([
      ['text', 'simple_python', { kind: 'text', text: 'I cannot' }, 'ast_decoder:decoder_failed'],
      ['unparseable arguments', 'multiple', [call('b', '{"x": 1')], 'ast_decoder:decoder_failed'],
      ['non-object arguments', 'multiple', [call('b', '[1]')], 'ast_decoder:decoder_wrong_output_format'],
      ['[{}]', 'multiple', { kind: 'decoded', value: [{}] }, 'ast_decoder:decoder_wrong_output_format'],
      ['decoded form', 'multiple', { kind: 'decoded', value: [{ b: { x: pyInt(1) } }] }, null],
      ['simple: zero calls', 'simple_python', [], 'simple_function_checker:wrong_count'],
      ['simple: two calls', 'simple_python', [call('a'), call('a')], 'simple_function_checker:wrong_count'],
      [
        'simple: checked against the first function',
        'simple_python',
        [call('b')],
        'simple_function_checker:wrong_func_name',
      ],
      ['multiple: the expected function', 'multiple', [call('b')], null],
      [
        'multiple: another offered function',
        'multiple',
        [call('a')],
        'simple_function_checker:wrong_func_name',
      ],
      ['multiple: zero calls', 'multiple', [], 'multiple_function_checker:wrong_count'],
      [
        'live_multiple uses the multiple matcher',
        'live_multiple',
        [call('b'), call('b')],
        'multiple_function_checker:wrong_count',
      ],
      ['parallel: zero calls', 'parallel', [], 'parallel_function_checker_no_order:wrong_count'],
      ['parallel: no match', 'parallel', [call('a')], 'parallel_function_checker_no_order:cannot_find_match'],
      ['parallel_multiple uses the parallel matcher', 'parallel_multiple', [call('b')], null],
    ])('%s', (_name, category, output, errorType) => {
      expect(checkBfcl({ category, functions, groundTruth, output }).error_type).toBe(errorType);
    });
  });

  describe('parallel greedy first fit', () => {
    const functions = JSON.stringify([
      {
        name: 'stock.price',
        parameters: {
          type: 'dict',
          properties: { company: { type: 'string' }, date: { type: 'string' } },
          required: ['company', 'date'],
        },
      },
    ]);
    const groundTruth =
      '[{"stock.price": {"company": ["Microsoft", "Apple"], "date": ["D"]}}, {"stock.price": {"company": ["Apple"], "date": ["D"]}}]';
    const call = (company: string) => ({
      name: 'stock.price',
      arguments: `{"company": "${company}", "date": "D"}`,
    });

    it('passes when the broader entry meets Microsoft first', () => {
      const result = checkBfcl({
        category: 'parallel',
        functions,
        groundTruth,
        output: [call('Microsoft'), call('Apple')],
      });
      expect(result).toEqual({ valid: true, error_type: null, error: [] });
    });

    it('fails when the broader entry takes Apple first', () => {
      const result = checkBfcl({
        category: 'parallel',
        functions,
        groundTruth,
        output: [call('Apple'), call('Microsoft')],
      });
      expect(result.error_type).toBe('parallel_function_checker_no_order:cannot_find_match');
      expect(result.error[0]).toBe(
        'Could not find a matching function among index [1] of model output for index 1 of possible answers.',
      );
    });
  });

  describe('irrelevance and relevance', () => {
    const functions = single(INT);
    const cases: [string, BfclModelOutput, boolean][] = [
      ['[]', [], true],
      ['[{}]', { kind: 'decoded', value: [{}] }, true],
      ['text', { kind: 'text', text: 'That is not something I can compute.' }, true],
      ['unparseable arguments', [{ name: 'f.g', arguments: '{' }], true],
      ['non-call format', [{ name: 'f.g', arguments: '"x"' }], true],
      ['a call with empty arguments', [{ name: 'f.g', arguments: '{}' }], false],
      ['a call to an unknown name', [{ name: 'nope', arguments: '{"q": 1}' }], false],
    ];
    it.each(cases)('irrelevance: %s', (_name, output, noCall) => {
      const result = checkBfcl({ category: 'irrelevance', functions, groundTruth: null, output });
      expect(result.valid).toBe(noCall);
      expect(result.error_type).toBe(noCall ? null : 'irrelevance_error:decoder_success');
    });
    it.each(cases)('live_relevance: %s', (_name, output, noCall) => {
      const result = checkBfcl({ category: 'live_relevance', functions, groundTruth: null, output });
      expect(result.valid).toBe(!noCall);
      expect(result.error_type).toBe(noCall ? 'relevance_error:decoder_failed' : null);
    });
    it('live_irrelevance is an irrelevance category', () => {
      expect(
        checkBfcl({ category: 'live_irrelevance', functions, groundTruth: null, output: [] }).valid,
      ).toBe(true);
    });
  });

  describe('data errors', () => {
    it('needs a ground truth for AST categories', () => {
      expect(() =>
        checkBfcl({ category: 'multiple', functions: single(INT), groundTruth: null, output: [] }),
      ).toThrow(BfclDataError);
    });
    it('rejects a BFCL type it cannot check', () => {
      const input = {
        category: 'simple_python',
        functions: single({ x: { type: 'object' } }),
        groundTruth: '[{"f.g": {"x": [1]}}]',
        output: [{ name: 'f.g', arguments: '{"x": 1}' }],
      };
      expect(() => checkBfcl(input)).toThrow('unsupported BFCL type');
    });
    it('rejects categories scored by other checkers', () => {
      const input = { functions: single(INT), groundTruth: null, output: [] };
      expect(() => checkBfcl({ ...input, category: 'simple_java' })).toThrow('not scored');
      expect(() => checkBfcl({ ...input, category: 'multi_turn_base' })).toThrow('not scored');
    });
    it('accepts parsed functions and ground truth', () => {
      const result = checkBfcl({
        category: 'simple_python',
        functions: JSON.parse(single(FLOAT)) as unknown[],
        groundTruth: [{ 'f.g': { x: [pyInt(5)] } }],
        output: [{ name: 'f.g', arguments: { x: pyInt(5) } }],
      });
      expect(result.valid).toBe(true);
    });
  });
});
