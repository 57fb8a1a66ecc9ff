import { targetKey } from '@llmbench/contracts';
import type { TargetSummary } from '@llmbench/eval-core';
import { eventsOf, lastEventOf, type JobRun } from '../events.js';
import { fmtScore } from '../format.js';
import { renderTable } from '../table.js';
import { jobHeader, type Rendered } from './rendered.js';

export type TargetResult = { provider_key: string; model_id: string; summary: TargetSummary };

/** The CI gate: every target's overall score must reach `min_score`. */
export type Gate = {
  min_score: number;
  passed: boolean;
  failing: { target: string; overall: number | null }[];
};

/**
 * Per-target summaries: those of `tool_eval_complete`, else (a failed or cancelled run) the
 * per-target `tool_eval_summary` events that did arrive.
 */
export function targetResults(events: JobRun['events']): TargetResult[] {
  const complete = lastEventOf(events, 'tool_eval_complete');
  const list = complete ? complete.summaries : eventsOf(events, 'tool_eval_summary');
  return list.map((s) => ({
    provider_key: s.provider_key,
    model_id: s.model_id,
    summary: s.summary as unknown as TargetSummary,
  }));
}

/** A target without a summary (it never finished) fails the gate like a low score does. */
export function checkGate(run: JobRun, targets: readonly TargetResult[], minScore: number): Gate {
  const planned = lastEventOf(run.events, 'tool_eval_init')?.targets ?? targets;
  const failing = planned
    .map((t) => ({
      target: targetKey(t),
      overall: targets.find((r) => targetKey(r) === targetKey(t))?.summary.overall ?? null,
    }))
    .filter((t) => t.overall === null || t.overall < minScore);
  return { min_score: minScore, passed: run.status === 'completed' && failing.length === 0, failing };
}

export function renderEval(run: JobRun, gate?: Gate): Rendered {
  const targets = targetResults(run.events);
  const runId = lastEventOf(run.events, 'tool_eval_init')?.run_id ?? null;
  const failing = new Set(gate?.failing.map((f) => f.target));
  const rows = targets.map((t) => [
    targetKey(t),
    fmtScore(t.summary.overall),
    fmtScore(t.summary.tool_accuracy),
    fmtScore(t.summary.param_accuracy),
    fmtScore(t.summary.pass_rate),
    `${t.summary.cases_passed}/${t.summary.runs}`,
    ...(gate ? [failing.has(targetKey(t)) ? `FAIL (< ${gate.min_score})` : 'ok'] : []),
  ]);
  const headers = [
    'TARGET',
    'OVERALL',
    'TOOL ACC',
    'PARAM ACC',
    'PASS RATE',
    'PASSED',
    ...(gate ? ['GATE'] : []),
  ];
  const table = renderTable(headers, rows, ['left', 'right', 'right', 'right', 'right', 'right']);
  return {
    json: { ...jobHeader(run), run_id: runId, targets, ...(gate ? { gate } : {}) },
    text: `${table}${runId ? `\neval run ${runId}\n` : ''}`,
  };
}
