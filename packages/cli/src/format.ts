/** A 0..1 score with three decimals; `-` when there is none (e.g. parameters not scored). */
export function fmtScore(x: number | null | undefined): string {
  return typeof x === 'number' && Number.isFinite(x) ? x.toFixed(3) : '-';
}

/** Cuts text to `max` characters on one line, marking the cut. */
export function truncate(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, Math.max(0, max - 1))}…`;
}

/** A compact one-line JSON rendering of a config or parameter set. */
export function fmtJson(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}
