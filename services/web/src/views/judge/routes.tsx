import type { RouteDef } from '../../app/router';
import { EmptyState, PageHeader } from '../../components/ui';

function JudgePlaceholder() {
  return (
    <>
      <PageHeader title="Judge" />
      <EmptyState title="Coming soon" />
    </>
  );
}

/** The judge area's routes (patterns are hash paths). */
export const judgeRoutes: RouteDef[] = [{ pattern: '/judge', view: JudgePlaceholder, title: 'Judge' }];
