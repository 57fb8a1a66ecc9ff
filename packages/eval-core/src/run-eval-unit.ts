import { setMaxListeners } from 'node:events';
import type { LlmClient, ToolChoice } from './llm-client.js';
import { type CallContext, RunCancelled } from './run/call-model.js';
import { runPool } from './run/pool.js';
import { type CaseOutcome, type EvalCase, runCase } from './run/run-case.js';

/** One target model × one parameter set × one system prompt. */
export interface EvalUnit {
  model: string;
  /** Final provider kwargs (already validated and clamped). */
  params: Record<string, unknown>;
  /** The final system prompt (model prompt + run/tuner prompt already combined), or null. */
  system_prompt: string | null;
  tool_choice: ToolChoice;
}

/** Options of {@link runEvalUnit}. */
export interface RunEvalUnitOptions {
  unit: EvalUnit;
  cases: readonly EvalCase[];
  /** Runs of each case (default 1). */
  repeats?: number;
  client: LlmClient;
  /** Aborting stops new cases, aborts in-flight calls and makes the loop return promptly. */
  signal?: AbortSignal;
  /** Cases in flight at once (default 1). */
  concurrency?: number;
  /** Keys `${case_id}:${repeat_index}` already finished (a recovered job): they are skipped. */
  done?: ReadonlySet<string>;
  /** Awaited after each outcome, before the lane takes its next case (persist here). */
  onCaseDone?: (outcome: CaseOutcome) => void | Promise<void>;
}

/** Result of {@link runEvalUnit}. */
export interface RunEvalUnitResult {
  /** Outcomes produced by this call, in completion order (skipped keys are not repeated). */
  outcomes: CaseOutcome[];
  /** Whether the run stopped because it was cancelled. */
  cancelled: boolean;
  /** Case runs skipped because their key was in `done`. */
  skipped: number;
}

/**
 * The idempotency key of one run of one case.
 * @returns `${caseId}:${repeatIndex}`
 */
export function outcomeKey(caseId: string, repeatIndex: number): string {
  return `${caseId}:${repeatIndex}`;
}

function positiveInt(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1)
    throw new RangeError(`${name} must be an integer ≥ 1, got ${value}`);
  return value;
}

/** Links the caller's signal to an internal controller that a fatal error can also abort. */
function linkSignal(signal: AbortSignal | undefined): { controller: AbortController; unlink: () => void } {
  const controller = new AbortController();
  if (!signal) return { controller, unlink: () => {} };
  const onAbort = () => controller.abort(signal.reason);
  if (signal.aborted) controller.abort(signal.reason);
  else signal.addEventListener('abort', onAbort, { once: true });
  return { controller, unlink: () => signal.removeEventListener('abort', onAbort) };
}

/** Every case × repeat, repeat-major, minus the keys already done. */
function planRuns(cases: readonly EvalCase[], repeats: number, done: ReadonlySet<string> | undefined) {
  const runs = Array.from({ length: repeats }, (_, r) => cases.map((c) => ({ c, r }))).flat();
  const todo = done ? runs.filter(({ c, r }) => !done.has(outcomeKey(c.id, r))) : runs;
  return { todo, skipped: runs.length - todo.length };
}

function callContext(options: RunEvalUnitOptions, signal: AbortSignal): CallContext {
  return {
    client: options.client,
    model: options.unit.model,
    params: options.unit.params,
    signal,
    requestedToolChoice: options.unit.tool_choice,
    toolChoice: options.unit.tool_choice,
  };
}

/**
 * The eval loop of one unit: every case × repeat (repeat-major, so a cancelled run has whole
 * passes first), scored as it completes. Pure apart from the injected client.
 * - A final API failure (`LlmCallError`) becomes a failed outcome; the run goes on.
 * - Cancellation (the signal, or a client call rejected as `cancelled`) stops new cases; calls in
 *   flight are abandoned at once and produce no outcome.
 * - Any other exception aborts the calls in flight and is rethrown.
 * @param options unit, cases, repeats, client, signal, concurrency, done keys and the callback
 * @returns the new outcomes and whether the run was cancelled
 * @example
 * const { outcomes } = await runEvalUnit({ unit, cases, repeats: 3, client, signal, onCaseDone: save });
 * const summary = summarizeOutcomes(outcomes);
 */
export async function runEvalUnit(options: RunEvalUnitOptions): Promise<RunEvalUnitResult> {
  const repeats = positiveInt(options.repeats ?? 1, 'repeats');
  const concurrency = positiveInt(options.concurrency ?? 1, 'concurrency');
  const { todo, skipped } = planRuns(options.cases, repeats, options.done);
  const { controller, unlink } = linkSignal(options.signal);
  // Each in-flight call listens on this signal; many lanes are expected, not a leak.
  setMaxListeners(concurrency * 4 + 10, controller.signal);
  const ctx = callContext(options, controller.signal);
  const outcomes: CaseOutcome[] = [];
  let cancelled = false;
  try {
    await runPool({
      items: todo,
      concurrency,
      shouldStop: () => cancelled || controller.signal.aborted,
      onFatal: (err) => controller.abort(err),
      worker: async ({ c, r }) => {
        let outcome: CaseOutcome;
        try {
          outcome = await runCase(ctx, options.unit.system_prompt, c, r);
        } catch (err) {
          if (!(err instanceof RunCancelled)) throw err;
          cancelled = true;
          return;
        }
        outcomes.push(outcome);
        await options.onCaseDone?.(outcome);
      },
    });
  } finally {
    unlink();
  }
  return {
    outcomes,
    cancelled: cancelled || (options.signal?.aborted ?? false),
    skipped,
  };
}
