import { z } from 'zod';

/** A database id (UUID). Malformed ids are treated as "not found" by routes, not as 500s. */
export const Uuid = z.uuid();
export type Uuid = z.infer<typeof Uuid>;

/** Canonical model reference: the one way every request names a model (never a display name). */
export const Target = z.strictObject({
  provider_key: z.string().min(1).max(64),
  model_id: z.string().min(1).max(256),
});
export type Target = z.infer<typeof Target>;

/** `provider_key::model_id`, used only as a map key inside payloads (e.g. per-model system prompts). */
export function targetKey(target: Target): string {
  return `${target.provider_key}::${target.model_id}`;
}

/** Query string of list endpoints. */
export const ListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type ListQuery = z.infer<typeof ListQuery>;

/** Wraps an item schema into the list response shape `{items, total}`. */
export function listOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

export const Timestamp = z.union([z.string(), z.date()]).describe('ISO-8601 timestamp');

/** Snake-case slug used for provider keys. */
export const Slug = z
  .string()
  .min(1)
  .max(64)
  .regex(
    /^[a-z0-9][a-z0-9_-]*$/,
    'lower-case letters, digits, _ and - only, starting with a letter or digit',
  );
