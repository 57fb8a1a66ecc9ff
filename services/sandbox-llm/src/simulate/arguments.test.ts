import { describe, expect, it } from 'vitest';
import type { JsonSchema } from '../schemas/chat-request.schema.js';
import { extractArguments } from './arguments.js';
import { findListItems, findPromptValues } from './prompt-values.js';

const obj = (properties: Record<string, JsonSchema>, required: string[] = []): JsonSchema => ({
  type: 'object',
  properties,
  required,
});
const str: JsonSchema = { type: 'string' };
const int: JsonSchema = { type: 'integer' };
const num: JsonSchema = { type: 'number' };

describe('extractArguments', () => {
  it.each<[string, JsonSchema, string, Record<string, unknown>]>([
    [
      'enum in the prompt',
      obj({ unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } }),
      'in Fahrenheit please',
      { unit: 'fahrenheit' },
    ],
    [
      'multi-word enum',
      obj({ room: { type: 'string', enum: ['living_room', 'kitchen'] } }),
      'the living room lamp',
      { room: 'living_room' },
    ],
    ['integer enum', obj({ level: { type: 'integer', enum: [1, 2, 3] } }), 'set level 2', { level: 2 }],
    [
      'capitalised city',
      obj({ city: str }, ['city']),
      'Weather in San Francisco today?',
      { city: 'San Francisco' },
    ],
    [
      'enum word is not a city',
      obj({ city: str, unit: { type: 'string', enum: ['celsius'] } }, ['city']),
      'Rome in Celsius',
      { city: 'Rome', unit: 'celsius' },
    ],
    ['quoted string', obj({ query: str }, ['query']), 'Search for "best pizza"', { query: 'best pizza' }],
    [
      'single-quoted, apostrophes ignored',
      obj({ label: str }),
      "It's a timer called 'tea'",
      { label: 'tea' },
    ],
    [
      'number by unit word',
      obj({ minutes: int, seconds: int }),
      'a timer of 3 minutes and 20 seconds',
      { minutes: 3, seconds: 20 },
    ],
    [
      'decimal number',
      obj({ temperature: num }, ['temperature']),
      'set it to 19.5 degrees',
      { temperature: 19.5 },
    ],
    ['negative number', obj({ offset: num }, ['offset']), 'move by -3 please', { offset: -3 }],
    [
      'percent is brightness',
      obj({ brightness: int, minutes: int }),
      '40% for 10 minutes',
      { brightness: 40, minutes: 10 },
    ],
    [
      'ISO date and time',
      obj({ date: { type: 'string', format: 'date' }, time: str }),
      'on 2025-03-14 at 09:30',
      { date: '2025-03-14', time: '09:30' },
    ],
    [
      'date-time',
      obj({ start: { type: 'string', format: 'date-time' } }),
      'from 2025-03-14T09:30',
      { start: '2025-03-14T09:30' },
    ],
    ['email', obj({ email: str }, ['email']), 'mail anna@example.com now', { email: 'anna@example.com' }],
    ['boolean present', obj({ shuffle: { type: 'boolean' } }), 'play it on shuffle', { shuffle: true }],
    ['boolean negated', obj({ shuffle: { type: 'boolean' } }), 'play it without shuffle', { shuffle: false }],
    ['boolean absent is omitted', obj({ shuffle: { type: 'boolean' } }), 'play it', {}],
    [
      'array of enums',
      obj({ days: { type: 'array', items: { type: 'string', enum: ['mon', 'tue', 'wed'] } } }),
      'on mon and wed',
      { days: ['mon', 'wed'] },
    ],
    [
      'array of quoted',
      obj({ items: { type: 'array', items: str } }, ['items']),
      "buy 'milk', 'eggs'",
      { items: ['milk', 'eggs'] },
    ],
    [
      'array from a plain list',
      obj({ items: { type: 'array', items: str } }, ['items']),
      'Add milk, eggs and bread to my list',
      { items: ['milk', 'eggs', 'bread'] },
    ],
    [
      'array of emails',
      obj({ to: { type: 'array', items: { type: 'string', format: 'email' } } }),
      'invite a@x.io and b@y.io',
      { to: ['a@x.io', 'b@y.io'] },
    ],
    [
      'nested object',
      obj({ delivery: obj({ channel: { type: 'string', enum: ['sms', 'push'] } }) }),
      'by sms',
      { delivery: { channel: 'sms' } },
    ],
    ['optional without cue omitted', obj({ city: str, label: str }, ['city']), "Oslo 'x'", { city: 'Oslo' }],
    ['no properties', { type: 'object', properties: {} }, 'anything', {}],
  ])('%s', (_name, schema, prompt, expected) => {
    expect(extractArguments(schema, prompt)).toEqual(expected);
  });

  it('fills required parameters first and keeps schema order', () => {
    const schema = obj({ label: str, title: str }, ['title']);
    expect(Object.keys(extractArguments(schema, "'Standup' labelled 'work'"))).toEqual(['label', 'title']);
    expect(extractArguments(schema, "'Standup' labelled 'work'")).toEqual({
      label: 'work',
      title: 'Standup',
    });
  });

  it('takes a required value from an earlier tool result when the prompt has none', () => {
    const schema = obj({ temperature: num }, ['temperature']);
    expect(extractArguments(schema, 'set it to the outdoor temperature', [{ temperature: 18 }])).toEqual({
      temperature: 18,
    });
  });
});

describe('findPromptValues', () => {
  it('does not read times, dates or emails as numbers, nor grammar capitals as names', () => {
    const v = findPromptValues("What's on 2025-01-02 at 10:15 for bob@x.io in New York?");
    expect(v.number).toEqual([]);
    expect(v.capitalised.map((s) => s.text)).toEqual(['New York']);
  });
});

describe('findListItems', () => {
  it('cuts leading verbs and trailing filler', () => {
    expect(findListItems('Make a shopping list: apples, rice and olive oil.')).toEqual([
      'apples',
      'rice',
      'olive oil',
    ]);
    expect(findListItems('no list here')).toEqual([]);
  });
});
