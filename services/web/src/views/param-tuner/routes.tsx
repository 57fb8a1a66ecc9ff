import type { RouteDef } from '../../app/router';
import { EmptyState, PageHeader } from '../../components/ui';

function ParamTunerPlaceholder() {
  return (
    <>
      <PageHeader title="ParamTuner" />
      <EmptyState title="Coming soon" />
    </>
  );
}

/** The param-tuner area's routes (patterns are hash paths). */
export const paramTunerRoutes: RouteDef[] = [
  { pattern: '/param-tuner', view: ParamTunerPlaceholder, title: 'ParamTuner' },
];
