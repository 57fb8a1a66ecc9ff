import { z } from 'zod';
import { Timestamp, Uuid } from '../api/common.schema.js';

export const JOB_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export const JobStatus = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof JobStatus>;
export const TERMINAL_STATUSES: readonly JobStatus[] = ['completed', 'failed', 'cancelled'];

/** Eval-family job types: each takes one of its user's concurrent slots while it runs. */
export const JOB_TYPES = ['tool_eval', 'param_tune', 'prompt_tune', 'judge', 'judge_compare'] as const;
export const JobType = z.enum(JOB_TYPES);
export type JobType = z.infer<typeof JobType>;

export const JobError = z.object({ code: z.string(), message: z.string(), category: z.string().optional() });
export type JobError = z.infer<typeof JobError>;

export const JobView = z.object({
  id: Uuid,
  type: JobType,
  status: JobStatus,
  run_id: Uuid.nullable(),
  progress_pct: z.number(),
  progress_detail: z.string(),
  eta_s: z.number().nullable(),
  error: JobError.nullable(),
  attempts: z.number().int(),
  created_at: Timestamp,
  started_at: Timestamp.nullable(),
  finished_at: Timestamp.nullable(),
  events_url: z.string(),
});
export type JobView = z.infer<typeof JobView>;

/** What every submitting POST answers (202) unless the client asked for the SSE stream. */
export const JobAccepted = z.object({
  job_id: Uuid,
  run_id: Uuid,
  status: JobStatus,
  events_url: z.string(),
});
export type JobAccepted = z.infer<typeof JobAccepted>;

export const JobListQuery = z.strictObject({
  status: JobStatus.optional(),
  type: JobType.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const CancelJobRequest = z.strictObject({ job_id: Uuid });
