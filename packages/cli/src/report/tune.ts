import { targetKey } from '@llmbench/contracts';
import { lastEventOf, payloadOf, type JobRun } from '../events.js';
import { fmtJson, fmtScore, truncate } from '../format.js';
import { renderTable } from '../table.js';
import { jobHeader, type Rendered } from './rendered.js';

const ci = (low: number | null, high: number | null) =>
  low === null || high === null ? '-' : `[${fmtScore(low)}, ${fmtScore(high)}]`;

/** A parameter tune: per model the best configuration, its CI and how many others tie with it. */
export function renderParamTune(run: JobRun): Rendered {
  const complete = lastEventOf(run.events, 'tune_complete');
  const result = complete ? payloadOf<'tune_complete'>(complete) : null;
  if (result?.kind !== 'param_tune') return { json: { ...jobHeader(run), result: null }, text: '' };
  const rows = result.best_config.map((b) => [
    targetKey(b),
    fmtScore(b.overall_score),
    ci(b.ci_low, b.ci_high),
    String(b.indistinguishable.length),
    fmtJson(b.config),
  ]);
  const table = renderTable(['MODEL', 'BEST', '95% CI', 'TIED', 'CONFIG'], rows, [
    'left',
    'right',
    'left',
    'right',
  ]);
  const footer = `stop reason: ${result.stop_reason} · ${result.calls_used} calls · ${result.duration_s.toFixed(1)} s\n`;
  return { json: { ...jobHeader(run), result }, text: `${table}\n${footer}` };
}

/** A prompt tune: per model the best score, then the best prompt against the base prompt. */
export function renderPromptTune(run: JobRun): Rendered {
  const complete = lastEventOf(run.events, 'tune_complete');
  const result = complete ? payloadOf<'tune_complete'>(complete) : null;
  if (result?.kind !== 'prompt_tune') return { json: { ...jobHeader(run), result: null }, text: '' };
  const rows = result.per_model.map((m) => [targetKey(m), fmtScore(m.score), truncate(m.best_prompt, 60)]);
  const table = renderTable(['MODEL', 'SCORE', 'BEST PROMPT'], rows, ['left', 'right']);
  const scores = [
    `best ${fmtScore(result.best_score)} (base prompt ${fmtScore(result.base_score)})`,
    `held-out ${fmtScore(result.validation_score)} (base prompt ${fmtScore(result.base_validation_score)})`,
    `${result.calls_used} calls, ${result.meta_calls} meta calls · stop reason: ${result.stop_reason}`,
  ];
  return {
    json: { ...jobHeader(run), result },
    text: `${table}\n${scores.join('\n')}\n\nbest prompt:\n${result.best_prompt}\n`,
  };
}
