import { z } from 'zod';
import { Target } from '../api/common.schema.js';

/** How a judge report is produced, as stored on `judge_reports.config`. */
export const JudgeConfig = z.object({
  concurrency: z.number().int().min(1),
  only_failed: z.boolean().default(false),
  threshold: z.number().nullable().default(null),
  target_a: Target.nullable().default(null),
  target_b: Target.nullable().default(null),
});
export type JudgeConfig = z.infer<typeof JudgeConfig>;
