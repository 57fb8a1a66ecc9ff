/** The parts of a stored result's detail (a CaseOutcome) that describe what went wrong. */
export function fromResultRowDetail(detail: unknown): { actual_tool: string | null; error: string | null } {
  const score = (detail as { score?: { actual_tool?: string | null; error?: string | null } } | null)?.score;
  return { actual_tool: score?.actual_tool ?? null, error: score?.error ?? null };
}
