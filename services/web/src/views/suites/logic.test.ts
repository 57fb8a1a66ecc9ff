import { describe, expect, it } from 'vitest';
import type { TestCaseView, Tool } from '@llmbench/contracts';
import {
  apiErrorsToForm,
  bfclCategory,
  caseToForm,
  categoryCounts,
  countJsonLines,
  describeImportPath,
  emptyCaseForm,
  expectedLabel,
  fileNameFromDisposition,
  filterCases,
  formToCase,
  isBfclFileName,
  nameCasesInMessage,
  paramsLabel,
  paramWarnings,
  previewSuiteDocument,
  scoringLabel,
  sourceLabel,
  toolListIssues,
  toolRows,
  toolSignature,
} from './logic';

const tool = (name: string, properties: Record<string, unknown> = {}, required: string[] = []): Tool => ({
  type: 'function',
  function: { name, description: `${name} tool`, parameters: { type: 'object', properties, required } },
});
const TOOLS = [
  tool('get_weather', { city: { type: 'string' } }, ['city']),
  tool('set_timer'),
  tool('get_time'),
];

function view(over: Partial<TestCaseView> = {}): TestCaseView {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    suite_id: '00000000-0000-4000-8000-000000000002',
    position: 0,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    prompt: 'Weather in Paris?',
    expected_tool: 'get_weather',
    expected_params: { city: 'Paris' },
    param_scoring: 'exact',
    scoring_config: null,
    category: 'retrieval',
    tools: null,
    multi_turn: false,
    max_rounds: 5,
    optimal_hops: 1,
    valid_prerequisites: [],
    mock_responses: {},
    argument_source: null,
    bfcl: null,
    ...over,
  };
}

describe('toolListIssues', () => {
  it('accepts OpenAI function tools', () => {
    expect(toolListIssues(TOOLS)).toEqual([]);
    expect(toolListIssues([{ type: 'function', function: { name: 'x' } }])).toEqual([]);
  });
  it('names each problem by path', () => {
    const issues = toolListIssues([
      { type: 'tool', function: { name: 'bad name', parameters: { type: 'dict' } } },
      {
        type: 'function',
        function: { name: 'A', parameters: { type: 'object', properties: {}, required: ['q'] } },
      },
      { type: 'function', function: { name: 'a' }, extra: 1 },
      'nope',
    ]);
    const paths = issues.map((i) => i.path);
    expect(paths).toContain('0.type');
    expect(paths).toContain('0.function.name');
    expect(paths).toContain('0.function.parameters.type');
    expect(issues.find((i) => i.path === '1.function.parameters.required')?.message).toMatch(/"q"/);
    expect(issues.find((i) => i.path === '2.function.name')?.message).toMatch(/duplicate/);
    expect(paths).toContain('2.extra');
    expect(paths).toContain('3');
  });
  it('checks nested schemas and rejects non-arrays', () => {
    const nested = [
      {
        type: 'function',
        function: {
          name: 'n',
          parameters: { type: 'object', properties: { a: { type: 'array', items: { type: 'strng' } } } },
        },
      },
    ];
    expect(toolListIssues(nested)[0]?.path).toBe('0.function.parameters.properties.a.items.type');
    expect(toolListIssues({})).toHaveLength(1);
  });
});

