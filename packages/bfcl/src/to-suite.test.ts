import { describe, expect, it } from 'vitest';
import { type JsonSchema, isValidOpenAiToolName } from './json-schema.js';
import type { PlainJson } from './lossless-json.js';
import { BfclFormatError } from './parse-files.js';
import { readAnswers, readQuestions } from './test-support/shipped-data.js';
import { bfclToSuite } from './to-suite.js';

const BFCL_ONLY_TYPES = new Set(['dict', 'float', 'tuple', 'any']);

/** Collects every `type` value in a JSON Schema tree. */
function schemaTypes(node: PlainJson, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => schemaTypes(n, out));
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'type' && typeof value === 'string') out.push(value);
      else if (key !== 'enum' && key !== 'default') schemaTypes(value, out);
    }
  }
  return out;
}

function line(
  id: string,
  messages: string,
  fn = '{"name": "a.b", "parameters": {"type": "dict", "properties": {}}}',
) {
  return `{"id": "${id}", "question": [${messages}], "function": [${fn}]}`;
}

describe(bfclToSuite.name, () => {
  describe.each([
    ['simple_python', 400],
    ['multiple', 200],
    ['irrelevance', 240],
  ])('shipped %s', (category, count) => {
    const hasAnswers = category !== 'irrelevance';
    const suite = bfclToSuite({
      questionsText: readQuestions(category),
      answersText: hasAnswers ? readAnswers(category) : null,
      fileName: `BFCL_v4_${category}.json`,
    });

    it('converts every case', () => {
      expect(suite.test_cases).toHaveLength(count);
      expect(suite.name).toBe(`BFCL ${category} (${count} cases)`);
      expect(suite.source).toEqual({ type: 'bfcl', category, file_name: `BFCL_v4_${category}.json`, count });
      expect(suite.system_prompt).toBe('');
    });

    it('offers only OpenAI-valid tool names and plain JSON Schema types', () => {
      const tools = [...suite.tools, ...suite.test_cases.flatMap((c) => c.tools)];
      for (const tool of tools) {
        expect(isValidOpenAiToolName(tool.function.name)).toBe(true);
        expect(tool.function.parameters.type).toBe('object');
        const types = schemaTypes(tool.function.parameters as JsonSchema);
        expect(types.filter((t) => BFCL_ONLY_TYPES.has(t))).toEqual([]);
        expect(JSON.stringify(tool.function.parameters)).not.toContain('"optional":');
      }
      expect(new Set(suite.tools.map((t) => t.function.name)).size).toBe(suite.tools.length);
    });

    it('sets expectations per case', () => {
      for (const tc of suite.test_cases) {
        expect(tc.param_scoring).toBe('bfcl');
        expect(tc.category).toBe(category);
        expect(tc.prompt.length).toBeGreaterThan(0);
        if (hasAnswers) {
          expect(tc.tools.map((t) => t.function.name)).toContain(tc.expected_tool);
          expect(tc.expected_params).not.toBeNull();
          expect(tc.bfcl.ground_truth).toMatch(/^\[\{/);
        } else {
          expect([tc.expected_tool, tc.expected_params, tc.bfcl.ground_truth]).toEqual([null, null, null]);
        }
      }
    });
  });

  it('keeps raw functions and ground truth, with underscored expected names', () => {
    const suite = bfclToSuite({
      questionsText: readQuestions('simple_python'),
      answersText: readAnswers('simple_python'),
      fileName: 'BFCL_v4_simple_python.json',
    });
    const tc = suite.test_cases.find((c) => c.bfcl.id === 'simple_python_200');
    expect(tc?.bfcl.ground_truth).toBe(
      '[{"calculate_emissions": {"distance": [12000], "fuel_type": ["gas"], "fuel_efficiency": ["", 25.0], "efficiency_reduction": [0, ""]}}]',
    );
    expect(tc?.expected_params).toEqual({
      distance: 12000,
      fuel_type: 'gas',
      fuel_efficiency: 25,
      efficiency_reduction: 0,
    });
    const factorial = suite.test_cases[1];
    expect(factorial?.expected_tool).toBe('math_factorial');
    expect(factorial?.bfcl.functions).toContain('"name": "math.factorial"');
  });

  it('resolves dict parameters to one concrete value per key', () => {
    const suite = bfclToSuite({
      questionsText: readQuestions('simple_python'),
      answersText: readAnswers('simple_python'),
      fileName: 'BFCL_v4_simple_python.json',
    });
    const tc = suite.test_cases.find((c) => c.bfcl.id === 'simple_python_96');
    expect(tc?.expected_params?.['conditions']).toEqual([
      { field: 'age', operation: '>', value: '25' },
      { field: 'job', operation: '=', value: 'engineer' },
    ]);
  });

  it('uses the last user message as prompt and keeps all messages', () => {
    const messages = '[{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Call it."}]';
    const suite = bfclToSuite({
      questionsText: line('live_irrelevance_0-0-0', messages),
      fileName: 'BFCL_v3_live_irrelevance.json',
    });
    const [tc] = suite.test_cases;
    expect(tc?.prompt).toBe('Call it.');
    expect(tc?.bfcl.messages).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'Call it.' },
    ]);
    expect(tc?.tools[0]?.function.name).toBe('a_b');
  });

  it('keeps the first call of a parallel ground truth as the expected tool', () => {
    const fn =
      '{"name": "s.p", "parameters": {"type": "dict", "properties": {"c": {"type": "string"}}, "required": ["c"]}}';
    const suite = bfclToSuite({
      questionsText: line('parallel_0', '[{"role": "user", "content": "Both."}]', fn),
      answersText: '{"id": "parallel_0", "ground_truth": [{"s.p": {"c": ["A"]}}, {"s.p": {"c": ["B"]}}]}',
      fileName: 'BFCL_v4_parallel.json',
    });
    expect(suite.test_cases[0]).toMatchObject({
      expected_tool: 's_p',
      expected_params: { c: 'A' },
      category: 'parallel',
    });
  });

  it('needs the answer file for scored categories and one turn per question', () => {
    const text = line('multiple_0', '[{"role": "user", "content": "x"}]');
    expect(() => bfclToSuite({ questionsText: text, fileName: 'BFCL_v4_multiple.json' })).toThrow(
      BfclFormatError,
    );
    const twoTurns = line(
      'irrelevance_0',
      '[{"role": "user", "content": "x"}], [{"role": "user", "content": "y"}]',
    );
    expect(() => bfclToSuite({ questionsText: twoTurns, fileName: 'BFCL_v4_irrelevance.json' })).toThrow(
      'exactly one turn',
    );
  });
});
