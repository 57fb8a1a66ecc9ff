import { JOB_STATUSES, type JobView } from '@llmbench/contracts';
import { EXIT, usageError } from '../errors.js';
import { RENDERERS } from '../report/index.js';
import { renderTable } from '../table.js';
import { JSON_OPTION, print, type Command } from './command.js';
import { finishJob, watchJob } from './job-flow.js';

const jobPath = (id: string) => `/api/jobs/${encodeURIComponent(id)}`;

export const jobsList: Command = {
  name: 'jobs list',
  synopsis: '[--status queued|running|completed|failed|cancelled] [--json]',
  options: { status: { type: 'string' }, ...JSON_OPTION },
  async run(args, ctx) {
    const status = args.string('status');
    if (status !== undefined && !(JOB_STATUSES as readonly string[]).includes(status))
      throw usageError(`--status: expected ${JOB_STATUSES.join('|')}, got "${status}"`);
    const query = new URLSearchParams({ limit: '200', ...(status ? { status } : {}) });
    const page = await (await ctx.client()).get<{ items: JobView[]; total: number }>(`/api/jobs?${query}`);
    print(ctx, args.flag('json'), page.items, () =>
      renderTable(
        ['ID', 'TYPE', 'STATUS', 'PROGRESS', 'CREATED'],
        page.items.map((j) => [
          j.id,
          j.type,
          j.status,
          `${Math.round(j.progress_pct)}%`,
          String(j.created_at),
        ]),
        ['left', 'left', 'left', 'right'],
      ),
    );
    return EXIT.ok;
  },
};

export const jobsWatch: Command = {
  name: 'jobs watch',
  synopsis: 'JOB_ID [--json]',
  positionals: ['JOB_ID'],
  options: { ...JSON_OPTION },
  async run(args, ctx) {
    const json = args.flag('json');
    const client = await ctx.client();
    // The job's type picks the results table; asking first also turns a wrong id into a clean 404.
    const job = await client.get<JobView>(jobPath(args.positionals[0]!));
    const run = await watchJob(client, ctx.io, job.id, json);
    return finishJob(ctx, run, RENDERERS[job.type](run), json);
  },
};

export const jobsCancel: Command = {
  name: 'jobs cancel',
  synopsis: 'JOB_ID [--json]',
  positionals: ['JOB_ID'],
  options: { ...JSON_OPTION },
  async run(args, ctx) {
    const job = await (await ctx.client()).post<JobView>(`${jobPath(args.positionals[0]!)}/cancel`);
    print(ctx, args.flag('json'), job, () => `job ${job.id} ${job.status}\n`);
    return EXIT.ok;
  },
};
