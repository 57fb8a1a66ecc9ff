import { describe, expect, it } from 'vitest';
import { parseCommandArgs, parseJsonObject, parseTarget } from './args.js';
import { CliError, EXIT } from './errors.js';

const usage = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).exitCode).toBe(EXIT.usage);
    return (err as CliError).message;
  }
  throw new Error('expected a usage error');
};

const EVAL_OPTIONS = {
  suite: { type: 'string' },
  target: { type: 'string', multiple: true },
  repeats: { type: 'string' },
  'min-score': { type: 'string' },
  json: { type: 'boolean' },
} as const;

describe('parseTarget', () => {
  it('splits provider::model on the first separator', () => {
    expect(parseTarget('sandbox::sandbox-precise')).toEqual({
      provider_key: 'sandbox',
      model_id: 'sandbox-precise',
    });
    expect(parseTarget('ollama::llama3::8b')).toEqual({ provider_key: 'ollama', model_id: 'llama3::8b' });
  });

  it.each(['sandbox', '::model', 'sandbox::', ''])('rejects %j', (text) => {
    expect(usage(() => parseTarget(text))).toMatch(/^--target: expected provider::model/);
  });
});

describe('parseCommandArgs', () => {
  it('gives typed values: repeated targets, numbers, flags', () => {
    const args = parseCommandArgs(
      [
        '--suite',
        'S',
        '--target',
        'a::x',
        '--target',
        'b::y',
        '--repeats',
        '3',
        '--min-score',
        '0.9',
        '--json',
      ],
      EVAL_OPTIONS,
      [],
    );
    expect(args.required('suite')).toBe('S');
    expect(args.targets()).toEqual([
      { provider_key: 'a', model_id: 'x' },
      { provider_key: 'b', model_id: 'y' },
    ]);
    expect(args.number('repeats', { integer: true, min: 1 })).toBe(3);
    expect(args.number('min-score', { min: 0, max: 1 })).toBe(0.9);
    expect(args.flag('json')).toBe(true);
    expect(args.string('nothing')).toBeUndefined();
  });

  it('turns every mistake into a usage error naming the option', () => {
    expect(usage(() => parseCommandArgs(['--bogus'], EVAL_OPTIONS, []))).toBe("Unknown option '--bogus'");
    expect(usage(() => parseCommandArgs(['--suite'], EVAL_OPTIONS, []))).toMatch(/--suite/);
    expect(usage(() => parseCommandArgs(['extra'], EVAL_OPTIONS, []))).toBe(
      'expected no arguments, got extra',
    );
    expect(usage(() => parseCommandArgs([], EVAL_OPTIONS, ['FILE']))).toBe('expected FILE, got none');
    const args = parseCommandArgs(['--repeats', '1.5', '--min-score', '2'], EVAL_OPTIONS, []);
    expect(usage(() => args.number('repeats', { integer: true }))).toBe(
      '--repeats: expected an integer, got "1.5"',
    );
    expect(usage(() => args.number('min-score', { min: 0, max: 1 }))).toBe(
      '--min-score: expected a number from 0 to 1, got 2',
    );
    expect(usage(() => args.required('suite'))).toBe('--suite is required');
    expect(usage(() => args.targets())).toMatch(/^--target provider::model is required/);
  });

  it('keeps positionals in order', () => {
    expect(parseCommandArgs(['file.json', '--json'], EVAL_OPTIONS, ['FILE']).positionals).toEqual([
      'file.json',
    ]);
  });
});

describe('parseJsonObject', () => {
  const files: Record<string, string> = { 'space.json': '{"temperature":[0,1]}' };
  const read = (path: string) => {
    if (!(path in files)) throw new Error('ENOENT');
    return files[path]!;
  };

  it('reads inline JSON or @file', () => {
    expect(parseJsonObject('{"top_p":[0.9]}', '--space', read)).toEqual({ top_p: [0.9] });
    expect(parseJsonObject('@space.json', '--space', read)).toEqual({ temperature: [0, 1] });
  });

  it('rejects unreadable files, bad JSON and non-objects', () => {
    expect(usage(() => parseJsonObject('@missing.json', '--space', read))).toBe(
      '--space: cannot read missing.json: ENOENT',
    );
    expect(usage(() => parseJsonObject('{', '--space', read))).toMatch(/^--space: not valid JSON/);
    expect(usage(() => parseJsonObject('[1]', '--space', read))).toBe('--space: expected a JSON object');
  });
});
