import type { TestCaseView } from '@llmbench/contracts';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useApi } from './use-api';

export type PickableCase = Pick<TestCaseView, 'id' | 'prompt' | 'expected_tool' | 'category'>;

/** A suite's cases as `/api/tool-suites/:id/cases` lists them. */
export function useSuiteCases(suiteId: string) {
  return useApi<{ items: PickableCase[] }>(`/api/tool-suites/${suiteId}/cases`);
}

/** Narrow a list of cases to one category ("" is all of them). */
export function CategorySelect({
  categories,
  value,
  onChange,
}: {
  categories: string[];
  value: string;
  onChange: (category: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>Category</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">All categories</option>
        {categories.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </div>
  );
}

const expectedText = (c: PickableCase) =>
  c.expected_tool === null
    ? 'no tool'
    : Array.isArray(c.expected_tool)
      ? c.expected_tool.join(' | ')
      : c.expected_tool;

/**
 * Choose some of a suite's cases: filter by text or category, select or clear the shown ones at
 * once, tick single cases. The chosen ids come back in the suite's order.
 */
export function CasePicker({
  cases,
  chosen,
  onChange,
  legend = 'Cases',
  listClassName = '',
  status,
  children,
  describedBy,
}: {
  cases: PickableCase[];
  chosen: string[];
  onChange: (ids: string[]) => void;
  legend?: string;
  /** An extra class on the checkbox list. */
  listClassName?: string;
  /** Shown before the bulk buttons (e.g. a count). */
  status?: ReactNode;
  /** More bulk buttons after "Select" and "Clear". */
  children?: ReactNode;
  /** The id of an error or hint about the choice. */
  describedBy?: string;
}) {
  const id = useId();
  const [text, setText] = useState('');
  const [category, setCategory] = useState('');
  const categories = useMemo(
    () => [...new Set(cases.map((c) => c.category).filter((x): x is string => !!x))].sort(),
    [cases],
  );
  const needle = text.trim().toLowerCase();
  const filtered = needle !== '' || category !== '';
  const shown = cases.filter(
    (c) =>
      (!category || c.category === category) &&
      (!needle ||
        c.prompt.toLowerCase().includes(needle) ||
        expectedText(c).toLowerCase().includes(needle) ||
        (c.category ?? '').toLowerCase().includes(needle)),
  );
  const set = new Set(chosen);
  const emit = (next: Set<string>) => onChange(cases.filter((c) => next.has(c.id)).map((c) => c.id));
  const withShown = (add: boolean) => {
    const next = new Set(set);
    for (const c of shown) {
      if (add) next.add(c.id);
      else next.delete(c.id);
    }
    emit(next);
  };
  return (
    <div className="case-picker stack">
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-q`}>Find cases</label>
          <input
            id={`${id}-q`}
            type="search"
            value={text}
            placeholder="prompt, tool or category"
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        {categories.length > 0 && (
          <CategorySelect categories={categories} value={category} onChange={setCategory} />
        )}
      </div>
      <div className="row small">
        {status}
        <button type="button" className="btn btn-small" onClick={() => withShown(true)}>
          Select {filtered ? 'shown' : 'all'}
        </button>
        <button type="button" className="btn btn-small" onClick={() => withShown(false)}>
          Clear {filtered ? 'shown' : 'all'}
        </button>
        {children}
      </div>
      <fieldset className={`case-list ${listClassName}`.trim()} aria-describedby={describedBy}>
        <legend className="sr-only">{legend}</legend>
        {cases.length > 0 && shown.length === 0 && <p className="muted small">No case matches the filter.</p>}
        {shown.map((c) => (
          <label key={c.id} className="check">
            <input
              type="checkbox"
              checked={set.has(c.id)}
              onChange={(e) => {
                const next = new Set(set);
                if (e.target.checked) next.add(c.id);
                else next.delete(c.id);
                emit(next);
              }}
            />
            <span>
              {c.prompt}{' '}
              <span className="muted small">
                → {expectedText(c)}
                {c.category ? ` · ${c.category}` : ''}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
