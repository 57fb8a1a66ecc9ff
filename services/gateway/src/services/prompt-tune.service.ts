import {
  AppError,
  targetKey,
  type JobAccepted,
  type PromptTuneConfig,
  type PromptTuneEstimateQuery,
  type PromptTuneRequest,
  type RunTarget,
  type Target,
} from '@llmbench/contracts';
import {
  json,
  type ExperimentRepository,
  type PromptLibraryRepository,
  type PromptTuneRepository,
  type ProviderRepository,
  type SuiteRepository,
  type UserRepository,
} from '@llmbench/db';
import { announceAndEnqueue, type EventBus, type JobLifecycle, type QueueName } from '@llmbench/queue';
import { buildRequestParams } from '@llmbench/provider-params';
import { estimatePromptTune, splitCases } from '@llmbench/tuning';
import type { Queue } from 'bullmq';
import { lookupTargets, modelPrices } from './target-lookup.js';
import { selectSuiteCases, snapshotSuite } from './suite-selection.js';
import { paramErrors } from './provider-params.service.js';
import { validationError } from '../http/validate.js';
import { checkMonthlyBudget } from './budget-check.js';

const DEFAULT_SEED = 42;
// Rough per-call figures for the duration and cost estimate (tools and prompt are sent every call).
const SECONDS_PER_EVAL_CALL = 1;
const SECONDS_PER_META_CALL = 5;

type Deps = {
  suites: SuiteRepository;
  providers: ProviderRepository;
  promptTunes: PromptTuneRepository;
  library: PromptLibraryRepository;
  experiments: ExperimentRepository;
  users: UserRepository;
  queues: Record<QueueName, Queue>;
  bus: EventBus;
  lifecycle: JobLifecycle;
};

/** `POST /api/tool-eval/prompt-tune` and its estimate. */
export class PromptTuneService {
  constructor(private readonly deps: Deps) {}

  /**
   * Finds the targets and the meta target among the user's providers.
   * @returns what was found, and a 400 detail per miss naming `where`'s field
   */
  private async findTargets(userId: string, targets: Target[], meta: Target | undefined, where: Where) {
    const providers = await this.deps.providers.listByUser(userId);
    const { found, details } = lookupTargets(providers, targets);
    const metaMisses = meta ? lookupTargets(providers, [meta]).details : [];
    details.push(
      ...metaMisses.map((d) => ({ ...d, path: d.path.replace('body.targets.0', 'body.meta_target') })),
    );
    return { found, details: details.map((d) => ({ ...d, path: atField(d.path, where) })) };
  }

  private async resolve(userId: string, req: PromptTuneRequest) {
    const { found, details } = await this.findTargets(userId, req.targets, req.meta_target, 'body');
    const targets = found.map(({ target, provider, model }): RunTarget => {
      const built = buildRequestParams({
        provider: provider.provider,
        model_id: target.model_id,
        params: { temperature: req.config.temperature },
        skip_params: model.skip_params,
        base_url: provider.base_url,
      });
      details.push(...paramErrors(built, 'body.config'));
      return {
        ...target,
        display_name: model.display_name ?? target.model_id,
        provider: provider.provider,
        base_url: provider.base_url,
        system_prompt: null,
        params: built.params,
        prices: modelPrices(model),
        adjustments: built.adjustments,
      };
    });
    if (details.length > 0) throw validationError(details);
    return targets;
  }

  private async basePrompt(userId: string, req: PromptTuneRequest, suitePrompt: string): Promise<string> {
    if (req.base_prompt_id) {
      const saved = await this.deps.library.get(userId, req.base_prompt_id);
      if (!saved)
        throw new AppError('not_found', 'base_prompt_id: prompt not found', [
          { path: 'body.base_prompt_id', message: 'not found' },
        ]);
      return saved.prompt;
    }
    return req.base_prompt ?? suitePrompt;
  }

