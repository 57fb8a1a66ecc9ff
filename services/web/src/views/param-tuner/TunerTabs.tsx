import { Tabs } from '../../components/ui';

/** The tuner's sections; `current` is '' on pages outside them (a live run, a record). */
export function TunerTabs({ current }: { current: 'builder' | 'history' | '' }) {
  return (
    <Tabs
      current={current}
      tabs={[
        { id: 'builder', label: 'New tune', href: '#/param-tuner' },
        { id: 'history', label: 'History', href: '#/param-tuner/history' },
      ]}
    />
  );
}
