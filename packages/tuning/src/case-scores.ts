/** A stored result's score, as the database returns it. */
export interface ScoreRow {
  unit_key: string;
  case_id: string;
  repeat_index: number;
  overall_score: number;
}

/**
 * Per-case scores of each unit, in the fixed case order and cut at the first case that is missing a
 * repeat: the prefix of the order each combination has been fully evaluated on (what the search
 * driver and the significance test need). A case's score is the mean over its repeats.
 */
export function caseScoresByUnit(
  rows: readonly ScoreRow[],
  caseOrder: readonly string[],
  repeats: number,
): Map<string, number[]> {
  const byUnit = new Map<string, Map<string, number[]>>();
  for (const r of rows) {
    let cases = byUnit.get(r.unit_key);
    if (!cases) byUnit.set(r.unit_key, (cases = new Map()));
    const list = cases.get(r.case_id);
    if (list) list.push(r.overall_score);
    else cases.set(r.case_id, [r.overall_score]);
  }
  const out = new Map<string, number[]>();
  for (const [unit, cases] of byUnit) {
    const prefix: number[] = [];
    for (const id of caseOrder) {
      const scores = cases.get(id);
      if (!scores || scores.length < repeats) break;
      prefix.push(scores.reduce((s, x) => s + x, 0) / scores.length);
    }
    out.set(unit, prefix);
  }
  return out;
}
