import { ProviderId } from '@llmbench/contracts';
import { z } from 'zod';

/** The value types a parameter can take. `string_array` accepts a string or an array of strings (e.g. `stop`). */
export const PARAM_TYPES = [
  'number',
  'integer',
  'string',
  'string_array',
  'boolean',
  'enum',
  'object',
] as const;
export const ParamType = z.enum(PARAM_TYPES);
export type ParamType = z.infer<typeof ParamType>;

/** Where tier-3 fields go for SDKs that type their arguments (the Python `openai` SDK needs `extra_body`). */
export const Tier3Location = z.enum(['top_level', 'extra_body']);
export type Tier3Location = z.infer<typeof Tier3Location>;

const Scalar = z.union([z.number(), z.string(), z.boolean()]);

const paramSpecFields = {
  name: z.string().min(1),
  /** 1 universal, 2 common (per-provider support), 3 provider-specific passthrough (documented, sent as-is). */
  tier: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  type: ParamType,
  min: z.number().optional(),
  max: z.number().optional(),
  default: z.unknown().optional(),
  step: z.number().positive().optional(),
  /** Allowed values of an `enum` for this provider/model. */
  values: z.array(z.string()).optional(),
  supported: z.boolean(),
  /** Why a parameter is unsupported (or what happens to it). */
  reason: z.string().optional(),
  notes: z.string().optional(),
  /** The field name on the wire when it differs from `name` (Mistral `seed` → `random_seed`). */
  wire_name: z.string().optional(),
  /** Other input spellings accepted for this parameter (`max_completion_tokens` for `max_tokens`). */
  aliases: z.array(z.string()).optional(),
  /** The only value the model accepts: a user value is replaced by it (GPT-5 `temperature` → 1). */
  locked: Scalar.optional(),
  /** What happens to an unsupported parameter: `drop` (default) removes it, `warn` sends it with a warning. */
  unsupported_action: z.enum(['drop', 'warn']).optional(),
  /** Maximum number of entries of a `string_array` (OpenAI accepts up to 4 stop sequences). */
  max_items: z.number().int().positive().optional(),
  /** Ordered scale of an `enum`: a value on the scale but not in `values` moves to the nearest allowed one. */
  scale: z.array(z.string()).optional(),
  /** Explicit value translations applied before the scale (`high` → `default` for Groq's Qwen3). */
  value_map: z.record(z.string(), z.string()).optional(),
  /** Body fields that replace the parameter for a value (`reasoning_effort: high` → Anthropic `thinking`). */
  wire_map: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
};

/** Everything the registry knows about one parameter of one provider. */
export const ParamSpec = z.strictObject(paramSpecFields);
export type ParamSpec = z.infer<typeof ParamSpec>;

/** The part of a {@link ParamSpec} a model override may change. */
export const ParamSpecPatch = ParamSpec.omit({ name: true, tier: true }).partial();
export type ParamSpecPatch = z.infer<typeof ParamSpecPatch>;

/**
 * Per-model changes, matched by glob against the bare model id (case-insensitive, `*` wildcard, `|` alternation,
 * whole-id match). Every matching override applies, in order; later ones win field by field.
 */
export const ModelOverride = z.strictObject({
  pattern: z.string().min(1),
  /** Models matching `pattern` but also `exclude` are not affected. */
  exclude: z.string().min(1).optional(),
  params: z.record(z.string(), ParamSpecPatch),
  /** Wire renames for this model (`max_tokens` → `max_completion_tokens` on OpenAI reasoning models). */
  rename: z.record(z.string(), z.string()).optional(),
  notes: z.string(),
});
export type ModelOverride = z.infer<typeof ModelOverride>;

/**
 * When a conflict rule fires. All given clauses must hold. Paths are parameter names or dotted paths into
 * passthrough objects (`thinking.type`). `in` needs the value present and listed; `none_of` holds when the
 * value is absent or not listed; `lt`/`gt` need a number.
 */
export const ConflictCondition = z.strictObject({
  model: z.string().min(1).optional(),
  present: z.array(z.string()).optional(),
  absent: z.array(z.string()).optional(),
  in: z.record(z.string(), z.array(z.unknown())).optional(),
  none_of: z.record(z.string(), z.array(z.unknown())).optional(),
  lt: z.record(z.string(), z.number()).optional(),
  gt: z.record(z.string(), z.number()).optional(),
});
export type ConflictCondition = z.infer<typeof ConflictCondition>;

/** What a fired rule does: drop parameters, clamp one into a range, or only warn. */
export const ConflictResolution = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('drop'), params: z.array(z.string()).min(1) }),
  z.strictObject({
    action: z.literal('clamp'),
    param: z.string(),
    min: z.number().optional(),
    max: z.number().optional(),
  }),
  z.strictObject({ action: z.literal('warn'), params: z.array(z.string()).min(1) }),
]);
export type ConflictResolution = z.infer<typeof ConflictResolution>;

/** A documented incompatibility between parameters (or a parameter and a model) with its resolution. */
export const ConflictRule = z.strictObject({
  id: z.string().regex(/^[a-z0-9_]+$/),
  when: ConflictCondition,
  resolution: ConflictResolution,
  description: z.string().min(1),
});
export type ConflictRule = z.infer<typeof ConflictRule>;

/** A page an entry was checked against: an https URL, or `repo:<path>` for a file of this repository. */
export const SourceRef = z.strictObject({
  title: z.string().min(1),
  url: z.string().regex(/^(https:\/\/\S+|repo:\S+)$/, 'an https URL or repo:<path>'),
});
export type SourceRef = z.infer<typeof SourceRef>;

/** The registry entry of one provider. */
export const ProviderEntry = z.strictObject({
  id: ProviderId,
  display_name: z.string().min(1),
  source: z.array(SourceRef).min(1),
  notes: z.string(),
  tier3_location: Tier3Location,
  /** The endpoint answers 4xx to fields it does not know (so unknown passthrough keys are risky). */
  rejects_unknown: z.boolean(),
  params: z.record(z.string(), ParamSpec),
  model_overrides: z.array(ModelOverride),
  conflicts: z.array(ConflictRule),
  /** Tier-3 keys documented for this provider: they pass through without an "unknown key" warning. */
  passthrough_known: z.array(z.string()),
});
export type ProviderEntry = z.infer<typeof ProviderEntry>;

/** The whole registry: one entry per provider id. */
export const Registry = z.strictObject({
  version: z.string().min(1),
  providers: z.record(ProviderId, ProviderEntry),
});
export type Registry = z.infer<typeof Registry>;
