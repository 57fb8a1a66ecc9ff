/** Limits of a tune; any may be omitted. */
export interface BudgetLimits {
  max_calls?: number;
  max_cost_usd?: number;
  max_duration_s?: number;
}

/** Why a budget ran out. */
export interface BudgetExhaustion {
  reason: 'max_calls' | 'max_cost_usd' | 'max_duration_s';
  message: string;
}

/** Milliseconds since some fixed origin; injected so tests control time. */
export type Clock = () => number;

/**
 * Tracks calls, cost and elapsed time against a budget. Time starts at construction. A limit counts as
 * reached once usage is at or above it, so a tuner checks {@link BudgetTracker.exhausted} before starting
 * more work and never begins a batch with nothing left.
 *
 * @example
 * const budget = new BudgetTracker({ max_calls: 100 }, Date.now);
 * budget.charge(100, 0.42);
 * budget.exhausted(); // { reason: 'max_calls', message: '100 of 100 calls used' }
 */
export class BudgetTracker {
  private calls = 0;
  private cost = 0;
  private readonly started: number;

  /** @throws RangeError when a limit is negative or not a finite number */
  constructor(
    private readonly limits: BudgetLimits,
    private readonly clock: Clock,
  ) {
    for (const [name, v] of Object.entries(limits)) {
      if (v !== undefined && !(Number.isFinite(v) && v >= 0)) {
        throw new RangeError(`${name} must be a non-negative number (got ${String(v)})`);
      }
    }
    this.started = clock();
  }

  /**
   * Records work done.
   * @throws RangeError on negative or non-finite amounts
   */
  charge(calls: number, costUsd = 0): void {
    if (!(Number.isFinite(calls) && calls >= 0 && Number.isFinite(costUsd) && costUsd >= 0)) {
      throw new RangeError(`charge needs non-negative amounts (got ${calls} calls, $${costUsd})`);
    }
    this.calls += calls;
    this.cost += costUsd;
  }

  /** Usage so far. */
  usage(): { calls: number; cost_usd: number; duration_s: number } {
    return { calls: this.calls, cost_usd: this.cost, duration_s: (this.clock() - this.started) / 1000 };
  }

  /** Calls still allowed by `max_calls` (Infinity without that limit). */
  remainingCalls(): number {
    const max = this.limits.max_calls;
    return max === undefined ? Infinity : Math.max(0, max - this.calls);
  }

  /** The first limit reached (calls, then cost, then duration), or null while work may continue. */
  exhausted(): BudgetExhaustion | null {
    const { max_calls, max_cost_usd, max_duration_s } = this.limits;
    const used = this.usage();
    if (max_calls !== undefined && used.calls >= max_calls) {
      return { reason: 'max_calls', message: `${used.calls} of ${max_calls} calls used` };
    }
    if (max_cost_usd !== undefined && used.cost_usd >= max_cost_usd) {
      return { reason: 'max_cost_usd', message: `$${used.cost_usd.toFixed(4)} of $${max_cost_usd} spent` };
    }
    if (max_duration_s !== undefined && used.duration_s >= max_duration_s) {
      return {
        reason: 'max_duration_s',
        message: `${used.duration_s.toFixed(1)} s of ${max_duration_s} s elapsed`,
      };
    }
    return null;
  }
}
