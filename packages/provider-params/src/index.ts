export {
  ConflictCondition,
  ConflictResolution,
  ConflictRule,
  ModelOverride,
  PARAM_TYPES,
  ParamSpec,
  ParamSpecPatch,
  ParamType,
  ProviderEntry,
  Registry,
  SourceRef,
  Tier3Location,
} from './schemas/registry.schema.js';
export { ADJUSTMENT_ACTIONS, Adjustment, AdjustmentAction, ParamError } from './schemas/adjustment.schema.js';
export {
  REGISTRY,
  REGISTRY_VERSION,
  type ResolvedSpecs,
  getProviderEntry,
  isProviderId,
  overrideMatches,
  resolveParamSpecs,
  wireKey,
} from './registry.js';
export { type IdentifiedProvider, type ProviderMatch, identifyProvider } from './identify.js';
export { type BuildRequestInput, type BuildRequestResult, buildRequestParams } from './build-request.js';
export { conditionHolds, firingRules } from './conflicts.js';
export { type ClampResult, clampToSpec } from './clamp.js';
export { rangeError, typeError } from './validate.js';
export { type SearchSpaceInput, type SearchSpaceResult, clampSearchSpace } from './search-space.js';
export { MAX_RANGE_VALUES, type RangeSpec, expandRange } from './expand-range.js';
export { matchGlob } from './glob.js';
export { REASONING_EFFORT_SCALE, type ReasoningEffort } from './values.js';
