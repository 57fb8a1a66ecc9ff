import { describe, expect, it } from 'vitest';
import type { ExtractedCall } from '../score/extract-call.js';
import { TOOLS, response, testCase } from '../test-support/fixtures.js';
import { assistantMessage, describeRequest, initialMessages, toolMessages } from './messages.js';

function c(partial: Partial<ExtractedCall>): ExtractedCall {
  return {
    id: 'id',
    name: 'get_weather',
    arguments: { city: 'Paris' },
    raw_arguments: '{"city": "Paris"}',
    notes: [],
    ...partial,
  };
}

describe(initialMessages.name, () => {
  const bfcl = (messages: { role: string; content: string }[]) =>
    testCase({ bfcl: { id: 'b', category: 'simple_python', functions: '[]', ground_truth: null, messages } });

  it.each([
    [
      'system prompt and prompt',
      'Be brief.',
      testCase({ prompt: 'Hi' }),
      [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
      ],
    ],
    ['no system prompt', null, testCase({ prompt: 'Hi' }), [{ role: 'user', content: 'Hi' }]],
    ['blank system prompt', ' \n', testCase({ prompt: 'Hi' }), [{ role: 'user', content: 'Hi' }]],
    [
      'BFCL messages as they are',
      null,
      bfcl([{ role: 'user', content: 'Q' }]),
      [{ role: 'user', content: 'Q' }],
    ],
    [
      'BFCL messages with a system prompt prepended',
      'S',
      bfcl([
        { role: 'user', content: 'Q' },
        { role: 'assistant', content: 'A' },
        { role: 'user', content: 'Q2' },
      ]),
      [
        { role: 'system', content: 'S' },
        { role: 'user', content: 'Q' },
        { role: 'assistant', content: 'A' },
        { role: 'user', content: 'Q2' },
      ],
    ],
  ])('%s', (_label, system, data, expected) => {
    expect(initialMessages(system, data)).toEqual(expected);
  });
});

describe(assistantMessage.name, () => {
  it('writes native calls verbatim and repaired or recovered ones as proper JSON', () => {
    const msg = assistantMessage(
      response({ content: 'thinking' }),
      [
        c({}),
        c({ id: null, notes: ['from_content'] }),
        c({
          id: 'x',
          name: 'get_time',
          arguments: null,
          raw_arguments: '{bad',
          notes: ['arguments_unparseable'],
        }),
      ],
      2,
    );
    expect(msg).toEqual({
      role: 'assistant',
      content: 'thinking',
      tool_calls: [
        { id: 'id', type: 'function', function: { name: 'get_weather', arguments: '{"city": "Paris"}' } },
        {
          id: 'call_r2_1',
          type: 'function',
          function: { name: 'get_weather', arguments: '{"city":"Paris"}' },
        },
        { id: 'x', type: 'function', function: { name: 'get_time', arguments: '{bad' } },
      ],
    });
  });

  it('has no tool_calls when nothing was called', () => {
    expect(assistantMessage(response({ content: 'Hello' }), [], 1)).toEqual({
      role: 'assistant',
      content: 'Hello',
    });
  });
});

describe(toolMessages.name, () => {
  it('answers with the mock response (case-insensitive name, strings as they are) or {"status":"ok"}', () => {
    const mocks = { Get_Weather: { t: 21 }, get_time: '12:00' };
    expect(
      toolMessages([c({}), c({ id: null, name: 'get_time' }), c({ id: 'z', name: 'other' })], mocks, 1),
    ).toEqual([
      { role: 'tool', tool_call_id: 'id', content: '{"t":21}' },
      { role: 'tool', tool_call_id: 'call_r1_1', content: '12:00' },
      { role: 'tool', tool_call_id: 'z', content: '{"status":"ok"}' },
    ]);
  });
});

describe(describeRequest.name, () => {
  it('keeps tool names only and drops secrets', () => {
    expect(describeRequest('m', [], TOOLS, 'auto', { temperature: 1, api_key: 'x' })).toEqual({
      model: 'm',
      messages: [],
      tools: ['get_weather', 'get_time', 'send_notification'],
      tool_choice: 'auto',
      params: { temperature: 1 },
    });
    expect(describeRequest('m', [], [], 'required', {}).tool_choice).toBeNull();
  });
});
