import { describe, expect, it } from 'vitest';
import { extractArguments } from './arguments.js';
import { demoSuite, type DemoCase } from './demo-suite.fixture.js';
import { chooseTool } from './tool-choice.js';

const tools = demoSuite.tools;
const single = demoSuite.test_cases.filter((c) => !c.multi_turn && c.expected_tool !== null);
const irrelevant = demoSuite.test_cases.filter((c) => c.expected_tool === null);
const multi = demoSuite.test_cases.filter((c) => c.multi_turn);

/** One mistake-free turn: the tool a perfect sandbox model calls, with its arguments. */
function perfectTurn(c: DemoCase, calledTools: string[], toolResults: unknown[]) {
  const decision = chooseTool({ prompt: c.prompt, tools, toolChoice: 'auto', calledTools });
  if (decision.kind === 'text') return null;
  return {
    name: decision.tool.function.name,
    args: extractArguments(decision.tool.function.parameters, decision.clause, toolResults),
  };
}

describe('demo suite (infra/demo/smart-home-suite.json) under mistake-free extraction', () => {
  it('has the documented shape', () => {
    expect(tools.length).toBeGreaterThanOrEqual(10);
    expect(irrelevant).toHaveLength(2);
    expect(multi).toHaveLength(2);
    expect(single.some((c) => Array.isArray(c.expected_tool))).toBe(true);
  });

  it.each(single.map((c) => [c.prompt, c] as const))('%s', (_prompt, c) => {
    const call = perfectTurn(c, [], []);
    const expected = [c.expected_tool].flat();
    expect(expected).toContain(call?.name);
    if (c.expected_params !== null) expect(call?.args).toEqual(c.expected_params);
  });

  it.each(irrelevant.map((c) => [c.prompt, c] as const))(
    'irrelevance: %s gets no call under auto',
    (_p, c) => {
      expect(perfectTurn(c, [], [])).toBeNull();
    },
  );

  it.each(multi.map((c) => [c.prompt, c] as const))('multi-turn: %s', (_p, c) => {
    const chain: string[] = [];
    const results: unknown[] = [];
    let final: ReturnType<typeof perfectTurn> = null;
    for (let round = 0; round < (c.max_rounds ?? 5); round++) {
      const call = perfectTurn(c, chain, results);
      if (!call) break;
      chain.push(call.name);
      if (call.name === c.expected_tool) {
        final = call;
        break;
      }
      results.push(c.mock_responses?.[call.name] ?? { status: 'ok' });
    }
    expect(chain).toEqual([...(c.valid_prerequisites ?? []), c.expected_tool]);
    expect(chain).toHaveLength(c.optimal_hops!);
    expect(final?.args).toEqual(c.expected_params);
  });
});
