/** Queue names. Orchestrating jobs and eval units live in separate queues so each scales alone. */
export const QUEUES = {
  /** Top-level eval-family jobs (tool eval; later tuning and judging) — each holds a user slot. */
  runs: 'eval-runs',
  /** One target × one config over a set of cases; horizontally scaled across eval workers. */
  units: 'eval-units',
  /** Tuning orchestrators (param sweeps, prompt evolution) — each holds a user slot, served by tuner workers. */
  tunes: 'tune-runs',
  /** Judge reports and comparisons — each holds a user slot, served by judge workers. */
  judges: 'judge-runs',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Queues whose jobs are top-level (user-visible) jobs, keyed by the job's DB id. */
export const ORCHESTRATOR_QUEUES = [QUEUES.runs, QUEUES.tunes, QUEUES.judges] as const;
