import { PromptTuneEstimateQuery, PromptTuneRequest, SavePromptRequest } from '@llmbench/contracts';
import { z } from 'zod';
import type { RouteFn } from '../http/route.js';
import { registerRunControlRoutes } from './run-control.routes.js';
import type { PromptTuneService } from '../services/prompt-tune.service.js';
import type { PromptTuneHistoryService } from '../services/prompt-tune-history.service.js';
import type { PromptLibraryService } from '../services/prompt-library.service.js';
import type { JobControlService } from '../services/job-control.service.js';
import type { JobStreamer } from '../relay/job-streamer.js';

const base = '/api/tool-eval/prompt-tune';

export function registerPromptTuneRoutes(
  route: RouteFn,
  deps: {
    tunes: PromptTuneService;
    history: PromptTuneHistoryService;
    library: PromptLibraryService;
    jobs: JobControlService;
    streamer: JobStreamer;
  },
): void {
  const tag = 'prompt-tune';
  route(
    {
      method: 'post',
      path: base,
      summary: 'Start a prompt tune (202 with warnings, or the SSE stream with Accept: text/event-stream)',
      tag,
      body: PromptTuneRequest,
      status: 202,
    },
    async ({ body, user, req, res }) =>
      deps.streamer.acceptedOrStream(req, res, user.id, await deps.tunes.submit(user.id, body)),
  );
  route(
    {
      method: 'get',
      path: `${base}/estimate`,
      summary: 'Prompts, meta calls, eval calls, API calls, duration and cost of a tune',
      tag,
      query: PromptTuneEstimateQuery,
    },
    ({ query, user }) => deps.tunes.estimate(user.id, query),
  );

  registerRunControlRoutes(route, {
    base,
    tag,
    jobTypes: ['prompt_tune'],
    what: 'a prompt tune',
    summaries: {
      cancel: 'Cancel a prompt tune (finished generations are kept)',
      list: 'Past and running prompt tunes',
      get: 'One prompt tune: generations, prompts, lineage, scores',
      delete: 'Delete a finished prompt tune and its results',
    },
    history: deps.history,
    jobs: deps.jobs,
  });

  const lib = 'prompt-library';
  route(
    {
      method: 'get',
      path: '/api/prompt-library',
      summary: 'Saved prompts, newest version first per name',
      tag: lib,
      query: z.strictObject({ name: z.string().min(1).max(128).optional() }),
    },
    ({ query, user }) => deps.library.list(user.id, query.name),
  );
  route(
    {
      method: 'post',
      path: '/api/prompt-library',
      summary: "Save a prompt (or a prompt tune's best) as the next version of a name",
      tag: lib,
      body: SavePromptRequest,
      status: 201,
    },
    ({ body, user }) => deps.library.save(user.id, body),
  );
  route(
    { method: 'get', path: '/api/prompt-library/:id', summary: 'One saved prompt version', tag: lib },
    ({ params, user }) => deps.library.get(user.id, params.id ?? ''),
  );
  route(
    { method: 'delete', path: '/api/prompt-library/:id', summary: 'Delete a saved prompt version', tag: lib },
    ({ params, user }) => deps.library.delete(user.id, params.id ?? ''),
  );
}
