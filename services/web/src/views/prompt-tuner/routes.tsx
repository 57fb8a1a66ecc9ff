import type { RouteDef } from '../../app/router';
import { EmptyState, PageHeader } from '../../components/ui';

function PromptTunerPlaceholder() {
  return (
    <>
      <PageHeader title="PromptTuner" />
      <EmptyState title="Coming soon" />
    </>
  );
}

/** The prompt-tuner area's routes (patterns are hash paths). */
export const promptTunerRoutes: RouteDef[] = [
  { pattern: '/prompt-tuner', view: PromptTunerPlaceholder, title: 'PromptTuner' },
];
