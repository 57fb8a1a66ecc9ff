import { BfclImportRequest, SuiteImport, SuiteSummary } from '@llmbench/contracts';
import type { RouteFn } from '../http/route.js';
import type { SuiteService } from '../services/suite.service.js';
import type { BfclImportService } from '../services/bfcl-import.service.js';
import { EXAMPLE_SUITE } from '../services/example-suite.js';

const tag = 'import';

export function registerImportRoutes(route: RouteFn, suites: SuiteService, bfcl: BfclImportService): void {
  route(
    {
      method: 'post',
      path: '/api/tool-eval/import',
      summary: 'Create a suite from a whole suite document (atomic)',
      tag,
      body: SuiteImport,
      response: SuiteSummary,
      status: 201,
    },
    ({ body, user }) => suites.import(user.id, body),
  );
  route(
    {
      method: 'get',
      path: '/api/tool-eval/import/example',
      summary: 'An example import document',
      tag,
      response: SuiteImport,
    },
    () => EXAMPLE_SUITE,
  );
  route(
    {
      method: 'post',
      path: '/api/tool-eval/import/bfcl',
      summary: 'Create a suite from a BFCL question file and its possible-answer file (JSON Lines texts)',
      tag,
      body: BfclImportRequest,
      response: SuiteSummary,
      status: 201,
    },
    ({ body, user }) => bfcl.import(user.id, body),
  );
}
