import { AppError, type AdminUserPatch, type JobStatus, type JobType } from '@llmbench/contracts';
import type { AdminRepository } from '@llmbench/db';
import type { QueueName } from '@llmbench/queue';
import type { Queue } from 'bullmq';
import type { JobControlService } from './job-control.service.js';

type Actor = { id: string; ip: string | null };
const HOUR = 3_600_000;

/** The admin API: accounts, every user's jobs, system stats — every change written to the audit log. */
export class AdminService {
  constructor(
    private readonly deps: {
      admin: AdminRepository;
      jobs: JobControlService;
      queues: Record<QueueName, Queue>;
    },
  ) {}

  async users(limit: number, offset: number) {
    const rows = await this.deps.admin.listUsers(limit, offset);
    return { items: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
  }

  async updateUser(actor: Actor, id: string, patch: AdminUserPatch) {
    if (id === actor.id && (patch.role === 'user' || patch.disabled === true))
      throw new AppError('conflict', 'admins cannot demote or disable themselves', [
        { path: 'body', message: 'ask another admin' },
      ]);
    const user = await this.deps.admin.updateUser(id, patch);
    if (!user) throw new AppError('not_found', 'user not found');
    await this.deps.admin.audit({
      user_id: actor.id,
      action: 'user.update',
      resource_type: 'user',
      resource_id: id,
      detail: patch,
      ip: actor.ip,
    });
    return user;
  }

  jobs(filter: { status?: JobStatus; type?: JobType; limit: number; offset: number }) {
    return this.deps.jobs.listAll(filter);
  }

  async cancelJob(actor: Actor, id: string) {
    const job = await this.deps.jobs.getAny(id);
    const view = await this.deps.jobs.cancel(job.user_id, id, 'cancelled by an admin');
    await this.deps.admin.audit({
      user_id: actor.id,
      action: 'job.cancel',
      resource_type: 'job',
      resource_id: id,
      detail: { owner: job.user_id, type: job.type },
      ip: actor.ip,
    });
    return view;
  }

  async audit(limit: number, offset: number) {
    const rows = await this.deps.admin.listAudit(limit, offset);
    return { items: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
  }

  /** Queue depths now; throughput, LLM usage and error rates over the last hour and day. */
  async stats() {
    const queues = Object.fromEntries(
      await Promise.all(
        Object.entries(this.deps.queues).map(async ([name, q]) => [
          name,
          await q.getJobCounts('wait', 'active', 'delayed', 'waiting-children', 'failed', 'completed'),
        ]),
      ),
    );
    const window = async (ms: number) => {
      const since = new Date(Date.now() - ms);
      const [jobs, llm, errors] = await Promise.all([
        this.deps.admin.jobsSince(since),
        this.deps.admin.llmUsageSince(since),
        this.deps.admin.errorsSince(since),
      ]);
      const calls = llm.reduce((n, p) => n + p.calls, 0);
      return {
        jobs_finished: jobs,
        llm_by_provider: llm.map((p) => ({
          ...p,
          error_rate: p.calls === 0 ? 0 : Math.round((1000 * p.failed) / p.calls) / 1000,
        })),
        errors_by_category: Object.fromEntries(errors.map((e) => [e.category, e.n])),
        error_rate: calls === 0 ? 0 : Math.round((1000 * errors.reduce((n, e) => n + e.n, 0)) / calls) / 1000,
      };
    };
    return { queues, last_hour: await window(HOUR), last_day: await window(24 * HOUR) };
  }
}
