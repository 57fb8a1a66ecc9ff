import type { SuiteView, TestCaseInput, TestCaseView } from '@llmbench/contracts';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { Link, navigate, setQuery, type Route } from '../../app/router';
import { SortableTable, type Column } from '../../components/SortableTable';
import {
  Badge,
  ConfirmButton,
  EmptyState,
  ErrorBanner,
  Field,
  InputField,
  Loading,
  PageHeader,
  Tabs,
} from '../../components/ui';
import { useApi } from '../../components/use-api';
import { when } from '../../lib/format';
import { CaseEditor } from './CaseEditor';
import { downloadSuiteExport } from './export';
import {
  categoryCounts,
  expectedLabel,
  filterCases,
  nameCasesInMessage,
  paramsLabel,
  scoringLabel,
  sourceLabel,
} from './logic';
import { checkToolsText, ToolsEditor } from './parts';
import './suites.css';
import { toApiError, useSubmit } from './use-submit';

type Tab = 'cases' | 'tools' | 'settings';

/** Expected parameters as `key = value` lines (long values shortened; the full JSON is in the form). */
function ParamsCell({ params }: { params: Record<string, unknown> }) {
  const entries = Object.entries(params);
  if (entries.length === 0) return <span className="muted small">no parameters</span>;
  return (
    <ul className="params-cell plain">
      {entries.slice(0, 6).map(([k, v]) => {
        const text = JSON.stringify(v);
        return (
          <li key={k}>
            <span className="param-key">{k}</span> ={' '}
            <code>{text.length > 60 ? `${text.slice(0, 59)}…` : text}</code>
          </li>
        );
      })}
      {entries.length > 6 && <li className="muted small">… {entries.length - 6} more</li>}
    </ul>
  );
}

type Editing = { mode: 'new'; from?: string } | { mode: 'edit'; id: string };

