import type { SuiteSummary } from '@llmbench/contracts';
import { useState } from 'react';
import { api } from '../../api/client';
import { Link } from '../../app/router';
import { SortableTable, type Column } from '../../components/SortableTable';
import { Badge, ConfirmButton, EmptyState, ErrorBanner, Loading, PageHeader } from '../../components/ui';
import { useApi } from '../../components/use-api';
import { when } from '../../lib/format';
import { downloadSuiteExport } from './export';
import { sourceLabel } from './logic';
import './suites.css';

/** `/suites`: every suite of the user, with open, export and delete. */
export function SuiteList() {
  const list = useApi<{ items: SuiteSummary[]; total: number }>('/api/tool-suites?limit=200');
  const [actionError, setActionError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const [filter, setFilter] = useState('');

  const actions = (
    <>
      <Link to="/suites/import" className="btn btn-primary">
        Import a suite
      </Link>
      <Link to="/suites/new" className="btn">
        New suite
      </Link>
    </>
  );

  const columns: Column<SuiteSummary>[] = [
    {
      key: 'name',
      label: 'Name',
      value: (s) => s.name.toLowerCase(),
      render: (s) => (
        <div className="suite-name-cell">
          <Link to={`/suites/${s.id}`} className="strong-link">
            {s.name}
          </Link>
          {s.description && <div className="muted small clamp-2">{s.description}</div>}
        </div>
      ),
    },
    { key: 'tools', label: 'Tools', value: (s) => s.tool_count, numeric: true },
    { key: 'cases', label: 'Cases', value: (s) => s.case_count, numeric: true },
    {
      key: 'source',
      label: 'Source',
      value: (s) => sourceLabel(s.source),
      render: (s) => (
        <Badge tone={s.source?.type === 'bfcl' ? 'info' : 'neutral'}>{sourceLabel(s.source)}</Badge>
      ),
    },
    {
      key: 'updated',
      label: 'Updated',
      value: (s) => new Date(s.updated_at).getTime(),
      render: (s) => <span className="nowrap">{when(s.updated_at)}</span>,
    },
    {
      key: 'actions',
      label: 'Actions',
      value: () => null,
      render: (s) => (
        <div className="row nowrap-row">
          <Link to={`/suites/${s.id}`} className="btn btn-small" aria-label={`Open ${s.name}`}>
            Open
          </Link>
          <button
            type="button"
            className="btn btn-small"
            aria-label={`Export ${s.name} as JSON`}
            onClick={() => {
              setActionError(undefined);
              downloadSuiteExport(s.id, s.name).catch((e: unknown) => setActionError(e));
            }}
          >
            Export
          </button>
          <ConfirmButton
            label="Delete"
            confirmLabel={`Delete “${s.name}”`}
            onConfirm={async () => {
              setActionError(undefined);
              try {
                await api.del(`/api/tool-suites/${s.id}`);
                setNotice(`Deleted “${s.name}”. Past runs keep their copy of it.`);
                list.reload();
              } catch (e) {
                setActionError(e);
              }
            }}
          />
        </div>
      ),
    },
  ];

  const items = list.data?.items ?? [];
  const q = filter.trim().toLowerCase();
  const shown = q
    ? items.filter((s) => `${s.name} ${s.description} ${sourceLabel(s.source)}`.toLowerCase().includes(q))
    : items;

  return (
    <div className="suites">
      <PageHeader
        title="Suites"
        subtitle="Tools and test cases that evaluations, tuners and judges run against."
        actions={actions}
      />
      <ErrorBanner error={list.error} title="Could not load your suites" />
      <ErrorBanner error={actionError} title="That did not work" />
      {notice && (
        <p className="banner banner-info" role="status">
          {notice}
        </p>
      )}
      {list.loading && !list.data && <Loading label="Loading suites…" />}
      {list.data && items.length === 0 && (
        <EmptyState
          title="No suites yet"
          action={
            <div className="row center-row">
              <Link to="/suites/import" className="btn btn-primary">
                Import a suite
              </Link>
              <Link to="/suites/new" className="btn">
                Create one from scratch
              </Link>
            </div>
          }
        >
          A suite is a set of tools (OpenAI function format) and test cases: a prompt and the tool call you
          expect. Import your own JSON document, a BFCL file, or the built-in example to start.
        </EmptyState>
      )}
      {items.length > 0 && (
        <>
          <div className="row spread list-tools">
            <div className="field inline-field">
              <label htmlFor="suite-filter">Filter suites</label>
              <input
                id="suite-filter"
                type="search"
                value={filter}
                placeholder="Name, description or source"
                onChange={(e) => setFilter(e.target.value)}
              />
            </div>
            <p className="muted small" aria-live="polite">
              {shown.length === items.length
                ? `${items.length} suite${items.length === 1 ? '' : 's'}`
                : `${shown.length} of ${items.length} suites`}
              {list.data &&
                list.data.total > items.length &&
                ` (showing the newest ${items.length} of ${list.data.total})`}
            </p>
          </div>
          {shown.length === 0 ? (
            <p className="banner banner-info">
              No suite matches “{filter}”.{' '}
              <button type="button" className="btn-link" onClick={() => setFilter('')}>
                Clear the filter
              </button>
            </p>
          ) : (
            <SortableTable
              testId="suites-table"
              caption="Your suites"
              columns={columns}
              rows={shown}
              rowKey={(s) => s.id}
              initialSort={{ key: 'updated', dir: 'desc' }}
            />
          )}
        </>
      )}
    </div>
  );
}