  async submit(userId: string, req: PromptTuneRequest): Promise<JobAccepted & { warnings: string[] }> {
    const suite = await this.deps.suites.get(userId, req.suite_id);
    if (!suite)
      throw new AppError('not_found', 'suite_id: tool suite not found', [
        { path: 'body.suite_id', message: 'not found' },
      ]);
    const targets = await this.resolve(userId, req);
    const cases = await selectSuiteCases(this.deps.suites, userId, req.suite_id, req.case_ids);
    if (req.experiment_id && !(await this.deps.experiments.get(userId, req.experiment_id)))
      throw new AppError('not_found', 'experiment_id: experiment not found', [
        { path: 'body.experiment_id', message: 'not found' },
      ]);
    const seed = req.seed ?? DEFAULT_SEED;
    const split = splitCases(
      cases.map((c) => c.id),
      req.config.validation_split,
      seed,
    );
    const warnings = metaWarnings(req.targets, req.meta_target);
    const estimate = this.estimateFor(req, split.train.length, split.validation.length, targets);
    await checkMonthlyBudget(this.deps.users, userId, estimate.estimated_cost_usd, req.confirm);
    const base = await this.basePrompt(userId, req, suite.system_prompt);
    const config: PromptTuneConfig = {
      ...req.config,
      generations: req.mode === 'quick' ? 1 : req.config.generations,
      mode: req.mode,
      objective: req.objective,
      seed,
      budget: req.budget ?? null,
      train_case_ids: split.train,
      validation_case_ids: split.validation,
      warnings,
    };
    const { job, tuneId } = await this.deps.promptTunes.createWithJob(
      { user_id: userId, type: 'prompt_tune', payload: json(req) },
      {
        suite_id: suite.id,
        mode: req.mode,
        base_prompt: base,
        targets: json(targets),
        meta_target: json(req.meta_target),
        config: json(config),
        generations: json([]),
        total_prompts: estimate.total_prompts,
        experiment_id: req.experiment_id ?? null,
      },
      {
        suite_id: suite.id,
        suite_name: suite.name,
        config: json({ tool_choice: req.config.tool_choice, temperature: req.config.temperature }),
        targets: json(targets),
        suite_snapshot: json(snapshotSuite(suite, cases)),
        total_cases: cases.length,
        experiment_id: null,
      },
      { generation: 0, idx: 0, prompt: base, style: 'base', parent_ids: json([]), mutation_type: null },
    );
    await announceAndEnqueue(this.deps, job, tuneId, 'prompt-tune', {
      job_id: job.id,
      user_id: userId,
      tune_id: tuneId,
    });
    return {
      job_id: job.id,
      run_id: tuneId,
      status: 'queued',
      events_url: `/api/jobs/${job.id}/events`,
      warnings,
    };
  }

  private estimateFor(
    shape: { mode: 'quick' | 'evolutionary'; config: { population_size: number; generations: number } },
    train: number,
    validation: number,
    targets: { prices: RunTarget['prices'] }[],
  ) {
    const e = estimatePromptTune({
      mode: shape.mode,
      population_size: shape.config.population_size,
      generations: shape.config.generations,
      train_cases: train,
      validation_cases: validation,
      models: targets.length,
    });
    const priced = targets.length > 0 && targets.every((t) => t.prices !== null);
    // ~600 prompt and ~60 completion tokens per eval call.
    const perCall =
      targets.reduce(
        (s, t) => s + (t.prices ? (600 * t.prices.input_per_mtok + 60 * t.prices.output_per_mtok) / 1e6 : 0),
        0,
      ) / Math.max(1, targets.length);
    return {
      ...e,
      estimated_duration_s: Math.round(
        (e.eval_calls * SECONDS_PER_EVAL_CALL) / 4 + e.meta_calls * SECONDS_PER_META_CALL,
      ),
      estimated_cost_usd: priced ? Math.round(e.eval_calls * perCall * 1e4) / 1e4 : null,
      warnings:
        e.api_calls > 100
          ? [`${e.api_calls} API calls: consider fewer generations, a smaller population or case_ids`]
          : [],
    };
  }

  /**
   * `GET /api/tool-eval/prompt-tune/estimate`: what a tune of this shape would call, as the submit
   * estimates it (the same split of the chosen cases, the same prices of the named targets).
   */
  async estimate(userId: string, q: PromptTuneEstimateQuery) {
    if (!(await this.deps.suites.get(userId, q.suite_id)))
      throw new AppError('not_found', 'suite_id: tool suite not found', [
        { path: 'query.suite_id', message: 'not found' },
      ]);
    if (q.targets && q.num_models !== undefined && q.num_models !== q.targets.length)
      throw validationError([
        { path: 'query.num_models', message: `${q.targets.length} targets are named: leave num_models out` },
      ]);
    const { found, details } = await this.findTargets(userId, q.targets ?? [], q.meta_target, 'query');
    if (details.length > 0) throw validationError(details);
    const cases = await inQuery(() => selectSuiteCases(this.deps.suites, userId, q.suite_id, q.case_ids));
    const split = splitCases(
      cases.map((c) => c.id),
      q.validation_split,
      DEFAULT_SEED,
    );
    // Unnamed models are counted but not priced.
    const priced = q.targets
      ? found.map(({ model }) => ({ prices: modelPrices(model) }))
      : Array.from({ length: q.num_models ?? 1 }, () => ({ prices: null }));
    const estimate = this.estimateFor(
      { mode: q.mode, config: q },
      split.train.length,
      split.validation.length,
      priced,
    );
    return {
      ...estimate,
      warnings: [
        ...(q.targets && q.meta_target ? metaWarnings(q.targets, q.meta_target) : []),
        ...estimate.warnings,
      ],
      train_cases: split.train.length,
      validation_cases: split.validation.length,
    };
  }
}

type Where = 'body' | 'query';

/** A request field's path as the estimate's query names it (the shared checks name body fields). */
const atField = (path: string, where: Where) => path.replace(/^body\./, `${where}.`);

/** Runs the submit's checks for the estimate: their 400s name the query's fields. */
async function inQuery<T>(check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (e) {
    if (e instanceof AppError && e.code === 'validation_failed' && e.details)
      throw validationError(e.details.map((d) => ({ ...d, path: atField(d.path, 'query') })));
    throw e;
  }
}

function metaWarnings(targets: Target[], meta: Target): string[] {
  return targets.some((t) => targetKey(t) === targetKey(meta))
    ? [`the meta-model ${targetKey(meta)} is also a target: it may favour prompts in its own style`]
    : [];
}
