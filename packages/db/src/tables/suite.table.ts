import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { BfclCaseData, ParamScoringMode, ScoringConfig, Tool } from '@llmbench/contracts';
import type { Json, NullableJson, Timestamp } from './json.js';

export interface ToolSuiteTable {
  id: Generated<string>;
  user_id: string;
  name: string;
  description: string;
  system_prompt: string;
  tools: Json<Tool[]>;
  source: NullableJson<Record<string, unknown>>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export type ToolSuite = Selectable<ToolSuiteTable>;
export type NewToolSuite = Insertable<ToolSuiteTable>;
export type ToolSuiteUpdate = Updateable<ToolSuiteTable>;

export interface TestCaseTable {
  id: Generated<string>;
  user_id: string;
  suite_id: string;
  position: number;
  prompt: string;
  expected_tool: NullableJson<string | string[]>;
  expected_params: NullableJson<Record<string, unknown>>;
  param_scoring: ParamScoringMode;
  scoring_config: NullableJson<ScoringConfig>;
  category: string | null;
  tools: NullableJson<Tool[]>;
  multi_turn: boolean;
  max_rounds: number | null;
  optimal_hops: number | null;
  valid_prerequisites: NullableJson<string[]>;
  mock_responses: NullableJson<Record<string, unknown>>;
  argument_source: NullableJson<Record<string, string>>;
  bfcl: NullableJson<BfclCaseData>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export type TestCase = Selectable<TestCaseTable>;
export type NewTestCase = Insertable<TestCaseTable>;
export type TestCaseUpdate = Updateable<TestCaseTable>;
