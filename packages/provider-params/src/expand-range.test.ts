import { describe, expect, it } from 'vitest';
import { MAX_RANGE_VALUES, expandRange } from './expand-range.js';

describe(expandRange.name, () => {
  it.each([
    [{ min: 0, max: 0.3, step: 0.1 }, [0, 0.1, 0.2, 0.3]],
    [{ min: 0.1, max: 0.3, step: 0.1 }, [0.1, 0.2, 0.3]],
    [{ min: 0, max: 1, step: 0.25 }, [0, 0.25, 0.5, 0.75, 1]],
    [{ min: 0.7, max: 1.0, step: 0.1 }, [0.7, 0.8, 0.9, 1]],
    [{ min: -2, max: 2, step: 1 }, [-2, -1, 0, 1, 2]],
    [{ min: 1, max: 10, step: 4 }, [1, 5, 9]],
    [{ min: 0.5, max: 0.5, step: 0.1 }, [0.5]],
    [{ min: 0, max: 0.0003, step: 1e-4 }, [0, 0.0001, 0.0002, 0.0003]],
    [{ min: 1.05, max: 1.2, step: 0.05 }, [1.05, 1.1, 1.15, 1.2]],
  ])('%j → %j', (range, expected) => {
    expect(expandRange(range)).toEqual(expected);
  });

  it('produces the same doubles as the decimal literals (no float drift)', () => {
    const values = expandRange({ min: 0, max: 2, step: 0.1 });
    expect(values).toHaveLength(21);
    values.forEach((v, i) => expect(v).toBe(Number((i / 10).toFixed(1))));
    expect(values).toContain(0.3);
    expect(values).not.toContain(0.30000000000000004);
  });

  it('excludes max when no step lands on it', () => {
    expect(expandRange({ min: 0, max: 1, step: 0.3 })).toEqual([0, 0.3, 0.6, 0.9]);
  });

  it.each([
    [{ min: 0, max: 1, step: 0 }, /step must be greater than 0/],
    [{ min: 0, max: 1, step: -0.1 }, /step must be greater than 0/],
    [{ min: 2, max: 1, step: 0.1 }, /min must not be greater than max/],
    [{ min: Number.NaN, max: 1, step: 0.1 }, /finite/],
    [{ min: 0, max: Infinity, step: 1 }, /finite/],
    [{ min: 0, max: 1, step: 1e-13 }, /decimal places/],
    [{ min: 0, max: 1000, step: 0.1 }, /10001 values; the limit is 1000/],
    [{ min: 0, max: 10, step: 1, max_count: 5 }, /11 values; the limit is 5/],
  ])('rejects %j', (range, message) => {
    expect(() => expandRange(range)).toThrow(message);
  });

  it('allows exactly the cap', () => {
    expect(expandRange({ min: 1, max: MAX_RANGE_VALUES, step: 1 })).toHaveLength(MAX_RANGE_VALUES);
  });
});
