import { z } from 'zod';
import { Slug } from './common.schema.js';

/** `POST /api/provider-params/validate`: name the provider by your config (`provider_key`) or by registry id. */
export const ValidateParamsRequest = z
  .strictObject({
    provider_key: Slug.optional(),
    provider: z.string().min(1).max(64).optional(),
    model_id: z.string().min(1).max(256),
    params: z.record(z.string().max(64), z.unknown()).default({}),
    passthrough: z.unknown().optional().describe('tier-3 fields sent as-is; must be a JSON object'),
  })
  .refine((b) => (b.provider_key === undefined) !== (b.provider === undefined), {
    message: 'send exactly one of provider_key and provider',
    path: ['provider_key'],
  });
export type ValidateParamsRequest = z.infer<typeof ValidateParamsRequest>;
