import { AppError, type ParamTuneRequest } from '@llmbench/contracts';
import { validationError } from '../http/validate.js';
import { lookupTargets, modelPrices, unknownTargetKeys } from './target-lookup.js';
import type { ProviderRepository, SuiteRepository } from '@llmbench/db';
import { planTuning, type PlanTarget } from '@llmbench/tuning';

// ~4 characters per token; tools and the system prompt are sent with every call.
const CHARS_PER_TOKEN = 4;
const COMPLETION_TOKENS = 60;

/** `POST /api/tool-eval/param-tune/preview`: what a sweep would run and cost, before running it. */
export class ParamTunePreviewService {
  constructor(private readonly deps: { suites: SuiteRepository; providers: ProviderRepository }) {}

  private async planTargets(userId: string, req: ParamTuneRequest): Promise<PlanTarget[]> {
    const { found, details } = lookupTargets(await this.deps.providers.listByUser(userId), req.targets);
    details.push(
      ...unknownTargetKeys(req.per_model_search_spaces, req.targets, 'body.per_model_search_spaces'),
    );
    if (details.length > 0) throw validationError(details);
    return found.map(({ target, provider, model }) => ({
      ...target,
      provider: provider.provider,
      skip_params: model.skip_params,
      max_concurrency: provider.max_concurrency,
      prices: modelPrices(model),
    }));
  }

  async preview(userId: string, req: ParamTuneRequest) {
    const suite = await this.deps.suites.get(userId, req.suite_id);
    if (!suite)
      throw new AppError('not_found', 'suite_id: tool suite not found', [
        { path: 'body.suite_id', message: 'not found' },
      ]);
    const cases = await this.deps.suites.listCases(userId, req.suite_id);
    const selected = req.case_ids ? cases.filter((c) => req.case_ids?.includes(c.id)) : cases;
    const avgPrompt = selected.reduce((n, c) => n + c.prompt.length, 0) / Math.max(1, selected.length);
    const promptTokens = Math.ceil(
      (suite.system_prompt.length + JSON.stringify(suite.tools).length + avgPrompt) / CHARS_PER_TOKEN,
    );
    const { plan, errors } = planTuning({
      targets: await this.planTargets(userId, req),
      search_space: req.search_space,
      per_model_search_spaces: req.per_model_search_spaces,
      strategy: req.strategy,
      n_samples: req.n_samples,
      max_calls: req.budget?.max_calls,
      repeats: req.repeats,
      cases: selected.length,
      tokens_per_call: { prompt: promptTokens, completion: COMPLETION_TOKENS },
    });
    if (!plan) throw validationError(errors.map((e) => ({ path: `body.${e.path}`, message: e.message })));
    return {
      ...plan,
      cases: selected.length,
      targets: plan.targets.map((t) => ({
        ...t,
        combinations: t.combos.length,
        combos: t.combos.slice(0, 500),
      })),
    };
  }
}
