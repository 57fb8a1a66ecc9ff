import { describe, expect, it } from 'vitest';
import {
  bfclFunctionToTool,
  bfclSchemaToJsonSchema,
  isValidOpenAiToolName,
  toOpenAiToolName,
} from './json-schema.js';
import { parseLosslessJson } from './lossless-json.js';

describe(toOpenAiToolName.name, () => {
  it.each([
    ['math.factorial', 'math_factorial'],
    ['triangle_properties.get', 'triangle_properties_get'],
    ['a b/c-d', 'a_b_c-d'],
    ['plain_name', 'plain_name'],
  ])('%s → %s', (name, safe) => {
    expect(toOpenAiToolName(name)).toBe(safe);
    expect(isValidOpenAiToolName(safe)).toBe(true);
  });
});

describe(bfclSchemaToJsonSchema.name, () => {
  it.each([
    ['dict', { type: 'object' }],
    ['float', { type: 'number' }],
    ['tuple', { type: 'array' }],
    ['integer', { type: 'integer' }],
    ['boolean', { type: 'boolean' }],
    ['string', { type: 'string' }],
    ['any', { type: 'string' }],
  ])('maps the BFCL type %s', (type, schema) => {
    expect(bfclSchemaToJsonSchema({ type })).toEqual(schema);
  });

  it('converts nested items and properties and keeps description, enum and default', () => {
    const bfcl = parseLosslessJson(`{
      "type": "array", "description": "conditions", "optional": true,
      "items": {"type": "dict", "required": ["field"], "properties": {
        "field": {"type": "string", "enum": ["a", "b"], "default": "a"},
        "value": {"type": "float", "default": 1.5},
        "tags": {"type": "tuple", "items": {"type": "any"}}
      }}
    }`);
    expect(bfclSchemaToJsonSchema(bfcl)).toEqual({
      type: 'array',
      description: 'conditions',
      items: {
        type: 'object',
        required: ['field'],
        properties: {
          field: { type: 'string', enum: ['a', 'b'], default: 'a' },
          value: { type: 'number', default: 1.5 },
          tags: { type: 'array', items: { type: 'string' } },
        },
      },
    });
  });

  it('drops a non-list "required" inside a property', () => {
    expect(bfclSchemaToJsonSchema({ type: 'string', required: true })).toEqual({ type: 'string' });
  });
});

describe(bfclFunctionToTool.name, () => {
  it('builds an OpenAI tool with an object schema and the required list', () => {
    const fn = parseLosslessJson(`{"name": "math.hypot", "description": "Norm.", "parameters": {
      "type": "dict", "properties": {"x": {"type": "integer"}, "z": {"type": "integer", "optional": true}},
      "required": ["x"], "optional": ["z"], "default": "x"}}`);
    expect(bfclFunctionToTool(fn)).toEqual({
      type: 'function',
      function: {
        name: 'math_hypot',
        description: 'Norm.',
        parameters: {
          type: 'object',
          properties: { x: { type: 'integer' }, z: { type: 'integer' } },
          required: ['x'],
        },
      },
    });
  });
});
