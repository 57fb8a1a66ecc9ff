import { describe, expect, it } from 'vitest';
import { NOTIFY, WEATHER, tool } from '../test-support/fixtures.js';
import { checkArgumentsSchema } from './schema-check.js';

describe(checkArgumentsSchema.name, () => {
  it('accepts arguments that fit', () => {
    expect(checkArgumentsSchema({ city: 'Paris', days: 3, units: 'celsius' }, WEATHER)).toEqual({
      valid: true,
      errors: [],
    });
  });

  it.each([
    ['a missing required key', {}, [{ path: '/city', message: 'is required but missing' }]],
    ['a wrong type', { city: 3 }, [{ path: '/city', message: 'must be string' }]],
    ['a float for an integer', { city: 'Paris', days: 2.5 }, [{ path: '/days', message: 'must be integer' }]],
    [
      'a boolean for an integer',
      { city: 'Paris', days: true },
      [{ path: '/days', message: 'must be integer' }],
    ],
    [
      'a value outside the enum',
      { city: 'Paris', units: 'kelvin' },
      [{ path: '/units', message: 'must be one of ["celsius","fahrenheit"]' }],
    ],
    [
      'an undeclared key',
      { city: 'Paris', country: 'FR' },
      [{ path: '/country', message: 'is not declared in the tool schema' }],
    ],
  ])('reports %s', (_label, args, errors) => {
    expect(checkArgumentsSchema(args, WEATHER)).toEqual({ valid: false, errors });
  });

  it('accepts an integer where a number is declared', () => {
    const t = tool('t', { type: 'object', properties: { x: { type: 'number' } } });
    expect(checkArgumentsSchema({ x: 5 }, t)?.valid).toBe(true);
  });

  it('checks nested objects and arrays, with JSON-pointer paths', () => {
    const result = checkArgumentsSchema(
      { message: 'hi', delivery: { urgent: 'yes', via: 'x' }, tags: ['a', 2] },
      NOTIFY,
    );
    expect(result?.valid).toBe(false);
    expect(result?.errors).toEqual(
      expect.arrayContaining([
        { path: '/delivery/channel', message: 'is required but missing' },
        { path: '/delivery/urgent', message: 'must be boolean' },
        { path: '/delivery/via', message: 'is not declared in the tool schema' },
        { path: '/tags/1', message: 'must be string' },
      ]),
    );
  });

  it('reports every problem at once', () => {
    expect(checkArgumentsSchema({ days: 'x', extra: 1 }, WEATHER)?.errors).toHaveLength(3);
  });

  it('flags any key on a tool without parameters', () => {
    expect(checkArgumentsSchema({ tz: 'UTC' }, tool('get_time'))?.valid).toBe(false);
    expect(checkArgumentsSchema({}, tool('get_time'))?.valid).toBe(true);
  });

  it('respects an explicit additionalProperties and leaves composed schemas open', () => {
    const open = tool('o', {
      type: 'object',
      properties: { a: { type: 'string' } },
      additionalProperties: true,
    });
    expect(checkArgumentsSchema({ a: 'x', b: 1 }, open)?.valid).toBe(true);
    const composed = tool('c', {
      type: 'object',
      properties: { a: { type: 'string' } },
      anyOf: [{ required: ['a'] }, { properties: { b: { type: 'number' } }, required: ['b'] }],
    });
    expect(checkArgumentsSchema({ b: 1 }, composed)?.valid).toBe(true);
  });

  it('ignores keywords it does not know (BFCL-converted schemas) and formats', () => {
    const t = tool('t', {
      type: 'object',
      properties: { d: { type: 'string', format: 'date', optional: true } },
    });
    expect(checkArgumentsSchema({ d: 'not a date' }, t)?.valid).toBe(true);
  });

  it('does not treat enum or default values as schemas', () => {
    const t = tool('t', {
      type: 'object',
      properties: { o: { type: 'object', default: { properties: 1 }, enum: [{ a: 1 }] } },
    });
    expect(checkArgumentsSchema({ o: { a: 1 } }, t)?.valid).toBe(true);
  });

  it('returns null when there is nothing to check against', () => {
    expect(checkArgumentsSchema(null, WEATHER)).toBeNull();
    expect(checkArgumentsSchema({ city: 'Paris' }, undefined)).toBeNull();
    const broken = tool('b', { type: 'object', properties: { a: { $ref: '#/nowhere' } } });
    expect(checkArgumentsSchema({ a: 1 }, broken)).toBeNull();
  });

  it('compiles each schema object once and can validate the same schema again', () => {
    const t = tool('t', {
      $id: 'https://example.test/t',
      type: 'object',
      properties: { a: { type: 'string' } },
    });
    expect(checkArgumentsSchema({ a: 'x' }, t)?.valid).toBe(true);
    expect(checkArgumentsSchema({ a: 1 }, t)?.valid).toBe(false);
    const copy = tool('t', structuredClone(t.function.parameters));
    expect(checkArgumentsSchema({ a: 'x' }, copy)?.valid).toBe(true);
  });

  it('caps the number of reported problems', () => {
    const properties = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`k${i}`, { type: 'string' }]),
    );
    const t = tool('t', { type: 'object', properties });
    const args = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, i]));
    expect(checkArgumentsSchema(args, t)?.errors).toHaveLength(20);
  });
});
