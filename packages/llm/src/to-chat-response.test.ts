import { describe, expect, it } from 'vitest';
import { MalformedResponseError } from './classify-error.js';
import { toChatResponse } from './to-chat-response.js';

const meta = { latency_ms: 12, attempts: 2 };

function completion(message: unknown, extra: Record<string, unknown> = {}) {
  return { id: 'c1', choices: [{ index: 0, message, finish_reason: 'tool_calls' }], ...extra };
}

describe(toChatResponse.name, () => {
  it('keeps tool-call arguments byte for byte, even when they are not valid JSON', () => {
    const raw = completion(
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city": "Par' } },
        ],
      },
      { usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 } },
    );
    expect(toChatResponse(raw, meta)).toEqual({
      content: null,
      tool_calls: [{ id: 'call_1', name: 'get_weather', arguments: '{"city": "Par' }],
      finish_reason: 'tool_calls',
      usage: { prompt_tokens: 10, completion_tokens: 5 },
      latency_ms: 12,
      attempts: 2,
      raw_response: raw,
    });
  });

  it('serialises object arguments sent by lenient local servers', () => {
    const raw = completion({ tool_calls: [{ id: 'a', function: { name: 'f', arguments: { x: 1 } } }] });
    expect(toChatResponse(raw, meta).tool_calls).toEqual([{ id: 'a', name: 'f', arguments: '{"x":1}' }]);
  });

  it('reads text answers without usage', () => {
    const sut = toChatResponse(completion({ role: 'assistant', content: 'hi' }), meta);
    expect(sut).toMatchObject({ content: 'hi', tool_calls: [], usage: null });
  });

  it.each([
    ['a string body', '<html>oops</html>'],
    ['no choices', { id: 'x' }],
    ['empty choices', { choices: [] }],
    ['no message', { choices: [{ finish_reason: 'stop' }] }],
    ['tool_calls not an array', completion({ tool_calls: 'nope' })],
    ['tool call without function', completion({ tool_calls: [{ id: 'a' }] })],
  ])('rejects %s as malformed', (_name, raw) => {
    expect(() => toChatResponse(raw, meta)).toThrow(MalformedResponseError);
  });
});
