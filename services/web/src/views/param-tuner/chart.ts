/** Chart data from combination rows: a line per model over one parameter, or a heatmap over two. */
import { showValue, type ComboRow } from './results';

export type Val = unknown;

/** Distinct values of a parameter, numbers ascending, then everything else as text. */
export function distinctValues(rows: readonly ComboRow[], key: string): Val[] {
  const seen = new Map<string, Val>();
  for (const r of rows) seen.set(JSON.stringify(r.config[key] ?? null), r.config[key] ?? null);
  return [...seen.values()].sort((a, b) =>
    typeof a === 'number' && typeof b === 'number'
      ? a - b
      : typeof a === 'number'
        ? -1
        : typeof b === 'number'
          ? 1
          : showValue(a).localeCompare(showValue(b)),
  );
}

const better = (a: ComboRow, b: ComboRow | undefined) =>
  !b ||
  a.overall_score > b.overall_score ||
  (a.overall_score === b.overall_score && a.combo_index < b.combo_index);

export type LinePoint = { x: number; y: number; low?: number; high?: number; combo_id: string; n: number };
export type LineSeries = { name: string; points: LinePoint[] };

/**
 * One series per model over a numeric parameter; when other parameters vary too, each point is
 * the best combination at that value (`n` says how many it was chosen from).
 */
export function lineSeries(
  rows: readonly ComboRow[],
  x: string,
  modelName: (r: ComboRow) => string,
): LineSeries[] {
  const byModel = new Map<string, Map<number, { row: ComboRow; n: number }>>();
  for (const r of rows) {
    const xv = r.config[x];
    if (typeof xv !== 'number') continue;
    const name = modelName(r);
    const points = byModel.get(name) ?? new Map<number, { row: ComboRow; n: number }>();
    byModel.set(name, points);
    const cur = points.get(xv);
    points.set(xv, { row: better(r, cur?.row) ? r : cur!.row, n: (cur?.n ?? 0) + 1 });
  }
  return [...byModel.entries()].map(([name, points]) => ({
    name,
    points: [...points.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([xv, { row, n }]) => ({
        x: xv,
        y: row.overall_score,
        ...(row.ci_low !== null && row.ci_high !== null ? { low: row.ci_low, high: row.ci_high } : {}),
        combo_id: row.combo_id,
        n,
      })),
  }));
}

export type HeatCell = {
  x: Val;
  y: Val;
  score: number;
  ci_low: number | null;
  ci_high: number | null;
  combo_id: string;
  n: number;
  cases: number;
  rung: number;
};
export type Heatmap = { xs: Val[]; ys: Val[]; cells: HeatCell[] };

/** The grid of `x` × `y` values; each cell the best combination there (`n` = how many share it). */
export function heatmap(rows: readonly ComboRow[], x: string, y: string): Heatmap {
  const xs = distinctValues(rows, x);
  const ys = distinctValues(rows, y);
  const best = new Map<string, { row: ComboRow; n: number }>();
  for (const r of rows) {
    const k = `${JSON.stringify(r.config[x] ?? null)}|${JSON.stringify(r.config[y] ?? null)}`;
    const cur = best.get(k);
    best.set(k, { row: better(r, cur?.row) ? r : cur!.row, n: (cur?.n ?? 0) + 1 });
  }
  const cells: HeatCell[] = [];
  for (const { row, n } of best.values())
    cells.push({
      x: row.config[x] ?? null,
      y: row.config[y] ?? null,
      score: row.overall_score,
      ci_low: row.ci_low,
      ci_high: row.ci_high,
      combo_id: row.combo_id,
      n,
      cases: row.cases_total,
      rung: row.rung,
    });
  return { xs, ys, cells };
}

// Colour scale for scores 0..1: light red → light yellow → green, light enough for dark text.
const STOPS: [number, [number, number, number]][] = [
  [0, [246, 190, 184]],
  [0.5, [255, 230, 150]],
  [0.8, [178, 222, 160]],
  [1, [104, 190, 120]],
];

export function heatColor(score: number): string {
  const s = Math.max(0, Math.min(1, score));
  for (let i = 1; i < STOPS.length; i++) {
    const [p1, c1] = STOPS[i]!;
    const [p0, c0] = STOPS[i - 1]!;
    if (s <= p1) {
      const t = (s - p0) / (p1 - p0 || 1);
      const c = c0.map((v, j) => Math.round(v + (c1[j]! - v) * t));
      return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
    }
  }
  return 'rgb(104, 190, 120)';
}

function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/\d+/g) ?? ['0', '0', '0']).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** Dark or white text, whichever contrasts more with the cell's colour. */
export function textOn(rgb: string): string {
  const l = luminance(rgb);
  const dark = (l + 0.05) / (luminance('rgb(26, 31, 41)') + 0.05);
  const light = 1.05 / (l + 0.05);
  return dark >= light ? 'rgb(26, 31, 41)' : 'rgb(255, 255, 255)';
}

export function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}
