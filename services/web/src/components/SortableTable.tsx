import { useMemo, useState, type ReactNode } from 'react';

export { PAGE_SIZE } from './page-size';

// A click or Enter on a control inside the row belongs to that control, not to the row.
const fromRow = (e: { target: EventTarget }) =>
  !(e.target as Element).closest('a, button, input, select, textarea, label');
const collator = new Intl.Collator(undefined, { numeric: true });

export type Column<T> = {
  key: string;
  label: string;
  /** The value sorted on (numbers sort numerically, the rest as text). */
  value: (row: T) => number | string | null | undefined;
  render?: (row: T) => ReactNode;
  numeric?: boolean;
};

/** A table sortable by any column (click or Enter on its header); `aria-sort` tells screen readers. */
export function SortableTable<T>({
  columns,
  rows,
  rowKey,
  initialSort,
  caption,
  onRowClick,
  rowClassName,
  testId,
  pageSize,
}: {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  initialSort?: { key: string; dir: 'asc' | 'desc' };
  caption?: string;
  onRowClick?: (row: T) => void;
  rowClassName?: (row: T) => string | undefined;
  testId?: string;
  /** Show this many rows at a time, with a pager (a 10 000-result run stays responsive). */
  pageSize?: number;
}) {
  const [sort, setSort] = useState(initialSort);
  const [page, setPage] = useState(0);
  const sorted = useMemo(() => {
    const column = columns.find((c) => c.key === sort?.key);
    if (!column || !sort) return rows;
    const dir = sort.dir === 'asc' ? 1 : -1;
    // Each row's value is computed once, not once per comparison.
    const keyed = rows.map((row) => ({ row, v: column.value(row) }));
    keyed.sort(({ v: x }, { v: y }) => {
      if (x === y) return 0;
      if (x === null || x === undefined) return 1; // blanks last either way
      if (y === null || y === undefined) return -1;
      return (
        (typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y))) *
        dir
      );
    });
    return keyed.map((k) => k.row);
  }, [rows, columns, sort]);
  const pages = pageSize ? Math.max(1, Math.ceil(sorted.length / pageSize)) : 1;
  const current = Math.min(page, pages - 1);
  const visible = pageSize ? sorted.slice(current * pageSize, (current + 1) * pageSize) : sorted;
  return (
    <>
      <div className="table-wrap">
        <table className="table" data-testid={testId}>
          {caption && <caption>{caption}</caption>}
          <thead>
            <tr>
              {columns.map((c) => {
                const active = sort?.key === c.key;
                return (
                  <th
                    key={c.key}
                    scope="col"
                    className={c.numeric ? 'num' : undefined}
                    aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                  >
                    <button
                      type="button"
                      className="th-sort"
                      onClick={() =>
                        setSort({
                          key: c.key,
                          dir:
                            active && sort.dir === 'desc'
                              ? 'asc'
                              : active
                                ? 'desc'
                                : c.numeric
                                  ? 'desc'
                                  : 'asc',
                        })
                      }
                    >
                      {c.label}
                      <span aria-hidden="true">{active ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                    </button>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {visible.map((row) => (
              <tr
                key={rowKey(row)}
                className={
                  [onRowClick ? 'clickable' : '', rowClassName?.(row) ?? ''].join(' ').trim() || undefined
                }
                onClick={onRowClick ? (e) => fromRow(e) && onRowClick(row) : undefined}
                onKeyDown={onRowClick ? (e) => e.key === 'Enter' && fromRow(e) && onRowClick(row) : undefined}
                tabIndex={onRowClick ? 0 : undefined}
              >
                {columns.map((c) => (
                  <td key={c.key} className={c.numeric ? 'num' : undefined}>
                    {c.render ? c.render(row) : (c.value(row) ?? '—')}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pageSize && pages > 1 && (
        <Pager page={current} pages={pages} pageSize={pageSize} total={sorted.length} onPage={setPage} />
      )}
    </>
  );
}

function Pager({
  page,
  pages,
  pageSize,
  total,
  onPage,
}: {
  page: number;
  pages: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
}) {
  const first = page * pageSize + 1;
  const last = Math.min(total, (page + 1) * pageSize);
  return (
    <nav className="row pager" aria-label="Table pages">
      <button type="button" className="btn btn-small" disabled={page === 0} onClick={() => onPage(0)}>
        First
      </button>
      <button type="button" className="btn btn-small" disabled={page === 0} onClick={() => onPage(page - 1)}>
        Previous
      </button>
      <span className="small" aria-live="polite" data-testid="pager-status">
        Rows {first.toLocaleString()}–{last.toLocaleString()} of {total.toLocaleString()}
      </span>
      <button
        type="button"
        className="btn btn-small"
        disabled={page >= pages - 1}
        onClick={() => onPage(page + 1)}
      >
        Next
      </button>
      <button
        type="button"
        className="btn btn-small"
        disabled={page >= pages - 1}
        onClick={() => onPage(pages - 1)}
      >
        Last
      </button>
    </nav>
  );
}
