/** Input of {@link estimatePromptTune}. */
export interface PromptTuneShape {
  mode: 'quick' | 'evolutionary';
  population_size: number;
  generations: number;
  train_cases: number;
  validation_cases: number;
  models: number;
}

/**
 * What a prompt tune will call, as the tuner runs it: the base prompt on the training cases, one meta
 * call and `population_size` new prompts per generation (quick: one generation), and — with held-out
 * cases — the base and the best prompt re-scored on them. Near-duplicates the tuner skips are reported
 * as saved calls, so for a run that is not cancelled: calls made + calls saved = this estimate.
 */
export function estimatePromptTune(s: PromptTuneShape) {
  const generations = s.mode === 'quick' ? 1 : s.generations;
  const prompts = generations * s.population_size;
  const evalCalls =
    (1 + prompts) * s.train_cases * s.models +
    (s.validation_cases > 0 ? 2 * s.validation_cases * s.models : 0);
  return {
    generations,
    total_prompts: prompts,
    meta_calls: generations,
    eval_calls: evalCalls,
    api_calls: generations + evalCalls,
  };
}
