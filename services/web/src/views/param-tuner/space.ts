/**
 * The search-space builder's pure logic: dimension drafts (what the form holds) to the API's
 * `search_space` and back, and the compatibility matrix derived from a preview.
 */

export type Scalar = string | number | boolean | null;
export type SearchSpace = Record<string, Scalar[] | { min: number; max: number; step: number }>;

/** One dimension as the form edits it (text inputs, parsed on the way out). */
export type DimDraft = {
  id: string;
  name: string;
  mode: 'list' | 'range';
  list: string;
  min: string;
  max: string;
  step: string;
};

/** Unique across reloads too (drafts are restored from sessionStorage with their ids). */
export const newDimId = () => `dim-${Math.random().toString(36).slice(2, 10)}`;

export function emptyDim(name: string, hint?: { min?: number; max?: number; step?: number }): DimDraft {
  const isNumeric = hint?.min !== undefined || hint?.max !== undefined;
  return {
    id: newDimId(),
    name,
    mode: 'list',
    list: name === 'tool_choice' ? 'auto, required' : isNumeric ? '' : '',
    min: hint?.min === undefined ? '' : String(hint.min),
    max: hint?.max === undefined ? '' : String(hint.max),
    step: hint?.step === undefined ? '' : String(hint.step),
  };
}

/** `0, 0.5, 1` → [0, 0.5, 1]; `auto, "none"` → ['auto', 'none']; true/false/null as JSON. */
export function parseList(text: string): Scalar[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s) => {
      if (/^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(s)) return Number(s);
      if (s === 'true') return true;
      if (s === 'false') return false;
      if (s === 'null') return null;
      return s.replace(/^["'](.*)["']$/, '$1');
    });
}

export function formatList(values: readonly Scalar[]): string {
  return values.map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).join(', ');
}

export type DimError = { dimId: string; field: 'name' | 'list' | 'min' | 'max' | 'step'; message: string };

/** Builds the API search space; local errors name the dimension's field (the server checks the rest). */
export function buildSpace(dims: readonly DimDraft[]): { space: SearchSpace; errors: DimError[] } {
  const space: SearchSpace = {};
  const errors: DimError[] = [];
  for (const d of dims) {
    const name = d.name.trim();
    if (!name) {
      errors.push({ dimId: d.id, field: 'name', message: 'choose a parameter' });
      continue;
    }
    if (name in space) {
      errors.push({ dimId: d.id, field: 'name', message: `${name} is already in the space` });
      continue;
    }
    if (d.mode === 'list') {
      const values = parseList(d.list);
      if (values.length === 0) {
        errors.push({ dimId: d.id, field: 'list', message: 'enter at least one value (comma-separated)' });
        continue;
      }
      space[name] = values;
    } else {
      const min = Number(d.min);
      const max = Number(d.max);
      const step = Number(d.step);
      let bad = false;
      for (const [field, text, v] of [
        ['min', d.min, min],
        ['max', d.max, max],
        ['step', d.step, step],
      ] as const)
        if (text.trim() === '' || !Number.isFinite(v)) {
          errors.push({ dimId: d.id, field, message: 'enter a number' });
          bad = true;
        }
      if (bad) continue;
      if (step <= 0) {
        errors.push({ dimId: d.id, field: 'step', message: 'must be greater than 0' });
        continue;
      }
      if (max < min) {
        errors.push({ dimId: d.id, field: 'max', message: 'must be at least min' });
        continue;
      }
      space[name] = { min, max, step };
    }
  }
  return { space, errors };
}

/** A space (from a preset or a past tune) as form drafts. */
export function spaceToDims(space: Record<string, unknown> | null | undefined): DimDraft[] {
  return Object.entries(space ?? {}).map(([name, dim]) => {
    const base = emptyDim(name);
    if (Array.isArray(dim)) return { ...base, mode: 'list', list: formatList(dim as Scalar[]) };
    if (dim && typeof dim === 'object') {
      const r = dim as { min?: unknown; max?: unknown; step?: unknown };
      return {
        ...base,
        mode: 'range',
        min: r.min === undefined ? '' : String(r.min),
        max: r.max === undefined ? '' : String(r.max),
        step: r.step === undefined ? '' : String(r.step),
      };
    }
    return { ...base, mode: 'list', list: formatList([dim as Scalar]) };
  });
}