function CasesTab({ suite, reload }: { suite: SuiteView; reload: () => void }) {
  const [editing, setEditing] = useState<Editing | null>(null);
  const [pending, setPending] = useState<Editing>();
  const dirty = useRef(false);
  /** A selector to focus once the table shows it (after a save, cancel or reload). */
  const [focusAfter, setFocusAfter] = useState<string>();
  const [search, setSearch] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<unknown>();
  const cases = suite.test_cases;
  const counts = useMemo(() => categoryCounts(cases), [cases]);
  const shown = useMemo(() => filterCases(cases, search, category), [cases, search, category]);
  const numberOf = (c: TestCaseView) => cases.findIndex((x) => x.id === c.id) + 1;
  const editingCase = editing?.mode === 'edit' ? cases.find((c) => c.id === editing.id) : undefined;
  const templateCase =
    editing?.mode === 'new' && editing.from ? cases.find((c) => c.id === editing.from) : undefined;

  useEffect(() => {
    if (!focusAfter) return;
    const el = document.querySelector<HTMLElement>(focusAfter);
    if (!el) return;
    el.focus();
    setFocusAfter(undefined);
  }, [focusAfter, cases, editing]);

  /** Opens the form for a case (or a new one); unsaved edits are never dropped silently. */
  function open(target: Editing) {
    setNotice(undefined);
    if (editing && dirty.current) {
      setPending(target);
      return;
    }
    dirty.current = false;
    setPending(undefined);
    setEditing(target);
  }

  function close(focus: string) {
    dirty.current = false;
    setPending(undefined);
    setEditing(null);
    setFocusAfter(focus);
  }

  const editSelector = (n: number) => `[aria-label="Edit case ${n}"]`;

  async function save(body: TestCaseInput) {
    if (editing?.mode === 'edit') {
      await api.put(`/api/tool-suites/${suite.id}/cases/${editing.id}`, body);
      const n = editingCase ? numberOf(editingCase) : 0;
      setNotice(`Saved case ${n}.`);
      close(editSelector(n));
    } else {
      await api.post(`/api/tool-suites/${suite.id}/cases`, body);
      setNotice(`Added case ${cases.length + 1}.`);
      close(editSelector(cases.length + 1));
    }
    reload();
  }

  const describe = (t: Editing) => {
    if (t.mode === 'new') {
      const from = t.from ? cases.find((c) => c.id === t.from) : undefined;
      return from ? `a copy of case ${numberOf(from)}` : 'a new case';
    }
    const c = cases.find((x) => x.id === t.id);
    return c ? `case ${numberOf(c)}` : 'another case';
  };

  const columns: Column<TestCaseView>[] = [
    { key: 'n', label: '#', value: (c) => numberOf(c), numeric: true },
    {
      key: 'prompt',
      label: 'Prompt',
      value: (c) => c.prompt,
      render: (c) => (
        <div className="prompt-cell">
          <span className="clamp-3">{c.prompt}</span>
          {c.tools && <Badge tone="info">own tools ({c.tools.length})</Badge>}
          {c.bfcl && <Badge tone="neutral">BFCL {c.bfcl.id}</Badge>}
        </div>
      ),
    },
    {
      key: 'expected',
      label: 'Expected tool',
      value: (c) => expectedLabel(c),
      render: (c) =>
        c.expected_tool === null ? (
          <Badge tone="warn">no tool call</Badge>
        ) : Array.isArray(c.expected_tool) ? (
          <span>
            <span className="muted small">any of </span>
            <span className="mono">{c.expected_tool.join(', ')}</span>
          </span>
        ) : (
          <span className="mono">{c.expected_tool}</span>
        ),
    },
    {
      key: 'params',
      label: 'Expected params',
      value: (c) => paramsLabel(c),
      render: (c) =>
        c.expected_params === null ? (
          <span className="muted small">not scored</span>
        ) : (
          <ParamsCell params={c.expected_params} />
        ),
    },
    { key: 'scoring', label: 'Scoring', value: (c) => scoringLabel(c) },
    {
      key: 'category',
      label: 'Category',
      value: (c) => c.category ?? '',
      render: (c) => c.category ?? <span className="muted">—</span>,
    },
    {
      key: 'turns',
      label: 'Turns',
      value: (c) => (c.multi_turn ? c.max_rounds : 0),
      render: (c) =>
        c.multi_turn ? (
          <Badge tone="info" title={`up to ${c.max_rounds} rounds, optimal path ${c.optimal_hops} calls`}>
            multi-turn · {c.optimal_hops}/{c.max_rounds}
          </Badge>
        ) : (
          <span className="muted small">single</span>
        ),
    },
    {
      key: 'actions',
      label: 'Actions',
      value: () => null,
      render: (c) => (
        <div className="row nowrap-row">
          <button
            type="button"
            className="btn btn-small"
            aria-label={`Edit case ${numberOf(c)}`}
            onClick={() => open({ mode: 'edit', id: c.id })}
          >
            Edit
          </button>
          <button
            type="button"
            className="btn btn-small"
            aria-label={`Duplicate case ${numberOf(c)}`}
            title="Start a new case from a copy of this one"
            onClick={() => open({ mode: 'new', from: c.id })}
          >
            Copy
          </button>
          <ConfirmButton
            label="Delete"
            confirmLabel={`Delete case ${numberOf(c)}`}
            onConfirm={async () => {
              setError(undefined);
              try {
                await api.del(`/api/tool-suites/${suite.id}/cases/${c.id}`);
                setNotice(`Deleted case ${numberOf(c)}.`);
                if (editing?.mode === 'edit' && editing.id === c.id) close('[data-focus="add-case"]');
                reload();
              } catch (e) {
                setError(e);
              }
            }}
          />
        </div>
      ),
    },
  ];

  return (
    <section aria-label="Test cases">
      {notice && (
        <p className="banner banner-info" role="status">
          {notice}
        </p>
      )}
      <ErrorBanner error={error} title="That did not work" />
      {pending && editing && (
        <div className="banner banner-warn row spread" role="alert">
          <span>
            {editing.mode === 'edit' ? describe(editing).replace(/^c/, 'C') : 'The new case'} has unsaved
            changes.
          </span>
          <span className="row">
            <button
              type="button"
              className="btn btn-small"
              onClick={() => {
                dirty.current = false;
                setEditing(pending);
                setPending(undefined);
              }}
            >
              Discard them and open {describe(pending)}
            </button>
            <button type="button" className="btn btn-small" autoFocus onClick={() => setPending(undefined)}>
              Keep editing
            </button>
          </span>
        </div>
      )}
      {editing && (
        <CaseEditor
          key={editing.mode === 'edit' ? editing.id : `new-${editing.from ?? ''}`}
          initial={editingCase}
          template={templateCase}
          position={editingCase ? numberOf(editingCase) : templateCase ? numberOf(templateCase) : undefined}
          suiteTools={suite.tools}
          categories={counts.map((c) => c.category).filter(Boolean)}
          onSave={save}
          onDirty={() => {
            dirty.current = true;
          }}
          onCancel={() =>
            close(editingCase ? editSelector(numberOf(editingCase)) : '[data-focus="add-case"]')
          }
        />
      )}
      {!editing && (
        <div className="row spread cases-toolbar">
          <button
            type="button"
            className="btn btn-primary"
            data-focus="add-case"
            onClick={() => open({ mode: 'new' })}
            disabled={suite.tools.length === 0}
            title={suite.tools.length === 0 ? 'Add tools first (Tools tab)' : undefined}
          >
            Add case
          </button>
          {cases.length > 0 && (
            <div className="row">
              <div className="field inline-field">
                <label htmlFor="case-search">Search cases</label>
                <input
                  id="case-search"
                  type="search"
                  value={search}
                  placeholder="Prompt, tool, value…"
                  onChange={(e) => setSearch(e.target.value)}
                />
              </div>
              {counts.length > 1 && (
                <div className="field inline-field">
                  <label htmlFor="case-category-filter">Category</label>
                  <select
                    id="case-category-filter"
                    value={category ?? '*'}
                    onChange={(e) => setCategory(e.target.value === '*' ? null : e.target.value)}
                  >
                    <option value="*">All ({cases.length})</option>
                    {counts.map((c) => (
                      <option key={c.category} value={c.category}>
                        {c.category || 'uncategorised'} ({c.count})
                      </option>
                    ))}
                  </select>
                </div>
              )}
            </div>
          )}
        </div>
      )}
      {suite.tools.length === 0 && (
        <p className="banner banner-warn">
          This suite has no tools yet. <Link to={`/suites/${suite.id}?tab=tools`}>Add tools</Link> before
          writing test cases.
        </p>
      )}
      {cases.length === 0 ? (
        <EmptyState title="No test cases yet">
          Add a case: a prompt, the tool the model should call and the parameters you expect. Or import a
          whole suite document with its cases.
        </EmptyState>
      ) : shown.length === 0 ? (
        <p className="banner banner-info">
          No case matches.{' '}
          <button
            type="button"
            className="btn-link"
            onClick={() => {
              setSearch('');
              setCategory(null);
            }}
          >
            Show all cases
          </button>
        </p>
      ) : (
        <SortableTable
          testId="cases-table"
          caption={
            shown.length === cases.length
              ? `${cases.length} test cases`
              : `${shown.length} of ${cases.length} test cases`
          }
          columns={columns}
          rows={shown}
          rowKey={(c) => c.id}
          rowClassName={(c) => (editing?.mode === 'edit' && editing.id === c.id ? 'row-editing' : undefined)}
        />
      )}
    </section>
  );
}

