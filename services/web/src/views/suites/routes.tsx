import type { RouteDef } from '../../app/router';
import { EmptyState, PageHeader } from '../../components/ui';

function SuitesPlaceholder() {
  return (
    <>
      <PageHeader title="Suites" />
      <EmptyState title="Coming soon" />
    </>
  );
}

/** The suites area's routes (patterns are hash paths). */
export const suitesRoutes: RouteDef[] = [{ pattern: '/suites', view: SuitesPlaceholder, title: 'Suites' }];
