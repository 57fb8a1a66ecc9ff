import type { CompareVerdict, Verdict } from './schemas.js';

/** A compared case after reconciling the A-first and B-first judgements. */
export interface ReconciledCase {
  winner: 'a' | 'b' | 'tie';
  /** Both orders named the same winner (or both said tie). */
  consistent: boolean;
}

/**
 * Reconciles a case judged twice: once with A shown first, once with B shown first (in that run the
 * judge's "a" is model B). Agreeing verdicts stand; disagreeing ones — position bias — make a tie.
 */
export function reconcileSwap(aFirst: CompareVerdict, bFirst: CompareVerdict): ReconciledCase {
  const unswapped = bFirst.winner === 'a' ? 'b' : bFirst.winner === 'b' ? 'a' : 'tie';
  const consistent = unswapped === aFirst.winner;
  return { winner: consistent ? aFirst.winner : 'tie', consistent };
}

/** The comparison's summary: win shares, ties and how often the two orders agreed. */
export function summarizeComparison(cases: readonly ReconciledCase[]) {
  const n = cases.length;
  const a = cases.filter((c) => c.winner === 'a').length;
  const b = cases.filter((c) => c.winner === 'b').length;
  const ties = n - a - b;
  const share = (x: number) => (n === 0 ? 0 : Math.round((1000 * x) / n) / 10);
  const overall: 'model_a' | 'model_b' | 'tie' = a > b ? 'model_a' : b > a ? 'model_b' : 'tie';
  return {
    overall_winner: overall,
    score_a: share(a + ties / 2),
    score_b: share(b + ties / 2),
    wins_a: a,
    wins_b: b,
    tie_cases: ties,
    position_consistency:
      n === 0 ? 1 : Math.round((1000 * cases.filter((c) => c.consistent).length) / n) / 1000,
    summary: `Model A won ${a}, model B won ${b} and ${ties} were ties over ${n} cases (each judged in both orders).`,
  };
}

const RANK = { fail: 0, marginal: 1, pass: 2 } as const;

/**
 * A jury's verdict on one case: the majority verdict (a split jury gives the middle verdict, marginal),
 * the mean quality score, and whether the judges agreed.
 */
export function combineJury(verdicts: readonly Verdict[]): { verdict: Verdict; unanimous: boolean } {
  const counts = { pass: 0, marginal: 0, fail: 0 };
  for (const v of verdicts) counts[v.verdict]++;
  const top = (Object.keys(counts) as (keyof typeof counts)[]).sort(
    (x, y) => counts[y] - counts[x] || RANK[y] - RANK[x],
  );
  const majority = counts[top[0]!] > verdicts.length / 2 ? top[0]! : 'marginal';
  const quality = Math.round(
    verdicts.reduce((s, v) => s + v.quality_score, 0) / Math.max(1, verdicts.length),
  );
  const first = verdicts.find((v) => v.verdict === majority) ?? verdicts[0]!;
  return {
    verdict: { ...first, verdict: majority, quality_score: Math.min(5, Math.max(1, quality)) },
    unanimous: new Set(verdicts.map((v) => v.verdict)).size <= 1,
  };
}

/** Mean pairwise agreement of judges' verdicts over cases (1 = always the same verdict). */
export function interJudgeAgreement(cases: readonly (readonly Verdict[])[]): number | null {
  let agree = 0;
  let pairs = 0;
  for (const vs of cases)
    for (let i = 0; i < vs.length; i++)
      for (let j = i + 1; j < vs.length; j++) {
        pairs++;
        if (vs[i]!.verdict === vs[j]!.verdict) agree++;
      }
  return pairs === 0 ? null : Math.round((1000 * agree) / pairs) / 1000;
}

/** How often the judge's pass/fail matches the deterministic scorer's (marginal counts as not passed). */
export function scorerAgreement(
  pairs: readonly { judgePass: boolean; scorerPass: boolean }[],
): number | null {
  if (pairs.length === 0) return null;
  return Math.round((1000 * pairs.filter((p) => p.judgePass === p.scorerPass).length) / pairs.length) / 1000;
}

/** The report score the verdicts imply (pass 1, marginal ½), 0–100: the fallback when the judge gives none. */
export function verdictScore(verdicts: readonly Pick<Verdict, 'verdict'>[]): number {
  if (verdicts.length === 0) return 0;
  const points = verdicts.reduce(
    (s, v) => s + (v.verdict === 'pass' ? 1 : v.verdict === 'marginal' ? 0.5 : 0),
    0,
  );
  return Math.round((100 * points) / verdicts.length);
}
