/**
 * The contracts' plain values and checks, without zod: what a browser bundle may import
 * (`@llmbench/contracts/zod-free`); the schemas use these very ones.
 */
export { PARAM_SCORING_MODES, TOOL_NAME_PATTERN } from './api/suite.constants.js';
export { type JsonSchemaIssue, collectSchemaIssues } from './api/json-schema-issues.js';
