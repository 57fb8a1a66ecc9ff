import { CancelJobRequest, CompareRequest, JudgeReportsQuery, JudgeRequest } from '@llmbench/contracts';
import type { RouteFn } from '../http/route.js';
import type { JudgeService } from '../services/judge.service.js';
import type { JobControlService } from '../services/job-control.service.js';
import type { JobStreamer } from '../relay/job-streamer.js';

const base = '/api/tool-eval/judge';
const tag = 'judge';

export function registerJudgeRoutes(
  route: RouteFn,
  deps: { judge: JudgeService; jobs: JobControlService; streamer: JobStreamer },
): void {
  route(
    {
      method: 'post',
      path: base,
      summary: 'Judge an eval run case by case, then report per model (202, or SSE)',
      tag,
      body: JudgeRequest,
      status: 202,
    },
    async ({ body, user, req, res }) =>
      deps.streamer.acceptedOrStream(req, res, user.id, await deps.judge.judge(user.id, body)),
  );
  route(
    {
      method: 'post',
      path: `${base}/compare`,
      summary: 'Compare two eval runs on their common cases, each judged in both orders (202, or SSE)',
      tag,
      body: CompareRequest,
      status: 202,
    },
    async ({ body, user, req, res }) =>
      deps.streamer.acceptedOrStream(req, res, user.id, await deps.judge.compare(user.id, body)),
  );
  route(
    {
      method: 'post',
      path: `${base}/cancel`,
      summary: 'Cancel a judge or compare job',
      tag,
      body: CancelJobRequest,
    },
    ({ body, user }) =>
      deps.jobs.cancelOfType(user.id, body.job_id, ['judge', 'judge_compare'], 'a judge job'),
  );
  route(
    {
      method: 'get',
      path: `${base}/reports`,
      summary: 'Judge reports (filter by eval_run_id)',
      tag,
      query: JudgeReportsQuery,
    },
    ({ query, user }) => deps.judge.list(user.id, query.limit, query.offset, query.eval_run_id),
  );
  route(
    { method: 'get', path: `${base}/reports/:id`, summary: 'One report with every verdict', tag },
    ({ params, user }) => deps.judge.get(user.id, params.id ?? ''),
  );
  route(
    { method: 'delete', path: `${base}/reports/:id`, summary: 'Delete a report', tag },
    ({ params, user }) => deps.judge.delete(user.id, params.id ?? ''),
  );
  route(
    {
      method: 'post',
      path: `${base}/reports/:id/share`,
      summary: 'Create a read-only link (works without login until revoked)',
      tag,
      status: 201,
    },
    ({ params, user }) => deps.judge.share(user.id, params.id ?? ''),
  );
  route(
    { method: 'delete', path: `${base}/reports/:id/share`, summary: 'Revoke the read-only link', tag },
    ({ params, user }) => deps.judge.revoke(user.id, params.id ?? ''),
  );
  route(
    {
      method: 'get',
      path: '/api/shared/judge-reports/:token',
      summary: 'A shared judge report (no login)',
      tag,
      auth: false,
    },
    ({ params }) => deps.judge.shared(params.token ?? ''),
  );
}
