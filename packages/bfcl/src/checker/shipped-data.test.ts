import { describe, expect, it } from 'vitest';
import { parseLosslessJson, stringifyLossless } from '../lossless-json.js';
import { type BfclEntry, parseBfclFiles } from '../parse-files.js';
import {
  type LosslessObject,
  type LosslessValue,
  PyFloat,
  PyInt,
  isLosslessObject,
  pyTypeOf,
} from '../py-value.js';
import { referenceCalls } from '../reference-answer.js';
import { readAnswers, readQuestions } from '../test-support/shipped-data.js';
import { checkBfcl } from './check-bfcl.js';
import { PYTHON_TYPE_MAPPING } from './type-check.js';
import type { BfclCall, BfclErrorType } from './types.js';

interface Param {
  name: string;
  type: string;
  value: LosslessValue;
}

/** The shipped case, its reference call, and the parameters whose answer has the schema's type. */
function prepare(entry: BfclEntry) {
  const groundTruth = entry.answer?.groundTruthText ?? '';
  const [ref] = referenceCalls(groundTruth, entry.question.functionText);
  if (!ref) throw new Error(`no reference call for ${entry.question.id}`);
  const fn = entry.question.function.find(
    (f) => isLosslessObject(f) && f['name'] === ref.name,
  ) as LosslessObject;
  const params = fn['parameters'] as LosslessObject;
  const props = params['properties'] as LosslessObject;
  const required = params['required'] as string[];
  const typed: Param[] = Object.entries(ref.arguments)
    .map(([name, value]) => ({ name, value, type: (props[name] as LosslessObject)['type'] as string }))
    .filter((p) => PYTHON_TYPE_MAPPING[p.type] === pyTypeOf(p.value));
  return { groundTruth, ref, required, typed };
}

function check(category: string, entry: BfclEntry, calls: BfclCall[], underscoreToDot = false) {
  const groundTruth = entry.answer?.groundTruthText ?? null;
  return checkBfcl({
    category,
    functions: entry.question.functionText,
    groundTruth,
    output: calls,
    underscoreToDot,
  });
}

const withArgs = (name: string, args: LosslessObject): BfclCall[] => [
  { name, arguments: stringifyLossless(args) },
];

function wrongValue(p: Param): [LosslessValue, BfclErrorType] | null {
  if (p.value instanceof PyInt) return [new PyInt(p.value.value + 1000n), 'value_error:others'];
  if (typeof p.value === 'string') return ['zzz not an accepted value', 'value_error:string'];
  return null;
}

describe.each([
  ['simple_python', 'simple_function_checker:wrong_count'],
  ['multiple', 'multiple_function_checker:wrong_count'],
] as const)('shipped %s', (category, wrongCount) => {
  const entries = parseBfclFiles(readQuestions(category), readAnswers(category));
  const counts: Record<string, number> = {};
  const expectError = (entry: BfclEntry, kind: string, calls: BfclCall[], errorType: BfclErrorType) => {
    const result = check(category, entry, calls);
    expect({ id: entry.question.id, kind, error_type: result.error_type }).toEqual({
      id: entry.question.id,
      kind,
      error_type: errorType,
    });
    counts[kind] = (counts[kind] ?? 0) + 1;
  };

  it('accepts the reference answer of every case, int/float as written', () => {
    for (const entry of entries) {
      const { ref } = prepare(entry);
      expect({
        id: entry.question.id,
        ...check(category, entry, withArgs(ref.name, ref.arguments)),
      }).toMatchObject({
        valid: true,
      });
      const underscored = withArgs(ref.name.replaceAll('.', '_'), ref.arguments);
      expect(check(category, entry, underscored, true).valid).toBe(true);
    }
  });

  it('rejects wrong answers with the right error_type', () => {
    for (const entry of entries) {
      const { ref, required, typed } = prepare(entry);
      const args = ref.arguments;
      expectError(
        entry,
        'wrong name',
        withArgs(`${ref.name}_x`, args),
        'simple_function_checker:wrong_func_name',
      );
      expectError(entry, 'zero calls', [], wrongCount);
      expectError(entry, 'two calls', [...withArgs(ref.name, args), ...withArgs(ref.name, args)], wrongCount);
      expectError(
        entry,
        'extra param',
        withArgs(ref.name, { ...args, not_a_param: new PyInt(1) }),
        'simple_function_checker:unexpected_param',
      );
      const [firstRequired] = required;
      if (firstRequired !== undefined) {
        const { [firstRequired]: _dropped, ...rest } = args;
        expectError(
          entry,
          'missing required',
          withArgs(ref.name, rest as LosslessObject),
          'simple_function_checker:missing_required',
        );
      }
      const [first] = typed;
      if (first) {
        const badType = typeof first.value === 'string' ? new PyInt(12345) : 'wrong type';
        expectError(
          entry,
          'wrong type',
          withArgs(ref.name, { ...args, [first.name]: badType }),
          'type_error:simple',
        );
      }
      const int = typed.find((p) => p.value instanceof PyInt);
      if (int) {
        const asFloat = new PyFloat(Number((int.value as PyInt).value));
        expectError(
          entry,
          'float for integer',
          withArgs(ref.name, { ...args, [int.name]: asFloat }),
          'type_error:simple',
        );
      }
      const valueParam = typed.find((p) => wrongValue(p) !== null);
      const bad = valueParam ? wrongValue(valueParam) : null;
      if (valueParam && bad) {
        expectError(entry, 'wrong value', withArgs(ref.name, { ...args, [valueParam.name]: bad[0] }), bad[1]);
      }
    }
    // Each kind of wrong answer was exercised on most cases.
    for (const kind of ['missing required', 'wrong type', 'float for integer', 'wrong value']) {
      expect(counts[kind]).toBeGreaterThan(entries.length / 3);
    }
  });

  it('scores the data defect of simple_python_200 like BFCL', () => {
    const entry = entries.find((e) => e.question.id === 'simple_python_200');
    if (!entry) return; // only in simple_python
    const base = { distance: new PyInt(12000), fuel_type: 'gas' };
    expect(check(category, entry, withArgs('calculate_emissions', base)).error_type).toBe(
      'simple_function_checker:missing_required',
    );
    const withFloat = { ...base, fuel_efficiency: new PyFloat(25) };
    expect(check(category, entry, withArgs('calculate_emissions', withFloat)).valid).toBe(true);
    const withEmpty = { ...base, fuel_efficiency: '' };
    expect(check(category, entry, withArgs('calculate_emissions', withEmpty)).error_type).toBe(
      'type_error:simple',
    );
  });
});

describe('shipped irrelevance', () => {
  const entries = parseBfclFiles(readQuestions('irrelevance'));
  const check = (entry: BfclEntry, output: Parameters<typeof checkBfcl>[0]['output']) =>
    checkBfcl({ category: 'irrelevance', functions: entry.question.functionText, groundTruth: null, output });

  it('passes every case when no call is made', () => {
    for (const entry of entries) {
      expect(check(entry, []).valid).toBe(true);
      expect(check(entry, { kind: 'text', text: 'I cannot help with that.' }).valid).toBe(true);
      expect(check(entry, { kind: 'decoded', value: parseLosslessJson('[{}]') }).valid).toBe(true);
    }
  });

  it('fails every case on any call', () => {
    for (const entry of entries) {
      const fn = entry.question.function[0] as LosslessObject;
      const result = check(entry, [{ name: String(fn['name']).replaceAll('.', '_'), arguments: '{}' }]);
      expect(result).toMatchObject({ valid: false, error_type: 'irrelevance_error:decoder_success' });
    }
  });
});
