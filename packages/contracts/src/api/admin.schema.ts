import { z } from 'zod';
import { Role } from './auth.schema.js';

/** `PATCH /api/admin/users/{id}`: what an admin may change on an account. */
export const AdminUserPatch = z
  .strictObject({
    role: Role.optional(),
    max_concurrent_jobs: z.number().int().min(1).max(50).optional(),
    budget_usd_monthly: z.number().min(0).max(1_000_000).nullable().optional(),
    disabled: z.boolean().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change' });
export type AdminUserPatch = z.infer<typeof AdminUserPatch>;

export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
