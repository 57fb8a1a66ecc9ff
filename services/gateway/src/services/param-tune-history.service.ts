import { AppError, SuiteSnapshot, type ApplyBestRequest, type ModelBest } from '@llmbench/contracts';
import {
  json,
  type EvalRunRepository,
  type ParamTuneRepository,
  type ProviderRepository,
} from '@llmbench/db';

type Outcome = { models?: ModelBest[]; best?: ModelBest | null } | null;

/**
 * Param-tune history: each tune with every evaluated combination's stored scores — the very
 * numbers `combo_result` streamed, recorded once by the eval worker — and per-case drill-down.
 */
export class ParamTuneHistoryService {
  constructor(
    private readonly deps: {
      paramTunes: ParamTuneRepository;
      evalRuns: EvalRunRepository;
      providers: ProviderRepository;
    },
  ) {}

  async list(userId: string, limit: number, offset: number) {
    const rows = await this.deps.paramTunes.listByUser(userId, limit, offset);
    return { items: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
  }

  private async owned(userId: string, id: string) {
    const tune = await this.deps.paramTunes.get(userId, id);
    if (!tune) throw new AppError('not_found', 'param tune not found');
    return tune;
  }

  /** The tune, its evaluated combinations (scores + per-case results) and the cases as it used them. */
  async get(userId: string, id: string) {
    const tune = await this.owned(userId, id);
    const combos = await this.deps.paramTunes.listCombos(id);
    const run = tune.eval_run_id ? await this.deps.evalRuns.getById(tune.eval_run_id) : undefined;
    const snapshot = run ? SuiteSnapshot.parse(run.suite_snapshot) : null;
    return {
      ...tune,
      suite_name: snapshot?.name ?? null,
      combos: combos
        .filter((c) => c.status !== 'pending')
        .map(({ user_id: _u, tune_id: _t, scores, ...c }) => ({ ...c, ...(scores ?? {}) })),
      not_evaluated: combos.filter((c) => c.status === 'pending').length,
      cases: (snapshot?.cases ?? []).map((c) => ({
        id: c.id,
        prompt: c.data.prompt,
        expected_tool: c.data.expected_tool ?? null,
        expected_params: c.data.expected_params ?? null,
      })),
    };
  }

  async delete(userId: string, id: string): Promise<void> {
    const tune = await this.owned(userId, id);
    if (tune.status === 'queued' || tune.status === 'running')
      throw new AppError('conflict', `the tune is ${tune.status}; cancel it first`);
    await this.deps.paramTunes.delete(userId, id);
  }

  /**
   * Stores a model's best parameters as that model's `default_params` in the user's provider
   * config, so later evals use them unless a request overrides them.
   */
  async apply(userId: string, id: string, req: ApplyBestRequest) {
    const tune = await this.owned(userId, id);
    const outcome = tune.best_config as Outcome;
    const chosen =
      req.provider_key || req.model_id
        ? outcome?.models?.find(
            (m) =>
              (!req.provider_key || m.provider_key === req.provider_key) &&
              (!req.model_id || m.model_id === req.model_id),
          )
        : (outcome?.best ?? undefined);
    if (!chosen)
      throw new AppError('conflict', 'this tune has no best configuration for that model (yet)', [
        { path: req.model_id ? 'body.model_id' : 'id', message: 'no evaluated combination' },
      ]);
    const provider = await this.deps.providers.getByKey(userId, chosen.provider_key);
    const model = provider?.models.find((m) => m.model_id === chosen.model_id);
    if (!provider || !model)
      throw new AppError(
        'conflict',
        `provider ${chosen.provider_key} no longer has model ${chosen.model_id}`,
      );
    const models = provider.models.map((m) =>
      m.model_id === chosen.model_id ? { ...m, default_params: chosen.params } : m,
    );
    await this.deps.providers.update(userId, provider.id, { models: json(models) });
    const toolChoice = (chosen.config as { tool_choice?: unknown }).tool_choice;
    return {
      provider_key: chosen.provider_key,
      model_id: chosen.model_id,
      default_params: chosen.params,
      overall_score: chosen.overall_score,
      ...(toolChoice === undefined
        ? {}
        : {
            tool_choice: toolChoice,
            note: 'tool_choice is not a provider parameter: pass it per eval request',
          }),
    };
  }
}
