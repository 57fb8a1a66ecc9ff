import type { BfclSuiteTestCase } from '@llmbench/bfcl';
import { TestCaseInput } from '@llmbench/contracts';
import { describe, expect, it } from 'vitest';
import { call, callsResponse, response } from '../test-support/fixtures.js';
import { referenceToolCalls, shippedBfclCases } from '../test-support/shipped-bfcl.js';
import { bfclOverallScore, checkBfclResponse } from './bfcl-score.js';
import { scoreCase } from './score-case.js';

const simple = shippedBfclCases('simple_python');
const multiple = shippedBfclCases('multiple');
const irrelevance = shippedBfclCases('irrelevance');

function byId(cases: BfclSuiteTestCase[], id: string): BfclSuiteTestCase {
  const found = cases.find((c) => c.bfcl.id === id);
  if (!found) throw new Error(`no case ${id}`);
  return found;
}

function score(c: BfclSuiteTestCase, res: ReturnType<typeof response>) {
  return scoreCase({ testCase: TestCaseInput.parse(c), offeredTools: c.tools, response: res });
}

describe(checkBfclResponse.name, () => {
  const triangle = byId(simple, 'simple_python_0'); // calculate_triangle_area(base=10, height=5, unit optional)
  const factorial = byId(simple, 'simple_python_1'); // math.factorial(number=5), offered as math_factorial

  it.each([
    ['the reference answer', '{"base": 10, "height": 5}', true, null],
    ['with the optional unit', '{"base": 10, "height": 5, "unit": "units"}', true, null],
    ['a wrong value', '{"base": 10, "height": 6}', false, 'value_error:others'],
    ['a float for an integer', '{"base": 10.0, "height": 5}', false, 'type_error:simple'],
    ['a missing required key', '{"base": 10}', false, 'simple_function_checker:missing_required'],
    [
      'an unexpected key',
      '{"base": 10, "height": 5, "color": "red"}',
      false,
      'simple_function_checker:unexpected_param',
    ],
    ['unparseable arguments', '{"base": 10,', false, 'ast_decoder:decoder_failed'],
  ])('simple_python_0 with %s', (_label, args, valid, errorType) => {
    const verdict = checkBfclResponse(triangle.bfcl, callsResponse(call('calculate_triangle_area', args)));
    expect(verdict.valid).toBe(valid);
    expect(verdict.error_type).toBe(errorType);
  });

  it('matches offered names with dots replaced by underscores', () => {
    expect(
      checkBfclResponse(factorial.bfcl, callsResponse(call('math_factorial', { number: 5 }))).valid,
    ).toBe(true);
    expect(
      checkBfclResponse(factorial.bfcl, callsResponse(call('math.factorial', { number: 5 }))).error_type,
    ).toBe('simple_function_checker:wrong_func_name');
  });

  it('fails text answers and wrong call counts like BFCL', () => {
    expect(checkBfclResponse(triangle.bfcl, response({ content: 'The area is 25.' })).error_type).toBe(
      'ast_decoder:decoder_failed',
    );
    const two = callsResponse(
      call('calculate_triangle_area', { base: 10, height: 5 }),
      call('calculate_triangle_area', { base: 10, height: 5 }),
    );
    expect(checkBfclResponse(triangle.bfcl, two).error_type).toBe('simple_function_checker:wrong_count');
  });

  it('passes irrelevance cases only without a call', () => {
    const c = byId(irrelevance, 'irrelevance_0');
    expect(checkBfclResponse(c.bfcl, response({ content: 'I cannot do that with these tools.' })).valid).toBe(
      true,
    );
    const called = checkBfclResponse(
      c.bfcl,
      callsResponse(call('determine_body_mass_index', { weight: 1, height: 2 })),
    );
    expect(called).toMatchObject({ valid: false, error_type: 'irrelevance_error:decoder_success' });
  });

  it('reports unusable data instead of throwing', () => {
    const verdict = checkBfclResponse({ ...triangle.bfcl, ground_truth: null }, callsResponse(call('x', {})));
    expect(verdict.valid).toBe(false);
    expect(verdict.error_type).toBeNull();
    expect(verdict.errors[0]).toMatch(/unusable BFCL data/);
  });
});

describe('BFCL cases through scoreCase', () => {
  it('a correct answer passes with overall 1', () => {
    const c = byId(multiple, 'multiple_0');
    const s = score(c, callsResponse(...referenceToolCalls(c)));
    expect(s).toMatchObject({
      passed: true,
      overall_score: 1,
      tool_score: 1,
      param_score: 1,
      error_type: null,
    });
    expect(s.bfcl?.valid).toBe(true);
  });

  it('the right tool with a wrong value fails with 0.6', () => {
    const s = score(
      byId(simple, 'simple_python_0'),
      callsResponse(call('calculate_triangle_area', { base: 10, height: 6 })),
    );
    expect(s).toMatchObject({
      passed: false,
      tool_score: 1,
      param_score: 0,
      overall_score: 0.6,
      error_type: 'argument_hallucination',
    });
    expect(s.bfcl).toMatchObject({ valid: false, error_type: 'value_error:others' });
  });

  it('a wrong tool fails with 0', () => {
    const c = byId(multiple, 'multiple_0');
    const other = c.tools.find((t) => t.function.name !== c.expected_tool)?.function.name ?? 'nope';
    const s = score(c, callsResponse(call(other, {})));
    expect(s).toMatchObject({ passed: false, tool_score: 0, overall_score: 0 });
  });

  it('is not fooled by a call hidden in text (BFCL does not repair)', () => {
    const c = byId(simple, 'simple_python_0');
    const s = score(
      c,
      response({ content: '{"name": "calculate_triangle_area", "arguments": {"base": 10, "height": 5}}' }),
    );
    expect(s).toMatchObject({
      passed: false,
      overall_score: 0,
      actual_tool: null,
      format_compliance: 'FAIL',
    });
  });

  it('an irrelevance case passes on abstention and fails on a call', () => {
    const c = byId(irrelevance, 'irrelevance_1');
    expect(score(c, response({ content: 'Not possible.' }))).toMatchObject({
      passed: true,
      overall_score: 1,
      param_score: null,
    });
    const s = score(c, callsResponse(call('math_sum', { numbers: [1, 2] })));
    expect(s).toMatchObject({ passed: false, overall_score: 0, error_type: 'tool_hallucination' });
  });

  it('passes the reference answer of every shipped simple_python and multiple case', () => {
    const failures = [...simple, ...multiple].filter(
      (c) => !score(c, callsResponse(...referenceToolCalls(c))).passed,
    );
    expect(failures.map((c) => c.bfcl.id)).toEqual([]);
  });

  it('fails every shipped simple_python case answered with text', () => {
    const passing = simple.filter((c) => score(c, response({ content: 'I would call a tool.' })).passed);
    expect(passing).toEqual([]);
  });

  it('computes overall as 1 when valid, else 0.6 × tool', () => {
    expect([bfclOverallScore(true, 1), bfclOverallScore(false, 1), bfclOverallScore(false, 0)]).toEqual([
      1, 0.6, 0,
    ]);
  });
});