function ToolsTab({ suite, reload }: { suite: SuiteView; reload: () => void }) {
  const saved = JSON.stringify(suite.tools, null, 2);
  const [text, setText] = useState(saved);
  const { error, setError, busy, run } = useSubmit();
  const [notice, setNotice] = useState<string>();
  const check = checkToolsText(text);
  const dirty = text !== saved;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const tools = check.tools;
    if (!tools) return;
    setNotice(undefined);
    await run(async () => {
      const updated = await api.patch<SuiteView>(`/api/tool-suites/${suite.id}`, { tools });
      setText(JSON.stringify(updated.tools, null, 2));
      setNotice(`Saved ${updated.tools.length} tools.`);
      reload();
    });
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-label="Tools">
      <p className="muted">
        The tools offered to the model in OpenAI function-calling format. Cases may not expect a tool you
        remove; the server lists them if you try.
      </p>
      {notice && (
        <p className="banner banner-info" role="status">
          {notice}
        </p>
      )}
      {error && (
        <div className="banner banner-error" role="alert">
          <strong>The tools were not saved:</strong>{' '}
          {error.details.length > 0 ? 'see the problems under the editor.' : error.message}
        </div>
      )}
      <ToolsEditor
        text={text}
        onChange={(t) => {
          setText(t);
          setNotice(undefined);
        }}
        apiIssues={(error?.details ?? []).map((d) => ({
          path: d.path,
          message: nameCasesInMessage(
            d.message,
            suite.test_cases.map((c) => c.id),
          ),
        }))}
      />
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={busy || !check.tools || !dirty}>
          {busy ? 'Saving…' : 'Save tools'}
        </button>
        <button
          type="button"
          className="btn btn-ghost"
          disabled={!dirty}
          onClick={() => {
            setText(saved);
            setError(undefined);
          }}
        >
          Discard changes
        </button>
        {dirty && !check.tools && <span className="error-text small">Fix the tools JSON to save.</span>}
        {dirty && check.tools && <span className="muted small">Unsaved changes.</span>}
      </div>
    </form>
  );
}

