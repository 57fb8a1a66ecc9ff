import type { SuiteSnapshot } from '@llmbench/contracts';
import type { SuiteRepository, TestCase, ToolSuite } from '@llmbench/db';
import { toCaseView } from './views.js';
import { validationError } from '../http/validate.js';

/**
 * The suite's cases a run uses: all of them, or the requested ids in request order.
 * @throws 400 naming each id that is not a case of the suite, or when the suite has none
 */
export async function selectSuiteCases(
  suites: SuiteRepository,
  userId: string,
  suiteId: string,
  caseIds: readonly string[] | undefined,
) {
  const rows = await suites.listCases(userId, suiteId);
  if (rows.length === 0)
    throw validationError([{ path: 'body.suite_id', message: 'the suite has no test cases' }]);
  if (!caseIds) return rows;
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = caseIds.flatMap((id, i) =>
    byId.has(id) ? [] : [{ path: `body.case_ids.${i}`, message: 'not a case of this suite' }],
  );
  if (missing.length > 0) throw validationError(missing);
  return caseIds.map((id) => byId.get(id)!);
}

/** The suite as a run uses it: the run keeps its own copy, so editing the suite never rewrites history. */
export function snapshotSuite(suite: ToolSuite, cases: readonly TestCase[]): SuiteSnapshot {
  return {
    suite_id: suite.id,
    name: suite.name,
    system_prompt: suite.system_prompt,
    tools: suite.tools,
    cases: cases.map((c) => {
      const { id, position, created_at: _c, updated_at: _u, suite_id: _s, ...data } = toCaseView(c);
      return { id, position, data };
    }),
  };
}
