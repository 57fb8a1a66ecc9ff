import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BFCL_DATA_DIR, REPO_ROOT } from './test-support/shipped-data.js';

const dir = mkdtempSync(path.join(tmpdir(), 'score-bfcl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runScript(args: string[]) {
  const tsx = path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
  return spawnSync(tsx, ['--conditions=@llmbench/source', path.join('scripts', 'score-bfcl.ts'), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
}

describe('scripts/score-bfcl.ts', () => {
  it('prints one verdict per question and the accuracy', () => {
    const outputs = path.join(dir, 'out.jsonl');
    writeFileSync(
      outputs,
      [
        '{"id": "simple_python_0", "calls": [{"name": "calculate_triangle_area", "arguments": {"base": 10, "height": 5}}]}',
        '{"id": "simple_python_1", "calls": [{"name": "math_factorial", "arguments": "{\\"number\\": 5.0}"}]}',
        '{"id": "simple_python_2", "calls": "The hypotenuse is sqrt(41)."}',
      ].join('\n'),
    );
    const result = runScript([
      '--questions',
      path.join(BFCL_DATA_DIR, 'BFCL_v4_simple_python.json'),
      '--answers',
      path.join(BFCL_DATA_DIR, 'possible_answer', 'BFCL_v4_simple_python.json'),
      '--outputs',
      outputs,
      '--underscore-to-dot',
    ]);
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(400);
    expect(lines.slice(0, 4).map((l) => JSON.parse(l) as unknown)).toEqual([
      { id: 'simple_python_0', valid: true, error_type: null },
      { id: 'simple_python_1', valid: false, error_type: 'type_error:simple' },
      { id: 'simple_python_2', valid: false, error_type: 'ast_decoder:decoder_failed' },
      { id: 'simple_python_3', valid: false, error_type: 'ast_decoder:decoder_failed' },
    ]);
    expect(result.stderr).toContain('simple_python: 1/400 valid, accuracy 0.0025');
  }, 30_000);

  it('fails with a usage message when arguments are missing', () => {
    const result = runScript(['--questions', 'x.json']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage: pnpm score:bfcl');
  }, 30_000);
});
