import { describe, expect, it } from 'vitest';
import * as tuning from './index.js';

describe('@llmbench/tuning', () => {
  it('wires a grid → random sample → stats round trip through the public API', () => {
    const { dimensions, errors } = tuning.parseSearchSpace({
      temperature: { min: 0, max: 1, step: 0.5 },
      tool_choice: ['auto', 'required'],
    });
    expect(errors).toEqual([]);
    const grid = tuning.gridCombinations(dimensions);
    const picked = tuning.sampleRandom(grid, 3, tuning.mulberry32(42));
    const results = picked.map((c, i) => ({ key: tuning.comboKey(c), scores: [i, i + 0.1, i - 0.1] }));
    expect(tuning.indistinguishableFromBest(results)[0]).toBe(results[2]!.key);
    expect(tuning.halvingSchedule(grid.length, 9)[0]!.combos).toBe(6);
  });
});
