import {
  AppError,
  CancelJobRequest,
  CreateEvalRequest,
  EvalHistoryQuery,
  JobAccepted,
} from '@llmbench/contracts';
import type { RouteFn } from '../http/route.js';
import type { EvalSubmissionService } from '../services/eval-submission.service.js';
import type { EvalHistoryService } from '../services/eval-history.service.js';
import type { JobControlService } from '../services/job-control.service.js';
import type { JobStreamer } from '../relay/job-streamer.js';

const tag = 'tool-eval';

export function registerEvalRoutes(
  route: RouteFn,
  deps: {
    submission: EvalSubmissionService;
    history: EvalHistoryService;
    jobs: JobControlService;
    streamer: JobStreamer;
  },
): void {
  route(
    {
      method: 'post',
      path: '/api/tool-eval',
      summary: 'Start a tool-calling eval (202, or the SSE stream with Accept: text/event-stream)',
      tag,
      body: CreateEvalRequest,
      response: JobAccepted,
      status: 202,
    },
    async ({ body, user, req, res }) =>
      deps.streamer.acceptedOrStream(req, res, user.id, await deps.submission.submit(user.id, body)),
  );
  route(
    { method: 'post', path: '/api/tool-eval/cancel', summary: 'Cancel an eval', tag, body: CancelJobRequest },
    ({ body, user }) => deps.jobs.cancel(user.id, body.job_id),
  );
  route(
    {
      method: 'get',
      path: '/api/tool-eval/history',
      summary: 'Past and running evals with their summaries',
      tag,
      query: EvalHistoryQuery,
    },
    ({ query, user }) => deps.history.list(user.id, query.limit, query.offset, query.suite_id),
  );
  route(
    {
      method: 'get',
      path: '/api/tool-eval/history/:id',
      summary: 'One eval with every per-case result (raw request/response included)',
      tag,
    },
    ({ params, user }) => deps.history.get(user.id, params.id ?? ''),
  );
  route(
    {
      method: 'delete',
      path: '/api/tool-eval/history/:id',
      summary: 'Delete a finished eval and its results',
      tag,
    },
    async ({ params, user }) => {
      const run = await deps.history.get(user.id, params.id ?? '');
      if (run.status === 'queued' || run.status === 'running')
        throw new AppError('conflict', `the eval is ${run.status}; cancel it first`);
      await deps.history.delete(user.id, run.id);
    },
  );
}
