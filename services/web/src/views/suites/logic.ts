/**
 * Pure logic of the suites area: tool validation (the OpenAI function-tool shape, as the API checks
 * it), the case form (text fields ⇄ the API's case object), summaries for tables, and import
 * helpers. DOM-free so it is unit-tested in node.
 */
import type { TestCaseInput, TestCaseView, Tool } from '@llmbench/contracts';
import { PARAM_SCORING_MODES, TOOL_NAME_PATTERN, collectSchemaIssues } from '@llmbench/contracts/zod-free';

export type Issue = { path: string; message: string };

// The case editor lists the modes; the value comes from the contracts (zod-free, so bundled cheaply).
export { PARAM_SCORING_MODES };
export type ScoringMode = (typeof PARAM_SCORING_MODES)[number];
export const SCORING_LABELS: Record<ScoringMode, string> = {
  exact: 'Exact match',
  case_insensitive: 'Case-insensitive',
  contains: 'Contains',
  numeric_tolerance: 'Numeric tolerance (± epsilon)',
  regex: 'Regular expression',
  bfcl: 'BFCL checker',
};

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const join = (path: (string | number)[]) => path.map(String).join('.');

/**
 * Checks a tool list against the OpenAI function-tool shape the API accepts:
 * `[{type: "function", function: {name, description?, parameters?: {type: "object", …}, strict?}}]`
 * with unique names (case-insensitive). Paths look like the API's (`3.function.name`).
 */
export function toolListIssues(value: unknown): Issue[] {
  if (!Array.isArray(value))
    return [{ path: '', message: 'tools must be a JSON array of {"type": "function", "function": {…}}' }];
  const issues: Issue[] = [];
  const seen = new Map<string, number>();
  value.forEach((tool, i) => {
    if (!isObject(tool)) {
      issues.push({ path: `${i}`, message: 'each tool must be an object' });
      return;
    }
    if (tool.type !== 'function') issues.push({ path: `${i}.type`, message: 'type must be "function"' });
    for (const k of Object.keys(tool))
      if (k !== 'type' && k !== 'function') issues.push({ path: `${i}.${k}`, message: `unknown key "${k}"` });
    const fn = tool.function;
    if (!isObject(fn)) {
      issues.push({ path: `${i}.function`, message: 'function must be an object with a name' });
      return;
    }
    for (const k of Object.keys(fn))
      if (!['name', 'description', 'parameters', 'strict'].includes(k))
        issues.push({ path: `${i}.function.${k}`, message: `unknown key "${k}"` });
    if (typeof fn.name !== 'string' || !TOOL_NAME_PATTERN.test(fn.name)) {
      issues.push({
        path: `${i}.function.name`,
        message:
          typeof fn.name === 'string'
            ? `"${fn.name}": tool names use letters, digits, _ and - (at most 64)`
            : 'function.name is required (a string)',
      });
    } else {
      const key = fn.name.toLowerCase();
      const first = seen.get(key);
      if (first !== undefined)
        issues.push({
          path: `${i}.function.name`,
          message: `duplicate tool name "${fn.name}" (also tool ${first + 1})`,
        });
      else seen.set(key, i);
    }
    if (fn.description !== undefined && typeof fn.description !== 'string')
      issues.push({ path: `${i}.function.description`, message: 'description must be a string' });
    if (fn.strict !== undefined && typeof fn.strict !== 'boolean')
      issues.push({ path: `${i}.function.strict`, message: 'strict must be true or false' });
    if (fn.parameters !== undefined) {
      if (!isObject(fn.parameters)) {
        issues.push({ path: `${i}.function.parameters`, message: 'parameters must be a JSON Schema object' });
      } else {
        if (fn.parameters.type !== 'object')
          issues.push({
            path: `${i}.function.parameters.type`,
            message: 'tool parameters must be a JSON Schema with type "object"',
          });
        for (const issue of collectSchemaIssues(fn.parameters, [i, 'function', 'parameters']))
          issues.push({ path: join(issue.path), message: issue.message });
      }
    }
  });
  return issues;
}

/** Parses JSON text; `error` says where it breaks. */
export function parseJson(text: string): { value?: unknown; error?: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (err) {
    return { error: `Not valid JSON: ${(err as Error).message}` };
  }
}

