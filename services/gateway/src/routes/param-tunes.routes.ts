import { ParamTuneRequest } from '@llmbench/contracts';
import type { RouteFn } from '../http/route.js';
import type { ParamTunePreviewService } from '../services/param-tune-preview.service.js';

const tag = 'param-tune';

export function registerParamTuneRoutes(route: RouteFn, preview: ParamTunePreviewService): void {
  route(
    {
      method: 'post',
      path: '/api/tool-eval/param-tune/preview',
      summary:
        'Combinations per model after the provider pipeline (deduplicated), total eval calls, estimated duration and cost, warnings',
      tag,
      body: ParamTuneRequest,
    },
    ({ body, user }) => preview.preview(user.id, body),
  );
}
