import type { ProviderView } from '@llmbench/contracts';
import { useState } from 'react';
import { api, type ApiError } from '../../api/client';
import { Link, type Route } from '../../app/router';
import { SortableTable } from '../../components/SortableTable';
import { Badge, ConfirmButton, EmptyState, ErrorBanner, Loading, PageHeader } from '../../components/ui';
import { useApi } from '../../components/use-api';
import { providerEntry, type Registry } from './registry';
import './providers.css';

/** The user's providers: what each points at, whether a key is stored, its models and concurrency. */
export function ProvidersList({ route }: { route: Route }) {
  const providers = useApi<{ items: ProviderView[] }>('/api/providers');
  const registry = useApi<Registry>('/api/provider-params/registry');
  const [error, setError] = useState<ApiError>();
  const [deleted, setDeleted] = useState<string | undefined>(route.query.get('deleted') ?? undefined);
  const displayName = (id: string) => providerEntry(registry.data, id)?.display_name ?? id;
  const items = providers.data?.items ?? [];
  return (
    <>
      <PageHeader
        title="Providers"
        subtitle="The endpoints and models your evaluations, tunes and judges call."
        actions={
          <>
            <Link to="/account" className="btn">
              Account &amp; API tokens
            </Link>
            <Link to="/providers/new" className="btn btn-primary">
              Add a provider
            </Link>
          </>
        }
      />
      <ErrorBanner error={providers.error} title="Could not load providers" />
      <ErrorBanner error={error} title="Could not delete the provider" />
      {deleted && (
        <p className="banner banner-info" role="status">
          Deleted {deleted}. Past runs keep their snapshot of it.
        </p>
      )}
      {!providers.data ? (
        !providers.error && <Loading label="Loading providers…" />
      ) : items.length === 0 ? (
        <EmptyState
          title="No providers yet"
          action={
            <Link to="/providers/new" className="btn btn-primary">
              Add a provider
            </Link>
          }
        >
          Add an OpenAI-compatible endpoint (OpenAI, Anthropic, Groq, a local Ollama…) with the models you
          want to compare.
        </EmptyState>
      ) : (
        <SortableTable
          testId="providers-table"
          caption={`${items.length} provider${items.length === 1 ? '' : 's'}`}
          rows={items}
          rowKey={(p) => p.id}
          initialSort={{ key: 'name', dir: 'asc' }}
          columns={[
            {
              key: 'name',
              label: 'Name',
              value: (p) => p.name,
              render: (p) => <Link to={`/providers/${p.id}`}>{p.name}</Link>,
            },
            {
              key: 'key',
              label: 'Provider key',
              value: (p) => p.provider_key,
              render: (p) => <code>{p.provider_key}</code>,
            },
            { key: 'provider', label: 'Registry provider', value: (p) => displayName(p.provider) },
            {
              key: 'base_url',
              label: 'Base URL',
              value: (p) => p.base_url,
              render: (p) =>
                p.base_url ? (
                  <code className="url-cell">{p.base_url}</code>
                ) : (
                  <Badge tone="warn" title="Calls fail until a base URL is set">
                    no base URL
                  </Badge>
                ),
            },
            {
              key: 'api_key',
              label: 'API key',
              value: (p) => (p.has_api_key ? 1 : 0),
              render: (p) =>
                p.has_api_key ? <Badge tone="ok">key stored</Badge> : <Badge tone="neutral">no key</Badge>,
            },
            {
              key: 'models',
              label: 'Models',
              numeric: true,
              value: (p) => p.models.length,
              render: (p) => (
                <span title={p.models.map((m) => m.model_id).join(', ')}>{p.models.length}</span>
              ),
            },
            {
              key: 'concurrency',
              label: 'Max concurrency',
              numeric: true,
              value: (p) => p.max_concurrency,
            },
            {
              key: 'actions',
              label: 'Actions',
              value: () => '',
              render: (p) => (
                <span className="row nowrap" role="group" aria-label={`Actions for ${p.name}`}>
                  <Link to={`/providers/${p.id}`} className="btn btn-small" aria-label={`Edit ${p.name}`}>
                    Edit
                  </Link>
                  <ConfirmButton
                    label="Delete"
                    confirmLabel="Confirm delete"
                    onConfirm={async () => {
                      setError(undefined);
                      try {
                        await api.del(`/api/providers/${p.id}`);
                        setDeleted(p.name);
                        providers.reload();
                      } catch (caught) {
                        setError(caught as ApiError);
                      }
                    }}
                  />
                </span>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
