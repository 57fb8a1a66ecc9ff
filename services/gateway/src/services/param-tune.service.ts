import {
  AppError,
  type ParamTuneConfig,
  type JobAccepted,
  type ParamTuneRequest,
  type RunTarget,
} from '@llmbench/contracts';
import { json, type ExperimentRepository, type ParamTuneRepository, type UserRepository } from '@llmbench/db';
import { announceAndEnqueue, type EventBus, type JobLifecycle, type QueueName } from '@llmbench/queue';
import { mulberry32, shuffle } from '@llmbench/tuning';
import type { Queue } from 'bullmq';
import { checkMonthlyBudget } from './budget-check.js';
import { modelPrices } from './target-lookup.js';
import { snapshotSuite } from './suite-selection.js';
import type { ParamTunePlanner, PlannedTune } from './param-tune-preview.service.js';

const DEFAULT_SEED = 42;
const UNIT_CONCURRENCY = 4;

type Deps = {
  planner: ParamTunePlanner;
  paramTunes: ParamTuneRepository;
  experiments: ExperimentRepository;
  users: UserRepository;
  queues: Record<QueueName, Queue>;
  bus: EventBus;
  lifecycle: JobLifecycle;
};

/** `POST /api/tool-eval/param-tune`: plans, checks the budget cap, stores the plan and enqueues the tune. */
export class ParamTuneSubmissionService {
  constructor(private readonly deps: Deps) {}

  async submit(userId: string, req: ParamTuneRequest): Promise<JobAccepted> {
    const planned = await this.deps.planner.plan(userId, req);
    if (req.experiment_id && !(await this.deps.experiments.get(userId, req.experiment_id)))
      throw new AppError('not_found', 'experiment_id: experiment not found', [
        { path: 'body.experiment_id', message: 'not found' },
      ]);
    await checkMonthlyBudget(this.deps.users, userId, planned.plan.estimated_cost_usd, req.confirm);
    const { job, tuneId } = await this.store(userId, req, planned);
    await announceAndEnqueue(this.deps, job, tuneId, 'param-tune', {
      job_id: job.id,
      user_id: userId,
      tune_id: tuneId,
    });
    return { job_id: job.id, run_id: tuneId, status: 'queued', events_url: `/api/jobs/${job.id}/events` };
  }

  private store(userId: string, req: ParamTuneRequest, { suite, cases, found, spaces, plan }: PlannedTune) {
    const seed = req.seed ?? DEFAULT_SEED;
    const targets = found.map(({ target, provider, model }): RunTarget => ({
      ...target,
      display_name: model.display_name ?? target.model_id,
      provider: provider.provider,
      base_url: provider.base_url,
      system_prompt: suite.system_prompt === '' ? null : suite.system_prompt,
      params: {},
      prices: modelPrices(model),
      adjustments: [],
    }));
    const config: ParamTuneConfig = {
      strategy: req.strategy,
      repeats: req.repeats,
      tool_choice: req.tool_choice,
      n_samples: req.n_samples ?? null,
      seed,
      budget: req.budget ?? null,
      // Halving rungs take prefixes of this order: shuffled so a prefix is not one category of cases.
      case_order: shuffle(
        mulberry32(seed),
        cases.map((c) => c.id),
      ),
      concurrency: UNIT_CONCURRENCY,
      warnings: plan.warnings,
    };
    return this.deps.paramTunes.createWithJob(
      { user_id: userId, type: 'param_tune', payload: json(req) },
      {
        suite_id: suite.id,
        strategy: req.strategy,
        search_space: json(spaces.search_space),
        per_model_search_spaces: spaces.per_model_search_spaces ? json(spaces.per_model_search_spaces) : null,
        targets: json(targets),
        config: json(config),
        results: json([]),
        experiment_id: req.experiment_id ?? null,
      },
      {
        suite_id: suite.id,
        suite_name: suite.name,
        config: json({ tool_choice: req.tool_choice, repeats: req.repeats }),
        targets: json(targets),
        suite_snapshot: json(snapshotSuite(suite, cases)),
        total_cases: cases.length,
        experiment_id: null,
      },
      plan.targets.flatMap((t) =>
        t.combos.map((c, i) => ({
          provider_key: t.provider_key,
          model_id: t.model_id,
          combo_index: i,
          combo_key: c.key,
          config: json(c.config),
          params: json(c.params),
          requested: json(c.requested),
          adjustments: json(c.adjustments as unknown as Record<string, unknown>[]),
        })),
      ),
    );
  }
}