function SettingsTab({ suite, reload }: { suite: SuiteView; reload: () => void }) {
  const [name, setName] = useState(suite.name);
  const [description, setDescription] = useState(suite.description);
  const [systemPrompt, setSystemPrompt] = useState(suite.system_prompt);
  const { error, setError, busy, run } = useSubmit();
  const [notice, setNotice] = useState<string>();
  const nameError = name.trim() === '' ? 'Give the suite a name.' : error?.fieldError('name');
  const dirty =
    name !== suite.name || description !== suite.description || systemPrompt !== suite.system_prompt;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (name.trim() === '') return;
    setNotice(undefined);
    await run(async () => {
      await api.patch(`/api/tool-suites/${suite.id}`, {
        name: name.trim(),
        description,
        system_prompt: systemPrompt,
      });
      setNotice('Saved.');
      reload();
    });
  }

  return (
    <>
      <form className="card" onSubmit={submit} noValidate aria-label="Suite settings">
        {notice && (
          <p className="banner banner-info" role="status">
            {notice}
          </p>
        )}
        <ErrorBanner error={error} title="The settings were not saved" />
        <InputField label="Name" error={nameError} value={name} maxLength={256} onChange={setName} />
        <Field label="Description" id="suite-description" error={error?.fieldError('description')}>
          <textarea
            id="suite-description"
            rows={3}
            value={description}
            maxLength={5000}
            onChange={(e) => setDescription(e.target.value)}
          />
        </Field>
        <Field
          label="System prompt"
          id="suite-system-prompt"
          error={error?.fieldError('system_prompt')}
          hint="Sent before every test case."
        >
          <textarea
            id="suite-system-prompt"
            rows={6}
            value={systemPrompt}
            onChange={(e) => setSystemPrompt(e.target.value)}
          />
        </Field>
        <div className="row">
          <button type="submit" className="btn btn-primary" disabled={busy || !dirty || name.trim() === ''}>
            {busy ? 'Saving…' : 'Save settings'}
          </button>
        </div>
      </form>
      <section className="card danger-zone" aria-labelledby="danger-title">
        <h2 id="danger-title">Delete this suite</h2>
        <p className="muted">
          Removes the suite and its {suite.test_cases.length} cases. Past runs keep their own copy.
        </p>
        <ConfirmButton
          label="Delete suite"
          confirmLabel={`Delete “${suite.name}”`}
          onConfirm={async () => {
            try {
              await api.del(`/api/tool-suites/${suite.id}`);
              navigate('/suites');
            } catch (err) {
              setError(toApiError(err));
            }
          }}
        />
      </section>
    </>
  );
}

