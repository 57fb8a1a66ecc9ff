import { ApplyBestRequest, CreatePresetRequest, JobAccepted, ParamTuneRequest } from '@llmbench/contracts';
import type { RouteFn } from '../http/route.js';
import { registerRunControlRoutes } from './run-control.routes.js';
import type { ParamTunePlanner } from '../services/param-tune-preview.service.js';
import type { ParamTuneSubmissionService } from '../services/param-tune.service.js';
import type { ParamTuneHistoryService } from '../services/param-tune-history.service.js';
import type { PresetService } from '../services/presets.js';
import type { JobControlService } from '../services/job-control.service.js';
import type { JobStreamer } from '../relay/job-streamer.js';

const tag = 'param-tune';
const base = '/api/tool-eval/param-tune';

export function registerParamTuneRoutes(
  route: RouteFn,
  deps: {
    planner: ParamTunePlanner;
    submission: ParamTuneSubmissionService;
    history: ParamTuneHistoryService;
    presets: PresetService;
    jobs: JobControlService;
    streamer: JobStreamer;
  },
): void {
  route(
    {
      method: 'post',
      path: base,
      summary:
        'Start a parameter tune (202, or the SSE stream with Accept: text/event-stream); over the monthly budget it needs confirm: true',
      tag,
      body: ParamTuneRequest,
      response: JobAccepted,
      status: 202,
    },
    async ({ body, user, req, res }) =>
      deps.streamer.acceptedOrStream(req, res, user.id, await deps.submission.submit(user.id, body)),
  );
  route(
    {
      method: 'post',
      path: `${base}/preview`,
      summary:
        'Combinations per model after the provider pipeline (deduplicated), total eval calls, estimated duration and cost, warnings',
      tag,
      body: ParamTuneRequest,
    },
    ({ body, user }) => deps.planner.preview(user.id, body),
  );
  registerRunControlRoutes(route, {
    base,
    tag,
    jobTypes: ['param_tune'],
    what: 'a param tune',
    summaries: {
      cancel: 'Cancel a tune (finished combinations are kept)',
      list: 'Past and running tunes with their best configuration',
      get: 'One tune with every evaluated combination (scores, CI, adjustments, per-case results)',
      delete: 'Delete a finished tune and its results',
    },
    history: deps.history,
    jobs: deps.jobs,
  });
  route(
    {
      method: 'post',
      path: `${base}/history/:id/apply`,
      summary:
        "Store the best configuration (overall, or of the given model) as that model's default parameters",
      tag,
      body: ApplyBestRequest,
    },
    ({ params, body, user }) => deps.history.apply(user.id, params.id ?? '', body),
  );
  route(
    { method: 'get', path: `${base}/presets`, summary: 'Built-in vendor presets and your own', tag },
    ({ user }) => deps.presets.list(user.id),
  );
  route(
    {
      method: 'post',
      path: `${base}/presets`,
      summary: 'Save a search space as a preset',
      tag,
      body: CreatePresetRequest,
      status: 201,
    },
    ({ body, user }) => deps.presets.create(user.id, body),
  );
  route(
    { method: 'delete', path: `${base}/presets/:preset`, summary: 'Delete one of your presets', tag },
    ({ params, user }) => deps.presets.delete(user.id, params.preset ?? ''),
  );
}
