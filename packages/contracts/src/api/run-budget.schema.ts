import { z } from 'zod';

/** Limits that stop a tune cleanly with the best found so far; any may be omitted. */
export const RunBudget = z.strictObject({
  max_calls: z.number().int().min(1).optional(),
  max_cost_usd: z.number().positive().optional(),
  max_duration_s: z.number().positive().optional(),
});
export type RunBudget = z.infer<typeof RunBudget>;
