import { describe, expect, it } from 'vitest';
import { checkBfcl } from './check-bfcl.js';

/** One function `f.g` with the given BFCL properties; ground truth for `f.g` with the given params. */
function single(props: object, required: string[] = []) {
  return JSON.stringify([
    { name: 'f.g', description: 'd', parameters: { type: 'dict', properties: props, required } },
  ]);
}

function run(props: object, groundTruthParams: string, argsText: string, required: string[] = []) {
  return checkBfcl({
    category: 'simple_python',
    functions: single(props, required),
    groundTruth: `[{"f.g": ${groundTruthParams}}]`,
    output: [{ name: 'f.g', arguments: argsText }],
  });
}

type Row = [string, object, string, string, string | null, string[]?];

const INT = { x: { type: 'integer' } };
const FLOAT = { x: { type: 'float' } };
const STR = { x: { type: 'string' } };
const FLOATS = { x: { type: 'array', items: { type: 'float' } } };
const STRS = { x: { type: 'array', items: { type: 'string' } } };
const DICT = { d: { type: 'dict', properties: { a: { type: 'integer' }, b: { type: 'string' } } } };
const LIST_DICT = { l: { type: 'array', items: { type: 'dict' } } };

// Every row was also run through a transcription of BFCL's Python checker with the same verdict.
const TYPE_ROWS: Row[] = [
  ['int for a float parameter is converted (top level)', FLOAT, '{"x": [5.0]}', '{"x": 5}', null],
  ['float for a float parameter', FLOAT, '{"x": [5.0]}', '{"x": 5.0}', null],
  ['exponent spelling is a float', FLOAT, '{"x": [5.0]}', '{"x": 5e0}', null],
  ['5.0 for an integer parameter fails', INT, '{"x": [5]}', '{"x": 5.0}', 'type_error:simple'],
  ['bool is not an int', INT, '{"x": [0]}', '{"x": false}', 'type_error:simple'],
  ['int is not a bool', { x: { type: 'boolean' } }, '{"x": [true]}', '{"x": 1}', 'type_error:simple'],
  ['"true" is not a bool', { x: { type: 'boolean' } }, '{"x": [true]}', '{"x": "true"}', 'type_error:simple'],
  ['string for an integer', INT, '{"x": [5]}', '{"x": "5"}', 'type_error:simple'],
  ['any only accepts a string', { x: { type: 'any' } }, '{"x": ["5"]}', '{"x": 5}', 'type_error:simple'],
  [
    'comma-joined string for an array',
    FLOATS,
    '{"x": [[1.0, 2.5]]}',
    '{"x": "1.0, 2.5"}',
    'type_error:simple',
  ],
  [
    '[1, 2.5] for floats whose answer is [[1.0, 2.5]]',
    FLOATS,
    '{"x": [[1.0, 2.5]]}',
    '{"x": [1, 2.5]}',
    'type_error:nested',
  ],
  [
    'elements are not converted to float',
    FLOATS,
    '{"x": [[1.0, 3.0]]}',
    '{"x": [1, 3]}',
    'type_error:nested',
  ],
  ['elements may have the accepted list element type', FLOATS, '{"x": [[1, 2]]}', '{"x": [1, 2]}', null],
  ['a "" answer disables the nested check', FLOATS, '{"x": ["", [1.0, 2.5]]}', '{"x": [1, 2.5]}', null],
  ['bool element in a float list', FLOATS, '{"x": [[1.0, 2.5]]}', '{"x": [true, 2.5]}', 'type_error:nested'],
  [
    'tuple is checked like array',
    { t: { type: 'tuple', items: { type: 'integer' } } },
    '{"t": [[1, 2]]}',
    '{"t": [1.0, 2]}',
    'type_error:nested',
  ],
  ['an empty accepted list rejects every value', STRS, '{"x": []}', '{"x": []}', 'type_error:simple'],
];

const VARIABLE_ROWS: Row[] = [
  ['placeholder string for an integer parameter', INT, '{"x": ["myvar"]}', '{"x": "myvar"}', null],
  [
    'placeholders are compared without normalisation',
    INT,
    '{"x": ["myvar"]}',
    '{"x": "MyVar"}',
    'value_error:others',
  ],
  ['a real int against a placeholder answer', INT, '{"x": ["myvar"]}', '{"x": 5}', 'value_error:others'],
  ['null passes when null is accepted', INT, '{"x": [null]}', '{"x": null}', null],
  ['null fails when null is not accepted', INT, '{"x": [5]}', '{"x": null}', 'type_error:simple'],
  ['0 against a null answer', INT, '{"x": [null]}', '{"x": 0}', 'value_error:others'],
  ['int answer for a float parameter', FLOAT, '{"x": [5]}', '{"x": 5.0}', null],
  ['bool answer for a string parameter', STR, '{"x": ["", true]}', '{"x": true}', null],
  ['an array answer given as a string', STRS, '{"x": ["abc"]}', '{"x": "abc"}', null],
];

