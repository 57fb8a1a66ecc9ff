import type { RouteDef } from '../../app/router';
import { EmptyState, PageHeader } from '../../components/ui';

function ProvidersPlaceholder() {
  return (
    <>
      <PageHeader title="Providers" />
      <EmptyState title="Coming soon" />
    </>
  );
}

/** The providers area's routes (patterns are hash paths). */
export const providersRoutes: RouteDef[] = [
  { pattern: '/providers', view: ProvidersPlaceholder, title: 'Providers' },
];
