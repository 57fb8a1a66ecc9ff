import { JobListQuery, JobView, listOf } from '@llmbench/contracts';
import type { RouteFn } from '../http/route.js';
import type { JobControlService } from '../services/job-control.service.js';
import { toJobView } from '../services/job-control.service.js';
import type { JobStreamer } from '../relay/job-streamer.js';

const tag = 'jobs';

export function registerJobRoutes(
  route: RouteFn,
  deps: { jobs: JobControlService; streamer: JobStreamer },
): void {
  route(
    {
      method: 'get',
      path: '/api/jobs',
      summary: "The user's jobs, newest first",
      tag,
      query: JobListQuery,
      response: listOf(JobView),
    },
    ({ query, user }) => deps.jobs.list(user.id, query),
  );
  route(
    {
      method: 'get',
      path: '/api/jobs/:id',
      summary: 'One job: status, progress, error',
      tag,
      response: JobView,
    },
    async ({ params, user }) => toJobView(await deps.jobs.getOwned(user.id, params.id ?? '')),
  );
  route(
    {
      method: 'get',
      path: '/api/jobs/:id/events',
      summary: 'SSE stream of the job, replaying after Last-Event-ID',
      tag,
    },
    ({ params, user, req, res }) => deps.streamer.stream(req, res, user.id, params.id ?? ''),
  );
  route(
    {
      method: 'post',
      path: '/api/jobs/:id/cancel',
      summary: 'Cancel a queued or running job',
      tag,
      response: JobView,
    },
    ({ params, user }) => deps.jobs.cancel(user.id, params.id ?? ''),
  );
}
