import { AppError } from '@llmbench/contracts';
import type { PromptTuneRepository } from '@llmbench/db';

/** Prompt-tune history: every generation, prompt, lineage and per-model score, as streamed. */
export class PromptTuneHistoryService {
  constructor(private readonly promptTunes: PromptTuneRepository) {}

  async list(userId: string, limit: number, offset: number) {
    const rows = await this.promptTunes.listByUser(userId, limit, offset);
    return { items: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
  }

  async owned(userId: string, id: string) {
    const tune = await this.promptTunes.get(userId, id);
    if (!tune) throw new AppError('not_found', 'prompt tune not found');
    return tune;
  }

  async get(userId: string, id: string) {
    const tune = await this.owned(userId, id);
    const [generations, candidates] = await Promise.all([
      this.promptTunes.listGenerations(id),
      this.promptTunes.listCandidates(id),
    ]);
    return {
      ...tune,
      meta_generations: generations.map(({ user_id: _u, tune_id: _t, ...g }) => g),
      candidates: candidates.map(({ user_id: _u, tune_id: _t, ...c }) => c),
    };
  }

  async delete(userId: string, id: string): Promise<void> {
    const tune = await this.owned(userId, id);
    if (tune.status === 'queued' || tune.status === 'running')
      throw new AppError('conflict', `the tune is ${tune.status}; cancel it first`);
    await this.promptTunes.delete(userId, id);
  }
}
