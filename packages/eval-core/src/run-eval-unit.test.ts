import { describe, expect, it } from 'vitest';
import { type ChatMessage, LlmCallError } from './llm-client.js';
import type { CaseOutcome, EvalCase } from './run/run-case.js';
import { type EvalUnit, type RunEvalUnitOptions, outcomeKey, runEvalUnit } from './run-eval-unit.js';
import { TOOLS, call, callsResponse, response, testCase } from './test-support/fixtures.js';
import { ScriptedClient, lastUserText, never, untilAborted } from './test-support/scripted-client.js';

const unit: EvalUnit = {
  model: 'sandbox-precise',
  params: { temperature: 0.2, max_tokens: 256, api_key: 'sk-should-not-be-stored' },
  system_prompt: 'You are a helpful assistant.',
  tool_choice: 'required',
};

const paris: EvalCase = {
  id: 'c-paris',
  data: testCase({
    prompt: 'Weather in Paris?',
    expected_tool: 'get_weather',
    expected_params: { city: 'Paris' },
  }),
  tools: TOOLS,
};
const rome: EvalCase = {
  id: 'c-rome',
  data: testCase({
    prompt: 'Weather in Rome?',
    expected_tool: 'get_weather',
    expected_params: { city: 'Rome' },
  }),
  tools: TOOLS,
};

/** A client that answers each prompt with the right weather call. */
function weatherClient(): ScriptedClient {
  return new ScriptedClient((req) => {
    const city = /in (\w+)/.exec(lastUserText(req))?.[1] ?? 'nowhere';
    return callsResponse(call('get_weather', { city }));
  });
}

async function run(options: Partial<RunEvalUnitOptions> & Pick<RunEvalUnitOptions, 'client'>) {
  const seen: CaseOutcome[] = [];
  const result = await runEvalUnit({
    unit,
    cases: [paris, rome],
    onCaseDone: (o) => void seen.push(o),
    ...options,
  });
  return { ...result, seen };
}

