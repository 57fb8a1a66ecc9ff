import { targetKey, type RunTarget } from '@llmbench/contracts';
import type { CaseResult, Job as JobRow } from '@llmbench/db';
import type { CaseOutcome } from '@llmbench/eval-core';
import {
  judgePair,
  reconcileSwap,
  summarizeComparison,
  type CompareVerdict,
  type ReconciledCase,
} from '@llmbench/judge';
import { callEvidence, caseEvidence, openJudges, runPool, type JudgeClient } from '@llmbench/judge-runner';
import { orchestrate, type Handler, type JudgePayload } from '@llmbench/queue';
import type { JudgeDeps } from '../deps.js';
import { juryPlan, loadRun } from '../judging/context.js';

const firstOf = (results: CaseResult[], t: RunTarget) => {
  const byCase = new Map<string, CaseResult>();
  for (const r of results)
    if (r.provider_key === t.provider_key && r.model_id === t.model_id && r.repeat_index === 0)
      byCase.set(r.case_id, r);
  return byCase;
};

async function loadComparison(deps: JudgeDeps, reportId: string) {
  const report = await deps.judges.getById(reportId);
  if (!report) return undefined;
  const [a, b] = [await loadRun(deps, report.eval_run_id), await loadRun(deps, report.eval_run_id_b)];
  if (!a || !b) return undefined;
  const plan = await juryPlan(deps, report, [...a.targets, ...b.targets]);
  const pick = (run: typeof a, chosen: typeof plan.config.target_a) =>
    run.targets.find((t) => !chosen || targetKey(t) === targetKey(chosen)) ?? run.targets[0]!;
  const [targetA, targetB] = [pick(a, plan.config.target_a), pick(b, plan.config.target_b)];
  const [resA, resB] = [firstOf(a.results, targetA), firstOf(b.results, targetB)];
  const cases = a.snapshot.cases.filter((c) => resA.has(c.id) && resB.has(c.id));
  return { report, plan, targetA, targetB, resA, resB, cases };
}

/**
 * A/B comparison of two runs on their common cases. Each case is judged twice — A shown first, then
 * B shown first — by every judge; a verdict that flips with the order is a tie (position bias), and
 * the summary reports how often the orders agreed.
 */
export function createCompareHandler(deps: JudgeDeps): Handler<'judge-compare'> {
  return (p, ctx) => {
    // The first attempt announces and runs in one call: both use one read of the report and its runs.
    let loaded: ReturnType<typeof loadComparison> | undefined;
    const load = () => (loaded ??= loadComparison(deps, p.report_id));
    return orchestrate(
      { ...deps, parkRecheckMs: deps.config.jobs.parkRecheckMs },
      p,
      ctx,
      {
        ended: async () => undefined,
        started: (row) => announceStart(deps, p, row, ctx.job.attemptsMade, load),
        run: (payload) => compare(deps, payload, load),
      },
      'judge',
    );
  };
}

type LoadComparison = () => ReturnType<typeof loadComparison>;

async function announceStart(
  deps: JudgeDeps,
  p: JudgePayload,
  row: JobRow,
  attempts: number,
  load: LoadComparison,
) {
  const c = await load();
  if (!c) throw new Error(`comparison ${p.report_id} or one of its runs is missing`);
  await deps.judges.setWarnings(p.report_id, c.plan.warnings);
  await deps.bus.publish(row, 'job_started', { job_type: 'judge_compare', attempt: attempts + 1 });
  await deps.bus.publish(
    row,
    'compare_start',
    {
      report_id: p.report_id,
      cases: c.cases.length,
      model_a: targetKey(c.targetA),
      model_b: targetKey(c.targetB),
      judges: c.plan.jury.map((j) => targetKey(j)),
      warnings: c.plan.warnings,
    },
    { dedupe: 'compare_start' },
  );
}

