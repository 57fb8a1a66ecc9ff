import { AppError, type SavePromptRequest } from '@llmbench/contracts';
import type { PromptLibraryRepository, PromptTuneRepository } from '@llmbench/db';
import { validationError } from '../http/validate.js';

/** The prompt library: named prompts with numbered versions and where each came from. */
export class PromptLibraryService {
  constructor(
    private readonly deps: { library: PromptLibraryRepository; promptTunes: PromptTuneRepository },
  ) {}

  async save(userId: string, req: SavePromptRequest) {
    if ((req.prompt === undefined) === (req.from_prompt_tune_id === undefined))
      throw validationError([
        { path: 'body.prompt', message: 'give exactly one of prompt and from_prompt_tune_id' },
      ]);
    if (req.prompt !== undefined)
      return this.deps.library.save(userId, {
        name: req.name,
        prompt: req.prompt,
        source: 'manual',
        origin_run_id: null,
        notes: req.notes,
      });
    const tune = await this.deps.promptTunes.get(userId, req.from_prompt_tune_id!);
    if (!tune)
      throw new AppError('not_found', 'from_prompt_tune_id: prompt tune not found', [
        { path: 'body.from_prompt_tune_id', message: 'not found' },
      ]);
    if (!tune.best_prompt)
      throw new AppError('conflict', 'that prompt tune has no best prompt (yet)', [
        { path: 'body.from_prompt_tune_id', message: `status ${tune.status}` },
      ]);
    return this.deps.library.save(userId, {
      name: req.name,
      prompt: tune.best_prompt,
      source: 'prompt_tuner',
      origin_run_id: tune.id,
      notes: req.notes || `best of prompt tune ${tune.id} (score ${tune.best_score ?? '?'})`,
    });
  }

  list(userId: string, name?: string) {
    return this.deps.library.list(userId, name).then((items) => ({ items }));
  }

  async get(userId: string, id: string) {
    const entry = await this.deps.library.get(userId, id);
    if (!entry) throw new AppError('not_found', 'prompt not found');
    return entry;
  }

  async delete(userId: string, id: string) {
    if (!(await this.deps.library.delete(userId, id))) throw new AppError('not_found', 'prompt not found');
  }
}
