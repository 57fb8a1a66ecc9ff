import { z } from 'zod';
import { Timestamp, Uuid } from './common.schema.js';
import { PARAM_SCORING_MODES } from './suite.constants.js';
import { Tool, ToolList, ToolName } from './tool.schema.js';

export { PARAM_SCORING_MODES, TOOL_NAME_PATTERN } from './suite.constants.js';

/** How an expected parameter value is compared with the model's. `bfcl` = BFCL's own checker. */
export const ParamScoringMode = z.enum(PARAM_SCORING_MODES, {
  error: `must be one of ${PARAM_SCORING_MODES.join(', ')}`,
});
export type ParamScoringMode = z.infer<typeof ParamScoringMode>;

export const KeyScoring = z.strictObject({
  mode: ParamScoringMode,
  epsilon: z.number().min(0).max(1e12).optional(),
});

export const ScoringConfig = z.strictObject({
  mode: ParamScoringMode.optional().describe('overrides param_scoring for every key'),
  epsilon: z.number().min(0).max(1e12).optional().describe('numeric_tolerance epsilon (default 0.01)'),
  per_key: z.record(z.string().max(256), KeyScoring).optional(),
});
export type ScoringConfig = z.infer<typeof ScoringConfig>;

/** BFCL provenance of an imported case; raw JSON text keeps `5` and `5.0` apart for exact BFCL scoring. */
export const BfclCaseData = z.strictObject({
  id: z.string().min(1).max(256),
  category: z.string().min(1).max(64),
  functions: z.string().max(1_000_000).describe('raw JSON text of the question\'s "function" list'),
  ground_truth: z
    .string()
    .max(1_000_000)
    .nullable()
    .describe('raw JSON text of "ground_truth"; null for irrelevance'),
  messages: z.array(z.object({ role: z.string(), content: z.string() })).optional(),
});
export type BfclCaseData = z.infer<typeof BfclCaseData>;

const ExpectedTool = z
  .union([ToolName, z.array(ToolName).min(1).max(64), z.null()])
  .describe('tool name, list of acceptable names, or null = must not call a tool');

/** A test case as clients send it. Multi-turn fields apply when `multi_turn` is true. */
export const TestCaseInput = z.strictObject({
  prompt: z.string().min(1).max(50_000),
  expected_tool: ExpectedTool,
  expected_params: z.record(z.string().max(256), z.unknown()).nullable().default(null),
  param_scoring: ParamScoringMode.default('exact'),
  scoring_config: ScoringConfig.nullable().default(null),
  category: z.string().trim().max(64).nullable().default(null),
  tools: ToolList.nullable().default(null).describe("tools offered for this case instead of the suite's"),
  multi_turn: z.boolean().default(false),
  max_rounds: z.number().int().min(1).max(20).default(5),
  optimal_hops: z.number().int().min(1).max(20).default(1),
  valid_prerequisites: z.array(ToolName).max(64).default([]),
  mock_responses: z.record(z.string().max(64), z.unknown()).default({}),
  argument_source: z
    .record(z.string().max(256), z.string().regex(/^[a-zA-Z0-9_-]+\.[^.].*$/, 'use "tool_name.field"'))
    .nullable()
    .default(null),
  bfcl: BfclCaseData.nullable().default(null),
});
export type TestCaseInput = z.input<typeof TestCaseInput>;
export type TestCaseData = z.output<typeof TestCaseInput>;

