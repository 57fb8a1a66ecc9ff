import { Tabs } from '../../components/ui';

/** The evaluate area's sections. */
export function EvalTabs({ current }: { current: 'new' | 'history' | 'none' }) {
  return (
    <Tabs
      current={current}
      tabs={[
        { id: 'new', label: 'New run', href: '#/evaluate' },
        { id: 'history', label: 'History', href: '#/evaluate/history' },
      ]}
    />
  );
}
