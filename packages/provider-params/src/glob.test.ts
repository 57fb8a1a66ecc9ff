import { describe, expect, it } from 'vitest';
import { matchGlob } from './glob.js';

describe(matchGlob.name, () => {
  it.each([
    ['o1*|o3*|o4*', 'o3-mini', true],
    ['o1*|o3*|o4*', 'O4-MINI', true],
    ['o1*|o3*|o4*', 'o2', false],
    ['o1*|o3*|o4*', 'model-o3', false],
    ['gpt-5*', 'gpt-5.1', true],
    ['gpt-5.*', 'gpt-5-mini', false],
    ['gpt-5.*', 'gpt-5x1', false],
    ['gpt-5*-chat*', 'gpt-5.1-chat-latest', true],
    ['claude-*-4-6*', 'claude-opus-4-6', true],
    ['qwen/qwen3*', 'qwen/qwen3-32b', true],
    ['a+b', 'a+b', true],
    ['a+b', 'aab', false],
    ['(x)', '(x)', true],
    [' foo | bar ', 'bar', true],
    ['*', '', true],
  ])('%s ~ %s → %s', (pattern, text, expected) => {
    expect(matchGlob(pattern, text)).toBe(expected);
  });
});
