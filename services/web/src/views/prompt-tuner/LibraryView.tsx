import { useId, useMemo, useState, type FormEvent } from 'react';
import { api, query } from '../../api/client';
import { Link, setQuery, type Route } from '../../app/router';
import {
  Badge,
  ConfirmButton,
  EmptyState,
  ErrorBanner,
  Field,
  InputField,
  Loading,
  PageHeader,
  TableWrap,
} from '../../components/ui';
import { useApi } from '../../components/use-api';
import { when } from '../../lib/format';
import { PromptTunerTabs } from './common';
import { PromptDiff } from './PromptDiff';
import type { LibraryEntry } from './types';

/** Groups entries by name (the API sorts by name, newest version first). */
export function groupByName(items: LibraryEntry[]): { name: string; versions: LibraryEntry[] }[] {
  const groups = new Map<string, LibraryEntry[]>();
  for (const e of items) groups.set(e.name, [...(groups.get(e.name) ?? []), e]);
  return [...groups.entries()].map(([name, versions]) => ({
    name,
    versions: [...versions].sort((a, b) => b.version - a.version),
  }));
}

/** `/prompt-tuner/library`: saved prompts by name, their versions and lineage. */
export function LibraryView({ route }: { route: Route }) {
  const name = route.query.get('name') ?? undefined;
  const selectedId = route.query.get('id') ?? undefined;
  const list = useApi<{ items: LibraryEntry[] }>(`/api/prompt-library${query({ name })}`);
  const [search, setSearch] = useState('');
  const [deleteError, setDeleteError] = useState<unknown>();
  const searchId = useId();
  const groups = useMemo(() => groupByName(list.data?.items ?? []), [list.data]);
  const shown = groups.filter((g) => g.name.toLowerCase().includes(search.trim().toLowerCase()));
  const byId = useMemo(() => new Map((list.data?.items ?? []).map((e) => [e.id, e])), [list.data]);
  const selected = selectedId ? byId.get(selectedId) : undefined;

  const remove = async (e: LibraryEntry) => {
    setDeleteError(undefined);
    try {
      await api.del(`/api/prompt-library/${e.id}`);
      if (selectedId === e.id) setQuery({ id: undefined });
      list.reload();
    } catch (err) {
      setDeleteError(err);
    }
  };

  return (
    <>
      <PageHeader
        title="Prompt library"
        subtitle="Named system prompts with numbered versions: each save of a name is its next version."
      />
      <PromptTunerTabs current="library" />
      <AddPrompt
        onSaved={(e) => {
          list.reload();
          setQuery({ id: e.id, name: name ? e.name : undefined });
        }}
      />
      <ErrorBanner error={list.error} title="Could not load the library" />
      <ErrorBanner error={deleteError} title="Could not delete" />
      {name && (
        <p className="banner banner-info">
          Showing the versions of <strong>{name}</strong>.{' '}
          <button type="button" className="btn-link" onClick={() => setQuery({ name: undefined })}>
            Show every name
          </button>
        </p>
      )}
      {selectedId && list.data && !selected && (
        <p className="banner banner-warn">That prompt version no longer exists (it may have been deleted).</p>
      )}
      {selected && (
        <section className="card pt-block" aria-labelledby="pt-lib-selected" data-testid="library-selected">
          <div className="row spread">
            <h2 id="pt-lib-selected">
              {selected.name} · v{selected.version}
            </h2>
            <div className="row">
              <Link className="btn" to={`/evaluate?system_prompt_id=${selected.id}`}>
                Use in an evaluation
              </Link>
              <Link className="btn" to={`/prompt-tuner?base_prompt_id=${selected.id}`}>
                Tune from it
              </Link>
              <button type="button" className="btn btn-ghost" onClick={() => setQuery({ id: undefined })}>
                Close
              </button>
            </div>
          </div>
          {selected.notes && <p className="muted small">{selected.notes}</p>}
          <pre className="pt-best">{selected.prompt}</pre>
          {(selected.parent_id || selected.version > 1) &&
            (selected.parent_id && byId.get(selected.parent_id) ? (
              <PromptDiff
                before={byId.get(selected.parent_id)!.prompt}
                after={selected.prompt}
                label={`Changes from v${byId.get(selected.parent_id)!.version}`}
              />
            ) : (
              <p className="muted small">
                The previous version was deleted, so there is nothing to compare with.
              </p>
            ))}
        </section>
      )}
      {!list.data ? (
        !list.error && <Loading />
      ) : groups.length === 0 ? (
        <EmptyState
          title={name ? `No saved versions of “${name}”` : 'No saved prompts yet'}
          action={<Link to="/prompt-tuner">Run a prompt tune</Link>}
        >
          Save a tune’s best prompt from its result, or add a prompt above.
        </EmptyState>
      ) : (
        <>
          {!name && groups.length > 3 && (
            <div className="field pt-search">
              <label htmlFor={searchId}>Find a name</label>
              <input id={searchId} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
            </div>
          )}
          {shown.length === 0 && <p className="muted">No name contains “{search}”.</p>}
          {shown.map((g) => (
            <section
              key={g.name}
              className="card pt-block"
              aria-label={`Prompt ${g.name}`}
              data-testid="library-group"
            >
              <div className="row spread">
                <h2 className="pt-lib-name">{g.name}</h2>
                <span className="row small">
                  <span className="muted">
                    {g.versions.length} version{g.versions.length === 1 ? '' : 's'}
                  </span>
                  {!name && (
                    <button type="button" className="btn-link" onClick={() => setQuery({ name: g.name })}>
                      Only this name
                    </button>
                  )}
                </span>
              </div>
              {g.versions.length > 1 && (
                <p className="small pt-lineage">
                  <span className="muted">Lineage: </span>
                  {g.versions.map((v, i) => (
                    <span key={v.id}>
                      {i > 0 && <span aria-hidden="true"> ← </span>}
                      {i > 0 && <span className="sr-only"> from </span>}v{v.version}
                    </span>
                  ))}
                </p>
              )}
              <TableWrap label={`Versions of ${g.name}`}>
                <table className="table" data-testid="library-versions">
                  <caption className="sr-only">Versions of {g.name}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Version</th>
                      <th scope="col">From</th>
                      <th scope="col">Source</th>
                      <th scope="col">Prompt</th>
                      <th scope="col">Saved</th>
                      <th scope="col">Actions</th>
                    </tr>
                  </thead>
                  <tbody>
                    {g.versions.map((v) => {
                      const parent = v.parent_id ? byId.get(v.parent_id) : undefined;
                      return (
                        <tr
                          key={v.id}
                          data-id={v.id}
                          className={v.id === selectedId ? 'row-best' : undefined}
                        >
                          <td>
                            <button
                              type="button"
                              className="btn-link"
                              aria-pressed={v.id === selectedId}
                              onClick={() => setQuery({ id: v.id })}
                            >
                              v{v.version}
                            </button>
                          </td>
                          <td>
                            {parent
                              ? `v${parent.version}`
                              : v.parent_id || v.version > 1
                                ? 'a deleted version'
                                : 'first'}
                          </td>
                          <td>
                            {v.source === 'prompt_tuner' ? (
                              v.origin_run_id ? (
                                <Link to={`/prompt-tuner/history/${v.origin_run_id}`}>
                                  <Badge tone="info">prompt tuner</Badge>
                                </Link>
                              ) : (
                                <Badge tone="info">prompt tuner</Badge>
                              )
                            ) : (
                              <Badge>manual</Badge>
                            )}
                          </td>
                          <td className="pt-cell-prompt">
                            {v.prompt.length > 120 ? `${v.prompt.slice(0, 120)}…` : v.prompt}
                            {v.notes && <div className="muted small">{v.notes}</div>}
                          </td>
                          <td>{when(v.created_at)}</td>
                          <td>
                            <div className="row">
                              <Link to={`/evaluate?system_prompt_id=${v.id}`}>Use in an evaluation</Link>
                              <ConfirmButton onConfirm={() => remove(v)} />
                            </div>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </TableWrap>
            </section>
          ))}
        </>
      )}
    </>
  );
}

/** Adds a prompt by hand (the next version when the name exists). */
function AddPrompt({ onSaved }: { onSaved: (e: LibraryEntry) => void }) {
  const textId = useId();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [text, setText] = useState('');
  const [notes, setNotes] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  if (!open)
    return (
      <p>
        <button type="button" className="btn" onClick={() => setOpen(true)}>
          Add a prompt
        </button>
      </p>
    );
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim() || !text.trim()) {
      setError(new Error('Give both a name and the prompt text.'));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const saved = await api.post<LibraryEntry>('/api/prompt-library', {
        name: name.trim(),
        prompt: text,
        ...(notes.trim() ? { notes: notes.trim() } : {}),
      });
      setOpen(false);
      setName('');
      setText('');
      setNotes('');
      onSaved(saved);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card" onSubmit={submit} aria-label="Add a prompt">
      <InputField
        label="Name"
        hint="An existing name gets its next version"
        maxLength={128}
        value={name}
        onChange={setName}
      />
      <Field id={textId} label="Prompt">
        <textarea id={textId} rows={6} value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      <InputField label="Notes (optional)" maxLength={2000} value={notes} onChange={setNotes} />
      <ErrorBanner error={error} title="Could not save" />
      <div className="row">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Saving…' : 'Save prompt'}
        </button>
        <button type="button" className="btn" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
