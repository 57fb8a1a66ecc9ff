/** A run of text in a diff: kept, inserted (only in the new text) or deleted (only in the old). */
export type DiffOp = { type: 'equal' | 'insert' | 'delete'; text: string };

/** Words and the whitespace between them, as separate tokens (so joining them gives the text back). */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

/** Appends a token run, merging it with the previous op when the type is the same. */
function push(out: DiffOp[], type: DiffOp['type'], text: string): void {
  if (!text) return;
  const last = out.at(-1);
  if (last && last.type === type) last.text += text;
  else out.push({ type, text });
}

/**
 * Myers' O((N+M)·D) shortest edit script between two token lists.
 * @returns the ops in order: equal, delete (from `a`) and insert (from `b`) runs
 */
function myers(a: string[], b: string[]): DiffOp[] {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace back from (n, m) to (0, 0), collecting ops in reverse.
  const reversed: { type: DiffOp['type']; token: string }[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d]!;
    const k = x - y;
    const prevK =
      d === 0 ? 0 : k === -d || (k !== d && vd[offset + k - 1]! < vd[offset + k + 1]!) ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : vd[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      reversed.push({ type: 'equal', token: a[x - 1]! });
      x--;
      y--;
    }
    if (d > 0) {
      if (x === prevX) reversed.push({ type: 'insert', token: b[y - 1]! });
      else reversed.push({ type: 'delete', token: a[x - 1]! });
    }
    x = prevX;
    y = prevY;
  }
  const out: DiffOp[] = [];
  for (let i = reversed.length - 1; i >= 0; i--) push(out, reversed[i]!.type, reversed[i]!.token);
  return out;
}

/**
 * A word-level diff of `before` → `after`. Joining the equal and delete runs gives `before` back;
 * joining the equal and insert runs gives `after`. Common prefix and suffix are cut first.
 */
export function diffWords(before: string, after: string): DiffOp[] {
  const a = tokenize(before);
  const b = tokenize(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: DiffOp[] = [];
  push(out, 'equal', a.slice(0, start).join(''));
  for (const op of myers(a.slice(start, endA), b.slice(start, endB))) push(out, op.type, op.text);
  push(out, 'equal', a.slice(endA).join(''));
  return out;
}

/** Counts of inserted and deleted words (whitespace runs not counted). */
export function diffStats(ops: DiffOp[]): { inserted: number; deleted: number; kept: number } {
  const words = (t: string) => tokenize(t).filter((w) => /\S/.test(w)).length;
  const s = { inserted: 0, deleted: 0, kept: 0 };
  for (const op of ops) {
    if (op.type === 'insert') s.inserted += words(op.text);
    else if (op.type === 'delete') s.deleted += words(op.text);
    else s.kept += words(op.text);
  }
  return s;
}