/** `/suites/:id?tab=cases|tools|settings`: edit one suite. */
export function SuiteEdit({ route }: { route: Route }) {
  const id = route.params.id ?? '';
  const tabParam = route.query.get('tab');
  const tab: Tab = tabParam === 'tools' || tabParam === 'settings' ? tabParam : 'cases';
  const imported = route.query.get('imported');
  const created = route.query.get('created');
  const suite = useApi<SuiteView>(`/api/tool-suites/${encodeURIComponent(id)}`);
  const [exportError, setExportError] = useState<unknown>();

  if (suite.error?.status === 404 || suite.error?.status === 400)
    return (
      <EmptyState title="Suite not found" action={<Link to="/suites">Back to your suites</Link>}>
        It may have been deleted, or it belongs to another account.
      </EmptyState>
    );
  if (suite.error && !suite.data)
    return (
      <div className="suites">
        <ErrorBanner error={suite.error} title="Could not load the suite" />
        <button type="button" className="btn" onClick={suite.reload}>
          Try again
        </button>
      </div>
    );
  const s = suite.data;
  if (!s) return <Loading label="Loading the suite…" />;
  const href = (t: Tab) => `#/suites/${s.id}?tab=${t}`;
  const multi = s.test_cases.filter((c) => c.multi_turn).length;

  return (
    <div className="suites">
      <p className="crumbs small">
        <Link to="/suites">Suites</Link> › {s.name}
      </p>
      <PageHeader
        title={s.name}
        subtitle={s.description || undefined}
        actions={
          <>
            <Link to={`/evaluate?suite_id=${s.id}`} className="btn btn-primary">
              Evaluate this suite
            </Link>
            <button
              type="button"
              className="btn"
              onClick={() => {
                setExportError(undefined);
                downloadSuiteExport(s.id, s.name).catch((e: unknown) => setExportError(e));
              }}
            >
              Export JSON
            </button>
          </>
        }
      />
      <div className="row suite-facts" data-testid="suite-facts">
        <Badge tone="info">
          <span data-testid="tool-count">{s.tools.length}</span> tools
        </Badge>
        <Badge tone="info">
          <span data-testid="case-count">{s.test_cases.length}</span> cases
        </Badge>
        {multi > 0 && <Badge tone="neutral">{multi} multi-turn</Badge>}
        <Badge tone={s.source?.type === 'bfcl' ? 'info' : 'neutral'}>{sourceLabel(s.source)}</Badge>
        <span className="muted small">Updated {when(s.updated_at)}</span>
      </div>
      <ErrorBanner error={exportError} title="Could not export" />
      {imported !== null && (
        <div className="banner banner-info row spread" role="status">
          <span>
            Imported “{s.name}”: {imported} test cases and {s.tools.length} tools.
          </span>
          <button type="button" className="btn btn-small" onClick={() => setQuery({ imported: undefined })}>
            Dismiss
          </button>
        </div>
      )}
      {created !== null && (
        <div className="banner banner-info row spread" role="status">
          <span>Suite created. Add its test cases here.</span>
          <button type="button" className="btn btn-small" onClick={() => setQuery({ created: undefined })}>
            Dismiss
          </button>
        </div>
      )}
      <Tabs
        current={tab}
        tabs={[
          { id: 'cases', label: `Test cases (${s.test_cases.length})`, href: href('cases') },
          { id: 'tools', label: `Tools (${s.tools.length})`, href: href('tools') },
          { id: 'settings', label: 'Settings', href: href('settings') },
        ]}
      />
      {tab === 'cases' && <CasesTab suite={s} reload={suite.reload} />}
      {tab === 'tools' && <ToolsTab key={s.id} suite={s} reload={suite.reload} />}
      {tab === 'settings' && <SettingsTab key={s.id} suite={s} reload={suite.reload} />}
    </div>
  );
}
