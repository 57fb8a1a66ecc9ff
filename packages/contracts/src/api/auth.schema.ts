import { z } from 'zod';
import { Timestamp, Uuid } from './common.schema.js';

export const Email = z.email().max(254);

export const RegisterRequest = z.strictObject({
  email: Email,
  password: z.string().min(8, 'at least 8 characters').max(256),
});
export type RegisterRequest = z.infer<typeof RegisterRequest>;

export const LoginRequest = z.strictObject({
  email: z.string().min(1).max(254),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const RefreshRequest = z.strictObject({ refresh_token: z.string().min(1).max(512) });
export type RefreshRequest = z.infer<typeof RefreshRequest>;

export const LogoutRequest = z.strictObject({ refresh_token: z.string().min(1).max(512).optional() });
export type LogoutRequest = z.infer<typeof LogoutRequest>;

export const Role = z.enum(['admin', 'user']);
export type Role = z.infer<typeof Role>;

export const UserView = z.object({
  id: Uuid,
  email: z.string(),
  role: Role,
  max_concurrent_jobs: z.number().int(),
  created_at: Timestamp,
});
export type UserView = z.infer<typeof UserView>;

export const AuthResponse = z.object({
  user: UserView,
  access_token: z.string(),
  refresh_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int().describe('access token lifetime in seconds'),
});
export type AuthResponse = z.infer<typeof AuthResponse>;

export const CreateApiTokenRequest = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expires_in_days: z.number().int().min(1).max(3650).optional(),
});
export type CreateApiTokenRequest = z.infer<typeof CreateApiTokenRequest>;

export const ApiTokenView = z.object({
  id: Uuid,
  name: z.string(),
  token_prefix: z.string(),
  created_at: Timestamp,
  last_used_at: Timestamp.nullable(),
  expires_at: Timestamp.nullable(),
});
export type ApiTokenView = z.infer<typeof ApiTokenView>;

export const CreatedApiToken = ApiTokenView.extend({
  token: z.string().describe('shown once; send as `Authorization: Bearer <token>`'),
});
export type CreatedApiToken = z.infer<typeof CreatedApiToken>;

/** `PATCH /api/auth/me/budget`: the monthly spending cap (null: none). Runs estimated above what is left need `confirm`. */
export const UpdateBudgetRequest = z.strictObject({
  budget_usd_monthly: z.number().min(0).max(1_000_000).nullable(),
});
export const BudgetView = z.object({
  budget_usd_monthly: z.number().nullable(),
  spent_this_month_usd: z.number(),
});