describe('case form', () => {
  it('round-trips a case through the form unchanged', () => {
    const c = view({
      multi_turn: true,
      max_rounds: 4,
      optimal_hops: 2,
      valid_prerequisites: ['get_time'],
      mock_responses: { get_time: { now: '10:00' } },
      argument_source: { city: 'get_time.now' },
      scoring_config: { epsilon: 0.5, per_key: { city: { mode: 'case_insensitive' } } },
    });
    const { body, errors } = formToCase(caseToForm(c), TOOLS);
    expect(errors).toEqual({});
    const { id: _i, suite_id: _s, position: _p, created_at: _c, updated_at: _u, ...input } = c;
    expect(body).toEqual(input);
  });
  it('keeps lists of acceptable tools and "no tool call"', () => {
    const any = formToCase(
      caseToForm(view({ expected_tool: ['get_time', 'set_timer'], expected_params: null })),
      TOOLS,
    );
    expect(any.body).toMatchObject({ expected_tool: ['get_time', 'set_timer'], expected_params: null });
    const none = formToCase({ ...caseToForm(view()), expectedKind: 'none', paramsScored: false }, TOOLS);
    expect(none.body).toMatchObject({ expected_tool: null, expected_params: null });
  });
  it('reports each field problem', () => {
    const form = {
      ...emptyCaseForm(),
      expectedOne: 'unknown_tool',
      paramsText: '[1]',
      epsilonText: '-1',
      perKeyText: '{"city": {"mode": "fuzzy"}}',
      multiTurn: true,
      maxRoundsText: '2',
      optimalHopsText: '3',
      prerequisites: ['nope'],
      mockText: '{',
      argumentSourceText: '{"city": "weather"}',
    };
    const { body, errors } = formToCase(form, TOOLS);
    expect(body).toBeUndefined();
    expect(Object.keys(errors).sort()).toEqual(
      [
        'argumentSourceText',
        'epsilonText',
        'expectedOne',
        'mockText',
        'optimalHopsText',
        'paramsText',
        'perKeyText',
        'prerequisites',
        'prompt',
      ].sort(),
    );
    expect(errors.expectedOne).toMatch(/not among the tools/);
  });
  it('checks the expected tool against the case’s own tools when it has them', () => {
    const form = {
      ...caseToForm(view({ expected_tool: 'lookup', expected_params: {} })),
      toolsOverride: true,
      toolsText: JSON.stringify([tool('lookup')]),
    };
    expect(formToCase(form, TOOLS).body?.tools).toHaveLength(1);
    expect(formToCase({ ...form, toolsText: '[]' }, TOOLS).errors.toolsText).toMatch(/at least one/);
  });
  it('maps API field errors to form fields', () => {
    const { fields, rest } = apiErrorsToForm([
      { path: 'body.expected_tool', message: 'not offered' },
      { path: 'body.valid_prerequisites.0', message: 'nope' },
      { path: 'body.bfcl', message: 'odd' },
    ]);
    expect(fields).toEqual({ expectedOne: 'not offered', prerequisites: 'nope' });
    expect(rest).toHaveLength(1);
  });
});

describe('labels and filters', () => {
  it('describes expectations and scoring', () => {
    expect(expectedLabel(view({ expected_tool: null }))).toBe('no tool call');
    expect(expectedLabel(view({ expected_tool: ['a', 'b'] }))).toBe('any of a, b');
    expect(paramsLabel(view({ expected_params: null }))).toBe('not scored');
    expect(paramsLabel(view({ expected_params: { q: 'x'.repeat(200) } }), 20)).toHaveLength(20);
    expect(
      scoringLabel(
        view({ scoring_config: { mode: 'regex', epsilon: 0.1, per_key: { a: { mode: 'exact' } } } }),
      ),
    ).toBe('regex (ε 0.1, 1 per-key)');
  });
  it('counts and filters by category and text', () => {
    const cases = [
      view({ category: 'b' }),
      view({ category: null, prompt: 'Tell a joke' }),
      view({ category: 'a' }),
    ];
    expect(categoryCounts(cases)).toEqual([
      { category: 'a', count: 1 },
      { category: 'b', count: 1 },
      { category: '', count: 1 },
    ]);
    expect(filterCases(cases, 'joke', null)).toHaveLength(1);
    expect(filterCases(cases, '', '')).toHaveLength(1);
    expect(filterCases(cases, 'paris', 'a')).toHaveLength(1);
  });
  it('names sources', () => {
    expect(sourceLabel(null)).toBe('Created here');
    expect(sourceLabel({ type: 'bfcl', file_name: 'BFCL_v4_simple_python.json' })).toBe(
      'BFCL · BFCL_v4_simple_python.json',
    );
    expect(sourceLabel({})).toBe('Imported');
  });
  it('lists tool parameters with the required ones', () => {
    expect(toolRows(TOOLS)[0]).toEqual({
      name: 'get_weather',
      description: 'get_weather tool',
      params: ['city'],
      required: ['city'],
    });
  });
});

