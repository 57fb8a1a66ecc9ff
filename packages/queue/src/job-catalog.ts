import { z } from 'zod';
import type { JobsOptions } from 'bullmq';
import { Target, ToolChoice } from '@llmbench/contracts';
import { QUEUES, type QueueName } from './queue-names.js';

/** Payload of a top-level tool-eval job: everything else is read from its DB rows. */
export const ToolEvalPayload = z.object({
  job_id: z.uuid(),
  user_id: z.uuid(),
  run_id: z.uuid(),
  /** Orchestration step, kept in job data so a recovered job resumes where it was. */
  step: z.enum(['start', 'finalize']).default('start'),
  queued_event_sent: z.boolean().default(false),
});
export type ToolEvalPayload = z.infer<typeof ToolEvalPayload>;

/** Payload of a parameter tune: the plan is in its DB rows; `step` survives a crash. */
export const ParamTunePayload = z.object({
  job_id: z.uuid(),
  user_id: z.uuid(),
  tune_id: z.uuid(),
  step: z.enum(['start', 'search', 'finalize']).default('start'),
  queued_event_sent: z.boolean().default(false),
  /** The last batch dispatched (combination@cases, …): the same batch twice means its units failed. */
  last_batch: z.string().optional(),
});
export type ParamTunePayload = z.infer<typeof ParamTunePayload>;

/** Payload of a prompt tune: its state is in the DB rows; the handler recomputes the next step. */
export const PromptTunePayload = z.object({
  job_id: z.uuid(),
  user_id: z.uuid(),
  tune_id: z.uuid(),
  step: z.enum(['start', 'evolve']).default('start'),
  queued_event_sent: z.boolean().default(false),
  /** The last batch dispatched: the same batch twice means its children failed for good. */
  last_batch: z.string().optional(),
});
export type PromptTunePayload = z.infer<typeof PromptTunePayload>;

/** Payload of a judge report or comparison: everything else is in its `judge_reports` row. */
export const JudgePayload = z.object({
  job_id: z.uuid(),
  user_id: z.uuid(),
  report_id: z.uuid(),
  step: z.enum(['start', 'judge']).default('start'),
  queued_event_sent: z.boolean().default(false),
});
export type JudgePayload = z.infer<typeof JudgePayload>;

/** One meta-model call: generate a generation's candidate prompts and record them. */
export const MetaGeneratePayload = z.object({
  root_job_id: z.uuid(),
  user_id: z.uuid(),
  tune_id: z.uuid(),
  generation: z.number().int().min(1),
  meta_target: Target,
  /** The meta-prompt (built by the tuner from the suite and the parents). */
  prompt: z.string().min(1),
  count: z.number().int().min(1).max(50),
  /** Sent as the meta call's `seed`: a tune with a seed asks the same of the meta-model when it reruns. */
  seed: z.number().int().optional(),
  /** Candidate ids of the parents, by the `#index` the meta-prompt quotes them with. */
  parents: z.record(z.string(), z.uuid()).default({}),
});
export type MetaGeneratePayload = z.infer<typeof MetaGeneratePayload>;

/** When a unit evaluates a candidate prompt: what to record and announce when it completes. */
export const PromptRef = z.object({
  tune_id: z.uuid(),
  candidate_id: z.uuid(),
  phase: z.enum(['train', 'validation']),
});
export type PromptRef = z.infer<typeof PromptRef>;

/** When a unit evaluates a tuning combination: what to record and announce when it completes. */
export const ComboRef = z.object({
  tune_id: z.uuid(),
  combo_id: z.uuid(),
  rung: z.number().int().min(0),
});
export type ComboRef = z.infer<typeof ComboRef>;

/** One eval unit: one target × one parameter set × one system prompt over the run's cases. */
export const EvalUnitPayload = z.object({
  root_job_id: z.uuid(),
  user_id: z.uuid(),
  run_id: z.uuid(),
  unit_key: z.string().min(1).max(512),
  target: Target,
  params: z.record(z.string(), z.unknown()),
  system_prompt: z.string().nullable(),
  tool_choice: ToolChoice,
  repeats: z.number().int().min(1),
  concurrency: z.number().int().min(1),
  total: z.number().int().min(0).describe('result count of the whole root job, for progress'),
  /** Only these cases (a tuning rung's prefix); all of the run's cases when absent. */
  case_ids: z.array(z.string()).optional(),
  combo: ComboRef.optional(),
  prompt: PromptRef.optional(),
});
export type EvalUnitPayload = z.infer<typeof EvalUnitPayload>;

const RUN_DEFAULTS: JobsOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { age: 86_400, count: 1000 },
  removeOnFail: { age: 7 * 86_400 },
};

/**
 * The job catalog: each job name with its queue, payload schema and default options.
 * Everything else (names, payload types, handler maps) is derived from it.
 */
export const JOB_CATALOG = {
  'tool-eval': { queue: QUEUES.runs, payload: ToolEvalPayload, defaults: RUN_DEFAULTS },
  'param-tune': { queue: QUEUES.tunes, payload: ParamTunePayload, defaults: RUN_DEFAULTS },
  'prompt-tune': { queue: QUEUES.tunes, payload: PromptTunePayload, defaults: RUN_DEFAULTS },
  judge: { queue: QUEUES.judges, payload: JudgePayload, defaults: RUN_DEFAULTS },
  'judge-compare': { queue: QUEUES.judges, payload: JudgePayload, defaults: RUN_DEFAULTS },
  'meta-generate': {
    queue: QUEUES.units,
    payload: MetaGeneratePayload,
    defaults: { ...RUN_DEFAULTS, attempts: 3 },
  },
  'eval-unit': { queue: QUEUES.units, payload: EvalUnitPayload, defaults: { ...RUN_DEFAULTS, attempts: 5 } },
} as const satisfies Record<string, { queue: QueueName; payload: z.ZodType; defaults: JobsOptions }>;

export type JobName = keyof typeof JOB_CATALOG;
export type JobPayload<N extends JobName> = z.output<(typeof JOB_CATALOG)[N]['payload']>;
export type JobPayloadInput<N extends JobName> = z.input<(typeof JOB_CATALOG)[N]['payload']>;

/** Job names served by one queue. */
export function jobNamesOf(queue: QueueName): JobName[] {
  return (Object.keys(JOB_CATALOG) as JobName[]).filter((n) => JOB_CATALOG[n].queue === queue);
}
