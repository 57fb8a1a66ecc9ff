import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { Json, NullableJson, NullableTimestamp, Timestamp } from './json.js';

export type JobStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';

export interface JobTable {
  id: Generated<string>;
  user_id: string;
  type: string;
  status: Generated<JobStatus>;
  run_id: string | null;
  parent_job_id: string | null;
  progress_pct: Generated<number>;
  progress_detail: Generated<string>;
  eta_s: number | null;
  payload: Json<Record<string, unknown>>;
  error: NullableJson<{ code: string; message: string; category?: string }>;
  attempts: Generated<number>;
  created_at: Timestamp;
  started_at: NullableTimestamp;
  finished_at: NullableTimestamp;
  updated_at: Timestamp;
}
export type Job = Selectable<JobTable>;
export type NewJob = Insertable<JobTable>;
export type JobUpdate = Updateable<JobTable>;
