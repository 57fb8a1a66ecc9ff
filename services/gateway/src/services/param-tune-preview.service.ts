import { AppError, type ParamTuneRequest } from '@llmbench/contracts';
import type { PresetRepository, ProviderRepository, SuiteRepository } from '@llmbench/db';
import { planTuning, type TuningPlan } from '@llmbench/tuning';
import { validationError } from '../http/validate.js';
import { lookupTargets, modelPrices, unknownTargetKeys, type FoundTarget } from './target-lookup.js';
import { resolvePresetSpaces } from './presets.js';
import { selectSuiteCases } from './suite-selection.js';

// ~4 characters per token; tools and the system prompt are sent with every call.
const CHARS_PER_TOKEN = 4;
const COMPLETION_TOKENS = 60;

type Deps = { suites: SuiteRepository; providers: ProviderRepository; presets: PresetRepository };

/** A validated tuning request with its plan, as both the preview and the start endpoint need it. */
export type PlannedTune = Awaited<ReturnType<ParamTunePlanner['plan']>>;

/**
 * Turns a param-tune request into a plan: targets resolved against the user's providers, the
 * search space (or preset) expanded per model through the provider pipeline and de-duplicated,
 * calls, duration and cost estimated. Bad input is a 400 naming the field or dimension.
 */
export class ParamTunePlanner {
  constructor(private readonly deps: Deps) {}

  private async targets(userId: string, req: ParamTuneRequest): Promise<FoundTarget[]> {
    const { found, details } = lookupTargets(await this.deps.providers.listByUser(userId), req.targets);
    details.push(
      ...unknownTargetKeys(req.per_model_search_spaces, req.targets, 'body.per_model_search_spaces'),
    );
    if (details.length > 0) throw validationError(details);
    return found;
  }

  async plan(userId: string, req: ParamTuneRequest) {
    const suite = await this.deps.suites.get(userId, req.suite_id);
    if (!suite)
      throw new AppError('not_found', 'suite_id: tool suite not found', [
        { path: 'body.suite_id', message: 'not found' },
      ]);
    const cases = await selectSuiteCases(this.deps.suites, userId, req.suite_id, req.case_ids);
    const spaces = await resolvePresetSpaces(this.deps.presets, userId, req);
    const found = await this.targets(userId, req);
    const avgPrompt = cases.reduce((n, c) => n + c.prompt.length, 0) / Math.max(1, cases.length);
    const promptTokens = Math.ceil(
      (suite.system_prompt.length + JSON.stringify(suite.tools).length + avgPrompt) / CHARS_PER_TOKEN,
    );
    const { plan, errors } = planTuning({
      targets: found.map(({ target, provider, model }) => ({
        ...target,
        provider: provider.provider,
        skip_params: model.skip_params,
        max_concurrency: provider.max_concurrency,
        prices: modelPrices(model),
      })),
      ...spaces,
      strategy: req.strategy,
      n_samples: req.n_samples,
      max_calls: req.budget?.max_calls,
      repeats: req.repeats,
      cases: cases.length,
      tokens_per_call: { prompt: promptTokens, completion: COMPLETION_TOKENS },
    });
    if (!plan) throw validationError(errors.map((e) => ({ path: `body.${e.path}`, message: e.message })));
    return { suite, cases, found, spaces, plan: withRepeatHint(plan, req) };
  }

  /** `POST /api/tool-eval/param-tune/preview`. */
  async preview(userId: string, req: ParamTuneRequest) {
    const { plan, cases } = await this.plan(userId, req);
    return {
      ...plan,
      cases: cases.length,
      targets: plan.targets.map((t) => ({
        ...t,
        combinations: t.combos.length,
        combos: t.combos.slice(0, 500),
      })),
    };
  }
}

/** One run at temperature > 0 is noise: say so when no repeats were asked for. */
function withRepeatHint(plan: TuningPlan, req: ParamTuneRequest): TuningPlan {
  const sampled = plan.targets.some((t) =>
    t.combos.some((c) => typeof c.params.temperature === 'number' && c.params.temperature > 0),
  );
  if (!sampled || req.repeats > 1) return plan;
  return {
    ...plan,
    warnings: [
      ...plan.warnings,
      'combinations with temperature > 0 are stochastic: consider repeats ≥ 3 for confidence intervals that can separate them',
    ],
  };
}