describe(runEvalUnit.name, () => {
  describe('single-turn', () => {
    it('runs every case, scores it and reports each outcome', async () => {
      const client = weatherClient();
      const { outcomes, seen, cancelled, skipped } = await run({ client });
      expect(cancelled).toBe(false);
      expect(skipped).toBe(0);
      expect(seen).toEqual(outcomes);
      expect(outcomes.map((o) => [o.case_id, o.repeat_index, o.score.passed])).toEqual([
        ['c-paris', 0, true],
        ['c-rome', 0, true],
      ]);
      expect(outcomes[0]).toMatchObject({
        latency_ms: 100,
        attempts: 1,
        usage: { prompt_tokens: 10, completion_tokens: 5 },
        raw_response: { id: 'resp' },
      });
      expect(outcomes[0]?.transcript).toBeUndefined();
    });

    it('sends system + user messages, the case tools, tool_choice and the final params', async () => {
      const client = weatherClient();
      await run({ client, cases: [paris] });
      expect(client.requests[0]).toEqual({
        model: 'sandbox-precise',
        messages: [
          { role: 'system', content: 'You are a helpful assistant.' },
          { role: 'user', content: 'Weather in Paris?' },
        ],
        tools: TOOLS,
        tool_choice: 'required',
        params: unit.params,
      });
    });

    it('stores the request without secrets and with tool names only', async () => {
      const { outcomes } = await run({ client: weatherClient(), cases: [paris] });
      expect(outcomes[0]?.raw_request).toEqual({
        model: 'sandbox-precise',
        messages: [
          { role: 'system', content: 'You are a helpful assistant.' },
          { role: 'user', content: 'Weather in Paris?' },
        ],
        tools: ['get_weather', 'get_time', 'send_notification'],
        tool_choice: 'required',
        params: { temperature: 0.2, max_tokens: 256 },
      });
    });

    it('omits the system message when there is no system prompt, and tools when the case has none', async () => {
      const client = new ScriptedClient(() => response({ content: 'Hi' }));
      const noTools: EvalCase = { id: 'n', data: testCase({ expected_tool: null }), tools: [] };
      const { outcomes } = await run({ client, unit: { ...unit, system_prompt: '  ' }, cases: [noTools] });
      expect(client.requests[0]?.messages).toEqual([
        { role: 'user', content: 'What is the weather in Paris?' },
      ]);
      expect(client.requests[0]).not.toHaveProperty('tools');
      expect(client.requests[0]).not.toHaveProperty('tool_choice');
      expect(outcomes[0]?.score.passed).toBe(true);
    });

    it("uses a BFCL case's own messages, merging the system prompt into its system message", async () => {
      const client = weatherClient();
      const data = testCase({
        bfcl: {
          id: 'x',
          category: 'simple_python',
          functions: '[]',
          ground_truth: null,
          messages: [
            { role: 'system', content: 'Use tools.' },
            { role: 'user', content: 'Weather in Oslo?' },
          ],
        },
      });
      await run({ client, cases: [{ id: 'b', data, tools: TOOLS }] });
      expect(client.requests[0]?.messages).toEqual([
        { role: 'system', content: 'You are a helpful assistant.\n\nUse tools.' },
        { role: 'user', content: 'Weather in Oslo?' },
      ]);
    });
  });

  describe("tool_choice 'required' rejected", () => {
    const rejectsRequired = () =>
      new ScriptedClient((req) =>
        req.tool_choice === 'required'
          ? new LlmCallError('400 tool_choice required is not supported', {
              category: 'bad_request',
              status: 400,
            })
          : callsResponse(call('get_weather', { city: /in (\w+)/.exec(lastUserText(req))?.[1] ?? '' })),
      );

    it('retries once with auto on bad_request, notes it, and keeps auto for the rest of the unit', async () => {
      const client = rejectsRequired();
      const { outcomes } = await run({ client });
      expect(client.requests.map((r) => r.tool_choice)).toEqual(['required', 'auto', 'auto']);
      expect(outcomes.every((o) => o.score.passed)).toBe(true);
      expect(outcomes.map((o) => o.score.notes)).toEqual([
        ['tool_choice_fallback:auto'],
        ['tool_choice_fallback:auto'],
      ]);
      expect(outcomes[0]?.raw_request.tool_choice).toBe('auto');
      expect(outcomes[0]?.latency_ms).toBe(100); // the failed attempt is not counted
    });

    it.each(['auth', 'rate_limit', 'server_error', 'timeout', 'network', 'malformed_response'] as const)(
      'does not fall back on %s errors',
      async (category) => {
        const client = new ScriptedClient(
          () => new LlmCallError(`${category} failure`, { category, attempts: 3 }),
        );
        const { outcomes } = await run({ client });
        expect(client.requests.map((r) => r.tool_choice)).toEqual(['required', 'required']);
        expect(outcomes.map((o) => o.score.error_category)).toEqual([category, category]);
        expect(outcomes[0]).toMatchObject({ attempts: 3, latency_ms: 0, usage: null, raw_response: null });
      },
    );

    it('does not fall back when tool_choice was not required', async () => {
      const client = new ScriptedClient(() => new LlmCallError('bad', { category: 'bad_request' }));
      await run({ client, unit: { ...unit, tool_choice: 'auto' }, cases: [paris] });
      expect(client.requests).toHaveLength(1);
    });

    it('records the second error when auto fails as well', async () => {
      const client = new ScriptedClient((req) =>
        req.tool_choice === 'required'
          ? new LlmCallError('tool_choice unsupported', { category: 'bad_request' })
          : new LlmCallError('context too long', { category: 'bad_request' }),
      );
      const { outcomes } = await run({ client, cases: [paris] });
      expect(outcomes[0]?.score).toMatchObject({
        success: false,
        error_category: 'bad_request',
        error: 'context too long',
      });
      expect(client.requests.map((r) => r.tool_choice)).toEqual(['required', 'auto']);
    });
  });

  describe('multi-turn', () => {
    const chained: EvalCase = {
      id: 'mt',
      data: testCase({
        prompt: 'Notify me about the weather in Paris',
        expected_tool: 'send_notification',
        expected_params: { message: 'Sunny, 21' },
        multi_turn: true,
        max_rounds: 4,
        optimal_hops: 2,
        valid_prerequisites: ['get_weather'],
        mock_responses: { get_weather: { summary: 'Sunny, 21' } },
      }),
      tools: TOOLS,
    };

    function chainClient(): ScriptedClient {
      return new ScriptedClient((req) => {
        const last = req.messages[req.messages.length - 1] as ChatMessage;
        if (last.role === 'user') return callsResponse(call('get_weather', { city: 'Paris' }, 'w1'));
        return callsResponse(call('send_notification', { message: 'Sunny, 21' }, 'n1'));
      });
    }

    it('answers prerequisite calls with their mock response and stores the whole transcript', async () => {
      const client = chainClient();
      const { outcomes } = await run({ client, cases: [chained] });
      const o = outcomes[0] as CaseOutcome;
      expect(o.score).toMatchObject({ passed: true, overall_score: 1, actual_tool: 'send_notification' });
      expect(o.score.multi_turn).toMatchObject({ hops: 2, completion: 1, efficiency: 1 });
      expect(o.transcript).toEqual([
        { role: 'system', content: 'You are a helpful assistant.' },
        { role: 'user', content: 'Notify me about the weather in Paris' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'w1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'w1', content: '{"summary":"Sunny, 21"}' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            {
              id: 'n1',
              type: 'function',
              function: { name: 'send_notification', arguments: '{"message":"Sunny, 21"}' },
            },
          ],
        },
      ]);
      expect(client.requests).toHaveLength(2);
      expect(client.requests[1]?.messages).toEqual(o.transcript?.slice(0, 4));
      expect(o).toMatchObject({
        latency_ms: 200,
        attempts: 2,
        usage: { prompt_tokens: 20, completion_tokens: 10 },
      });
      expect(o.raw_response).toEqual([{ id: 'resp' }, { id: 'resp' }]);
    });

    it('answers tools without a mock with {"status":"ok"} and stops at max_rounds', async () => {
      const client = new ScriptedClient(() => callsResponse(call('get_time', {}, 't')));
      const { outcomes } = await run({ client, cases: [chained] });
      const o = outcomes[0] as CaseOutcome;
      expect(client.requests).toHaveLength(4);
      expect(o.transcript?.filter((m) => m.role === 'tool').map((m) => m.content)).toEqual(
        Array(4).fill('{"status":"ok"}'),
      );
      expect(o.score).toMatchObject({ passed: false, overall_score: 0, error_type: 'reentrant_failure' });
    });

    it('stops when the model calls nothing', async () => {
      const client = new ScriptedClient(() => response({ content: 'Done.' }));
      const { outcomes } = await run({ client, cases: [chained] });
      expect(client.requests).toHaveLength(1);
      expect(outcomes[0]?.score).toMatchObject({ overall_score: 0, error_type: 'output_hallucination' });
    });

    it('writes repaired calls in proper form so the tool replies match their ids', async () => {
      const client = new ScriptedClient((req) =>
        req.messages.length === 2
          ? response({ content: '{"name": "get_weather", "arguments": {"city": "Paris"}}' })
          : callsResponse(call('send_notification', { message: 'Sunny, 21' })),
      );
      const { outcomes } = await run({ client, cases: [chained] });
      const transcript = outcomes[0]?.transcript ?? [];
      expect(transcript[2]).toMatchObject({
        role: 'assistant',
        tool_calls: [{ id: 'call_r1_0', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }],
      });
      expect(transcript[3]).toMatchObject({ role: 'tool', tool_call_id: 'call_r1_0' });
      expect(outcomes[0]?.score.format_compliance).toBe('NORMALIZED');
    });

    it('answers every parallel call of a round', async () => {
      const client = new ScriptedClient((req) =>
        req.messages.length === 2
          ? callsResponse(call('get_weather', { city: 'Paris' }, 'a'), call('get_time', {}, 'b'))
          : callsResponse(call('send_notification', { message: 'Sunny, 21' }, 'c')),
      );
      const { outcomes } = await run({ client, cases: [chained] });
      const tools = outcomes[0]?.transcript?.filter((m) => m.role === 'tool');
      expect(tools).toEqual([
        { role: 'tool', tool_call_id: 'a', content: '{"summary":"Sunny, 21"}' },
        { role: 'tool', tool_call_id: 'b', content: '{"status":"ok"}' },
      ]);
      expect(outcomes[0]?.score.multi_turn).toMatchObject({ hops: 3, detour_penalty: 0.1 });
    });

    it('records a failure mid-conversation with its category and keeps the transcript', async () => {
      const client = new ScriptedClient((req) =>
        req.messages.length === 2
          ? callsResponse(call('get_weather', { city: 'Paris' }, 'w'))
          : new LlmCallError('503', { category: 'server_error' }),
      );
      const { outcomes } = await run({ client, cases: [chained] });
      expect(outcomes[0]?.score).toMatchObject({
        success: false,
        error_category: 'server_error',
        overall_score: 0,
      });
      expect(outcomes[0]?.transcript).toHaveLength(4);
    });
  });

  describe('failures, repeats and resume', () => {
    it('records a failed call on its case and goes on with the others', async () => {
      const client = new ScriptedClient((req) =>
        lastUserText(req).includes('Paris')
          ? new LlmCallError('429 Bearer abc.def', { category: 'rate_limit', status: 429, attempts: 4 })
          : callsResponse(call('get_weather', { city: 'Rome' })),
      );
      const { outcomes } = await run({ client });
      expect(outcomes.map((o) => [o.case_id, o.score.success, o.score.error_category])).toEqual([
        ['c-paris', false, 'rate_limit'],
        ['c-rome', true, null],
      ]);
      expect(outcomes[0]?.score.error).toBe('429 Bearer [redacted]');
    });

    it('propagates anything that is not an LlmCallError', async () => {
      const client = new ScriptedClient(() => new TypeError('bug in the adapter'));
      await expect(run({ client })).rejects.toThrow('bug in the adapter');
    });

    it('aborts the calls in flight when another lane crashes', async () => {
      let sawAbort = false;
      const client = new ScriptedClient((req, _i, opts) => {
        if (lastUserText(req).includes('Paris')) return new TypeError('crash');
        opts.signal?.addEventListener('abort', () => (sawAbort = true));
        return untilAborted(opts.signal);
      });
      await expect(run({ client, concurrency: 2, cases: [rome, paris] })).rejects.toThrow('crash');
      expect(sawAbort).toBe(true);
    });

    it('runs each case `repeats` times, repeat-major, with 0-based repeat indexes', async () => {
      const { outcomes } = await run({ client: weatherClient(), repeats: 3 });
      expect(outcomes.map((o) => outcomeKey(o.case_id, o.repeat_index))).toEqual([
        'c-paris:0',
        'c-rome:0',
        'c-paris:1',
        'c-rome:1',
        'c-paris:2',
        'c-rome:2',
      ]);
    });

    it('skips keys already done, so a recovered job does not redo or duplicate them', async () => {
      const client = weatherClient();
      const done = new Set(['c-paris:0', 'c-rome:0', 'c-paris:1']);
      const { outcomes, skipped } = await run({ client, repeats: 2, done });
      expect(skipped).toBe(3);
      expect(outcomes.map((o) => outcomeKey(o.case_id, o.repeat_index))).toEqual(['c-rome:1']);
      expect(client.requests).toHaveLength(1);
    });

    it('keeps at most `concurrency` cases in flight', async () => {
      const client = weatherClient();
      const cases = Array.from({ length: 8 }, (_, i) => ({ ...paris, id: `p${i}` }));
      const { outcomes } = await run({ client, cases, concurrency: 3 });
      expect(outcomes).toHaveLength(8);
      expect(client.maxInFlight).toBe(3);
    });

    it('awaits onCaseDone before the lane takes its next case', async () => {
      const events: string[] = [];
      const client = new ScriptedClient((req) => {
        events.push(`call ${lastUserText(req)}`);
        return callsResponse(call('get_weather', {}));
      });
      await runEvalUnit({
        unit,
        cases: [paris, rome],
        client,
        onCaseDone: async (o) => {
          await new Promise((r) => setTimeout(r, 5));
          events.push(`saved ${o.case_id}`);
        },
      });
      expect(events).toEqual([
        'call Weather in Paris?',
        'saved c-paris',
        'call Weather in Rome?',
        'saved c-rome',
      ]);
    });

    it('rejects invalid repeats and concurrency', async () => {
      await expect(run({ client: weatherClient(), repeats: 0 })).rejects.toThrow(RangeError);
      await expect(run({ client: weatherClient(), concurrency: 1.5 })).rejects.toThrow(RangeError);
    });
  });

  describe('cancellation', () => {
    it('returns promptly without reporting in-flight calls, even when the client ignores the signal', async () => {
      const controller = new AbortController();
      const client = new ScriptedClient((req) => {
        if (lastUserText(req).includes('Paris')) return callsResponse(call('get_weather', { city: 'Paris' }));
        setTimeout(() => controller.abort(), 10);
        return never();
      });
      const cases = [paris, rome, { ...paris, id: 'later-1' }, { ...paris, id: 'later-2' }];
      const { outcomes, cancelled } = await run({ client, cases, signal: controller.signal });
      expect(cancelled).toBe(true);
      expect(outcomes.map((o) => o.case_id)).toEqual(['c-paris']);
      expect(client.requests).toHaveLength(2); // no case started after the abort
    });

    it('passes the signal to the client and drops calls rejected as cancelled', async () => {
      const controller = new AbortController();
      const signals: (AbortSignal | undefined)[] = [];
      const client = new ScriptedClient((_req, _i, opts) => {
        signals.push(opts.signal);
        setTimeout(() => controller.abort(), 5);
        return untilAborted(opts.signal);
      });
      const { outcomes, cancelled } = await run({ client, signal: controller.signal, concurrency: 2 });
      expect(signals.every((s) => s?.aborted)).toBe(true);
      expect(outcomes).toEqual([]);
      expect(cancelled).toBe(true);
    });

    it('stops when the client reports a call as cancelled', async () => {
      const client = new ScriptedClient(() => new LlmCallError('cancelled', { category: 'cancelled' }));
      const { outcomes, cancelled, seen } = await run({ client });
      expect(cancelled).toBe(true);
      expect(outcomes).toEqual([]);
      expect(seen).toEqual([]);
      expect(client.requests).toHaveLength(1);
    });

    it('makes no call at all when the signal is already aborted', async () => {
      const client = weatherClient();
      const { outcomes, cancelled } = await run({ client, signal: AbortSignal.abort() });
      expect([outcomes, cancelled, client.requests.length]).toEqual([[], true, 0]);
    });
  });
});
