import { AppError } from '@llmbench/contracts';
import type { EvalRunRepository } from '@llmbench/db';

/** Eval history: stored runs with the summaries the worker computed (the same numbers it streamed). */
export class EvalHistoryService {
  constructor(private readonly evalRuns: EvalRunRepository) {}

  async list(userId: string, limit: number, offset: number, suiteId?: string) {
    const rows = await this.evalRuns.listByUser(userId, limit, offset, suiteId);
    return { items: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
  }

  async get(userId: string, id: string) {
    const run = await this.evalRuns.get(userId, id);
    if (!run) throw new AppError('not_found', 'eval run not found');
    const results = await this.evalRuns.listResults(id);
    return { ...run, results: results.map(({ user_id: _u, ...r }) => r) };
  }

  async delete(userId: string, id: string): Promise<void> {
    if (!(await this.evalRuns.delete(userId, id))) throw new AppError('not_found', 'eval run not found');
  }
}
