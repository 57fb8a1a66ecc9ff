import { completeStructured, LlmCallError, type LlmClient } from '@llmbench/eval-core';
import {
  comparePrompt,
  reportPrompt,
  verdictPrompt,
  type CallEvidence,
  type CaseEvidence,
} from './prompts.js';
import { repairCompare, repairReport, repairVerdict, type Repaired } from './repair.js';
import {
  COMPARE_SCHEMA,
  REPORT_SCHEMA,
  VERDICT_SCHEMA,
  type CompareVerdict,
  type ModelReport,
  type Verdict,
} from './schemas.js';

/** A judge call's outcome: the repaired value, or the error recorded on the case. */
export type JudgeResult<T> = ({ ok: true } & Repaired<T>) | { ok: false; error: string };

type Judge = { client: LlmClient; model: string; signal?: AbortSignal | undefined };

// Judges answer deterministically: temperature 0 (through the provider pipeline by the caller's params).
const PARAMS = { temperature: 0, max_tokens: 2048 };

async function ask<T>(
  judge: Judge,
  prompt: string,
  schema: { name: string; schema: object },
  repair: (text: string | null) => Repaired<T> | null,
): Promise<JudgeResult<T>> {
  try {
    const { response, note } = await completeStructured(judge.client, {
      model: judge.model,
      prompt,
      schema,
      params: PARAMS,
      signal: judge.signal,
    });
    const repaired = repair(response.content);
    if (!repaired)
      return { ok: false, error: `unusable judge answer: ${(response.content ?? '').slice(0, 200)}` };
    return {
      ok: true,
      value: repaired.value,
      repairs: note ? [note, ...repaired.repairs] : repaired.repairs,
    };
  } catch (err) {
    if (!(err instanceof LlmCallError) || err.category === 'cancelled') throw err;
    return { ok: false, error: `judge call failed (${err.category}): ${err.message.slice(0, 300)}` };
  }
}

/** Judges one case. */
export function judgeCase(
  judge: Judge,
  c: CaseEvidence,
  actual: CallEvidence,
  custom = '',
): Promise<JudgeResult<Verdict>> {
  return ask(judge, verdictPrompt(c, actual, custom), VERDICT_SCHEMA, repairVerdict);
}

/** Writes one model's cross-case report from its verdicts (a report is never lost to a bad answer). */
export async function judgeReport(
  judge: Judge,
  model: string,
  lines: Parameters<typeof reportPrompt>[1],
  fallbackScore: number,
  custom = '',
): Promise<Repaired<ModelReport> & { error: string | null }> {
  const res = await ask(judge, reportPrompt(model, lines, custom), REPORT_SCHEMA, (t) =>
    repairReport(t, fallbackScore),
  );
  return res.ok ? { ...res, error: null } : { ...repairReport(null, fallbackScore), error: res.error };
}

/** Judges one A/B pair in the order given. */
export function judgePair(
  judge: Judge,
  c: CaseEvidence,
  a: CallEvidence,
  b: CallEvidence,
  custom = '',
): Promise<JudgeResult<CompareVerdict>> {
  return ask(judge, comparePrompt(c, a, b, custom), COMPARE_SCHEMA, repairCompare);
}
