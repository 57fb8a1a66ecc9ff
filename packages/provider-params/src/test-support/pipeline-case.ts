import { expect } from 'vitest';
import { actions, run } from './run.js';

/** One end-to-end pipeline expectation: the final body and the adjustments (`action:param`) in order. */
export interface PipelineCase {
  name: string;
  provider: string;
  model: string;
  params: Record<string, unknown>;
  passthrough?: Record<string, unknown>;
  out: Record<string, unknown>;
  adj: string[];
}

/** Runs a case, then feeds its output back to check idempotence. */
export function checkCase(c: PipelineCase): void {
  const result = run(c.provider, c.model, c.params, { passthrough: c.passthrough });
  expect(result.errors).toEqual([]);
  expect(result.params).toEqual(c.out);
  expect(actions(result)).toEqual(c.adj);
  const again = run(c.provider, c.model, result.params);
  expect(again.params).toEqual(result.params);
  expect(again.adjustments.filter((a) => a.action !== 'warn')).toEqual([]);
}
