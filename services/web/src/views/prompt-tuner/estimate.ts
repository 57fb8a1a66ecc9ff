/**
 * The prompt-tune estimate for a chosen subset of cases, computed as the gateway does (its
 * `GET …/estimate` covers whole suites only): the held-out split, then the tuner's call counts.
 */
export function subsetEstimate(s: {
  mode: 'quick' | 'evolutionary';
  population_size: number;
  generations: number;
  cases: number;
  models: number;
  /** Held-out share; undefined = 0.3 from 10 cases on, else none. */
  validation_split?: number;
}) {
  const share = s.validation_split ?? (s.cases >= 10 ? 0.3 : 0);
  const held = Math.min(s.cases - 1, Math.round(s.cases * share));
  const validation = held > 0 ? held : 0;
  const train = s.cases - validation;
  const generations = s.mode === 'quick' ? 1 : s.generations;
  const prompts = generations * s.population_size;
  const evalCalls = (1 + prompts) * train * s.models + (validation > 0 ? 2 * validation * s.models : 0);
  const apiCalls = generations + evalCalls;
  return {
    generations,
    total_prompts: prompts,
    meta_calls: generations,
    eval_calls: evalCalls,
    api_calls: apiCalls,
    // ~1 s per eval call, 4 at a time, and ~5 s per meta call (the gateway's figures).
    estimated_duration_s: Math.round(evalCalls / 4 + generations * 5),
    estimated_cost_usd: null,
    warnings:
      apiCalls > 100
        ? [`${apiCalls} API calls: consider fewer generations, a smaller population or fewer cases`]
        : [],
    train_cases: train,
    validation_cases: validation,
  };
}
