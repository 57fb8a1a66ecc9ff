import { createHash, randomBytes } from 'node:crypto';
import {
  AppError,
  judgeList,
  RunTarget,
  SuiteSnapshot,
  targetKey,
  type CompareRequest,
  type ErrorDetail,
  type JobAccepted,
  type JudgeRequest,
  type Target,
} from '@llmbench/contracts';
import { json, type EvalRunRepository, type JudgeRepository, type ProviderRepository } from '@llmbench/db';
import { announceAndEnqueue, type EventBus, type JobLifecycle, type QueueName } from '@llmbench/queue';
import type { Queue } from 'bullmq';
import { lookupTargets } from './target-lookup.js';
import { validationError } from '../http/validate.js';

type Deps = {
  judges: JudgeRepository;
  evalRuns: EvalRunRepository;
  providers: ProviderRepository;
  queues: Record<QueueName, Queue>;
  bus: EventBus;
  lifecycle: JobLifecycle;
};

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Judge reports: post-eval judging, A/B comparisons, history and share links. */
export class JudgeService {
  constructor(private readonly deps: Deps) {}

  /** The judges of a request must be the user's provider models. @returns the jury */
  async checkJudges(
    userId: string,
    req: { judge_target?: Target | undefined; judge_targets?: Target[] | undefined },
    path: string,
  ): Promise<Target[]> {
    const jury = judgeList(req);
    const { details } = lookupTargets(await this.deps.providers.listByUser(userId), jury);
    const field = req.judge_targets ? `${path}.judge_targets` : `${path}.judge_target`;
    if (details.length > 0)
      throw validationError(
        details.map((d) => ({
          ...d,
          path: d.path.replace(/^body\.targets(\.\d+)?/, req.judge_targets ? `${field}$1` : field),
        })),
      );
    return jury;
  }

  /** The user's finished run, whole (the comparison reads its frozen cases). */
  private async finishedRun(userId: string, id: string, path: string) {
    const found = await this.deps.evalRuns.getById(id);
    const run = found?.user_id === userId ? found : undefined;
    if (!run)
      throw new AppError('not_found', `${path}: eval run not found`, [
        { path: `body.${path}`, message: 'not found' },
      ]);
    if (run.status === 'queued' || run.status === 'running')
      throw new AppError('conflict', `${path}: the eval is ${run.status}; judge it when it has finished`, [
        { path: `body.${path}`, message: `status ${run.status}` },
      ]);
    return run;
  }

  private accepted(jobId: string, reportId: string): JobAccepted {
    return { job_id: jobId, run_id: reportId, status: 'queued', events_url: `/api/jobs/${jobId}/events` };
  }

  async judge(userId: string, req: JudgeRequest): Promise<JobAccepted> {
    const run = await this.finishedRun(userId, req.eval_run_id, 'eval_run_id');
    const jury = await this.checkJudges(userId, req, 'body');
    const { job, reportId } = await this.deps.judges.createWithJob(
      { user_id: userId, type: 'judge', payload: json(req) },
      {
        eval_run_id: run.id,
        mode: 'post_eval',
        judge_model: json(jury[0]!),
        judge_targets: json(jury),
        custom_instructions: req.custom_instructions,
        config: json({ concurrency: req.concurrency, only_failed: req.only_failed }),
        verdicts: json([]),
      },
    );
    await announceAndEnqueue(this.deps, job, reportId, 'judge', {
      job_id: job.id,
      user_id: userId,
      report_id: reportId,
    });
    return this.accepted(job.id, reportId);
  }

  private pickTarget(targets: RunTarget[], chosen: Target | undefined, path: string): Target {
    if (!chosen) return { provider_key: targets[0]!.provider_key, model_id: targets[0]!.model_id };
    if (!targets.some((t) => targetKey(t) === targetKey(chosen)))
      throw validationError([
        {
          path: `body.${path}`,
          message: `not a target of that run; it has ${targets.map(targetKey).join(', ')}`,
        },
      ]);
    return chosen;
  }