export const TestCaseView = TestCaseInput.extend({
  id: Uuid,
  suite_id: Uuid,
  position: z.number().int(),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type TestCaseView = z.infer<typeof TestCaseView>;

type Issue = { path: (string | number)[]; message: string };

/**
 * Checks that a case names only tools it is offered (its own `tools`, else the suite's).
 * @returns issues with paths relative to the case
 */
export function caseToolIssues(c: TestCaseData, suiteTools: Tool[]): Issue[] {
  const offered = new Set((c.tools ?? suiteTools).map((t) => t.function.name.toLowerCase()));
  const issues: Issue[] = [];
  const expected =
    c.expected_tool === null ? [] : Array.isArray(c.expected_tool) ? c.expected_tool : [c.expected_tool];
  expected.forEach((name, i) => {
    if (!offered.has(name.toLowerCase())) {
      const path = Array.isArray(c.expected_tool) ? ['expected_tool', i] : ['expected_tool'];
      issues.push({ path, message: `tool "${name}" is not among the tools offered to this case` });
    }
  });
  c.valid_prerequisites.forEach((name, i) => {
    if (!offered.has(name.toLowerCase()))
      issues.push({ path: ['valid_prerequisites', i], message: `tool "${name}" is not offered` });
  });
  return issues;
}

const suiteFields = {
  name: z.string().trim().min(1).max(256),
  description: z.string().max(5000).default(''),
  system_prompt: z.string().max(50_000).default(''),
  tools: ToolList.default([]),
};

export const SuiteSource = z.record(z.string(), z.unknown()).nullable().default(null);

export const CreateSuiteRequest = z.strictObject(suiteFields);
export type CreateSuiteRequest = z.infer<typeof CreateSuiteRequest>;
export const UpdateSuiteRequest = CreateSuiteRequest;
export const PatchSuiteRequest = z
  .strictObject({
    name: suiteFields.name.optional(),
    description: z.string().max(5000).optional(),
    system_prompt: z.string().max(50_000).optional(),
    tools: ToolList.optional(),
  })
  .refine((p) => Object.keys(p).length > 0, 'send at least one field');
export type PatchSuiteRequest = z.infer<typeof PatchSuiteRequest>;

/** A whole suite as JSON: the import body and the export document. */
export const SuiteImport = z
  .strictObject({
    ...suiteFields,
    source: SuiteSource,
    test_cases: z.array(TestCaseInput).max(10_000).default([]),
  })
  .superRefine((s, ctx) => {
    s.test_cases.forEach((c, i) => {
      for (const issue of caseToolIssues(c, s.tools))
        ctx.addIssue({ code: 'custom', path: ['test_cases', i, ...issue.path], message: issue.message });
    });
  });
export type SuiteImport = z.input<typeof SuiteImport>;
export type SuiteImportData = z.output<typeof SuiteImport>;

export const SuiteSummary = z.object({
  id: Uuid,
  name: z.string(),
  description: z.string(),
  tool_count: z.number().int(),
  case_count: z.number().int(),
  source: z.record(z.string(), z.unknown()).nullable(),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type SuiteSummary = z.infer<typeof SuiteSummary>;

export const SuiteView = z.object({
  id: Uuid,
  name: z.string(),
  description: z.string(),
  system_prompt: z.string(),
  tools: z.array(Tool),
  source: z.record(z.string(), z.unknown()).nullable(),
  test_cases: z.array(TestCaseView),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type SuiteView = z.infer<typeof SuiteView>;

/** `POST /api/tool-suites/{id}/cases`: one case, or many at once. */
export const CreateCasesRequest = z.union([
  TestCaseInput,
  z.strictObject({ cases: z.array(TestCaseInput).min(1).max(10_000) }),
]);

export const BfclImportRequest = z.strictObject({
  file_name: z
    .string()
    .regex(
      /^BFCL_v\d+_[a-z_]+\.json$/,
      'a BFCL question file name such as BFCL_v4_simple_python.json (it names the category)',
    ),
  questions: z.string().min(1).max(20_000_000).describe('the question file: JSON Lines text'),
  answers: z
    .string()
    .max(20_000_000)
    .optional()
    .describe('the possible_answer file: JSON Lines text (none for irrelevance)'),
  name: z.string().trim().min(1).max(256).optional(),
});
export type BfclImportRequest = z.infer<typeof BfclImportRequest>;
