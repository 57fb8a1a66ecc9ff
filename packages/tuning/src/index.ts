export { type Rng, choice, mulberry32, randInt, shuffle, uniform, weightedIndex } from './rng.js';
export {
  type Config,
  type ExpandedDimension,
  type ParseSearchSpaceOptions,
  type ParsedSearchSpace,
  type SearchSpaceIssue,
  Dimension,
  JsonScalar,
  MAX_COMBINATIONS,
  RangeDimension,
  SearchSpace,
  comboKey,
  countCombinations,
  gridCombinations,
  parseSearchSpace,
} from './search-space.js';
export { type ClampDimensionsInput, type ClampDimensionsResult, clampDimensions } from './clamp-space.js';
export { sampleRandom } from './samplers/random.js';
export { type Observation, type TpeOptions, proposeTpe } from './samplers/tpe.js';
export {
  type HalvingOptions,
  type Rung,
  type RungResult,
  halvingSchedule,
  promote,
} from './samplers/halving.js';
export {
  type ConfidenceInterval,
  type ScoredCombo,
  ci95,
  indistinguishableFromBest,
  mean,
  sampleSd,
  studentTwoSidedP,
  welchTTest,
} from './stats.js';
export { type BudgetExhaustion, type BudgetLimits, type Clock, BudgetTracker } from './budget.js';
export * from './plan.js';
export * from './driver.js';
export * from './case-scores.js';
export * from './prompt/index.js';
