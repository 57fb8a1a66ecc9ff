import { CancelJobRequest, ParamTuneHistoryQuery, type JobType } from '@llmbench/contracts';
import type { RouteFn } from '../http/route.js';
import type { JobControlService } from '../services/job-control.service.js';

/** A feature's history store: list, one with its details, delete. */
export interface RunHistory {
  list(userId: string, limit: number, offset: number): Promise<unknown>;
  get(userId: string, id: string): Promise<unknown>;
  delete(userId: string, id: string): Promise<void>;
}

/**
 * The routes every job-running feature has under its base path: `POST cancel {job_id}`,
 * `GET history`, `GET/DELETE history/{id}`.
 */
export function registerRunControlRoutes(
  route: RouteFn,
  o: {
    base: string;
    tag: string;
    jobTypes: readonly JobType[];
    /** "a param tune": what the job must be, for the 400. */
    what: string;
    summaries: { cancel: string; list: string; get: string; delete: string };
    history: RunHistory;
    jobs: JobControlService;
  },
): void {
  const { base, tag } = o;
  route(
    { method: 'post', path: `${base}/cancel`, summary: o.summaries.cancel, tag, body: CancelJobRequest },
    ({ body, user }) => o.jobs.cancelOfType(user.id, body.job_id, o.jobTypes, o.what),
  );
  route(
    { method: 'get', path: `${base}/history`, summary: o.summaries.list, tag, query: ParamTuneHistoryQuery },
    ({ query, user }) => o.history.list(user.id, query.limit, query.offset),
  );
  route({ method: 'get', path: `${base}/history/:id`, summary: o.summaries.get, tag }, ({ params, user }) =>
    o.history.get(user.id, params.id ?? ''),
  );
  route(
    { method: 'delete', path: `${base}/history/:id`, summary: o.summaries.delete, tag },
    ({ params, user }) => o.history.delete(user.id, params.id ?? ''),
  );
}
