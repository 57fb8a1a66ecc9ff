import { readFileSync } from 'node:fs';
import type { JsonSchema } from '../schemas/chat-request.schema.js';

/** A tool as the suite file writes it: assignable both to our FunctionTool and to the OpenAI SDK's. */
export interface DemoTool {
  type: 'function';
  function: { name: string; description?: string; parameters?: JsonSchema };
}

/** A test case of the demo suite (native import format). */
export interface DemoCase {
  prompt: string;
  expected_tool: string | string[] | null;
  expected_params: Record<string, unknown> | null;
  category: string;
  multi_turn?: boolean;
  max_rounds?: number;
  optimal_hops?: number;
  valid_prerequisites?: string[];
  mock_responses?: Record<string, unknown>;
}

/** The demo suite shipped in infra/demo, which the unit tests use as a realistic tool set. */
export const demoSuite = JSON.parse(
  readFileSync(new URL('../../../../infra/demo/smart-home-suite.json', import.meta.url), 'utf8'),
) as { name: string; system_prompt: string; tools: DemoTool[]; test_cases: DemoCase[] };

/** One demo tool by name. */
export function demoTool(name: string): DemoTool {
  const tool = demoSuite.tools.find((t) => t.function.name === name);
  if (!tool) throw new Error(`no demo tool ${name}`);
  return tool;
}