/** How many values a dimension expands to (for the builder's "× n" hint); null when invalid. */
export function dimSize(d: DimDraft): number | null {
  if (d.mode === 'list') return parseList(d.list).length || null;
  const min = Number(d.min);
  const max = Number(d.max);
  const step = Number(d.step);
  if (![min, max, step].every(Number.isFinite) || step <= 0 || max < min) return null;
  return Math.floor((max - min) / step + 1e-9) + 1;
}

// ---------------------------------------------------------------------------------------------
// Preview → compatibility matrix

export type Adjustment = {
  param: string;
  action: string;
  original?: unknown;
  value?: unknown;
  reason?: string;
  to?: string;
};
export type PreviewCombo = {
  key: string;
  config: Record<string, unknown>;
  params: Record<string, unknown>;
  requested: Record<string, unknown>[];
  adjustments: Adjustment[];
};
export type PreviewTarget = {
  provider_key: string;
  model_id: string;
  requested_combinations: number;
  combinations: number;
  combos: PreviewCombo[];
  space_adjustments: Adjustment[];
  calls: number;
};
export type Preview = {
  strategy: string;
  targets: PreviewTarget[];
  total_combinations: number;
  total_eval_calls: number;
  estimated_duration_s: number;
  estimated_cost_usd: number | null;
  warnings: string[];
  cases: number;
};

export type CompatStatus = 'supported' | 'clamped' | 'renamed' | 'warn' | 'dropped';
export type CompatCell = { status: CompatStatus; detail: string };
export type CompatRow = { param: string; cells: { target: string; cell: CompatCell }[] };

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/**
 * Parameters × models: is each searched parameter sent as asked, clamped (to what), renamed,
 * sent with a warning, or dropped (why) — read from the preview's per-model space adjustments and
 * the adjustments of its planned combinations.
 */
export function compatMatrix(preview: Preview, params: readonly string[]): CompatRow[] {
  return params.map((param) => ({
    param,
    cells: preview.targets.map((t) => ({
      target: `${t.provider_key}::${t.model_id}`,
      cell: compatCell(t, param),
    })),
  }));
}

export function compatCell(t: PreviewTarget, param: string): CompatCell {
  if (param === 'tool_choice') return { status: 'supported', detail: 'sent as the request’s tool_choice' };
  const seen = new Set<string>();
  const adj: Adjustment[] = [];
  for (const a of [...t.space_adjustments, ...t.combos.flatMap((c) => c.adjustments)]) {
    if (a.param !== param) continue;
    const k = `${a.action}|${show(a.original)}|${show(a.value)}|${a.to ?? ''}`;
    if (seen.has(k)) continue;
    seen.add(k);
    adj.push(a);
  }
  const renamed = adj.find((a) => a.action === 'renamed');
  const sent = t.combos.some(
    (c) => param in c.config || (renamed?.to !== undefined && renamed.to in c.params),
  );
  if (!sent) {
    const why = adj.find((a) => a.action === 'dropped')?.reason ?? adj[0]?.reason ?? 'not sent';
    return { status: 'dropped', detail: why };
  }
  const clamped = adj.filter((a) => a.action === 'clamped');
  if (clamped.length > 0) {
    const merged = adj.filter((a) => a.action === 'dropped').length;
    return {
      status: 'clamped',
      detail:
        clamped.map((a) => `${show(a.original)} → ${show(a.value)}`).join(', ') +
        (clamped[0]?.reason ? ` (${clamped[0].reason})` : '') +
        (merged > 0 ? `; ${merged} duplicate value${merged > 1 ? 's' : ''} merged` : ''),
    };
  }
  if (renamed)
    return {
      status: 'renamed',
      detail: `sent as ${renamed.to ?? '?'}${renamed.reason ? ` (${renamed.reason})` : ''}`,
    };
  const warn = adj.find((a) => a.action === 'warn');
  if (warn) return { status: 'warn', detail: warn.reason ?? 'sent with a warning' };
  const dropped = adj.find((a) => a.action === 'dropped');
  if (dropped) return { status: 'clamped', detail: `some values dropped: ${dropped.reason ?? ''}` };
  return { status: 'supported', detail: 'sent as given' };
}
