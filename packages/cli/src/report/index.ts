import type { JobType } from '@llmbench/contracts';
import type { JobRun } from '../events.js';
import { renderEval } from './eval.js';
import { renderCompare, renderJudge } from './judge.js';
import type { Rendered } from './rendered.js';
import { renderParamTune, renderPromptTune } from './tune.js';

export type { Rendered } from './rendered.js';

/** The results table of each kind of job (what `jobs watch` shows at the end). */
export const RENDERERS: Record<JobType, (run: JobRun) => Rendered> = {
  tool_eval: (run) => renderEval(run),
  param_tune: renderParamTune,
  prompt_tune: renderPromptTune,
  judge: renderJudge,
  judge_compare: renderCompare,
};
