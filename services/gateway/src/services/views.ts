import type { ProviderView, SuiteSummary, SuiteView, TestCaseView, UserView } from '@llmbench/contracts';
import type { Provider, TestCase, ToolSuite } from '@llmbench/db';

// Columns are snake_case like the wire format; views only choose what leaves the server.

export function toUserView(u: {
  id: string;
  email: string;
  role: 'admin' | 'user';
  max_concurrent_jobs: number;
  created_at: Date;
}): UserView {
  return {
    id: u.id,
    email: u.email,
    role: u.role,
    max_concurrent_jobs: u.max_concurrent_jobs,
    created_at: u.created_at,
  };
}

/** The API key never leaves the server: only whether one is stored. */
export function toProviderView(p: Provider): ProviderView {
  return {
    id: p.id,
    provider_key: p.provider_key,
    provider: p.provider,
    name: p.name,
    base_url: p.base_url,
    has_api_key: p.api_key_ciphertext !== null,
    models: p.models,
    max_concurrency: p.max_concurrency,
    created_at: p.created_at,
    updated_at: p.updated_at,
  };
}

/** A stored case without its owner column; the same fields as the input plus ids. */
export function toCaseView(c: TestCase): TestCaseView {
  return {
    id: c.id,
    suite_id: c.suite_id,
    position: c.position,
    prompt: c.prompt,
    expected_tool: c.expected_tool,
    expected_params: c.expected_params,
    param_scoring: c.param_scoring,
    scoring_config: c.scoring_config,
    category: c.category,
    tools: c.tools,
    multi_turn: c.multi_turn,
    max_rounds: c.max_rounds ?? 5,
    optimal_hops: c.optimal_hops ?? 1,
    valid_prerequisites: c.valid_prerequisites ?? [],
    mock_responses: c.mock_responses ?? {},
    argument_source: c.argument_source,
    bfcl: c.bfcl,
    created_at: c.created_at,
    updated_at: c.updated_at,
  };
}

export function toSuiteView(s: ToolSuite, cases: TestCase[]): SuiteView {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    system_prompt: s.system_prompt,
    tools: s.tools,
    source: s.source,
    test_cases: cases.map(toCaseView),
    created_at: s.created_at,
    updated_at: s.updated_at,
  };
}

export function toSuiteSummary(s: ToolSuite, caseCount: number): SuiteSummary {
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    tool_count: s.tools.length,
    case_count: caseCount,
    source: s.source,
    created_at: s.created_at,
    updated_at: s.updated_at,
  };
}
