import { describe, expect, it } from 'vitest';
import { collectSchemaIssues } from './json-schema-issues.js';
import { ToolParameters } from './tool.schema.js';

const schema = {
  type: 'object',
  properties: { a: { type: 'strin' }, b: { type: 'array', items: { enum: [] } } },
  required: ['a', 'c'],
  anyOf: 'x',
};

describe('collectSchemaIssues', () => {
  it('names every problem by its path inside the schema', () => {
    expect(collectSchemaIssues(schema, ['parameters'])).toEqual([
      {
        path: ['parameters', 'properties', 'a', 'type'],
        message: expect.stringMatching(/^invalid JSON Schema type "strin"/),
      },
      { path: ['parameters', 'properties', 'b', 'items', 'enum'], message: 'enum must be a non-empty array' },
      { path: ['parameters', 'required'], message: 'required property "c" is not declared in properties' },
      { path: ['parameters', 'anyOf'], message: 'anyOf must be an array of schemas' },
    ]);
    expect(collectSchemaIssues(true, [])).toEqual([]);
  });

  it('is what the tool parameters schema reports', () => {
    const result = ToolParameters.safeParse(schema);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => ({ path: i.path, message: i.message }))).toEqual(
      collectSchemaIssues(schema, []),
    );
  });
});
