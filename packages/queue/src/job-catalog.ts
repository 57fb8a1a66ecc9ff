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
  /** Batches dispatched so far: child job ids stay unique across batches. */
  batches: z.number().int().min(0).default(0),
  /** The last batch dispatched (combination@cases, …): the same batch twice means its units failed. */
  last_batch: z.string().optional(),
});
export type ParamTunePayload = z.infer<typeof ParamTunePayload>;

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
  'eval-unit': { queue: QUEUES.units, payload: EvalUnitPayload, defaults: { ...RUN_DEFAULTS, attempts: 5 } },
} as const satisfies Record<string, { queue: QueueName; payload: z.ZodType; defaults: JobsOptions }>;

export type JobName = keyof typeof JOB_CATALOG;
export type JobPayload<N extends JobName> = z.output<(typeof JOB_CATALOG)[N]['payload']>;
export type JobPayloadInput<N extends JobName> = z.input<(typeof JOB_CATALOG)[N]['payload']>;

/** Job names served by one queue. */
export function jobNamesOf(queue: QueueName): JobName[] {
  return (Object.keys(JOB_CATALOG) as JobName[]).filter((n) => JOB_CATALOG[n].queue === queue);
}