const VALUE_ROWS: Row[] = [
  ['string normalisation', STR, '{"x": ["new york, ny"]}', '{"x": "New_York/NY."}', null],
  ['\' becomes "', STR, `{"x": ["It's"]}`, '{"x": "It\\"s"}', null],
  ['other characters count', STR, '{"x": ["new york, ny"]}', '{"x": "New York NJ"}', 'value_error:string'],
  ['"" for an optional string', STR, '{"x": ["New York", ""]}', '{"x": ""}', null],
  ['punctuation-only string for an optional string', STR, '{"x": ["New York", ""]}', '{"x": "..."}', null],
  ['omitting an optional parameter', STR, '{"x": ["New York", ""]}', '{}', null],
  ['list with normalised strings', STRS, '{"x": [["New York", "LA"]]}', '{"x": ["new_york", "l.a."]}', null],
  [
    'list order counts',
    STRS,
    '{"x": [["New York", "LA"]]}',
    '{"x": ["LA", "New York"]}',
    'value_error:list/tuple',
  ],
  ['list length counts', FLOATS, '{"x": [[1.0, 2.5]]}', '{"x": [1.0, 2.5, 3.0]}', 'value_error:list/tuple'],
  ['[] passes when "" is accepted', FLOATS, '{"x": ["", [1.0]]}', '{"x": []}', null],
  ['numbers in lists compare numerically', FLOATS, '{"x": [[1, 2]]}', '{"x": [1.0, 2.0]}', null],
  ['no float tolerance', FLOAT, '{"x": [3.14]}', '{"x": 3.1400001}', 'value_error:others'],
  ['wrong int', INT, '{"x": [5]}', '{"x": 6}', 'value_error:others'],
  [
    'big ints compare exactly',
    INT,
    '{"x": [123456789012345678901234567890]}',
    '{"x": 123456789012345678901234567891}',
    'value_error:others',
  ],
];

const DICT_ROWS: Row[] = [
  ['dict matching', DICT, '{"d": [{"a": [1], "b": ["x y", ""]}]}', '{"d": {"a": 1, "b": "X_Y"}}', null],
  ['dict optional key left out', DICT, '{"d": [{"a": [1], "b": ["x y", ""]}]}', '{"d": {"a": 1}}', null],
  ['dict values use plain ==', DICT, '{"d": [{"a": [1]}]}', '{"d": {"a": true}}', null],
  ['dict unexpected key', DICT, '{"d": [{"a": [1]}]}', '{"d": {"a": 1, "c": 1}}', 'value_error:dict_key'],
  ['dict wrong value', DICT, '{"d": [{"a": [1]}]}', '{"d": {"a": 2}}', 'value_error:dict_value'],
  ['dict missing key', DICT, '{"d": [{"a": [1], "b": ["x"]}]}', '{"d": {"a": 1}}', 'value_error:dict_key'],
  [
    'a missing key outranks a wrong value',
    DICT,
    '{"d": [{"a": [1], "b": ["x"]}]}',
    '{"d": {"a": 2}}',
    'value_error:dict_key',
  ],
  [
    'any accepted dict may match',
    DICT,
    '{"d": [{"a": [1]}, {"a": [2], "b": ["q"]}]}',
    '{"d": {"a": 2, "b": "q"}}',
    null,
  ],
  [
    'the last accepted dict reports',
    DICT,
    '{"d": [{"a": [1]}, {"a": [2], "b": ["q"]}]}',
    '{"d": {"a": 1, "b": "z"}}',
    'value_error:dict_value',
  ],
  ['a dict against only ""', DICT, '{"d": [""]}', '{"d": {"a": 1}}', 'dict_checker:unclear'],
  [
    'list of dicts in order',
    LIST_DICT,
    '{"l": [[{"a": ["x"]}, {"a": ["y"]}]]}',
    '{"l": [{"a": "x"}, {"a": "y"}]}',
    null,
  ],
  [
    'list of dicts out of order',
    LIST_DICT,
    '{"l": [[{"a": ["x"]}, {"a": ["y"]}]]}',
    '{"l": [{"a": "y"}, {"a": "x"}]}',
    'value_error:dict_value',
  ],
  [
    'list of dicts wrong length',
    LIST_DICT,
    '{"l": [[{"a": ["x"]}, {"a": ["y"]}]]}',
    '{"l": [{"a": "x"}]}',
    'value_error:list_dict_count',
  ],
  [
    'list of dicts unexpected key',
    LIST_DICT,
    '{"l": [[{"a": ["x"]}]]}',
    '{"l": [{"b": "x"}]}',
    'value_error:dict_key',
  ],
  ['empty list of dicts with ""', LIST_DICT, '{"l": ["", [{"a": ["x"]}]]}', '{"l": []}', null],
  // list_dict_checker:unclear needs an empty accepted list, which the type check rejects first.
  ['list of dicts with no accepted list', LIST_DICT, '{"l": []}', '{"l": [{"a": "x"}]}', 'type_error:simple'],
];

