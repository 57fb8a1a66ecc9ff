import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { LlmCallError } from '../llm-client.js';
import { TOOLS, call, callsResponse, response, testCase } from '../test-support/fixtures.js';
import { CaseScore } from './case-score.schema.js';
import { type CaseError, failedCaseScore } from './failed-score.js';
import { type ScoreCaseInput, scoreCase } from './score-case.js';

const weatherCase = testCase({ expected_tool: 'get_weather', expected_params: { city: 'Paris' } });

function sut(input: Partial<ScoreCaseInput>) {
  const score = scoreCase({ testCase: weatherCase, offeredTools: TOOLS, ...input });
  expect(() => CaseScore.parse(score)).not.toThrow(); // every score fits the stored/streamed schema
  return score;
}

describe(scoreCase.name, () => {
  it('scores a perfect call 1 and passes it', () => {
    const s = sut({ response: callsResponse(call('get_weather', { city: 'paris' })) });
    expect(s).toMatchObject({
      success: true,
      tool_score: 1,
      param_score: 1,
      overall_score: 1,
      passed: true,
      actual_tool: 'get_weather',
      actual_params: { city: 'paris' },
      format_compliance: 'PASS',
      error_type: null,
      error: null,
      error_category: null,
      schema_check: { valid: true, errors: [] },
      scoring_version: 1,
      category: null,
    });
  });

  it('gives the right tool with the wrong value 0.6, not 1.0 (old overall-by-schema bug)', () => {
    const s = sut({ response: callsResponse(call('get_weather', { city: 'London' })) });
    expect(s).toMatchObject({
      tool_score: 1,
      param_score: 0,
      overall_score: 0.6,
      passed: false,
      error_type: 'argument_hallucination',
    });
    expect(s.schema_check?.valid).toBe(true);
    expect(s.param_details).toEqual([
      {
        key: 'city',
        expected: 'Paris',
        actual: 'London',
        present: true,
        mode: 'exact',
        epsilon: null,
        match: false,
      },
    ]);
  });

  it('gives no call where one was expected 0, not 0.5', () => {
    const tc = testCase({ expected_tool: 'get_time', expected_params: null });
    const s = sut({ testCase: tc, response: response({ content: 'It is noon.' }) });
    expect(s).toMatchObject({
      tool_score: 0,
      param_score: null,
      overall_score: 0,
      format_compliance: 'FAIL',
      error_type: 'output_hallucination',
    });
  });

  it('gives a hallucinated call on an irrelevance case 0, not up to 0.5', () => {
    const tc = testCase({ expected_tool: null, category: 'irrelevance' });
    const s = sut({ testCase: tc, response: callsResponse(call('get_weather', { city: 'Paris' })) });
    expect(s).toMatchObject({
      tool_score: 0,
      param_score: null,
      overall_score: 0,
      format_compliance: 'PASS',
      error_type: 'tool_hallucination',
    });
  });

  it('passes a correct abstention', () => {
    const tc = testCase({ expected_tool: null, expected_params: null });
    const s = sut({ testCase: tc, response: response({ content: 'I have no tool for that.' }) });
    expect(s).toMatchObject({
      tool_score: 1,
      overall_score: 1,
      passed: true,
      format_compliance: 'PASS',
      schema_check: null,
      actual_tool: null,
    });
  });

  it('scores the tool alone when expected_params is null, and 1.0 for {}', () => {
    const none = testCase({ expected_tool: 'get_time', expected_params: null });
    expect(sut({ testCase: none, response: callsResponse(call('get_time')) })).toMatchObject({
      param_score: null,
      overall_score: 1,
    });
    const empty = testCase({ expected_tool: 'get_time', expected_params: {} });
    expect(sut({ testCase: empty, response: callsResponse(call('get_time')) })).toMatchObject({
      param_score: 1,
      overall_score: 1,
    });
  });

  it('gives a wrong tool with matching params 0.4', () => {
    const s = sut({ response: callsResponse(call('get_time', { city: 'Paris' })) });
    expect(s).toMatchObject({
      tool_score: 0,
      param_score: 1,
      overall_score: 0.4,
      error_type: 'invalid_reasoning',
    });
  });

  it('accepts any tool of an expected list', () => {
    const tc = testCase({ expected_tool: ['get_time', 'get_weather'], expected_params: null });
    expect(sut({ testCase: tc, response: callsResponse(call('GET_WEATHER', {})) }).passed).toBe(true);
  });

  describe('parallel calls', () => {
    it('scores the expected call wherever it is and keeps all calls', () => {
      const s = sut({ response: callsResponse(call('get_time'), call('get_weather', { city: 'Paris' })) });
      expect(s).toMatchObject({ actual_tool: 'get_weather', overall_score: 1 });
      expect(s.actual_calls.map((c) => c.name)).toEqual(['get_time', 'get_weather']);
      expect(s.notes).toContain('parallel_calls:2');
    });

    it('scores the expected call with the best arguments', () => {
      const s = sut({
        response: callsResponse(
          call('get_weather', { city: 'Rome' }),
          call('get_weather', { city: 'Paris' }),
        ),
      });
      expect(s.actual_params).toEqual({ city: 'Paris' });
      expect(s.overall_score).toBe(1);
    });
  });

  it('repairs a call stuffed into the name: NORMALIZED and scored', () => {
    const s = sut({
      response: callsResponse(call('{"name": "get_weather", "arguments": {"city": "Paris"}}', '')),
    });
    expect(s).toMatchObject({
      actual_tool: 'get_weather',
      overall_score: 1,
      passed: true,
      format_compliance: 'NORMALIZED',
    });
  });

  it('uses a call found in the text: NORMALIZED and scored', () => {
    const s = sut({
      response: response({ content: 'Calling {"name": "get_weather", "arguments": {"city": "Paris"}}' }),
    });
    expect(s).toMatchObject({
      actual_tool: 'get_weather',
      overall_score: 1,
      format_compliance: 'NORMALIZED',
    });
  });

  it('normalises JSON-string arguments', () => {
    const s = sut({ response: callsResponse(call('get_weather', JSON.stringify('{"city": "Paris"}'))) });
    expect(s).toMatchObject({
      actual_params: { city: 'Paris' },
      overall_score: 1,
      format_compliance: 'NORMALIZED',
    });
  });

  it('fails unparseable arguments: params 0, FAIL, invalid_invocation', () => {
    const s = sut({ response: callsResponse(call('get_weather', '{"city": "Par')) });
    expect(s).toMatchObject({
      tool_score: 1,
      param_score: 0,
      overall_score: 0.6,
      actual_params: null,
      format_compliance: 'FAIL',
      error_type: 'invalid_invocation',
      schema_check: null,
    });
  });

  it('reports schema problems without changing the score', () => {
    const s = sut({ response: callsResponse(call('get_weather', { city: 'Paris', country: 'FR' })) });
    expect(s).toMatchObject({ overall_score: 1, passed: true });
    expect(s.schema_check).toEqual({
      valid: false,
      errors: [{ path: '/country', message: 'is not declared in the tool schema' }],
    });
  });

  it('applies the case scoring configuration', () => {
    const tc = testCase({
      expected_tool: 'get_weather',
      expected_params: { city: 'Paris', days: 3 },
      param_scoring: 'contains',
      scoring_config: { per_key: { days: { mode: 'numeric_tolerance', epsilon: 1 } } },
    });
    const s = sut({
      testCase: tc,
      response: callsResponse(call('get_weather', { city: 'Paris, FR', days: 4 })),
    });
    expect(s.overall_score).toBe(1);
  });

  it('passes runner notes through', () => {
    const s = sut({
      response: callsResponse(call('get_weather', { city: 'Paris' })),
      notes: ['tool_choice_fallback:auto'],
    });
    expect(s.notes).toEqual(['tool_choice_fallback:auto']);
  });

  it('scores a failed API call 0 with its category and a sanitised error', () => {
    const s = sut({ error: { category: 'auth', message: '401 bad key sk-abcdef1234567890' } });
    expect(s).toMatchObject({
      success: false,
      tool_score: 0,
      param_score: 0,
      overall_score: 0,
      passed: false,
      format_compliance: 'FAIL',
      error_type: 'invalid_invocation',
      error_category: 'auth',
      error: '401 bad key sk-[redacted]',
      actual_calls: [],
    });
  });

  it('keeps param_score null on a failed call when params are not scored', () => {
    const tc = testCase({ expected_tool: 'get_time', expected_params: null });
    expect(failedCaseScore(tc, { category: 'timeout', message: 'timed out' }).param_score).toBeNull();
  });

  it('scores a multi-turn case from its rounds', () => {
    const tc = testCase({
      expected_tool: 'send_notification',
      expected_params: { message: 'Sunny' },
      multi_turn: true,
      optimal_hops: 2,
      valid_prerequisites: ['get_weather'],
    });
    const s = sut({
      testCase: tc,
      responses: [
        callsResponse(call('get_weather', { city: 'Paris' })),
        callsResponse(call('send_notification', { message: 'sunny' })),
      ],
    });
    expect(s).toMatchObject({
      overall_score: 1,
      passed: true,
      actual_tool: 'send_notification',
      tool_score: 1,
      param_score: 1,
    });
    expect(s.multi_turn).toMatchObject({ hops: 2, efficiency: 1, completion: 1, final_reached: true });
    expect(s.multi_turn?.chain.map((c) => [c.tool, c.round])).toEqual([
      ['get_weather', 1],
      ['send_notification', 2],
    ]);
    expect(s.notes).toContain('rounds:2');
  });

  it('labels a multi-turn case that never reached the final call', () => {
    const tc = testCase({ expected_tool: 'send_notification', multi_turn: true, optimal_hops: 1 });
    const s = sut({
      testCase: tc,
      responses: [
        callsResponse(call('get_weather', { city: 'Paris' })),
        callsResponse(call('get_weather', { city: 'Rome' })),
      ],
    });
    expect(s).toMatchObject({
      overall_score: 0,
      tool_score: 0,
      actual_tool: 'get_weather',
      error_type: 'reentrant_failure',
    });
  });

  it('needs a response or an error', () => {
    expect(() => scoreCase({ testCase: weatherCase, offeredTools: TOOLS })).toThrow(/needs a response/);
  });
});

describe('types', () => {
  it('derives the CaseScore type from its schema, and an LlmCallError is a CaseError', () => {
    expectTypeOf<CaseScore>().toEqualTypeOf<z.infer<typeof CaseScore>>();
    expectTypeOf<LlmCallError>().toExtend<CaseError>();
    expectTypeOf(scoreCase).returns.toEqualTypeOf<CaseScore>();
  });

  it('scores an LlmCallError given as the error', () => {
    const error = new LlmCallError('503', { category: 'server_error', status: 503 });
    expect(scoreCase({ testCase: weatherCase, offeredTools: TOOLS, error }).error_category).toBe(
      'server_error',
    );
  });
});
