import {
  AppError,
  caseToolIssues,
  SuiteImport,
  TestCaseInput,
  type CreateSuiteRequest,
  type ErrorDetail,
  type PatchSuiteRequest,
  type SuiteImportData,
  type SuiteSummary,
  type SuiteView,
  type TestCaseData,
  type TestCaseView,
  type Tool,
} from '@llmbench/contracts';
import { json, type SuiteRepository, type TestCase, type ToolSuite } from '@llmbench/db';
import { toCaseView, toSuiteSummary, toSuiteView } from './views.js';
import { validationError } from '../http/validate.js';

const suiteNotFound = () => new AppError('not_found', 'tool suite not found');
const caseNotFound = () => new AppError('not_found', 'test case not found');

/** Tool suites and test cases: CRUD, import and export. */
export class SuiteService {
  constructor(private readonly suites: SuiteRepository) {}

  async list(
    userId: string,
    limit: number,
    offset: number,
  ): Promise<{ items: SuiteSummary[]; total: number }> {
    const rows = await this.suites.listByUser(userId, limit, offset);
    return {
      items: rows.map(({ total: _t, tool_count, case_count, ...s }) => ({
        ...s,
        tool_count,
        case_count: case_count ?? 0,
      })),
      total: rows[0]?.total ?? 0,
    };
  }

  async getOwned(userId: string, id: string): Promise<ToolSuite> {
    const suite = await this.suites.get(userId, id);
    if (!suite) throw suiteNotFound();
    return suite;
  }

  async get(userId: string, id: string): Promise<SuiteView> {
    const suite = await this.getOwned(userId, id);
    return toSuiteView(suite, await this.suites.listCases(userId, id));
  }

  async create(userId: string, input: CreateSuiteRequest): Promise<SuiteView> {
    const row = await this.suites.createWithCases(userId, { ...input, source: null, test_cases: [] });
    return toSuiteView(row, []);
  }

  async import(userId: string, suite: SuiteImportData): Promise<SuiteSummary> {
    const row = await this.suites.createWithCases(userId, suite);
    return toSuiteSummary(row, suite.test_cases.length);
  }

  /** PUT and PATCH: a tool-list change may not strand cases that expect a removed tool. */
  async update(
    userId: string,
    id: string,
    patch: PatchSuiteRequest | CreateSuiteRequest,
  ): Promise<SuiteView> {
    await this.getOwned(userId, id);
    if (patch.tools) await this.checkCasesStillValid(userId, id, patch.tools);
    const row = await this.suites.update(userId, id, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.description !== undefined ? { description: patch.description } : {}),
      ...(patch.system_prompt !== undefined ? { system_prompt: patch.system_prompt } : {}),
      ...(patch.tools !== undefined ? { tools: json(patch.tools) } : {}),
    });
    if (!row) throw suiteNotFound();
    return toSuiteView(row, await this.suites.listCases(userId, id));
  }

  private async checkCasesStillValid(userId: string, id: string, tools: Tool[]): Promise<void> {
    const cases = await this.suites.casesUsingSuiteTools(userId, id);
    const details: ErrorDetail[] = [];
    for (const c of cases) {
      const data = TestCaseInput.parse({
        prompt: '-',
        expected_tool: c.expected_tool,
        valid_prerequisites: c.valid_prerequisites ?? [],
      });
      for (const issue of caseToolIssues(data, tools)) {
        details.push({
          path: 'body.tools',
          message: `test case ${c.id} (position ${c.position}): ${issue.message}`,
        });
      }
    }
    if (details.length > 0) throw validationError(details);
  }

  async delete(userId: string, id: string): Promise<void> {
    if (!(await this.suites.delete(userId, id))) throw suiteNotFound();
  }

  async listCases(userId: string, suiteId: string): Promise<TestCaseView[]> {
    await this.getOwned(userId, suiteId);
    return (await this.suites.listCases(userId, suiteId)).map(toCaseView);
  }

  private checkCases(suite: ToolSuite, cases: TestCaseData[], prefix: (i: number) => string): void {
    const details = cases.flatMap((c, i) =>
      caseToolIssues(c, suite.tools).map((x) => ({
        path: [prefix(i), ...x.path].join('.'),
        message: x.message,
      })),
    );
    if (details.length > 0) throw validationError(details);
  }

  async addCases(
    userId: string,
    suiteId: string,
    cases: TestCaseData[],
    bulk: boolean,
  ): Promise<TestCaseView[]> {
    const suite = await this.getOwned(userId, suiteId);
    this.checkCases(suite, cases, (i) => (bulk ? `body.cases.${i}` : 'body'));
    return (await this.suites.appendCases(userId, suiteId, cases)).map(toCaseView);
  }

  async replaceCase(userId: string, suiteId: string, caseId: string, c: TestCaseData): Promise<TestCaseView> {
    const suite = await this.getOwned(userId, suiteId);
    this.checkCases(suite, [c], () => 'body');
    const row = await this.suites.replaceCase(userId, suiteId, caseId, c);
    if (!row) throw caseNotFound();
    return toCaseView(row);
  }

  async deleteCase(userId: string, suiteId: string, caseId: string): Promise<void> {
    await this.getOwned(userId, suiteId);
    if (!(await this.suites.deleteCase(userId, suiteId, caseId))) throw caseNotFound();
  }

  /** The suite as an import document: importing it gives back the same suite. */
  async export(userId: string, id: string): Promise<SuiteImportData> {
    const suite = await this.getOwned(userId, id);
    const cases = await this.suites.listCases(userId, id);
    return SuiteImport.parse({
      name: suite.name,
      description: suite.description,
      system_prompt: suite.system_prompt,
      tools: suite.tools,
      source: suite.source,
      test_cases: cases.map(caseData),
    });
  }
}

/** The input fields of a stored case (ids and timestamps dropped). */
function caseData(c: TestCase): TestCaseData {
  const { id: _i, suite_id: _s, position: _p, created_at: _c, updated_at: _u, ...data } = toCaseView(c);
  return data;
}