/** One judge's two orders of a case, recorded once each (a retried job reuses them). */
async function bothOrders(
  deps: JudgeDeps,
  p: JudgePayload,
  judge: JudgeClient,
  caseId: string,
  ask: (order: 'ab' | 'ba') => ReturnType<typeof judgePair>,
  known: Map<string, CompareVerdict | null>,
  signalAborted: () => boolean,
) {
  const out: Record<'ab' | 'ba', CompareVerdict | null> = { ab: null, ba: null };
  for (const order of ['ab', 'ba'] as const) {
    const key = `${caseId}|${order}`;
    const seen = known.get(`${key}#${judge.key}`);
    if (seen !== undefined) {
      out[order] = seen;
      continue;
    }
    if (signalAborted()) return out;
    const res = await ask(order);
    out[order] = res.ok ? res.value : null;
    await deps.judges.recordVerdict({
      user_id: p.user_id,
      report_id: p.report_id,
      case_key: key,
      judge_key: judge.key,
      case_id: caseId,
      provider_key: null,
      model_id: null,
      verdict: out[order] as Record<string, unknown> | null,
      repairs: res.ok ? res.repairs : [],
      error: res.ok ? null : res.error,
    });
  }
  return out;
}

async function compare(deps: JudgeDeps, p: JudgePayload, load: LoadComparison) {
  const c = await load();
  if (!c) return { skipped: 'report or run deleted' };
  const stream = { id: p.job_id, user_id: p.user_id };
  const jury = await openJudges(deps.clients, p.user_id, c.plan.jury);
  const known = new Map(
    (await deps.judges.listVerdicts(p.report_id)).map((v) => [
      `${v.case_key}#${v.judge_key}`,
      v.verdict as CompareVerdict | null,
    ]),
  );
  const tracked = await deps.cancellation.track(p.job_id);
  const reconciled = new Map<
    string,
    ReconciledCase & {
      confidence: number | null;
      reasoning: string;
      a_first: string | null;
      b_first: string | null;
      error: string | null;
    }
  >();
  try {
    await runPool(
      c.cases,
      c.plan.concurrency,
      async (tc) => {
        const evidence = caseEvidence(tc);
        const a = callEvidence(c.resA.get(tc.id)!.detail as unknown as CaseOutcome);
        const b = callEvidence(c.resB.get(tc.id)!.detail as unknown as CaseOutcome);
        const perJudge: ReconciledCase[] = [];
        let first: { ab: CompareVerdict | null; ba: CompareVerdict | null } | null = null;
        for (const judge of jury) {
          const orders = await bothOrders(
            deps,
            p,
            judge,
            tc.id,
            (order) =>
              judgePair(
                { client: judge.client, model: judge.model, signal: tracked.signal },
                evidence,
                order === 'ab' ? a : b,
                order === 'ab' ? b : a,
                c.report.custom_instructions,
              ),
            known,
            () => tracked.signal.aborted,
          );
          first ??= orders;
          if (orders.ab && orders.ba) perJudge.push(reconcileSwap(orders.ab, orders.ba));
        }
        // A jury's case winner: the majority of its judges' reconciled winners (no majority: tie).
        const count = (w: string) => perJudge.filter((x) => x.winner === w).length;
        const winner: ReconciledCase['winner'] =
          (['a', 'b'] as const).find((w) => count(w) > perJudge.length / 2) ?? 'tie';
        const result = {
          winner,
          consistent: perJudge.length > 0 && perJudge.every((x) => x.consistent),
          confidence: first?.ab?.confidence ?? null,
          reasoning: first?.ab?.reasoning ?? '',
          a_first: first?.ab?.winner ?? null,
          b_first: first?.ba ? (first.ba.winner === 'a' ? 'b' : first.ba.winner === 'b' ? 'a' : 'tie') : null,
          error: perJudge.length === 0 ? 'no usable verdict in both orders' : null,
        };
        reconciled.set(tc.id, result);
        await deps.bus.publish(
          stream,
          'compare_case',
          { report_id: p.report_id, case_id: tc.id, ...result },
          { dedupe: `compare_case:${tc.id}` },
        );
      },
      tracked.signal,
    );
    if (tracked.signal.aborted) return { cancelled: true };
    const cases = c.cases.map((tc) => ({ case_id: tc.id, ...reconciled.get(tc.id)! }));
    const summary = summarizeComparison(cases.filter((x) => x.error === null));
    const report = {
      comparison: { ...summary, model_a: targetKey(c.targetA), model_b: targetKey(c.targetB) },
      cases,
    };
    await deps.judges.setReport(p.report_id, { report, overall_grade: null, overall_score: summary.score_a });
    await deps.bus.publish(
      stream,
      'compare_complete',
      { report_id: p.report_id, ...report.comparison },
      { dedupe: 'compare_complete' },
    );
    await deps.lifecycle.end(p.job_id, 'completed', { resultRef: p.report_id });
    return { cases: cases.length };
  } finally {
    tracked.dispose();
  }
}
