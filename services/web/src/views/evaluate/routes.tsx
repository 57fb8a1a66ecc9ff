import type { RouteDef } from '../../app/router';
import { EmptyState, PageHeader } from '../../components/ui';

function EvaluatePlaceholder() {
  return (
    <>
      <PageHeader title="Evaluate" />
      <EmptyState title="Coming soon" />
    </>
  );
}

/** The evaluate area's routes (patterns are hash paths). */
export const evaluateRoutes: RouteDef[] = [
  { pattern: '/evaluate', view: EvaluatePlaceholder, title: 'Evaluate' },
];
