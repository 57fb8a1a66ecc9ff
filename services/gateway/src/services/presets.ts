import { AppError, type CreatePresetRequest, type ParamTuneRequest } from '@llmbench/contracts';
import type { Preset, PresetRepository } from '@llmbench/db';
import { parseSearchSpace } from '@llmbench/tuning';
import { validationError } from '../http/validate.js';

const MAX_USER_PRESETS = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type PresetView = {
  id: string;
  name: string;
  description: string;
  builtin: boolean;
  search_space: Record<string, unknown>;
  per_model_search_spaces: Record<string, unknown> | null;
};

/** Vendor-recommended sampling settings, plus a sweep of the usual tool-calling region. */
export const BUILTIN_PRESETS: readonly PresetView[] = [
  {
    id: 'builtin:qwen3-coder-30b',
    name: 'Qwen3 Coder 30B (Recommended)',
    description:
      'Qwen team recommendation: temperature 0.7, top_p 0.8, top_k 20 (greedy decoding hurts quality).',
    builtin: true,
    search_space: { temperature: [0.7], top_p: [0.8], top_k: [20] },
    per_model_search_spaces: null,
  },
  {
    id: 'builtin:glm-4.7-flash',
    name: 'GLM-4.7 Flash (Z.AI Recommended)',
    description: 'Z.AI recommendation: temperature 0.8, top_p 0.6, top_k 2 (very low top_k suits the MoE).',
    builtin: true,
    search_space: { temperature: [0.8], top_p: [0.6], top_k: [2] },
    per_model_search_spaces: null,
  },
  {
    id: 'builtin:tool-calling-sweep',
    name: 'Tool-calling sweep',
    description:
      'Temperature 0–1 by 0.1 × top_p 0.5–1 by 0.1 (66 combinations): where tool-calling optima usually are.',
    builtin: true,
    search_space: { temperature: { min: 0, max: 1, step: 0.1 }, top_p: { min: 0.5, max: 1, step: 0.1 } },
    per_model_search_spaces: null,
  },
];

const toView = (p: Preset): PresetView => ({
  id: p.id,
  name: p.name,
  description: p.description,
  builtin: false,
  search_space: p.search_space,
  per_model_search_spaces: p.per_model_search_spaces,
});

async function findPreset(
  repo: PresetRepository,
  userId: string,
  id: string,
): Promise<PresetView | undefined> {
  const builtin = BUILTIN_PRESETS.find((p) => p.id === id);
  if (builtin) return builtin;
  if (!UUID.test(id)) return undefined;
  const row = await repo.get(userId, id);
  return row ? toView(row) : undefined;
}

/**
 * The search spaces a tune uses: the request's, over the preset's when `preset_id` is given
 * (dimensions in the request replace the preset's).
 */
export async function resolvePresetSpaces(repo: PresetRepository, userId: string, req: ParamTuneRequest) {
  const preset = req.preset_id ? await findPreset(repo, userId, req.preset_id) : undefined;
  if (req.preset_id && !preset)
    throw new AppError('not_found', 'preset_id: preset not found', [
      { path: 'body.preset_id', message: 'not found' },
    ]);
  if (!preset && req.search_space === undefined)
    throw validationError([{ path: 'body.search_space', message: 'required (or give a preset_id)' }]);
  return {
    search_space: { ...(preset?.search_space ?? {}), ...(req.search_space ?? {}) },
    per_model_search_spaces:
      req.per_model_search_spaces ??
      (preset?.per_model_search_spaces as ParamTuneRequest['per_model_search_spaces']) ??
      undefined,
  };
}

/** `GET/POST/DELETE /api/tool-eval/param-tune/presets`. */
export class PresetService {
  constructor(private readonly repo: PresetRepository) {}

  async list(userId: string): Promise<PresetView[]> {
    return [...BUILTIN_PRESETS, ...(await this.repo.list(userId)).map(toView)];
  }

  async create(userId: string, req: CreatePresetRequest): Promise<PresetView> {
    const spaces = [
      ['search_space', req.search_space] as const,
      ...Object.entries(req.per_model_search_spaces ?? {}).map(
        ([k, v]) => [`per_model_search_spaces.${k}`, v] as const,
      ),
    ];
    const details = spaces.flatMap(([path, space]) =>
      parseSearchSpace(space).errors.map((e) => ({
        path: `body.${e.path.replace(/^search_space/, path)}`,
        message: e.message,
      })),
    );
    if (details.length > 0) throw validationError(details);
    if ((await this.repo.count(userId)) >= MAX_USER_PRESETS)
      throw new AppError('conflict', `at most ${MAX_USER_PRESETS} presets per user; delete one first`);
    const row = await this.repo.create(userId, {
      name: req.name,
      description: req.description,
      search_space: req.search_space,
      per_model_search_spaces: req.per_model_search_spaces ?? null,
    });
    if (!row)
      throw new AppError('conflict', `a preset named "${req.name}" exists`, [
        { path: 'body.name', message: 'already used' },
      ]);
    return toView(row);
  }

  async delete(userId: string, id: string): Promise<void> {
    if (BUILTIN_PRESETS.some((p) => p.id === id))
      throw new AppError('forbidden', 'built-in presets cannot be deleted');
    if (!UUID.test(id) || !(await this.repo.delete(userId, id)))
      throw new AppError('not_found', 'preset not found');
  }
}
