import type { TestCaseView } from '@llmbench/contracts';
import { useId, useMemo, useState } from 'react';

const expected = (c: TestCaseView) =>
  c.expected_tool === null
    ? 'no tool'
    : Array.isArray(c.expected_tool)
      ? c.expected_tool.join(' | ')
      : c.expected_tool;

/** Choose some of a suite's cases (filter by text or category; select the shown ones at once). */
export function CasePicker({
  cases,
  chosen,
  onChange,
}: {
  cases: TestCaseView[];
  chosen: string[];
  onChange: (ids: string[]) => void;
}) {
  const filterId = useId();
  const categoryId = useId();
  const [text, setText] = useState('');
  const [category, setCategory] = useState('');
  const categories = useMemo(
    () => [...new Set(cases.map((c) => c.category).filter((x): x is string => !!x))].sort(),
    [cases],
  );
  const needle = text.trim().toLowerCase();
  const shown = cases.filter(
    (c) =>
      (!category || c.category === category) &&
      (!needle || c.prompt.toLowerCase().includes(needle) || expected(c).toLowerCase().includes(needle)),
  );
  const set = new Set(chosen);
  return (
    <div className="pt-cases">
      <div className="row">
        <div className="field">
          <label htmlFor={filterId}>Filter cases</label>
          <input id={filterId} type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        {categories.length > 0 && (
          <div className="field">
            <label htmlFor={categoryId}>Category</label>
            <select id={categoryId} value={category} onChange={(e) => setCategory(e.target.value)}>
              <option value="">All categories</option>
              {categories.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      <div className="row small">
        <span data-testid="cases-chosen">
          {chosen.length} of {cases.length} chosen
        </span>
        <button
          type="button"
          className="btn btn-small"
          onClick={() => onChange([...new Set([...chosen, ...shown.map((c) => c.id)])])}
        >
          Choose the {shown.length} shown
        </button>
        <button type="button" className="btn btn-small" onClick={() => onChange([])}>
          Clear
        </button>
      </div>
      <fieldset className="pt-case-list">
        <legend className="sr-only">Cases</legend>
        {shown.length === 0 && <p className="muted small">No case matches the filter.</p>}
        {shown.map((c) => (
          <label key={c.id} className="check pt-case">
            <input
              type="checkbox"
              checked={set.has(c.id)}
              onChange={(e) =>
                onChange(e.target.checked ? [...chosen, c.id] : chosen.filter((id) => id !== c.id))
              }
            />
            <span>
              {c.prompt}{' '}
              <span className="muted small">
                → {expected(c)}
                {c.category ? ` · ${c.category}` : ''}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
