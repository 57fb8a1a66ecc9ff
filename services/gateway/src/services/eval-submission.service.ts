import {
  AppError,
  targetKey,
  type CreateEvalRequest,
  type ErrorDetail,
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

type Deps = {
  suites: SuiteRepository;
  providers: ProviderRepository;
  evalRuns: EvalRunRepository;
  experiments: ExperimentRepository;
  queues: Record<QueueName, Queue>;
  bus: EventBus;
  lifecycle: JobLifecycle;
};

const invalid = (details: ErrorDetail[]) =>
  new AppError('validation_failed', `${details[0]?.path}: ${details[0]?.message}`, details);

/** Validates an eval request against the user's data, snapshots what it will use, and enqueues it. */
export class EvalSubmissionService {
  constructor(private readonly deps: Deps) {}

  /** Every target must name one of the user's providers and one of its models. */
  private async resolveTargets(
    userId: string,
    req: CreateEvalRequest,
    suitePrompt: string,
  ): Promise<RunTarget[]> {
    const providers = new Map((await this.deps.providers.listByUser(userId)).map((p) => [p.provider_key, p]));
    const details: ErrorDetail[] = [];
    const resolved = req.targets.map((t, i): RunTarget => {
      const provider = providers.get(t.provider_key);
      const model = provider?.models.find((m) => m.model_id === t.model_id);
      if (!provider)
        details.push({
          path: `body.targets.${i}.provider_key`,
          message: `no provider "${t.provider_key}"; yours: ${[...providers.keys()].join(', ')}`,
        });
      else if (!model)
        details.push({
          path: `body.targets.${i}.model_id`,
          message: `provider "${t.provider_key}" has no model "${t.model_id}"; it lists: ${provider.models.map((m) => m.model_id).join(', ')}`,
        });
      const prompt =
        typeof req.system_prompt === 'string'
          ? req.system_prompt
          : (req.system_prompt?.[targetKey(t)] ?? suitePrompt);
      // Every request goes through the provider-parameter pipeline: what the run records is what is sent.
      const built = buildRequestParams({
        provider: provider?.provider ?? null,
        model_id: t.model_id,
        params: { ...(model?.default_params ?? {}), temperature: req.temperature, ...req.params },
        passthrough: req.passthrough,
        skip_params: model?.skip_params ?? [],
        base_url: provider?.base_url ?? null,
      });
      if (provider && model) details.push(...paramErrors(built, 'body'));
      return {
        ...t,
        display_name: model?.display_name ?? t.model_id,
        provider: provider?.provider ?? 'unknown',
        base_url: provider?.base_url ?? null,
        system_prompt: prompt === '' ? null : prompt,
        params: built.params,
        prices:
          model?.input_price_per_mtok !== undefined || model?.output_price_per_mtok !== undefined
            ? {
                input_per_mtok: model?.input_price_per_mtok ?? 0,
                output_per_mtok: model?.output_price_per_mtok ?? 0,
              }
            : null,
        adjustments: built.adjustments,
      };
    });
    if (req.system_prompt && typeof req.system_prompt === 'object') {
      const keys = new Set(req.targets.map(targetKey));
      for (const key of Object.keys(req.system_prompt)) {
        if (!keys.has(key))
          details.push({ path: `body.system_prompt.${key}`, message: 'not one of the targets' });
      }
    }
    if (details.length > 0) throw invalid(details);
    return resolved;
  }

  private async selectCases(userId: string, req: CreateEvalRequest) {
    const rows = await this.deps.suites.listCases(userId, req.suite_id);
    if (!req.case_ids) return rows;
    const byId = new Map(rows.map((r) => [r.id, r]));
    const missing = req.case_ids.flatMap((id, i) =>
      byId.has(id) ? [] : [{ path: `body.case_ids.${i}`, message: 'not a case of this suite' }],
    );
    if (missing.length > 0) throw invalid(missing);
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
      throw invalid([{ path: 'body.suite_id', message: 'the suite has no test cases' }]);
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