  async compare(userId: string, req: CompareRequest): Promise<JobAccepted> {
    const a = await this.finishedRun(userId, req.eval_run_id_a, 'eval_run_id_a');
    const b = await this.finishedRun(userId, req.eval_run_id_b, 'eval_run_id_b');
    const jury = await this.checkJudges(userId, req, 'body');
    const targetA = this.pickTarget(
      a.targets.map((t) => RunTarget.parse(t)),
      req.target_a,
      'target_a',
    );
    const targetB = this.pickTarget(
      b.targets.map((t) => RunTarget.parse(t)),
      req.target_b,
      'target_b',
    );
    const idsA = new Set(SuiteSnapshot.parse(a.suite_snapshot).cases.map((c) => c.id));
    const common = SuiteSnapshot.parse(b.suite_snapshot).cases.filter((c) => idsA.has(c.id));
    if (common.length === 0) {
      const detail: ErrorDetail = {
        path: 'body.eval_run_id_b',
        message: 'the two runs have no test case in common',
      };
      throw validationError([detail]);
    }
    const { job, reportId } = await this.deps.judges.createWithJob(
      { user_id: userId, type: 'judge_compare', payload: json(req) },
      {
        eval_run_id: a.id,
        eval_run_id_b: b.id,
        mode: 'comparative',
        judge_model: json(jury[0]!),
        judge_targets: json(jury),
        custom_instructions: req.custom_instructions,
        config: json({ concurrency: req.concurrency, target_a: targetA, target_b: targetB }),
        verdicts: json([]),
      },
    );
    await announceAndEnqueue(this.deps, job, reportId, 'judge-compare', {
      job_id: job.id,
      user_id: userId,
      report_id: reportId,
    });
    return this.accepted(job.id, reportId);
  }

  async list(userId: string, limit: number, offset: number, evalRunId?: string) {
    const rows = await this.deps.judges.listByUser(userId, limit, offset, evalRunId);
    return { items: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
  }

  private async owned(userId: string, id: string) {
    const report = await this.deps.judges.get(userId, id);
    if (!report) throw new AppError('not_found', 'judge report not found');
    return report;
  }

  /** The report with every recorded verdict (per case and judge; comparisons per order). */
  async get(userId: string, id: string) {
    const report = await this.owned(userId, id);
    const verdicts = await this.deps.judges.listVerdicts(id);
    return { ...report, verdicts: verdicts.map(({ user_id: _u, report_id: _r, ...v }) => v) };
  }

  async delete(userId: string, id: string) {
    const report = await this.owned(userId, id);
    if (report.status === 'queued' || report.status === 'running')
      throw new AppError('conflict', `the report is ${report.status}; cancel it first`);
    await this.deps.judges.delete(userId, id);
  }

  /** A new read-only link (the token is shown once; only its hash is stored). */
  async share(userId: string, id: string) {
    await this.owned(userId, id);
    const token = randomBytes(24).toString('base64url');
    await this.deps.judges.share(userId, id, hashToken(token));
    return { token, url: `/api/shared/judge-reports/${token}` };
  }

  async revoke(userId: string, id: string) {
    await this.owned(userId, id);
    await this.deps.judges.share(userId, id, null);
  }

  /** What an anonymous holder of the link sees: the report and its verdicts, no ids of the owner. */
  async shared(token: string) {
    const report = token.length >= 16 ? await this.deps.judges.byShareHash(hashToken(token)) : undefined;
    if (!report) throw new AppError('not_found', 'shared report not found (the link may have been revoked)');
    const verdicts = await this.deps.judges.listVerdicts(report.id);
    const { job_id: _j, experiment_id: _e, ...visible } = report;
    return {
      ...visible,
      verdicts: verdicts.map(({ user_id: _u, report_id: _r, ...v }) => v),
      cases: await this.judgedCases(report.eval_run_id, new Set(verdicts.map((v) => v.case_id))),
    };
  }

  /** The judged cases' prompts, from the snapshot the eval ran with (the holder cannot open the run). */
  private async judgedCases(runId: string | null, ids: Set<string>) {
    const run = runId ? await this.deps.evalRuns.getById(runId) : undefined;
    const snapshot = run ? SuiteSnapshot.safeParse(run.suite_snapshot) : undefined;
    if (!snapshot?.success) return [];
    return snapshot.data.cases.filter((c) => ids.has(c.id)).map((c) => ({ id: c.id, prompt: c.data.prompt }));
  }
}
