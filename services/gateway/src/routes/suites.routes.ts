import {
  CreateCasesRequest,
  CreateSuiteRequest,
  listOf,
  ListQuery,
  PatchSuiteRequest,
  SuiteSummary,
  SuiteView,
  TestCaseInput,
  TestCaseView,
  UpdateSuiteRequest,
} from '@llmbench/contracts';
import type { RouteFn } from '../http/route.js';
import type { SuiteService } from '../services/suite.service.js';

const tag = 'tool-suites';

export function registerSuiteRoutes(route: RouteFn, suites: SuiteService): void {
  route(
    {
      method: 'get',
      path: '/api/tool-suites',
      summary: 'List tool suites',
      tag,
      query: ListQuery,
      response: listOf(SuiteSummary),
    },
    ({ query, user }) => suites.list(user.id, query.limit, query.offset),
  );
  route(
    {
      method: 'post',
      path: '/api/tool-suites',
      summary: 'Create a tool suite',
      tag,
      body: CreateSuiteRequest,
      response: SuiteView,
      status: 201,
    },
    ({ body, user }) => suites.create(user.id, body),
  );
  route(
    {
      method: 'get',
      path: '/api/tool-suites/:id',
      summary: 'A suite with its tools and test cases',
      tag,
      response: SuiteView,
    },
    ({ params, user }) => suites.get(user.id, params.id ?? ''),
  );
  route(
    {
      method: 'put',
      path: '/api/tool-suites/:id',
      summary: 'Replace name, description, system prompt and tools',
      tag,
      body: UpdateSuiteRequest,
      response: SuiteView,
    },
    ({ body, params, user }) => suites.update(user.id, params.id ?? '', body),
  );
  route(
    {
      method: 'patch',
      path: '/api/tool-suites/:id',
      summary: 'Change some suite fields',
      tag,
      body: PatchSuiteRequest,
      response: SuiteView,
    },
    ({ body, params, user }) => suites.update(user.id, params.id ?? '', body),
  );
  route(
    {
      method: 'delete',
      path: '/api/tool-suites/:id',
      summary: 'Delete a suite and its cases (run history keeps its snapshot)',
      tag,
    },
    ({ params, user }) => suites.delete(user.id, params.id ?? ''),
  );
  route(
    {
      method: 'get',
      path: '/api/tool-suites/:id/cases',
      summary: 'Test cases of a suite, in order',
      tag,
      response: listOf(TestCaseView),
    },
    async ({ params, user }) => {
      const items = await suites.listCases(user.id, params.id ?? '');
      return { items, total: items.length };
    },
  );
  route(
    {
      method: 'post',
      path: '/api/tool-suites/:id/cases',
      summary: 'Add one case, or many with {"cases": [...]}',
      tag,
      body: CreateCasesRequest,
      status: 201,
    },
    async ({ body, params, user }) => {
      const bulk = 'cases' in body;
      const created = await suites.addCases(user.id, params.id ?? '', bulk ? body.cases : [body], bulk);
      return bulk ? { items: created, total: created.length } : created[0];
    },
  );
  route(
    {
      method: 'put',
      path: '/api/tool-suites/:id/cases/:case_id',
      summary: 'Replace a test case',
      tag,
      body: TestCaseInput,
      response: TestCaseView,
    },
    ({ body, params, user }) => suites.replaceCase(user.id, params.id ?? '', params.case_id ?? '', body),
  );
  route(
    { method: 'delete', path: '/api/tool-suites/:id/cases/:case_id', summary: 'Delete a test case', tag },
    ({ params, user }) => suites.deleteCase(user.id, params.id ?? '', params.case_id ?? ''),
  );
  route(
    { method: 'get', path: '/api/tool-suites/:id/export', summary: 'The suite as an import document', tag },
    async ({ params, user, res }) => {
      const doc = await suites.export(user.id, params.id ?? '');
      const file = doc.name.replace(/[^\w.-]+/g, '_').slice(0, 100) || 'suite';
      res.set('Content-Disposition', `attachment; filename="${file}.json"`);
      return doc;
    },
  );
}
