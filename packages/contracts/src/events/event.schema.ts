import { z } from 'zod';
import { JobError, JobStatus, JobType } from '../jobs/job.schema.js';
import { PARAM_TUNE_EVENTS } from './param-tune.events.js';
import { JUDGE_EVENTS } from './judge.events.js';
import { PROMPT_TUNE_EVENTS, PromptTuneComplete, PromptTuneStart } from './prompt-tune.events.js';

/**
 * Payload schemas of every progress event, keyed by the spec's event names. The envelope
 * (`type`, `job_id`, `ts`) is added by the bus; the SSE frame id is the event's log id.
 */
export const EVENT_PAYLOADS = {
  job_created: z.object({ job_type: JobType, status: JobStatus, run_id: z.string() }),
  job_queued: z.object({ reason: z.string() }),
  job_started: z.object({ job_type: JobType, attempt: z.number().int() }),
  job_progress: z.object({
    progress_pct: z.number(),
    progress_detail: z.string(),
    eta_s: z.number().nullable(),
  }),
  job_completed: z.object({ result_ref: z.string().nullable() }),
  job_failed: z.object({ error: JobError }),
  job_cancelled: z.object({ reason: z.string() }),
  job_warning: z.object({ detail: z.string() }),
  tool_eval_init: z.object({
    run_id: z.string(),
    suite_id: z.string().nullable(),
    suite_name: z.string(),
    targets: z.array(z.object({ provider_key: z.string(), model_id: z.string(), display_name: z.string() })),
    total_cases: z.number().int(),
    repeats: z.number().int(),
    total: z.number().int(),
  }),
  tool_eval_progress: z.object({
    run_id: z.string(),
    current: z.number().int(),
    total: z.number().int(),
    provider_key: z.string(),
    model_id: z.string(),
    case_id: z.string(),
  }),
  tool_eval_result: z.looseObject({
    run_id: z.string(),
    provider_key: z.string(),
    model_id: z.string(),
    case_id: z.string(),
    repeat_index: z.number().int(),
  }),
  tool_eval_summary: z.object({
    run_id: z.string(),
    provider_key: z.string(),
    model_id: z.string(),
    summary: z.record(z.string(), z.unknown()),
  }),
  tool_eval_complete: z.object({
    run_id: z.string(),
    status: JobStatus,
    summaries: z.array(
      z.object({
        provider_key: z.string(),
        model_id: z.string(),
        summary: z.record(z.string(), z.unknown()),
      }),
    ),
    /** The judge report job started for this eval (judge.enabled). */
    judge: z.object({ job_id: z.string(), report_id: z.string() }).optional(),
  }),
  ...PARAM_TUNE_EVENTS,
  ...PROMPT_TUNE_EVENTS,
  ...JUDGE_EVENTS,
  // Both tuners announce their start and end under the spec's names; `kind` tells them apart.
  tune_start: z.discriminatedUnion('kind', [PARAM_TUNE_EVENTS.tune_start, PromptTuneStart]),
  tune_complete: z.discriminatedUnion('kind', [PARAM_TUNE_EVENTS.tune_complete, PromptTuneComplete]),
} as const;

export type EventType = keyof typeof EVENT_PAYLOADS;
export type EventPayload<T extends EventType> = z.infer<(typeof EVENT_PAYLOADS)[T]>;
export const TERMINAL_EVENTS = [
  'job_completed',
  'job_failed',
  'job_cancelled',
] as const satisfies readonly EventType[];

/** An event as clients receive it: SSE `data`, WebSocket message. */
export type ProgressEvent<T extends EventType = EventType> = {
  id: string;
  type: T;
  job_id: string;
  user_id?: string;
  ts: string;
} & EventPayload<T>;
