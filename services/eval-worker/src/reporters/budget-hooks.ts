import type { WorkerDeps } from '../deps.js';
import type { UnitReporter } from './eval-reporter.js';

/** A tuning unit's budget hooks: each stored result charges the job's spend; a spent budget stops it. */
export function budgetHooks(
  deps: WorkerDeps,
  rootJobId: string,
): Pick<UnitReporter, 'stored' | 'stopReason'> {
  return {
    stored: async (_outcome, costUsd) => {
      if (costUsd > 0) await deps.budget.charge(rootJobId, costUsd);
    },
    stopReason: () => deps.budget.exhausted(rootJobId),
  };
}
