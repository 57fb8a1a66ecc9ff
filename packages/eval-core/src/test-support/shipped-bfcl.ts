import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type BfclSuiteTestCase,
  bfclToSuite,
  referenceCalls,
  stringifyLossless,
  toOpenAiToolName,
} from '@llmbench/bfcl';
import type { ToolCall } from '../llm-client.js';

/** The repository root (this file is packages/eval-core/src/test-support/shipped-bfcl.ts). */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

/** The shipped BFCL data lives in `shared/` beside the repository, wherever it is cloned. */
export const BFCL_DATA_DIR = path.resolve(REPO_ROOT, '..', 'shared', 'data', 'bfcl');

/** Imports a shipped BFCL file as the product would, and returns its cases. */
export function shippedBfclCases(category: string): BfclSuiteTestCase[] {
  const fileName = `BFCL_v4_${category}.json`;
  const questionsText = readFileSync(path.join(BFCL_DATA_DIR, fileName), 'utf8');
  const answersPath = path.join(BFCL_DATA_DIR, 'possible_answer', fileName);
  const answersText = category === 'irrelevance' ? null : readFileSync(answersPath, 'utf8');
  return bfclToSuite({ questionsText, answersText, fileName }).test_cases;
}

/** The raw tool calls a correct model would send for a case (arguments keep `1.0` apart from `1`). */
export function referenceToolCalls(c: BfclSuiteTestCase): ToolCall[] {
  if (c.bfcl.ground_truth === null) return [];
  return referenceCalls(c.bfcl.ground_truth, c.bfcl.functions).map((ref, i) => ({
    id: `ref_${i}`,
    name: toOpenAiToolName(ref.name),
    arguments: stringifyLossless(ref.arguments),
  }));
}