const FUNCTION_ROWS: Row[] = [
  [
    'missing required (schema, not ground truth)',
    { a: { type: 'integer' }, b: { type: 'string' } },
    '{"a": [1], "b": ["q"]}',
    '{"b": "q"}',
    'simple_function_checker:missing_required',
    ['a'],
  ],
  ['unknown parameter', INT, '{"x": [1]}', '{"x": 1, "zz": 1}', 'simple_function_checker:unexpected_param'],
  [
    'schema parameter absent from ground truth must not be sent',
    { a: { type: 'integer' }, b: { type: 'string' } },
    '{"a": [1]}',
    '{"a": 1, "b": "q"}',
    'simple_function_checker:unexpected_param',
  ],
  [
    'parameters are checked one by one in sent order',
    { a: { type: 'integer' }, b: { type: 'string' } },
    '{"a": [1], "b": ["q"]}',
    '{"b": 5, "zz": 1}',
    'type_error:simple',
  ],
  [
    'expected parameter without "" must be sent',
    { a: { type: 'integer' }, b: { type: 'string' } },
    '{"a": [1], "b": ["q"]}',
    '{"a": 1}',
    'simple_function_checker:missing_optional',
  ],
  [
    'simple_python_200: required with "" listed first',
    { x: { type: 'float' } },
    '{"x": ["", 25.0]}',
    '{}',
    'simple_function_checker:missing_required',
    ['x'],
  ],
  [
    'simple_python_200: 25.0 is accepted',
    { x: { type: 'float' } },
    '{"x": ["", 25.0]}',
    '{"x": 25.0}',
    null,
    ['x'],
  ],
  ['repeated key: the last value counts', INT, '{"x": [1]}', '{"x": 2, "x": 1}', null],
];

describe(checkBfcl.name, () => {
  describe.each([
    ['types', TYPE_ROWS],
    ['variables and placeholders', VARIABLE_ROWS],
    ['values', VALUE_ROWS],
    ['dicts', DICT_ROWS],
    ['function checks', FUNCTION_ROWS],
  ])('%s', (_group, rows) => {
    it.each(rows)('%s', (_name, props, gt, args, errorType, required = []) => {
      const result = run(props, gt, args, required);
      expect(result.error_type).toBe(errorType);
      expect(result.valid).toBe(errorType === null);
      expect(result.error.length > 0).toBe(errorType !== null);
    });
  });

  it('writes BFCL-style messages', () => {
    expect(run(INT, '{"x": [5]}', '{"x": 5.0}').error).toEqual([
      "Incorrect type for parameter 'x'. Expected type integer, got float. Parameter value: 5.0.",
    ]);
  });

  describe('names', () => {
    const base = { functions: single(INT), groundTruth: '[{"f.g": {"x": [1]}}]', category: 'simple_python' };
    it.each([
      ['f.g', false, null],
      ['f_g', false, 'simple_function_checker:wrong_func_name'],
      ['f_g', true, null],
      ['f.g', true, 'simple_function_checker:wrong_func_name'],
      ['F.g', false, 'simple_function_checker:wrong_func_name'],
    ])('call %s with underscoreToDot=%s', (name, underscoreToDot, errorType) => {
      const result = checkBfcl({ ...base, output: [{ name, arguments: '{"x": 1}' }], underscoreToDot });
      expect(result.error_type).toBe(errorType);
    });
  });
});
