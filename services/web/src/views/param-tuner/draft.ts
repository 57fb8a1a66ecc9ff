/** The builder's form, kept in sessionStorage so a reload or "Tune again" restores it. */
import { spaceToDims, type DimDraft } from './space';
import type { TuneRecord } from './results';

export type Draft = {
  suiteId: string;
  targets: { provider_key: string; model_id: string }[];
  dims: DimDraft[];
  /** Per-model spaces as JSON, keyed `provider::model` (absent: the shared space). */
  perModel: Record<string, Record<string, unknown>>;
  strategy: 'grid' | 'random' | 'bayesian' | 'halving';
  nSamples: string;
  repeats: string;
  seed: string;
  toolChoice: string;
  maxCalls: string;
  maxCost: string;
  maxDuration: string;
  caseIds: string[];
};

const KEY = 'lbs.param-tuner.draft';

export function defaultDraft(): Draft {
  return {
    suiteId: '',
    targets: [],
    dims: spaceToDims({ temperature: [0, 0.5, 1] }),
    perModel: {},
    strategy: 'grid',
    nSamples: '',
    repeats: '1',
    seed: '',
    toolChoice: 'required',
    maxCalls: '',
    maxCost: '',
    maxDuration: '',
    caseIds: [],
  };
}

export function loadDraft(): Draft {
  try {
    const raw = globalThis.sessionStorage?.getItem(KEY);
    if (raw) return { ...defaultDraft(), ...(JSON.parse(raw) as Partial<Draft>) };
  } catch {
    // a corrupt draft is ignored
  }
  return defaultDraft();
}

export function saveDraft(d: Draft): void {
  try {
    globalThis.sessionStorage?.setItem(KEY, JSON.stringify(d));
  } catch {
    // storage full or disabled: the form still works
  }
}

/** A stored tune as a new draft (same suite, models, space and settings). */
export function draftFromRecord(r: TuneRecord): Draft {
  const c = r.config as Record<string, unknown>;
  const budget = (c.budget ?? {}) as {
    max_calls?: number;
    max_cost_usd?: number;
    max_duration_s?: number;
  } | null;
  const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  return {
    ...defaultDraft(),
    suiteId: r.suite_id ?? '',
    targets: r.targets.map((t) => ({ provider_key: t.provider_key, model_id: t.model_id })),
    dims: spaceToDims(r.search_space ?? {}),
    perModel: r.per_model_search_spaces ?? {},
    strategy: (['grid', 'random', 'bayesian', 'halving'].includes(r.strategy)
      ? r.strategy
      : 'grid') as Draft['strategy'],
    nSamples: str(c.n_samples),
    repeats: str(c.repeats ?? 1),
    seed: str(c.seed),
    toolChoice: typeof c.tool_choice === 'string' ? c.tool_choice : 'required',
    maxCalls: str(budget?.max_calls),
    maxCost: str(budget?.max_cost_usd),
    maxDuration: str(budget?.max_duration_s),
    caseIds: r.cases.map((x) => x.id),
  };
}

export function saveDraftFromRecord(r: TuneRecord): void {
  saveDraft(draftFromRecord(r));
}

/** The request body (`POST …/param-tune` and `/preview`) from a draft and its built space. */
export function requestBody(d: Draft, space: Record<string, unknown>): Record<string, unknown> {
  const int = (s: string) => (s.trim() === '' ? undefined : Math.round(Number(s)));
  const float = (s: string) => (s.trim() === '' ? undefined : Number(s));
  const budget = {
    max_calls: int(d.maxCalls),
    max_cost_usd: float(d.maxCost),
    max_duration_s: int(d.maxDuration),
  };
  const hasBudget = Object.values(budget).some((v) => v !== undefined);
  const chosen = new Set(d.targets.map((t) => `${t.provider_key}::${t.model_id}`));
  const perModel = Object.fromEntries(Object.entries(d.perModel).filter(([k]) => chosen.has(k)));
  const body: Record<string, unknown> = {
    suite_id: d.suiteId,
    targets: d.targets,
    search_space: space,
    strategy: d.strategy,
    repeats: int(d.repeats) ?? 1,
    tool_choice: d.toolChoice,
  };
  if (Object.keys(perModel).length > 0) body.per_model_search_spaces = perModel;
  if (d.strategy === 'random' || d.strategy === 'bayesian') {
    const n = int(d.nSamples);
    if (n !== undefined) body.n_samples = n;
  }
  if (hasBudget) body.budget = Object.fromEntries(Object.entries(budget).filter(([, v]) => v !== undefined));
  const seed = int(d.seed);
  if (seed !== undefined) body.seed = seed;
  if (d.caseIds.length > 0) body.case_ids = d.caseIds;
  return body;
}
