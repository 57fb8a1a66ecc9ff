import { targetKey } from '../../lib/format';
import type { ModelScore, StoredCandidate, TuneRecord } from './types';

/** An event as the reducer reads it (a job event, or one rebuilt from a stored tune). */
export type TuneEvent = { type: string } & Record<string, unknown>;

export type Card = {
  id: string;
  generation: number;
  index: number;
  /** null while the base prompt's text is not known yet (before `tune_start`). */
  text: string | null;
  style: string | null;
  mutationType: string | null;
  /** Parent candidate ids (generation 1 is written from the base prompt). */
  parents: string[];
  duplicateOf: string | null;
  /** Training scores per model key (`provider::model`); a duplicate shows the prompt it repeats. */
  scores: Record<string, ModelScore>;
  validation: Record<string, ModelScore>;
  /** Model keys being evaluated right now. */
  running: string[];
  /** Mean training score over the models, once every model has one. */
  mean: number | null;
  /** Kept by its generation's selection. */
  survivor: boolean;
  /** The tune's best prompt. */
  best: boolean;
};

export type GenerationStatus = 'base' | 'generating' | 'evaluating' | 'complete' | 'error';

export type GenerationView = {
  generation: number;
  status: GenerationStatus;
  error: string | null;
  cards: Card[];
  /** Ids kept after this generation (elitism can keep earlier prompts). */
  survivors: string[];
  /** Earlier prompts that survived this generation's selection. */
  carriedOver: string[];
  best: number | null;
  mean: number | null;
};

export type TuneStart = {
  tune_id: string;
  mode: string;
  total_prompts: number;
  total_eval_calls: number;
  generations: number;
  population_size: number;
  suite_name: string;
  train_cases: number;
  validation_cases: number;
  warnings: string[];
  base_prompt: string;
  targets: { provider_key: string; model_id: string }[];
  meta_target: { provider_key: string; model_id: string };
};

export type TuneComplete = {
  tune_id: string;
  status: string;
  stop_reason: string;
  best_prompt: string;
  best_candidate_id: string;
  best_score: number;
  validation_score: number | null;
  base_score: number;
  base_validation_score: number | null;
  per_model: { provider_key: string; model_id: string; best_prompt: string; score: number }[];
  duration_s: number;
  calls_used: number;
  calls_saved: number;
  meta_calls: number;
  cost_usd: number | null;
};

export type TuneView = {
  start: TuneStart | null;
  /** Model keys in the order known (the tune's targets, then any seen in events). */
  models: string[];
  generations: GenerationView[];
  cards: Record<string, Card>;
  complete: TuneComplete | null;
  warnings: string[];
  /** Best and mean score per generation (generation 0 is the base prompt). */
  chart: { generation: number; best: number; mean: number }[];
  baseId: string | null;
};

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const int = (v: unknown): number => (typeof v === 'number' ? v : 0);

function scoreOf(e: TuneEvent): ModelScore {
  return {
    provider_key: String(e.provider_key),
    model_id: String(e.model_id),
    overall_score: int(e.overall_score),
    tool_accuracy: int(e.tool_accuracy),
    param_accuracy: typeof e.param_accuracy === 'number' ? e.param_accuracy : null,
    cases: typeof e.cases === 'number' ? e.cases : undefined,
    calls: typeof e.calls === 'number' ? e.calls : undefined,
  };
}

const BASE_PLACEHOLDER = 'base';

/**
 * The whole prompt-tune view from its events, in order. Pure: a replay (reload) and the live stream
 * give the same view; `tune_start` names the base prompt and the models.
 */
