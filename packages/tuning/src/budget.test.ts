import { describe, expect, it } from 'vitest';
import { BudgetTracker } from './budget.js';

function fakeClock(): { now: () => number; advance: (ms: number) => void } {
  let t = 1_000;
  return { now: () => t, advance: (ms) => (t += ms) };
}

describe('BudgetTracker', () => {
  it('never runs out without limits', () => {
    const clock = fakeClock();
    const b = new BudgetTracker({}, clock.now);
    b.charge(1e6, 1e3);
    clock.advance(1e9);
    expect(b.exhausted()).toBeNull();
    expect(b.remainingCalls()).toBe(Infinity);
  });

  it.each([
    [{ max_calls: 10 }, 10, 0, 0, 'max_calls', '10 of 10 calls used'],
    [{ max_cost_usd: 1 }, 1, 1.25, 0, 'max_cost_usd', '$1.2500 of $1 spent'],
    [{ max_duration_s: 60 }, 1, 0, 60_000, 'max_duration_s', '60.0 s of 60 s elapsed'],
    [{ max_calls: 5, max_cost_usd: 0.1 }, 5, 0.5, 0, 'max_calls', '5 of 5 calls used'],
  ] as const)('%j runs out on %s calls, $%s, %s ms', (limits, calls, cost, ms, reason, message) => {
    const clock = fakeClock();
    const b = new BudgetTracker(limits, clock.now);
    b.charge(calls - 1, 0);
    expect(b.exhausted()).toBeNull();
    b.charge(1, cost);
    clock.advance(ms);
    expect(b.exhausted()).toEqual({ reason, message });
  });

  it('tracks usage and remaining calls', () => {
    const clock = fakeClock();
    const b = new BudgetTracker({ max_calls: 10 }, clock.now);
    b.charge(3, 0.02);
    b.charge(4);
    clock.advance(2_500);
    expect(b.usage()).toEqual({ calls: 7, cost_usd: 0.02, duration_s: 2.5 });
    expect(b.remainingCalls()).toBe(3);
    b.charge(5);
    expect(b.remainingCalls()).toBe(0);
  });

  it('a zero limit is exhausted from the start', () => {
    expect(new BudgetTracker({ max_calls: 0 }, fakeClock().now).exhausted()?.reason).toBe('max_calls');
  });

  it.each([{ max_calls: -1 }, { max_cost_usd: NaN }, { max_duration_s: Infinity }])(
    'rejects limits %j',
    (limits) => {
      expect(() => new BudgetTracker(limits, fakeClock().now)).toThrow(RangeError);
    },
  );

  it.each([
    [-1, 0],
    [1, -0.5],
    [NaN, 0],
  ])('rejects charge(%s, %s)', (calls, cost) => {
    expect(() => new BudgetTracker({}, fakeClock().now).charge(calls, cost)).toThrow(RangeError);
  });
});
