import { describe, expect, it } from 'vitest';
import { contrast, distinctValues, heatColor, heatmap, lineSeries, textOn } from './chart';
import type { ComboRow } from './results';

const row = (i: number, config: Record<string, unknown>, overall: number, model = 'm'): ComboRow => ({
  combo_id: `c${i}`,
  combo_index: i,
  provider_key: 'p',
  model_id: model,
  config,
  requested: [config],
  adjustments: [],
  rung: 0,
  complete: true,
  overall_score: overall,
  ci_low: overall - 0.1,
  ci_high: overall + 0.1,
  tool_accuracy: overall,
  param_accuracy: null,
  latency_avg_ms: null,
  cases_passed: 0,
  cases_total: 1,
  calls: 1,
  cost_usd: null,
  case_results: [],
});

const rows = [
  row(0, { temperature: 1, top_p: 0.5 }, 0.2),
  row(1, { temperature: 0, top_p: 0.5 }, 0.9),
  row(2, { temperature: 0, top_p: 1 }, 0.6),
  row(3, { temperature: 1, top_p: 1 }, 0.4),
  row(4, { temperature: 0.5, top_p: 1 }, 0.7, 'n'),
];

describe('chart data', () => {
  it('orders values numerically, then as text', () => {
    expect(distinctValues(rows, 'temperature')).toEqual([0, 0.5, 1]);
    expect(distinctValues([row(0, { x: 'b' }, 0), row(1, { x: 2 }, 0), row(2, { x: 'a' }, 0)], 'x')).toEqual([
      2,
      'a',
      'b',
    ]);
  });

  it('one series per model; a point is the best combination at that value, with its CI', () => {
    const series = lineSeries(rows, 'temperature', (r) => r.model_id);
    expect(series.map((s) => s.name)).toEqual(['m', 'n']);
    expect(series[0]!.points).toEqual([
      { x: 0, y: 0.9, low: 0.8, high: 1, combo_id: 'c1', n: 2 },
      { x: 1, y: 0.4, low: 0.30000000000000004, high: 0.5, combo_id: 'c3', n: 2 },
    ]);
  });

  it('a heatmap cell per value pair', () => {
    const h = heatmap(rows.slice(0, 4), 'temperature', 'top_p');
    expect(h.xs).toEqual([0, 1]);
    expect(h.ys).toEqual([0.5, 1]);
    expect(h.cells).toHaveLength(4);
    expect(h.cells.find((c) => c.x === 0 && c.y === 0.5)).toMatchObject({ score: 0.9, combo_id: 'c1', n: 1 });
  });

  it('cell text keeps AA contrast on every colour of the scale', () => {
    for (let s = 0; s <= 1.0001; s += 0.05) {
      const bg = heatColor(s);
      expect(contrast(bg, textOn(bg)), `score ${s}`).toBeGreaterThanOrEqual(4.5);
    }
    expect(heatColor(-1)).toBe(heatColor(0));
  });
});