/** Human label of an issue path: `3.function.name` → `tool 4 › function.name`. */
export function describeToolPath(path: string): string {
  if (path === '') return 'tools';
  const [first, ...rest] = path.split('.');
  const n = Number(first);
  if (Number.isInteger(n)) return `tool ${n + 1}${rest.length ? ` › ${rest.join('.')}` : ''}`;
  return path;
}

export type ToolRow = { name: string; description: string; params: string[]; required: string[] };

/** One row per tool for the tools table. */
export function toolRows(tools: Tool[]): ToolRow[] {
  return tools.map((t) => {
    const p = (t.function.parameters ?? {}) as { properties?: Record<string, unknown>; required?: unknown };
    return {
      name: t.function.name,
      description: t.function.description ?? '',
      params: Object.keys(p.properties ?? {}),
      required: Array.isArray(p.required) ? (p.required as string[]) : [],
    };
  });
}

// ---------------------------------------------------------------------------------------------
// The case form

export type ExpectedKind = 'one' | 'any' | 'none';

/** The case form's state: text where the user types JSON, so a half-typed value survives. */
export type CaseForm = {
  prompt: string;
  expectedKind: ExpectedKind;
  expectedOne: string;
  expectedAny: string[];
  paramsScored: boolean;
  paramsText: string;
  paramScoring: ScoringMode;
  epsilonText: string;
  perKeyText: string;
  category: string;
  toolsOverride: boolean;
  toolsText: string;
  multiTurn: boolean;
  maxRoundsText: string;
  optimalHopsText: string;
  prerequisites: string[];
  mockText: string;
  argumentSourceText: string;
  /** Kept as is: BFCL provenance is not edited here but must survive a save. */
  bfcl: TestCaseInput['bfcl'];
};

const pretty = (v: unknown) => JSON.stringify(v, null, 2);

export function emptyCaseForm(): CaseForm {
  return {
    prompt: '',
    expectedKind: 'one',
    expectedOne: '',
    expectedAny: [],
    paramsScored: true,
    paramsText: '{}',
    paramScoring: 'exact',
    epsilonText: '',
    perKeyText: '',
    category: '',
    toolsOverride: false,
    toolsText: '[]',
    multiTurn: false,
    maxRoundsText: '5',
    optimalHopsText: '1',
    prerequisites: [],
    mockText: '{}',
    argumentSourceText: '',
    bfcl: null,
  };
}

/** The form for an existing case. */
export function caseToForm(c: TestCaseInput): CaseForm {
  const expected = c.expected_tool;
  const kind: ExpectedKind = expected === null ? 'none' : Array.isArray(expected) ? 'any' : 'one';
  const sc = c.scoring_config ?? null;
  return {
    prompt: c.prompt,
    expectedKind: kind,
    expectedOne: typeof expected === 'string' ? expected : Array.isArray(expected) ? (expected[0] ?? '') : '',
    expectedAny: Array.isArray(expected) ? expected : typeof expected === 'string' ? [expected] : [],
    paramsScored: c.expected_params !== null && c.expected_params !== undefined,
    paramsText: pretty(c.expected_params ?? {}),
    paramScoring: (sc?.mode ?? c.param_scoring ?? 'exact') as ScoringMode,
    epsilonText: sc?.epsilon !== undefined ? String(sc.epsilon) : '',
    perKeyText: sc?.per_key && Object.keys(sc.per_key).length ? pretty(sc.per_key) : '',
    category: c.category ?? '',
    toolsOverride: c.tools !== null && c.tools !== undefined,
    toolsText: pretty(c.tools ?? []),
    multiTurn: c.multi_turn ?? false,
    maxRoundsText: String(c.max_rounds ?? 5),
    optimalHopsText: String(c.optimal_hops ?? 1),
    prerequisites: c.valid_prerequisites ?? [],
    mockText: pretty(c.mock_responses ?? {}),
    argumentSourceText: c.argument_source ? pretty(c.argument_source) : '',
    bfcl: c.bfcl ?? null,
  };
}

export type FormErrors = Partial<Record<keyof CaseForm, string>>;

