import { useMemo } from 'react';
import { diffStats, diffWords } from './diff';

/**
 * A word-level diff of two prompts: insertions underlined on green with a "+" marker, deletions
 * struck through on red with a "−" marker (colour is never the only cue); screen readers hear
 * "added" / "removed".
 */
export function PromptDiff({ before, after, label }: { before: string; after: string; label: string }) {
  const ops = useMemo(() => diffWords(before, after), [before, after]);
  const stats = diffStats(ops);
  return (
    <figure className="pt-diff" data-testid="prompt-diff">
      <figcaption className="small">
        <strong>{label}</strong>{' '}
        <span className="muted">
          <span data-testid="diff-inserted">+{stats.inserted}</span> words added ·{' '}
          <span data-testid="diff-deleted">−{stats.deleted}</span> removed · {stats.kept} kept
        </span>
        <span className="pt-diff-legend" aria-hidden="true">
          <ins>added</ins> <del>removed</del>
        </span>
      </figcaption>
      {ops.length === 0 ? (
        <p className="muted">Both prompts are empty.</p>
      ) : stats.inserted === 0 && stats.deleted === 0 ? (
        <p className="muted">No change: the best prompt is the base prompt.</p>
      ) : null}
      <div className="pt-diff-body">
        {ops.map((op, i) =>
          op.type === 'equal' ? (
            <span key={i}>{op.text}</span>
          ) : op.type === 'insert' ? (
            <ins key={i}>
              <span className="sr-only">[added: </span>
              {op.text}
              <span className="sr-only">]</span>
            </ins>
          ) : (
            <del key={i}>
              <span className="sr-only">[removed: </span>
              {op.text}
              <span className="sr-only">]</span>
            </del>
          ),
        )}
      </div>
    </figure>
  );
}
