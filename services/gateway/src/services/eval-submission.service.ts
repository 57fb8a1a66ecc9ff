import {
  AppError,
  targetKey,
  type CreateEvalRequest,
  type EvalJudgeOptions,
  type Target,
  type JobAccepted,
  type RunTarget,
} from '@llmbench/contracts';
import {
  json,
  type EvalRunRepository,
  type JudgeRepository,
  type ExperimentRepository,
  type ProviderRepository,
  type SuiteRepository,
} from '@llmbench/db';
import { announceAndEnqueue, type EventBus, type JobLifecycle, type QueueName } from '@llmbench/queue';
import type { Queue } from 'bullmq';
import { buildRequestParams } from '@llmbench/provider-params';
import { paramErrors } from './provider-params.service.js';
import { lookupTargets, modelPrices, unknownTargetKeys } from './target-lookup.js';
import { validationError } from '../http/validate.js';
import { selectSuiteCases, snapshotSuite } from './suite-selection.js';

type Deps = {
  suites: SuiteRepository;
  providers: ProviderRepository;
  evalRuns: EvalRunRepository;
  experiments: ExperimentRepository;
  queues: Record<QueueName, Queue>;
  bus: EventBus;
  lifecycle: JobLifecycle;
  judges: JudgeRepository;
  checkJudges: (userId: string, req: EvalJudgeOptions, path: string) => Promise<Target[]>;
};

/** Validates an eval request against the user's data, snapshots what it will use, and enqueues it. */
export class EvalSubmissionService {
  constructor(private readonly deps: Deps) {}

  /** Every target must name one of the user's providers and one of its models. */
  private async resolveTargets(
    userId: string,
    req: CreateEvalRequest,
    suitePrompt: string,
  ): Promise<RunTarget[]> {
    const { found, details } = lookupTargets(await this.deps.providers.listByUser(userId), req.targets);
    const resolved = found.map(({ target, provider, model }): RunTarget => {
      const prompt =
        typeof req.system_prompt === 'string'
          ? req.system_prompt
          : (req.system_prompt?.[targetKey(target)] ?? suitePrompt);
      // Every request goes through the provider-parameter pipeline: what the run records is what is sent.
      const built = buildRequestParams({
        provider: provider.provider,
        model_id: target.model_id,
        // Precedence: product default < the model's stored defaults (e.g. an applied tune) < the request.
        params: {
          temperature: 0,
          ...(model.default_params ?? {}),
          ...(req.temperature === undefined ? {} : { temperature: req.temperature }),
          ...req.params,
        },
        passthrough: req.passthrough,
        skip_params: model.skip_params,
        base_url: provider.base_url,
      });
      details.push(...paramErrors(built, 'body'));
      return {
        ...target,
        display_name: model.display_name ?? target.model_id,
        provider: provider.provider,
        base_url: provider.base_url,
        system_prompt: prompt === '' ? null : prompt,
        params: built.params,
        prices: modelPrices(model),
        adjustments: built.adjustments,
      };
    });
    if (typeof req.system_prompt === 'object')
      details.push(...unknownTargetKeys(req.system_prompt, req.targets, 'body.system_prompt'));
    if (details.length > 0) throw validationError(details);
    return resolved;
  }

  async submit(userId: string, req: CreateEvalRequest): Promise<JobAccepted> {
    const suite = await this.deps.suites.get(userId, req.suite_id);
    if (!suite)
      throw new AppError('not_found', 'suite_id: tool suite not found', [
        { path: 'body.suite_id', message: 'not found' },
      ]);
    const targets = await this.resolveTargets(userId, req, suite.system_prompt);
    const cases = await selectSuiteCases(this.deps.suites, userId, req.suite_id, req.case_ids);
    if (req.experiment_id && !(await this.deps.experiments.get(userId, req.experiment_id))) {
      throw new AppError('not_found', 'experiment_id: experiment not found', [
        { path: 'body.experiment_id', message: 'not found' },
      ]);
    }
    // The run keeps its own copy of the tools and cases: editing the suite later never rewrites history.
    const snapshot = snapshotSuite(suite, cases);
    const judge = req.judge?.enabled ? req.judge : undefined;
    const jury = judge ? await this.deps.checkJudges(userId, judge, 'body.judge') : [];
    const { job, runId } = await this.deps.evalRuns.createWithJob(
      { user_id: userId, type: 'tool_eval', payload: json(req) },
      {
        suite_id: suite.id,
        suite_name: suite.name,
        experiment_id: req.experiment_id ?? null,
        config: json({
          temperature: req.temperature ?? null,
          tool_choice: req.tool_choice,
          params: req.params,
          system_prompt: req.system_prompt,
          repeats: req.repeats,
          concurrency: req.concurrency ?? null,
          case_ids: req.case_ids ?? null,
          judge: judge
            ? {
                mode: judge.mode,
                judge_targets: jury,
                custom_instructions: judge.custom_instructions,
                threshold: judge.auto_on_failure_threshold ?? null,
              }
            : null,
        }),
        targets: json(targets),
        suite_snapshot: json(snapshot),
        total_cases: cases.length,
      },
    );
    // The report waits for the eval; its judge job is created when the eval ends.
    if (judge)
      await this.deps.judges.createPending(userId, {
        eval_run_id: runId,
        mode: judge.mode,
        judge_model: json(jury[0]!),
        judge_targets: json(jury),
        custom_instructions: judge.custom_instructions,
        config: json({ concurrency: 4, threshold: judge.auto_on_failure_threshold ?? null }),
        verdicts: json([]),
      });
    await announceAndEnqueue(this.deps, job, runId, 'tool-eval', {
      job_id: job.id,
      user_id: userId,
      run_id: runId,
    });
    return { job_id: job.id, run_id: runId, status: 'queued', events_url: `/api/jobs/${job.id}/events` };
  }
}