function intIn(text: string, min: number, max: number): number | undefined {
  const n = Number(text);
  return text.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

/**
 * The names of the tools offered to the case: its own override when that parses, else the suite's.
 */
export function offeredTools(form: CaseForm, suiteTools: Tool[]): string[] {
  return offeredToolObjects(form, suiteTools).map((t) => t.function.name);
}

/** The tools offered to the case (its own override when that parses, else the suite's). */
export function offeredToolObjects(form: CaseForm, suiteTools: Tool[]): Tool[] {
  if (form.toolsOverride) {
    const parsed = parseJson(form.toolsText);
    if (Array.isArray(parsed.value) && toolListIssues(parsed.value).length === 0)
      return parsed.value as Tool[];
    return [];
  }
  return suiteTools;
}

/**
 * Turns the form into the API's case body, or says what to fix per field (checked as you type).
 * Mirrors the API's rules (tools offered, JSON objects, ranges) so most mistakes never reach it.
 */
export function formToCase(form: CaseForm, suiteTools: Tool[]): { body?: TestCaseInput; errors: FormErrors } {
  const errors: FormErrors = {};
  if (form.prompt.trim() === '') errors.prompt = 'Write the user prompt the model answers.';
  else if (form.prompt.length > 50_000) errors.prompt = 'At most 50 000 characters.';

  let tools: Tool[] | null = null;
  if (form.toolsOverride) {
    const parsed = parseJson(form.toolsText);
    if (parsed.error) errors.toolsText = parsed.error;
    else {
      const issues = toolListIssues(parsed.value);
      if (issues.length)
        errors.toolsText = issues.map((i) => `${describeToolPath(i.path)}: ${i.message}`).join('; ');
      else if ((parsed.value as unknown[]).length === 0)
        errors.toolsText = 'Offer at least one tool, or untick the override to use the suite’s tools.';
      else tools = parsed.value as Tool[];
    }
  }
  const offered = new Set((tools ?? suiteTools).map((t) => t.function.name.toLowerCase()));
  const notOffered = (n: string) => !offered.has(n.toLowerCase());

  let expected: string | string[] | null = null;
  if (form.expectedKind === 'one') {
    const name = form.expectedOne.trim();
    if (!name) errors.expectedOne = 'Choose the tool the model should call.';
    else if (!TOOL_NAME_PATTERN.test(name)) errors.expectedOne = 'Tool names use letters, digits, _ and -.';
    else if (notOffered(name)) errors.expectedOne = `"${name}" is not among the tools offered to this case.`;
    expected = name;
  } else if (form.expectedKind === 'any') {
    const names = form.expectedAny.filter((n) => n.trim() !== '');
    if (names.length === 0) errors.expectedAny = 'Tick at least one acceptable tool.';
    const missing = names.filter(notOffered);
    if (missing.length) errors.expectedAny = `Not offered to this case: ${missing.join(', ')}.`;
    expected = names;
  }

  let params: Record<string, unknown> | null = null;
  if (form.paramsScored) {
    const parsed = parseJson(form.paramsText);
    if (parsed.error) errors.paramsText = parsed.error;
    else if (!isObject(parsed.value))
      errors.paramsText = 'Expected parameters are a JSON object, e.g. {"city": "Paris"}.';
    else params = parsed.value;
  }

  let epsilon: number | undefined;
  if (form.epsilonText.trim() !== '') {
    const n = Number(form.epsilonText);
    if (!Number.isFinite(n) || n < 0) errors.epsilonText = 'A number ≥ 0, e.g. 0.01.';
    else epsilon = n;
  }
  let perKey: Record<string, { mode: ScoringMode; epsilon?: number }> | undefined;
  if (form.perKeyText.trim() !== '') {
    const parsed = parseJson(form.perKeyText);
    if (parsed.error) errors.perKeyText = parsed.error;
    else if (!isObject(parsed.value))
      errors.perKeyText = 'An object per parameter, e.g. {"city": {"mode": "case_insensitive"}}.';
    else {
      const bad = Object.entries(parsed.value).find(
        ([, v]) =>
          !isObject(v) ||
          !PARAM_SCORING_MODES.includes(v.mode as ScoringMode) ||
          Object.keys(v).some((k) => k !== 'mode' && k !== 'epsilon') ||
          (v.epsilon !== undefined && (typeof v.epsilon !== 'number' || v.epsilon < 0)),
      );
      if (bad)
        errors.perKeyText = `"${bad[0]}": use {"mode": one of ${PARAM_SCORING_MODES.join(', ')}, "epsilon"?: number ≥ 0}.`;
      else perKey = parsed.value as typeof perKey;
    }
  }

  const category = form.category.trim();
  if (category.length > 64) errors.category = 'At most 64 characters.';

  const maxRounds = intIn(form.maxRoundsText, 1, 20);
  const optimalHops = intIn(form.optimalHopsText, 1, 20);
  let mock: Record<string, unknown> = {};
  let argumentSource: Record<string, string> | null = null;
  if (form.multiTurn) {
    if (maxRounds === undefined) errors.maxRoundsText = 'A whole number from 1 to 20.';
    if (optimalHops === undefined) errors.optimalHopsText = 'A whole number from 1 to 20.';
    else if (maxRounds !== undefined && optimalHops > maxRounds)
      errors.optimalHopsText = 'The optimal path cannot be longer than the maximum rounds.';
    const missing = form.prerequisites.filter(notOffered);
    if (missing.length) errors.prerequisites = `Not offered to this case: ${missing.join(', ')}.`;
    const parsed = parseJson(form.mockText.trim() === '' ? '{}' : form.mockText);
    if (parsed.error) errors.mockText = parsed.error;
    else if (!isObject(parsed.value))
      errors.mockText =
        'An object from tool name to the result it returns, e.g. {"get_weather": {"temp": 18}}.';
    else mock = parsed.value;
    if (form.argumentSourceText.trim() !== '') {
      const src = parseJson(form.argumentSourceText);
      if (src.error) errors.argumentSourceText = src.error;
      else if (!isObject(src.value))
        errors.argumentSourceText = 'An object from parameter to "tool_name.field".';
      else {
        const bad = Object.entries(src.value).find(
          ([, v]) => typeof v !== 'string' || !/^[a-zA-Z0-9_-]+\.[^.].*$/.test(v),
        );
        if (bad)
          errors.argumentSourceText = `"${bad[0]}": use "tool_name.field", e.g. "get_weather.temperature".`;
        else argumentSource = src.value as Record<string, string>;
      }
    }
  }
  if (Object.keys(errors).length > 0) return { errors };

  const scoringConfig =
    epsilon !== undefined || perKey !== undefined
      ? { ...(epsilon !== undefined ? { epsilon } : {}), ...(perKey ? { per_key: perKey } : {}) }
      : null;
  return {
    errors,
    body: {
      prompt: form.prompt,
      expected_tool: expected,
      expected_params: params,
      param_scoring: form.paramScoring,
      scoring_config: scoringConfig,
      category: category === '' ? null : category,
      tools,
      multi_turn: form.multiTurn,
      max_rounds: form.multiTurn ? (maxRounds ?? 5) : 5,
      optimal_hops: form.multiTurn ? (optimalHops ?? 1) : 1,
      valid_prerequisites: form.multiTurn ? form.prerequisites : [],
      mock_responses: form.multiTurn ? mock : {},
      argument_source: form.multiTurn ? argumentSource : null,
      bfcl: form.bfcl ?? null,
    },
  };
}

/** Maps the API's field errors for a case body (`body.expected_params.x`) to form fields. */
export function apiErrorsToForm(details: Issue[]): { fields: FormErrors; rest: Issue[] } {
  const map: [RegExp, keyof CaseForm][] = [
    [/^prompt/, 'prompt'],
    [/^expected_tool\.\d+/, 'expectedAny'],
    [/^expected_tool/, 'expectedOne'],
    [/^expected_params/, 'paramsText'],
    [/^param_scoring/, 'paramScoring'],
    [/^scoring_config\.epsilon/, 'epsilonText'],
    [/^scoring_config/, 'perKeyText'],
    [/^category/, 'category'],
    [/^tools/, 'toolsText'],
    [/^max_rounds/, 'maxRoundsText'],
    [/^optimal_hops/, 'optimalHopsText'],
    [/^valid_prerequisites/, 'prerequisites'],
    [/^mock_responses/, 'mockText'],
    [/^argument_source/, 'argumentSourceText'],
  ];
  const fields: FormErrors = {};
  const rest: Issue[] = [];
  for (const d of details) {
    const p = d.path.replace(/^body\./, '');
    const hit = map.find(([re]) => re.test(p));
    if (hit) fields[hit[1]] = fields[hit[1]] ? `${fields[hit[1]]}; ${d.message}` : d.message;
    else rest.push(d);
  }
  return { fields, rest };
}

// ---------------------------------------------------------------------------------------------
// Tables and summaries

/** What the model should do, in a few words. */
export function expectedLabel(c: Pick<TestCaseView, 'expected_tool'>): string {
  if (c.expected_tool === null) return 'no tool call';
  if (Array.isArray(c.expected_tool)) return `any of ${c.expected_tool.join(', ')}`;
  return c.expected_tool;
}

/** Compact one-line JSON of the expected parameters (or why there are none). */
export function paramsLabel(c: Pick<TestCaseView, 'expected_params'>, max = 120): string {
  if (c.expected_params === null) return 'not scored';
  const text = JSON.stringify(c.expected_params);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The scoring mode as a table shows it (the config's mode overrides the case's). */
export function scoringLabel(c: Pick<TestCaseView, 'param_scoring' | 'scoring_config'>): string {
  const mode = c.scoring_config?.mode ?? c.param_scoring;
  const extras: string[] = [];
  if (c.scoring_config?.epsilon !== undefined) extras.push(`ε ${c.scoring_config.epsilon}`);
  const perKey = Object.keys(c.scoring_config?.per_key ?? {}).length;
  if (perKey) extras.push(`${perKey} per-key`);
  return extras.length ? `${mode} (${extras.join(', ')})` : mode;
}

/** Counts by category (uncategorised last) for the cases tab's filter. */
export function categoryCounts(
  cases: Pick<TestCaseView, 'category'>[],
): { category: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const c of cases) counts.set(c.category ?? '', (counts.get(c.category ?? '') ?? 0) + 1);
  return [...counts.entries()]
    .map(([category, count]) => ({ category, count }))
    .sort((a, b) => (a.category === '' ? 1 : b.category === '' ? -1 : a.category.localeCompare(b.category)));
}

/** Cases matching a free-text search (prompt, tool, params, category) and an optional category. */
export function filterCases<T extends TestCaseView>(
  cases: T[],
  search: string,
  category: string | null,
): T[] {
  const q = search.trim().toLowerCase();
  return cases.filter((c) => {
    if (category !== null && (c.category ?? '') !== category) return false;
    if (!q) return true;
    return [c.prompt, expectedLabel(c), paramsLabel(c, 10_000), c.category ?? '']
      .join(' ')
      .toLowerCase()
      .includes(q);
  });
}

/** Where a suite came from, in words: BFCL file, imported or created here. */
export function sourceLabel(source: Record<string, unknown> | null): string {
  if (!source) return 'Created here';
  if (source.type === 'bfcl') {
    const file = typeof source.file_name === 'string' ? source.file_name : 'BFCL';
    return `BFCL · ${file}`;
  }
  if (typeof source.file_name === 'string') return source.file_name;
  if (typeof source.type === 'string') return source.type;
  return 'Imported';
}

// ---------------------------------------------------------------------------------------------
// Import helpers

/** Non-empty lines of a JSON-lines text. */
export function countJsonLines(text: string): number {
  return text.split(/\r?\n/).filter((l) => l.trim() !== '').length;
}

const BFCL_FILE = /^BFCL_v\d+_[a-z_]+\.json$/;

/** Whether a file name is a BFCL question file name (it names the category). */
export function isBfclFileName(name: string): boolean {
  return BFCL_FILE.test(name);
}

/** The category a BFCL file name names (`BFCL_v4_simple_python.json` → `simple_python`). */
export function bfclCategory(name: string): string | null {
  const m = /^BFCL_v\d+_([a-z_]+)\.json$/.exec(name);
  return m?.[1] ?? null;
}

/** A quick look at a suite document before it is sent: counts, or what is wrong. */
export function previewSuiteDocument(text: string): {
  error?: string;
  name?: string;
  tools?: number;
  cases?: number;
  multiTurn?: number;
} {
  if (text.trim() === '') return {};
  const parsed = parseJson(text);
  if (parsed.error) return { error: parsed.error };
  const doc = parsed.value;
  if (!isObject(doc)) return { error: 'A suite document is a JSON object with name, tools and test_cases.' };
  if (typeof doc.name !== 'string' || doc.name.trim() === '') return { error: '"name" is missing.' };
  const tools = Array.isArray(doc.tools) ? doc.tools.length : 0;
  const cases = Array.isArray(doc.test_cases) ? doc.test_cases : [];
  const issues = doc.tools === undefined ? [] : toolListIssues(doc.tools);
  if (issues[0]) return { error: `tools › ${describeToolPath(issues[0].path)}: ${issues[0].message}` };
  return {
    name: doc.name,
    tools,
    cases: cases.length,
    multiTurn: cases.filter((c) => isObject(c) && c.multi_turn === true).length,
  };
}

/** `body.test_cases.3.expected_tool` → `case 4 › expected_tool`, for import errors. */
export function describeImportPath(path: string): string {
  const p = path.replace(/^(body|converted)\.?/, '');
  const m = /^test_cases\.(\d+)\.?(.*)$/.exec(p);
  if (m) return `case ${Number(m[1]) + 1}${m[2] ? ` › ${m[2]}` : ''}`;
  const t = /^tools\.(.*)$/.exec(p);
  if (t?.[1] !== undefined) return `tools › ${describeToolPath(t[1])}`;
  return p || path;
}

/** File name from a Content-Disposition header, else a fallback. */
export function fileNameFromDisposition(header: string | null, fallback: string): string {
  const m = header ? /filename="?([^";]+)"?/i.exec(header) : null;
  return m?.[1] ?? fallback;
}

