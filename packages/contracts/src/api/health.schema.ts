import { z } from 'zod';

export const ReadyResponse = z.object({
  status: z.enum(['ready', 'unavailable']),
  checks: z.record(
    z.string(),
    z.object({ ok: z.boolean(), latency_ms: z.number(), error: z.string().optional() }),
  ),
});
export type ReadyResponse = z.infer<typeof ReadyResponse>;
