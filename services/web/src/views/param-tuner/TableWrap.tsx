import type { ReactNode } from 'react';

/** A `.table-wrap` that keyboard users can scroll (focusable region with a name). */
export function TableWrap({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
