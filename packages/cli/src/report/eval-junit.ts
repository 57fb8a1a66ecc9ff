import { targetKey } from '@llmbench/contracts';
import type { CaseScore } from '@llmbench/eval-core';
import { eventsOf, lastEventOf, type EventOf, type JobRun } from '../events.js';
import { fmtJson, fmtScore, truncate } from '../format.js';
import type { JunitCase, JunitSuite } from '../junit.js';

/** A `tool_eval_result` event: the case's score fields are spread into it by the worker. */
export type CaseResultEvent = EventOf<'tool_eval_result'> & CaseScore & { latency_ms: number };

/** A case of the suite, for naming test cases (the result events carry only the case id). */
export type SuiteCase = { id: string; prompt: string };

const NAME_MAX = 100;

/** Results of the run, one per (target, case, repeat): a replayed duplicate is counted once. */
export function caseResults(events: JobRun['events']): CaseResultEvent[] {
  const byKey = new Map<string, CaseResultEvent>();
  for (const e of eventsOf(events, 'tool_eval_result') as CaseResultEvent[])
    byKey.set(`${targetKey(e)}|${e.case_id}|${e.repeat_index}`, e);
  return [...byKey.values()];
}

function describeTool(tool: string | readonly string[] | null): string {
  if (tool === null) return 'no tool call';
  return typeof tool === 'string' ? tool : tool.join(' or ');
}

/** Why a case did not pass, in one line, most fundamental reason first. */
export function failureMessage(r: CaseResultEvent): string {
  if (r.error) return `error (${r.error_category ?? 'unknown'}): ${r.error}`;
  if (r.tool_score < 1)
    return `expected ${describeTool(r.expected_tool)}, got ${describeTool(r.actual_tool)}`;
  const wrong = r.param_details
    .filter((d) => !d.match)
    .map((d) => (d.present ? d.key : `${d.key} (missing)`));
  if (wrong.length > 0)
    return `${describeTool(r.actual_tool)}: wrong parameters ${wrong.join(', ')} (accuracy ${fmtScore(r.param_score)})`;
  if (r.bfcl && !r.bfcl.valid) return `BFCL: ${r.bfcl.error_type ?? r.bfcl.errors.join('; ')}`;
  return `overall score ${fmtScore(r.overall_score)} < 1`;
}

const describeCall = (tool: string | readonly string[] | null, params: unknown) =>
  params === null || params === undefined ? describeTool(tool) : `${describeTool(tool)} ${fmtJson(params)}`;

function failureOf(r: CaseResultEvent): JunitCase['failure'] {
  return {
    message: failureMessage(r),
    type: r.error ? 'error' : r.tool_score < 1 ? 'wrong_tool' : 'wrong_arguments',
    details: [
      `expected: ${describeCall(r.expected_tool, r.expected_params)}`,
      `actual:   ${describeCall(r.actual_tool, r.actual_params)}`,
      ...(r.error ? [`error:    ${r.error}`] : []),
    ].join('\n'),
  };
}

/**
 * The run as JUnit suites: one per target (classname), one test case per result, named by the
 * case's prompt, in suite order. Only failing cases carry a `<failure>`.
 */
export function evalJunit(events: JobRun['events'], cases: readonly SuiteCase[]): JunitSuite[] {
  const results = caseResults(events);
  const position = new Map(cases.map((c, i) => [c.id, i]));
  const prompt = new Map(cases.map((c) => [c.id, c.prompt]));
  const repeats = Math.max(1, ...results.map((r) => r.repeat_index + 1));
  const planned = lastEventOf(events, 'tool_eval_init')?.targets.map(targetKey) ?? [];
  const targets = [...new Set([...planned, ...results.map(targetKey)])];
  return targets.map((target) => ({
    name: target,
    cases: results
      .filter((r) => targetKey(r) === target)
      .sort(
        (a, b) =>
          (position.get(a.case_id) ?? Infinity) - (position.get(b.case_id) ?? Infinity) ||
          a.repeat_index - b.repeat_index,
      )
      .map((r) => ({
        name:
          truncate(prompt.get(r.case_id) ?? r.case_id, NAME_MAX) +
          (repeats > 1 ? ` [repeat ${r.repeat_index + 1}]` : ''),
        classname: target,
        timeS: r.latency_ms / 1000,
        failure: r.passed ? undefined : failureOf(r),
      })),
  }));
}
