import { useMemo, useState, type ReactNode } from 'react';

// A click or Enter on a control inside the row belongs to that control, not to the row.
const fromRow = (e: { target: EventTarget }) =>
  !(e.target as Element).closest('a, button, input, select, textarea, label');

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
}: {
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  initialSort?: { key: string; dir: 'asc' | 'desc' };
  caption?: string;
  onRowClick?: (row: T) => void;
  rowClassName?: (row: T) => string | undefined;
  testId?: string;
}) {
  const [sort, setSort] = useState(initialSort);
  const sorted = useMemo(() => {
    const column = columns.find((c) => c.key === sort?.key);
    if (!column || !sort) return rows;
    const dir = sort.dir === 'asc' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const x = column.value(a);
      const y = column.value(b);
      if (x === y) return 0;
      if (x === null || x === undefined) return 1; // blanks last either way
      if (y === null || y === undefined) return -1;
      return (
        (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))) * dir
      );
    });
  }, [rows, columns, sort]);
  return (
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
          {sorted.map((row) => (
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
  );
}
