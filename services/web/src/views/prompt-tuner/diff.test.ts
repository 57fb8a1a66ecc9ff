import { describe, expect, it } from 'vitest';
import { diffStats, diffWords, tokenize, type DiffOp } from './diff';

const side = (ops: DiffOp[], keep: 'insert' | 'delete') =>
  ops
    .filter((o) => o.type === 'equal' || o.type === keep)
    .map((o) => o.text)
    .join('');

describe('diffWords', () => {
  it('tokenizes words and whitespace losslessly', () => {
    expect(tokenize('Call  the\ttool.\n')).toEqual(['Call', '  ', 'the', '\t', 'tool.', '\n']);
    expect(tokenize('')).toEqual([]);
  });

  it('identical texts are one equal run', () => {
    expect(diffWords('a b c', 'a b c')).toEqual([{ type: 'equal', text: 'a b c' }]);
  });

  it('finds an inserted and a deleted word', () => {
    const ops = diffWords('You are a helpful assistant.', 'You are a precise helpful tool assistant.');
    expect(ops.filter((o) => o.type === 'insert').map((o) => o.text.trim())).toEqual(['precise', 'tool']);
    expect(ops.some((o) => o.type === 'delete')).toBe(false);
    const del = diffWords('Always call the tool now please.', 'Always call the tool please.');
    expect(del).toEqual([
      { type: 'equal', text: 'Always call the tool ' },
      { type: 'delete', text: 'now ' },
      { type: 'equal', text: 'please.' },
    ]);
  });

  it('a replaced word is a delete then an insert', () => {
    expect(diffWords('use the lights tool', 'use the thermostat tool')).toEqual([
      { type: 'equal', text: 'use the ' },
      { type: 'delete', text: 'lights' },
      { type: 'insert', text: 'thermostat' },
      { type: 'equal', text: ' tool' },
    ]);
  });

  it('handles empty sides', () => {
    expect(diffWords('', 'new text')).toEqual([{ type: 'insert', text: 'new text' }]);
    expect(diffWords('old text', '')).toEqual([{ type: 'delete', text: 'old text' }]);
    expect(diffWords('', '')).toEqual([]);
  });

  it('both sides reconstruct exactly, and the edit is minimal, on random texts', () => {
    const words = ['call', 'the', 'tool', 'always', 'never', 'JSON', 'lights', 'on', 'off'];
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const text = (n: number) =>
      Array.from({ length: n }, () => words[Math.floor(rand() * words.length)]).join(
        rand() < 0.2 ? '\n' : ' ',
      );
    for (let i = 0; i < 200; i++) {
      const a = text(Math.floor(rand() * 30));
      const b = text(Math.floor(rand() * 30));
      const ops = diffWords(a, b);
      expect(side(ops, 'delete')).toBe(a);
      expect(side(ops, 'insert')).toBe(b);
      // No two neighbouring runs of the same type.
      for (let j = 1; j < ops.length; j++) expect(ops[j]!.type).not.toBe(ops[j - 1]!.type);
    }
  });

  it('is minimal: one changed word in a long text is one delete and one insert', () => {
    const base = Array.from({ length: 400 }, (_, i) => `w${i}`).join(' ');
    const changed = base.replace('w200', 'CHANGED');
    const ops = diffWords(base, changed);
    expect(ops.filter((o) => o.type !== 'equal')).toEqual([
      { type: 'delete', text: 'w200' },
      { type: 'insert', text: 'CHANGED' },
    ]);
    expect(diffStats(ops)).toEqual({ inserted: 1, deleted: 1, kept: 399 });
  });
});