describe('import helpers', () => {
  it('recognises BFCL file names', () => {
    expect(isBfclFileName('BFCL_v4_simple_python.json')).toBe(true);
    expect(isBfclFileName('simple.json')).toBe(false);
    expect(bfclCategory('BFCL_v3_irrelevance.json')).toBe('irrelevance');
    expect(countJsonLines('{"a":1}\n\n{"b":2}\n')).toBe(2);
  });
  it('previews a suite document or says what is wrong', () => {
    expect(previewSuiteDocument('')).toEqual({});
    expect(previewSuiteDocument('{').error).toMatch(/Not valid JSON/);
    expect(previewSuiteDocument('[]').error).toMatch(/object/);
    expect(previewSuiteDocument('{"tools": []}').error).toMatch(/name/);
    expect(previewSuiteDocument('{"name": "x", "tools": [{"type": "f"}]}').error).toMatch(/tool 1/);
    expect(
      previewSuiteDocument(
        JSON.stringify({ name: 'x', tools: TOOLS, test_cases: [{ multi_turn: true }, { prompt: 'p' }] }),
      ),
    ).toEqual({ name: 'x', tools: 3, cases: 2, multiTurn: 1 });
  });
  it('names import error paths and download file names', () => {
    expect(describeImportPath('body.test_cases.3.expected_tool')).toBe('case 4 › expected_tool');
    expect(describeImportPath('converted.tools.0.function.name')).toBe('tools › tool 1 › function.name');
    expect(describeImportPath('body.name')).toBe('name');
    expect(fileNameFromDisposition('attachment; filename="Smart_Home.json"', 'x.json')).toBe(
      'Smart_Home.json',
    );
    expect(fileNameFromDisposition(null, 'x.json')).toBe('x.json');
  });
});

describe('paramWarnings', () => {
  const timer = tool(
    'set_timer',
    { minutes: { type: 'integer' }, unit: { type: 'string', enum: ['s', 'min'] }, label: { type: 'string' } },
    ['minutes'],
  );
  it('flags typos, wrong types, enum misses and unscored required parameters', () => {
    expect(paramWarnings({ minutes: 5 }, timer, 'exact')).toEqual([]);
    const w = paramWarnings({ minuts: 5, unit: 'h', label: 3 }, timer, 'exact');
    expect(w[0]).toMatch(/"minuts" is not a parameter of set_timer — did you mean "minutes"/);
    expect(w[1]).toMatch(/"h" is not one of "s", "min"/);
    expect(w[2]).toMatch(/"label" is integer but set_timer declares it string/);
    expect(w[3]).toMatch(/Required by set_timer but not scored here: minutes/);
  });
  it('skips type checks for pattern-style scoring and accepts integers as numbers', () => {
    expect(paramWarnings({ minutes: '^\\d+$' }, timer, 'regex')).toEqual([]);
    const thermo = tool('t', { temperature: { type: 'number' } });
    expect(paramWarnings({ temperature: 21 }, thermo, 'exact')).toEqual([]);
    expect(toolSignature(timer)[0]).toEqual({ name: 'minutes', type: 'integer', required: true });
  });
});

describe('nameCasesInMessage', () => {
  it('replaces case ids with their numbers in the list', () => {
    const id = '00000000-0000-4000-8000-00000000000a';
    expect(nameCasesInMessage(`test case ${id} (position 7): tool "x" is not offered`, ['a', id])).toBe(
      'case 2: tool "x" is not offered',
    );
    expect(nameCasesInMessage('other', [])).toBe('other');
  });
});
