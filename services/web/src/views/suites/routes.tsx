import type { RouteDef } from '../../app/router';
import { SuiteList } from './SuiteList';
import { SuiteNew } from './SuiteNew';
import { SuiteImport } from './SuiteImport';
import { SuiteEdit } from './SuiteEdit';

/** The suites area's routes (patterns are hash paths). */
export const suitesRoutes: RouteDef[] = [
  { pattern: '/suites', view: SuiteList, title: 'Suites' },
  { pattern: '/suites/new', view: SuiteNew, title: 'New suite' },
  { pattern: '/suites/import', view: SuiteImport, title: 'Import a suite' },
  { pattern: '/suites/:id', view: SuiteEdit, title: 'Suite' },
];