// ---------------------------------------------------------------------------------------------
// Expected parameters against the tool's schema (advice, not errors: the API does not check this)

type PropSchema = { type?: unknown; enum?: unknown[]; description?: string };

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** `minutes* (integer), label (string)`: the parameters a tool takes, required ones starred. */
export function toolSignature(tool: Tool | undefined): { name: string; type: string; required: boolean }[] {
  const p = (tool?.function.parameters ?? {}) as {
    properties?: Record<string, PropSchema>;
    required?: unknown;
  };
  const required = Array.isArray(p.required) ? (p.required as string[]) : [];
  return Object.entries(p.properties ?? {}).map(([name, s]) => ({
    name,
    type: Array.isArray(s?.type) ? s.type.join('|') : typeof s?.type === 'string' ? s.type : 'any',
    required: required.includes(name),
  }));
}

/**
 * What looks wrong in expected parameters for the tool they target: unknown keys (typos), values of
 * the wrong type or outside an enum (only for exact-style scoring, where they could never match),
 * and required parameters left unscored.
 */
export function paramWarnings(params: unknown, tool: Tool | undefined, mode: ScoringMode): string[] {
  if (!tool || !isObject(params)) return [];
  const schema = (tool.function.parameters ?? {}) as {
    properties?: Record<string, PropSchema>;
    required?: unknown;
  };
  const props = isObject(schema.properties) ? (schema.properties as Record<string, PropSchema>) : {};
  const name = tool.function.name;
  const warnings: string[] = [];
  const known = Object.keys(props);
  for (const [key, value] of Object.entries(params)) {
    const prop = props[key];
    if (!prop) {
      const near = known.find((k) => k.toLowerCase() === key.toLowerCase() || editDistance(k, key) <= 2);
      warnings.push(
        `"${key}" is not a parameter of ${name}${near ? ` — did you mean "${near}"?` : known.length ? ` (it takes ${known.join(', ')})` : ' (it takes none)'}.`,
      );
      continue;
    }
    if (mode !== 'exact' && mode !== 'case_insensitive' && mode !== 'numeric_tolerance') continue;
    const types = Array.isArray(prop.type)
      ? (prop.type as string[])
      : typeof prop.type === 'string'
        ? [prop.type]
        : [];
    const got = jsonType(value);
    const ok = types.length === 0 || types.includes(got) || (got === 'integer' && types.includes('number'));
    if (!ok) warnings.push(`"${key}" is ${got} but ${name} declares it ${types.join(' or ')}.`);
    else if (Array.isArray(prop.enum) && !prop.enum.some((e) => JSON.stringify(e) === JSON.stringify(value)))
      warnings.push(
        `"${key}": ${JSON.stringify(value)} is not one of ${prop.enum.map((e) => JSON.stringify(e)).join(', ')}.`,
      );
  }
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const unscored = required.filter((r) => !(r in params));
  if (unscored.length)
    warnings.push(`Required by ${name} but not scored here: ${unscored.join(', ')} (any value passes).`);
  return warnings;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = Math.min((row[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length] ?? 0;
}

/**
 * The server names cases by id (`test case <uuid> (position 3): …`); say `case 4: …` instead, using
 * the case's place in the list the user sees.
 */
export function nameCasesInMessage(message: string, caseIds: string[]): string {
  return message.replace(/test case ([0-9a-f-]{36}) \(position \d+\)/gi, (whole, id: string) => {
    const i = caseIds.indexOf(id);
    return i >= 0 ? `case ${i + 1}` : whole;
  });
}