export function reduceTune(events: TuneEvent[]): TuneView {
  const cards = new Map<string, Card>();
  const gens = new Map<number, GenerationView>();
  const models: string[] = [];
  const warnings: string[] = [];
  let start: TuneStart | null = null;
  let complete: TuneComplete | null = null;
  let baseId: string | null = null;

  const gen = (g: number): GenerationView => {
    let v = gens.get(g);
    if (!v) {
      v = {
        generation: g,
        status: g === 0 ? 'base' : 'generating',
        error: null,
        cards: [],
        survivors: [],
        carriedOver: [],
        best: null,
        mean: null,
      };
      gens.set(g, v);
    }
    return v;
  };
  const newCard = (id: string, g: number, index: number, text: string | null): Card => ({
    id,
    generation: g,
    index,
    text,
    style: g === 0 ? 'base' : null,
    mutationType: null,
    parents: [],
    duplicateOf: null,
    scores: {},
    validation: {},
    running: [],
    mean: null,
    survivor: false,
    best: false,
  });
  const baseCard = (id?: string): Card => {
    if (baseId && cards.has(baseId)) {
      const c = cards.get(baseId)!;
      if (id && c.id === BASE_PLACEHOLDER) {
        // The placeholder learns its real id.
        cards.delete(BASE_PLACEHOLDER);
        c.id = id;
        baseId = id;
        cards.set(id, c);
      }
      return c;
    }
    const c = newCard(id ?? BASE_PLACEHOLDER, 0, 0, null);
    baseId = c.id;
    cards.set(c.id, c);
    gen(0).cards.push(c);
    return c;
  };
  const cardFor = (e: TuneEvent): Card => {
    const g = int(e.generation);
    const id = String(e.candidate_id);
    if (g === 0) return baseCard(id);
    let c = cards.get(id);
    if (!c) {
      c = newCard(id, g, int(e.index), null);
      cards.set(id, c);
      gen(g).cards.push(c);
    }
    return c;
  };
  const addModel = (k: string) => {
    if (!models.includes(k)) models.push(k);
  };

  for (const e of events) {
    switch (e.type) {
      case 'tune_start':
        if (e.kind !== undefined && e.kind !== 'prompt_tune') break;
        start = e as unknown as TuneStart;
        for (const w of start.warnings ?? []) if (!warnings.includes(w)) warnings.push(w);
        for (const t of start.targets ?? []) addModel(targetKey(t));
        baseCard().text = start.base_prompt ?? null;
        break;
      case 'generation_start':
        gen(int(e.generation));
        break;
      case 'prompt_generated': {
        const g = int(e.generation);
        const c = cardFor(e);
        c.text = str(e.text);
        c.style = str(e.style);
        c.mutationType = str(e.mutation_type);
        c.duplicateOf = str(e.duplicate_of);
        c.parents = Array.isArray(e.parent_ids) ? [...(e.parent_ids as string[])] : [];
        if (gen(g).status === 'generating') gen(g).status = 'evaluating';
        break;
      }
      case 'prompt_eval_start': {
        const c = cardFor(e);
        const k = targetKey({ provider_key: String(e.provider_key), model_id: String(e.model) });
        addModel(k);
        if (!c.running.includes(k)) c.running.push(k);
        if (int(e.generation) > 0 && gen(int(e.generation)).status === 'generating')
          gen(int(e.generation)).status = 'evaluating';
        break;
      }
      case 'prompt_eval_result': {
        const c = cardFor(e);
        const s = scoreOf(e);
        const k = targetKey(s);
        addModel(k);
        if (e.phase === 'validation') c.validation[k] = s;
        else c.scores[k] = s;
        c.running = c.running.filter((x) => x !== k);
        break;
      }
      case 'generation_complete': {
        const g = gen(int(e.generation));
        g.status = 'complete';
        g.survivors = ((e.survivors as { candidate_id: string }[]) ?? []).map((s) => s.candidate_id);
        break;
      }
      case 'generation_error': {
        const g = gen(int(e.generation));
        g.status = 'error';
        g.error = str(e.message) ?? 'the meta-model gave no prompts';
        break;
      }
      case 'job_warning': {
        const w = str(e.detail);
        if (w && !warnings.includes(w)) warnings.push(w);
        break;
      }
      case 'tune_complete':
        if (e.kind !== undefined && e.kind !== 'prompt_tune') break;
        complete = e as unknown as TuneComplete;
        break;
    }
  }

  // Generation 1 is written from the base prompt (whose id may have come late).
  for (const c of gens.get(1)?.cards ?? []) if (c.parents.length === 0 && baseId) c.parents = [baseId];
  // Duplicates show the scores of the prompt they repeat; means once every model is scored.
  for (const c of cards.values()) {
    if (c.duplicateOf) {
      const of = cards.get(c.duplicateOf);
      if (of) {
        c.scores = { ...of.scores };
        c.validation = { ...of.validation };
      }
    }
  }
  for (const c of cards.values()) {
    const xs = models.map((k) => c.scores[k]?.overall_score);
    c.mean =
      models.length > 0 && xs.every((x) => x !== undefined)
        ? (xs as number[]).reduce((s, x) => s + x, 0) / models.length
        : null;
  }
  const generations = [...gens.values()].sort((a, b) => a.generation - b.generation);
  for (const g of generations) {
    const kept = new Set(g.survivors);
    for (const c of g.cards) c.survivor = kept.has(c.id);
    g.carriedOver = g.survivors.filter((id) => (cards.get(id)?.generation ?? g.generation) < g.generation);
    const scored = g.cards.filter((c) => !c.duplicateOf && c.mean !== null).map((c) => c.mean!);
    g.best = scored.length ? Math.max(...scored) : null;
    g.mean = scored.length ? scored.reduce((s, x) => s + x, 0) / scored.length : null;
  }
  if (complete) {
    const best = cards.get(complete.best_candidate_id);
    if (best) best.best = true;
  }
  const chart = generations
    .filter((g) => g.best !== null)
    .map((g) => ({ generation: g.generation, best: g.best!, mean: g.mean! }));
  return {
    start,
    models,
    generations,
    cards: Object.fromEntries(cards),
    complete,
    warnings,
    chart,
    baseId,
  };
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

function meanOf(c: StoredCandidate | undefined, keys: string[], phase: 'scores' | 'validation') {
  if (!c) return null;
  const xs = keys.map((k) => c[phase][k]?.overall_score);
  if (keys.length === 0 || xs.some((x) => x === undefined)) return null;
  return (xs as number[]).reduce((s, x) => s + x, 0) / keys.length;
}

/**
 * The events a stored tune would have streamed, rebuilt from its record, so history shows it with
 * the live view's components and numbers.
 */
export function recordEvents(r: TuneRecord): TuneEvent[] {
  const keys = r.targets.map(targetKey);
  const byId = new Map(r.candidates.map((c) => [c.id, c]));
  const totalGenerations = r.mode === 'quick' ? 1 : (r.config.generations ?? 1);
  const out: TuneEvent[] = [];
  const scoreEvents = (c: StoredCandidate) => {
    for (const phase of ['train', 'validation'] as const) {
      const col = phase === 'train' ? c.scores : c.validation;
      for (const k of [...keys, ...Object.keys(col).filter((x) => !keys.includes(x))]) {
        const s = col[k];
        if (!s) continue;
        out.push({
          type: 'prompt_eval_result',
          generation: c.generation,
          index: c.idx,
          candidate_id: c.id,
          phase,
          ...s,
        });
      }
    }
  };
  out.push({
    type: 'tune_start',
    kind: 'prompt_tune',
    tune_id: r.id,
    mode: r.mode,
    total_prompts: r.total_prompts,
    total_eval_calls: 0,
    generations: totalGenerations,
    population_size: r.config.population_size ?? 0,
    suite_name: '',
    train_cases: r.config.train_case_ids?.length ?? 0,
    validation_cases: r.config.validation_case_ids?.length ?? 0,
    warnings: r.config.warnings ?? [],
    base_prompt: r.base_prompt,
    targets: r.targets.map(({ provider_key, model_id }) => ({ provider_key, model_id })),
    meta_target: r.meta_target,
  });
  const base = r.candidates.find((c) => c.generation === 0);
  if (base) {
    for (const phase of ['train'] as const)
      for (const k of keys) {
        const s = base.scores[k];
        if (s)
          out.push({
            type: 'prompt_eval_result',
            generation: 0,
            index: 0,
            candidate_id: base.id,
            phase,
            ...s,
          });
      }
  }
  // Survivors as the tuner stored them, for the generations that went through selection.
  const selected = new Map(r.generations.filter((g) => g.selected).map((g) => [g.generation, g.survivors]));
  for (let g = 1; g <= totalGenerations; g++) {
    const meta = r.meta_generations.find((m) => m.generation === g);
    if (!meta) continue;
    out.push({ type: 'generation_start', generation: g });
    if (meta.status === 'error') {
      out.push({
        type: 'generation_error',
        generation: g,
        message: [meta.error, meta.note].filter(Boolean).join(' — ') || 'the meta-model gave no prompts',
      });
      continue;
    }
    if (meta.note) out.push({ type: 'job_warning', detail: `generation ${g}: ${meta.note}` });
    const mine = r.candidates.filter((c) => c.generation === g);
    for (const c of mine)
      out.push({
        type: 'prompt_generated',
        generation: g,
        index: c.idx,
        candidate_id: c.id,
        text: c.prompt,
        style: c.style,
        parent_ids: c.parent_ids,
        mutation_type: c.mutation_type,
        duplicate_of: c.duplicate_of,
      });
    for (const c of mine) scoreEvents({ ...c, validation: {} });
    const survivors = selected.get(g);
    if (survivors)
      out.push({
        type: 'generation_complete',
        generation: g,
        survivors: survivors.map((id) => ({
          candidate_id: id,
          generation: byId.get(id)?.generation ?? 0,
          index: byId.get(id)?.idx ?? 0,
          score: meanOf(byId.get(id), keys, 'scores') ?? 0,
        })),
      });
  }
  // Held-out scores (the base and the best).
  for (const c of r.candidates) if (Object.keys(c.validation).length > 0) scoreEvents({ ...c, scores: {} });
  if (r.best_prompt !== null && r.best_score !== null) {
    const perModel = r.targets.map((t) => {
      const k = targetKey(t);
      let top = { prompt: base?.prompt ?? r.base_prompt, score: base?.scores[k]?.overall_score ?? 0 };
      for (const c of r.candidates) {
        const s = c.duplicate_of ? undefined : c.scores[k]?.overall_score;
        if (s !== undefined && s > top.score) top = { prompt: c.prompt, score: s };
      }
      return {
        provider_key: t.provider_key,
        model_id: t.model_id,
        best_prompt: top.prompt,
        score: round4(top.score),
      };
    });
    const baseValidation = meanOf(base, keys, 'validation');
    const started = r.started_at ? Date.parse(r.started_at) : NaN;
    const finished = r.finished_at ? Date.parse(r.finished_at) : NaN;
    out.push({
      type: 'tune_complete',
      kind: 'prompt_tune',
      tune_id: r.id,
      status: r.status,
      stop_reason: r.stop_reason ?? 'complete',
      best_prompt: r.best_prompt,
      best_candidate_id: r.best_candidate_id ?? '',
      best_score: r.best_score,
      validation_score: r.validation_score,
      base_score: round4(meanOf(base, keys, 'scores') ?? 0),
      base_validation_score: baseValidation === null ? null : round4(baseValidation),
      per_model: perModel,
      duration_s: Number.isFinite(finished - started) ? Math.round((finished - started) / 100) / 10 : 0,
      calls_used: r.calls_used,
      calls_saved: r.calls_saved,
      meta_calls: r.meta_calls,
      cost_usd: r.cost_usd,
    });
  }
  return out;
}
