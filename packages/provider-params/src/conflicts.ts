import { matchGlob } from './glob.js';
import type { ConflictCondition, ConflictRule } from './schemas/registry.schema.js';
import { deepEqual, getPath } from './values.js';

/**
 * Whether a conflict condition holds for a model and a request view (parameter names → values, with
 * passthrough objects reachable by dotted paths).
 *
 * @example
 * conditionHolds({ in: { 'thinking.type': ['enabled'] } }, 'claude-sonnet-4-5', { thinking: { type: 'enabled' } }) // true
 * @param when - the rule's condition
 * @param model - the bare model id
 * @param view - the request as it would be sent, by parameter name
 * @returns true when every clause holds
 */
export function conditionHolds(
  when: ConflictCondition,
  model: string,
  view: Record<string, unknown>,
): boolean {
  const at = (path: string): unknown => getPath(view, path);
  const listed = (path: string, values: unknown[]): boolean => values.some((v) => deepEqual(v, at(path)));
  const num = (path: string): number | undefined => {
    const v = at(path);
    return typeof v === 'number' ? v : undefined;
  };
  if (when.model && !matchGlob(when.model, model)) return false;
  if (when.present && !when.present.every((p) => at(p) !== undefined)) return false;
  if (when.absent && !when.absent.every((p) => at(p) === undefined)) return false;
  if (when.in && !Object.entries(when.in).every(([p, vs]) => at(p) !== undefined && listed(p, vs)))
    return false;
  if (when.none_of && !Object.entries(when.none_of).every(([p, vs]) => !listed(p, vs))) return false;
  if (when.lt && !Object.entries(when.lt).every(([p, n]) => (num(p) ?? Infinity) < n)) return false;
  if (when.gt && !Object.entries(when.gt).every(([p, n]) => (num(p) ?? -Infinity) > n)) return false;
  return true;
}

/**
 * The rules that fire for a request, in declaration order (no resolution applied).
 *
 * @param rules - a provider's conflict rules
 * @param model - the bare model id
 * @param view - the request by parameter name
 * @returns the firing rules
 */
export function firingRules(
  rules: readonly ConflictRule[],
  model: string,
  view: Record<string, unknown>,
): ConflictRule[] {
  return rules.filter((rule) => conditionHolds(rule.when, model, view));
}
