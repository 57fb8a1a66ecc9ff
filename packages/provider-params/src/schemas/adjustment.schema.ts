import { z } from 'zod';

/**
 * What the pipeline did to a parameter: `clamped` (value changed to fit), `dropped` (not sent), `renamed`
 * (sent under another field or mapped to other fields), `warn` (sent unchanged, with a warning).
 */
export const ADJUSTMENT_ACTIONS = ['clamped', 'dropped', 'renamed', 'warn'] as const;
/** One of {@link ADJUSTMENT_ACTIONS}. */
export const AdjustmentAction = z.enum(ADJUSTMENT_ACTIONS);
export type AdjustmentAction = z.infer<typeof AdjustmentAction>;

/**
 * One change (or warning) the pipeline made to a request. `original` is the value as given, `value` the value
 * sent (`null` when dropped). A rename also names the field it became in `to`.
 */
export const Adjustment = z.strictObject({
  param: z.string(),
  action: AdjustmentAction,
  original: z.unknown(),
  value: z.unknown(),
  reason: z.string(),
  to: z.string().optional(),
});
export type Adjustment = z.infer<typeof Adjustment>;

/** A bad input: `path` names the field (`params.temperature`, `passthrough`, `provider`). */
export const ParamError = z.strictObject({ path: z.string(), message: z.string() });
export type ParamError = z.infer<typeof ParamError>;
