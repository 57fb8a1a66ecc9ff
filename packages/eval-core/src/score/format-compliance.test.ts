import { describe, expect, it } from 'vitest';
import type { CallNote, ExtractedCall } from './extract-call.js';
import { formatCompliance } from './format-compliance.js';

function c(...notes: CallNote[]): ExtractedCall {
  return { id: 'x', name: 'get_weather', arguments: {}, raw_arguments: '{}', notes };
}

describe(formatCompliance.name, () => {
  it.each([
    ['API failure', true, [], true, 'FAIL'],
    ['native call', false, [c()], true, 'PASS'],
    ['native call with "" arguments', false, [c('empty_arguments')], true, 'PASS'],
    ['JSON in the name', false, [c('name_was_json_blob')], true, 'NORMALIZED'],
    ['content extraction', false, [c('from_content')], true, 'NORMALIZED'],
    ['double-encoded arguments', false, [c('arguments_double_encoded')], true, 'NORMALIZED'],
    ['nested JSON string', false, [c('nested_json_string')], true, 'NORMALIZED'],
    ['arguments unparseable', false, [c('arguments_unparseable')], true, 'FAIL'],
    ['arguments not an object', false, [c('arguments_not_object')], true, 'FAIL'],
    ['expected call missing', false, [], true, 'FAIL'],
    ['correct abstention', false, [], false, 'PASS'],
    ['unexpected but well-formed call', false, [c()], false, 'PASS'],
    ['parallel: the worst call decides', false, [c(), c('from_content')], true, 'NORMALIZED'],
    ['parallel: a failing call wins', false, [c('from_content'), c('arguments_unparseable')], true, 'FAIL'],
  ] as const)('%s → %s', (_label, apiFailed, calls, callExpected, expected) => {
    expect(formatCompliance({ apiFailed, calls: [...calls], callExpected })).toBe(expected);
  });
});
