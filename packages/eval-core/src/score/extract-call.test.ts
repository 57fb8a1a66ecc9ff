import { describe, expect, it } from 'vitest';
import { NOTIFY, TOOLS, call, callsResponse, response } from '../test-support/fixtures.js';
import { extractCalls } from './extract-call.js';

describe(extractCalls.name, () => {
  it('returns nothing when the model called nothing', () => {
    expect(extractCalls(response({ content: 'It is sunny.' }), { tools: TOOLS })).toEqual([]);
  });

  it('reads a native call and parses its arguments', () => {
    const [c] = extractCalls(callsResponse(call('get_weather', { city: 'Paris' }, 'id1')), { tools: TOOLS });
    expect(c).toEqual({
      id: 'id1',
      name: 'get_weather',
      arguments: { city: 'Paris' },
      raw_arguments: '{"city":"Paris"}',
      notes: [],
    });
  });

  it('keeps every parallel call, in order', () => {
    const calls = extractCalls(
      callsResponse(
        call('get_weather', { city: 'Paris' }),
        call('get_weather', { city: 'Rome' }),
        call('get_time'),
      ),
      { tools: TOOLS },
    );
    expect(calls.map((c) => [c.name, c.arguments])).toEqual([
      ['get_weather', { city: 'Paris' }],
      ['get_weather', { city: 'Rome' }],
      ['get_time', {}],
    ]);
  });

  it.each([
    ['unparseable JSON', '{"city": "Paris"', null, ['arguments_unparseable']],
    ['an array', '[1, 2]', null, ['arguments_not_object']],
    ['a number', '42', null, ['arguments_not_object']],
    ['JSON null', 'null', null, ['arguments_not_object']],
    ['an empty string', '', {}, ['empty_arguments']],
    ['whitespace', '  ', {}, ['empty_arguments']],
    [
      'a double-encoded object',
      JSON.stringify('{"city":"Paris"}'),
      { city: 'Paris' },
      ['arguments_double_encoded'],
    ],
    ['a JSON string that is not an object', JSON.stringify('Paris'), null, ['arguments_not_object']],
  ])('arguments given as %s', (_label, raw, args, notes) => {
    const [c] = extractCalls(callsResponse(call('get_weather', raw)), { tools: TOOLS });
    expect(c?.arguments).toEqual(args);
    expect(c?.notes).toEqual(notes);
    expect(c?.raw_arguments).toBe(raw);
  });

  it('decodes a nested JSON-string argument where the schema expects an object or array', () => {
    const raw = JSON.stringify({ message: 'hi', delivery: '{"channel": "sms"}', tags: '["a","b"]' });
    const [c] = extractCalls(callsResponse(call('send_notification', raw)), { tools: [NOTIFY] });
    expect(c?.arguments).toEqual({ message: 'hi', delivery: { channel: 'sms' }, tags: ['a', 'b'] });
    expect(c?.notes).toEqual(['nested_json_string']);
  });

  it('leaves JSON-looking strings alone where the schema expects a string, or without a schema', () => {
    const raw = JSON.stringify({ message: '{"not": "decoded"}' });
    expect(
      extractCalls(callsResponse(call('send_notification', raw)), { tools: [NOTIFY] })[0]?.arguments,
    ).toEqual({
      message: '{"not": "decoded"}',
    });
    const unknown = extractCalls(callsResponse(call('other_tool', { delivery: '{"a":1}' })), {
      tools: TOOLS,
    });
    expect(unknown[0]?.arguments).toEqual({ delivery: '{"a":1}' });
    expect(unknown[0]?.notes).toEqual([]);
  });

  describe('a whole call stuffed into the function name', () => {
    it.each([
      ['arguments object', '{"name": "get_weather", "arguments": {"city": "Paris"}}'],
      ['parameters object', '{"name": "get_weather", "parameters": {"city": "Paris"}}'],
      ['arguments as JSON text', '{"name": "get_weather", "arguments": "{\\"city\\": \\"Paris\\"}"}'],
      ['surrounding whitespace', '  {"name": "get_weather", "arguments": {"city": "Paris"}}  '],
    ])('is repaired (%s)', (_label, name) => {
      const [c] = extractCalls(callsResponse(call(name, '')), { tools: TOOLS });
      expect(c?.name).toBe('get_weather');
      expect(c?.arguments).toEqual({ city: 'Paris' });
      expect(c?.notes).toContain('name_was_json_blob');
    });

    it('prefers the real arguments when they are not empty', () => {
      const [c] = extractCalls(
        callsResponse(call('{"name": "get_weather", "arguments": {"city": "Rome"}}', { city: 'Paris' })),
        { tools: TOOLS },
      );
      expect(c?.arguments).toEqual({ city: 'Paris' });
      expect(c?.notes).toEqual(['name_was_json_blob']);
    });

    it('keeps a name that only looks like JSON', () => {
      const [c] = extractCalls(callsResponse(call('{broken', {})), { tools: TOOLS });
      expect(c?.name).toBe('{broken');
      expect(c?.notes).toEqual([]);
    });

    it('is not repaired when repairs are off (BFCL sees the raw call)', () => {
      const name = '{"name": "get_weather", "arguments": {"city": "Paris"}}';
      const [c] = extractCalls(callsResponse(call(name, '{}')), { tools: TOOLS, repair: false });
      expect(c?.name).toBe(name);
    });
  });

  describe('content fallback', () => {
    it.each([
      ['plain JSON', '{"name": "get_weather", "arguments": {"city": "Paris"}}'],
      ['JSON inside prose', 'Sure! {"name": "get_weather", "parameters": {"city": "Paris"}} Done.'],
      ['a fenced block', '```json\n{"name": "get_weather", "arguments": {"city": "Paris"}}\n```'],
      ['a hermes tag', '<tool_call>\n{"name": "get_weather", "arguments": {"city": "Paris"}}\n</tool_call>'],
      [
        'an OpenAI-shaped object',
        '{"type": "function", "function": {"name": "get_weather", "arguments": "{\\"city\\":\\"Paris\\"}"}}',
      ],
      ['braces in strings', 'x {"name": "get_weather", "arguments": {"city": "Paris"}, "note": "a } b"}'],
    ])('finds a call written as %s', (_label, content) => {
      const calls = extractCalls(response({ content }), { tools: TOOLS });
      expect(calls).toHaveLength(1);
      expect(calls[0]).toMatchObject({ id: null, name: 'get_weather', arguments: { city: 'Paris' } });
      expect(calls[0]?.notes).toContain('from_content');
    });

    it('finds several calls (parallel) in one text', () => {
      const content =
        '<tool_call>{"name": "get_weather", "arguments": {"city": "Paris"}}</tool_call>\n' +
        '<tool_call>{"name": "get_time", "arguments": {}}</tool_call>';
      expect(extractCalls(response({ content }), { tools: TOOLS }).map((c) => c.name)).toEqual([
        'get_weather',
        'get_time',
      ]);
    });

    it('finds a list of calls', () => {
      const content = '[{"name": "get_weather", "arguments": {"city": "Paris"}}, {"name": "get_time"}]';
      expect(extractCalls(response({ content }), { tools: TOOLS }).map((c) => c.name)).toEqual([
        'get_weather',
        'get_time',
      ]);
    });

    it('defaults missing arguments to {}', () => {
      const [c] = extractCalls(response({ content: '{"name": "get_time"}' }), { tools: TOOLS });
      expect(c?.arguments).toEqual({});
      expect(c?.raw_arguments).toBe('{}');
    });

    it('falls back to the first-{ to last-} span when the brackets do not balance', () => {
      const content = '[draft: {"name": "get_weather", "arguments": {"city": "Paris"}}';
      expect(extractCalls(response({ content }), { tools: TOOLS })[0]?.name).toBe('get_weather');
    });

    it('ignores JSON that is an answer, not a call', () => {
      expect(
        extractCalls(response({ content: 'Result: {"name": "Ada", "age": 36}' }), { tools: TOOLS }),
      ).toEqual([]);
      expect(extractCalls(response({ content: '{"city": "Paris"}' }), { tools: TOOLS })).toEqual([]);
      expect(extractCalls(response({ content: 'no json here' }), { tools: TOOLS })).toEqual([]);
    });

    it('keeps an unoffered tool name when the object has arguments (a hallucinated call)', () => {
      const [c] = extractCalls(
        response({ content: '{"name": "book_flight", "arguments": {"to": "Rome"}}' }),
        { tools: TOOLS },
      );
      expect(c?.name).toBe('book_flight');
    });

    it('is not used when there are native calls, or when repairs are off', () => {
      const content = '{"name": "get_time", "arguments": {}}';
      const native = response({ content, tool_calls: [call('get_weather', { city: 'Paris' })] });
      expect(extractCalls(native, { tools: TOOLS }).map((c) => c.name)).toEqual(['get_weather']);
      expect(extractCalls(response({ content }), { tools: TOOLS, repair: false })).toEqual([]);
    });
  });
});
