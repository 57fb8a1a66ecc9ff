import { z } from 'zod';
import { Target, targetKey, Uuid } from './common.schema.js';

/** One judge, or a jury of several (verdicts combined by majority; agreement reported). */
const judges = {
  judge_target: Target.optional(),
  judge_targets: z.array(Target).min(1).max(5).optional(),
  custom_instructions: z.string().max(4000).default(''),
};

function oneOfJudges(v: { judge_target?: unknown; judge_targets?: unknown }, ctx: z.RefinementCtx) {
  if ((v.judge_target === undefined) === (v.judge_targets === undefined))
    ctx.addIssue({
      code: 'custom',
      path: ['judge_target'],
      message: 'give judge_target or judge_targets (a jury), not both',
    });
}

/** The judges of a request, as a list. */
export function judgeList(v: {
  judge_target?: Target | undefined;
  judge_targets?: Target[] | undefined;
}): Target[] {
  const list = v.judge_targets ?? (v.judge_target ? [v.judge_target] : []);
  return [...new Map(list.map((t) => [targetKey(t), t])).values()];
}

/** `POST /api/tool-eval/judge`: judge a finished eval run's results, then report per model. */
export const JudgeRequest = z
  .strictObject({
    eval_run_id: Uuid,
    ...judges,
    concurrency: z.number().int().min(1).max(32).default(4),
    only_failed: z.boolean().default(false),
  })
  .superRefine(oneOfJudges);
export type JudgeRequest = z.infer<typeof JudgeRequest>;

/** `POST /api/tool-eval/judge/compare`: A vs B on their common cases, each judged in both orders. */
export const CompareRequest = z
  .strictObject({
    eval_run_id_a: Uuid,
    eval_run_id_b: Uuid,
    /** Which model of each run (default: the run's first target). */
    target_a: Target.optional(),
    target_b: Target.optional(),
    ...judges,
    concurrency: z.number().int().min(1).max(32).default(4),
  })
  .superRefine(oneOfJudges);
export type CompareRequest = z.infer<typeof CompareRequest>;

/** The `judge` block of `POST /api/tool-eval`. */
export const EvalJudgeOptions = z
  .strictObject({
    enabled: z.boolean().default(true),
    mode: z.enum(['live_inline', 'post_eval']).default('post_eval'),
    ...judges,
    /** Judge only cases whose overall score is below this (0..1). */
    auto_on_failure_threshold: z.number().min(0).max(1).optional(),
  })
  .superRefine(oneOfJudges);
export type EvalJudgeOptions = z.infer<typeof EvalJudgeOptions>;

export const JudgeReportsQuery = z.strictObject({
  eval_run_id: Uuid.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
