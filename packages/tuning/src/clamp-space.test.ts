import { describe, expect, it } from 'vitest';
import { clampDimensions } from './clamp-space.js';

describe('clampDimensions', () => {
  it('clamps and collapses values with provider-params and passes tool_choice through', () => {
    const out = clampDimensions({
      provider: 'anthropic',
      model_id: 'claude-sonnet-4-5',
      dimensions: [
        { name: 'temperature', values: [0.5, 1, 1.5, 2] },
        { name: 'tool_choice', values: ['auto', 'required'] },
      ],
    });
    expect(out.dimensions).toEqual([
      { name: 'temperature', values: [0.5, 1] },
      { name: 'tool_choice', values: ['auto', 'required'] },
    ]);
    expect(out.adjustments.some((a) => a.param === 'temperature' && a.action === 'clamped')).toBe(true);
  });

  it('throws on an unknown provider', () => {
    expect(() =>
      clampDimensions({
        provider: 'nope',
        model_id: 'x',
        dimensions: [{ name: 'temperature', values: [0] }],
      }),
    ).toThrow(/unknown provider/);
  });
});
