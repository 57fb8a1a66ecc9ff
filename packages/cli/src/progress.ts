import type { JobEvent } from './events.js';
import { fmtScore } from './format.js';

/** Where a job stands: a fraction when it is known, and what it is doing. */
export type ProgressState = { fraction: number | null; label: string };

type Counter = { done: number; total: number };

/**
 * Turns a job's events into progress. Jobs with their own counters (eval cases, tune
 * combinations, judge verdicts) are shown by those; the generic `job_progress` only fills in for
 * jobs without one (prompt tunes), so one job never shows two bars fighting.
 */
export class ProgressTracker {
  private counted = false;
  private judging: Counter = { done: 0, total: 0 };

  update(e: JobEvent): ProgressState | null {
    switch (e.type) {
      case 'job_progress':
        if (this.counted) return null;
        return { fraction: e.progress_pct / 100, label: e.progress_detail };
      case 'tool_eval_progress':
        return this.count(e.current, e.total, `${e.provider_key}::${e.model_id}`);
      case 'tune_progress': {
        const best = e.best_so_far
          ? `, best ${fmtScore(e.best_so_far.score)} (${e.best_so_far.model_id})`
          : '';
        return this.count(e.completed, e.total, `combinations${best}`);
      }
      case 'judge_start':
        this.judging = { done: 0, total: e.cases_to_review * e.judges.length };
        return this.count(0, this.judging.total, 'verdicts');
      case 'judge_verdict':
        // Live verdicts inside an eval's stream have no judge_start: the eval's own counter shows.
        if (this.judging.total === 0) return null;
        return this.count(++this.judging.done, this.judging.total, `verdicts (${e.model_id})`);
      case 'compare_start':
        this.judging = { done: 0, total: e.cases };
        return this.count(0, e.cases, 'cases compared');
      case 'compare_case':
        return this.count(++this.judging.done, this.judging.total, 'cases compared');
      default:
        return null;
    }
  }

  private count(done: number, total: number, what: string): ProgressState {
    this.counted = true;
    return { fraction: total > 0 ? Math.min(1, done / total) : null, label: `${done}/${total} ${what}` };
  }
}

/** Events worth a line of their own: where the job waits, and every warning. */
export function noticesOf(e: JobEvent): string[] {
  switch (e.type) {
    case 'job_queued':
      return [`queued: ${e.reason}`];
    case 'job_started':
      return [e.attempt > 1 ? `started again (attempt ${e.attempt})` : 'started'];
    case 'job_warning':
      return [`warning: ${e.detail}`];
    case 'tune_start':
    case 'judge_start':
    case 'compare_start':
      return e.warnings.map((w) => `warning: ${w}`);
    case 'generation_error':
      return [`warning: generation ${e.generation}: ${e.message}`];
    default:
      return [];
  }
}

/** `[#######.............]  35%` — fixed width so the label after it stays put. */
export function renderBar(fraction: number | null, width = 24): string {
  if (fraction === null) return `[${'?'.repeat(width)}]     `;
  const clamped = Math.max(0, Math.min(1, fraction));
  const filled = Math.round(clamped * width);
  const pct = `${Math.floor(clamped * 100)}%`.padStart(4);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct}`;
}
