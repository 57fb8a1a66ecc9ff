import {
  AppError,
  targetKey,
  type CreateEvalRequest,
  type JobAccepted,
  type RunTarget,
  type SuiteSnapshot,
} from '@llmbench/contracts';
import {
  json,
  type EvalRunRepository,
  type ExperimentRepository,
  type ProviderRepository,
  type SuiteRepository,
} from '@llmbench/db';
import { enqueue, type EventBus, type JobLifecycle, type QueueName } from '@llmbench/queue';
import type { Queue } from 'bullmq';
import { buildRequestParams } from '@llmbench/provider-params';
import { toCaseView } from './views.js';
import { paramErrors } from './provider-params.service.js';
import { lookupTargets, modelPrices, unknownTargetKeys } from './target-lookup.js';
import { validationError } from '../http/validate.js';

type Deps = {
  suites: SuiteRepository;
  providers: ProviderRepository;
  evalRuns: EvalRunRepository;
  experiments: ExperimentRepository;
  queues: Record<QueueName, Queue>;
  bus: EventBus;
  lifecycle: JobLifecycle;
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
        params: { ...(model.default_params ?? {}), temperature: req.temperature, ...req.params },
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

  private async selectCases(userId: string, req: CreateEvalRequest) {
    const rows = await this.deps.suites.listCases(userId, req.suite_id);
    if (!req.case_ids) return rows;
    const byId = new Map(rows.map((r) => [r.id, r]));
    const missing = req.case_ids.flatMap((id, i) =>
      byId.has(id) ? [] : [{ path: `body.case_ids.${i}`, message: 'not a case of this suite' }],
    );
    if (missing.length > 0) throw validationError(missing);
    return req.case_ids.map((id) => byId.get(id)!);
  }

  async submit(userId: string, req: CreateEvalRequest): Promise<JobAccepted> {
    const suite = await this.deps.suites.get(userId, req.suite_id);
    if (!suite)
      throw new AppError('not_found', 'suite_id: tool suite not found', [
        { path: 'body.suite_id', message: 'not found' },
      ]);
    const targets = await this.resolveTargets(userId, req, suite.system_prompt);
    const cases = await this.selectCases(userId, req);
    if (req.experiment_id && !(await this.deps.experiments.get(userId, req.experiment_id))) {
      throw new AppError('not_found', 'experiment_id: experiment not found', [
        { path: 'body.experiment_id', message: 'not found' },
      ]);
    }
    if (cases.length === 0)
      throw validationError([{ path: 'body.suite_id', message: 'the suite has no test cases' }]);
    // The run keeps its own copy of the tools and cases: editing the suite later never rewrites history.
    const snapshot: SuiteSnapshot = {
      suite_id: suite.id,
      name: suite.name,
      system_prompt: suite.system_prompt,
      tools: suite.tools,
      cases: cases.map((c) => {
        const { id, position, created_at: _c, updated_at: _u, suite_id: _s, ...data } = toCaseView(c);
        return { id, position, data };
      }),
    };
    const { job, runId } = await this.deps.evalRuns.createWithJob(
      { user_id: userId, type: 'tool_eval', payload: json(req) },
      {
        suite_id: suite.id,
        suite_name: suite.name,
        experiment_id: req.experiment_id ?? null,
        config: json({
          temperature: req.temperature,
          tool_choice: req.tool_choice,
          params: req.params,
          system_prompt: req.system_prompt,
          repeats: req.repeats,
          concurrency: req.concurrency ?? null,
          case_ids: req.case_ids ?? null,
        }),
        targets: json(targets),
        suite_snapshot: json(snapshot),
        total_cases: cases.length,
      },
    );
    await this.deps.bus.publish(job, 'job_created', {
      job_type: 'tool_eval',
      status: 'queued',
      run_id: runId,
    });
    await this.deps.bus.publish(job, 'job_queued', { reason: 'waiting for an eval worker' });
    try {
      await enqueue(
        this.deps.queues,
        'tool-eval',
        { job_id: job.id, user_id: userId, run_id: runId },
        { jobId: job.id },
      );
    } catch (err) {
      await this.deps.lifecycle.end(job.id, 'failed', {
        error: { code: 'service_unavailable', message: 'the job queue is unavailable' },
      });
      throw new AppError(
        'service_unavailable',
        `could not enqueue the eval: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    return { job_id: job.id, run_id: runId, status: 'queued', events_url: `/api/jobs/${job.id}/events` };
  }
}
