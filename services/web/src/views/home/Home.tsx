import type { JobView } from '@llmbench/contracts';
import { Link } from '../../app/router';
import { JOB_VIEW } from '../../app/JobsIndicator';
import { SortableTable } from '../../components/SortableTable';
import { Badge, EmptyState, ErrorBanner, Loading, PageHeader } from '../../components/ui';
import { useApi } from '../../components/use-api';
import { when } from '../../lib/format';

const STEPS = [
  { to: '/suites/import', title: 'Import a suite', text: 'Tools and test cases: your JSON, or BFCL data.' },
  { to: '/evaluate', title: 'Evaluate models', text: 'Run a suite against models and compare scores.' },
  {
    to: '/param-tuner',
    title: 'Tune parameters',
    text: 'Sweep temperature, top_p… and find the best config.',
  },
  {
    to: '/prompt-tuner',
    title: 'Tune the system prompt',
    text: 'Evolve prompts that make tool calls reliable.',
  },
  { to: '/judge', title: 'Judge the answers', text: 'An LLM judge grades runs and compares two of them.' },
];

/** The start page: what to do next and the latest jobs. */
export function Home() {
  const jobs = useApi<{ items: JobView[] }>('/api/jobs?limit=20');
  return (
    <>
      <PageHeader title="Tool Eval" subtitle="Measure, tune and judge how reliably models call tools." />
      <div className="grid cards">
        {STEPS.map((s) => (
          <Link key={s.to} to={s.to} className="card step-card">
            <h2>{s.title}</h2>
            <p className="muted">{s.text}</p>
          </Link>
        ))}
      </div>
      <h2>Recent jobs</h2>
      <ErrorBanner error={jobs.error} title="Could not load jobs" />
      {!jobs.data ? (
        !jobs.error && <Loading />
      ) : jobs.data.items.length === 0 ? (
        <EmptyState title="No jobs yet">Start with an evaluation: pick a suite and a few models.</EmptyState>
      ) : (
        <SortableTable
          rows={jobs.data.items}
          rowKey={(j) => j.id}
          initialSort={{ key: 'created', dir: 'desc' }}
          columns={[
            {
              key: 'type',
              label: 'Type',
              value: (j) => j.type,
              render: (j) => <Link to={`${JOB_VIEW[j.type]}/${j.id}`}>{j.type}</Link>,
            },
            {
              key: 'status',
              label: 'Status',
              value: (j) => j.status,
              render: (j) => (
                <Badge
                  tone={
                    j.status === 'completed'
                      ? 'ok'
                      : j.status === 'failed'
                        ? 'bad'
                        : j.status === 'cancelled'
                          ? 'warn'
                          : 'info'
                  }
                >
                  {j.status}
                </Badge>
              ),
            },
            {
              key: 'progress',
              label: 'Progress',
              numeric: true,
              value: (j) => j.progress_pct,
              render: (j) => `${Math.round(j.progress_pct)} %`,
            },
            {
              key: 'created',
              label: 'Created',
              value: (j) => String(j.created_at),
              render: (j) => when(j.created_at),
            },
          ]}
        />
      )}
    </>
  );
}
