import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is packages/bfcl/src/test-support/shipped-data.ts). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

/** The shipped BFCL data lives in `shared/` beside the repository, wherever it is cloned. */
export const BFCL_DATA_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'data', 'bfcl');

/** @returns the content of a BFCL question file, e.g. `readQuestions('simple_python')`. */
export function readQuestions(category: string): string {
  return readFileSync(path.join(BFCL_DATA_DIR, `BFCL_v4_${category}.json`), 'utf8');
}

/** @returns the content of a BFCL possible-answer file. */
export function readAnswers(category: string): string {
  return readFileSync(path.join(BFCL_DATA_DIR, 'possible_answer', `BFCL_v4_${category}.json`), 'utf8');
}
