import { Router } from 'express';
import { findModel } from '../models/catalogue.js';
import type { SandboxModel } from '../models/sandbox-model.js';
import { ChatCompletionRequest } from '../schemas/chat-request.schema.js';
import { respondToChat, type ChatDeps } from './chat-response.js';
import { parseControlHeaders } from './control-headers.js';
import { fromZodError, SandboxHttpError } from './openai-error.js';

/** Parses the body and checks what zod cannot: the model exists and a forced tool is offered. */
function parseChatRequest(body: unknown, models: readonly SandboxModel[]) {
  const parsed = ChatCompletionRequest.safeParse(body);
  if (!parsed.success) throw fromZodError(parsed.error);
  const request = parsed.data;
  const model = findModel(models, request.model);
  if (!model) {
    throw new SandboxHttpError(
      404,
      `The model '${request.model}' does not exist. See GET /v1/models for the simulated models.`,
      'invalid_request_error',
      'model_not_found',
      'model',
    );
  }
  const forced = request.tool_choice;
  if (
    forced &&
    typeof forced === 'object' &&
    !request.tools?.some((t) => t.function.name === forced.function.name)
  ) {
    throw SandboxHttpError.badRequest(
      `tool_choice names '${forced.function.name}', which is not in tools`,
      'tool_choice',
    );
  }
  return { request, model };
}

/** POST /v1/chat/completions. */
export function createChatRouter(deps: ChatDeps & { models: readonly SandboxModel[] }): Router {
  const router = Router();
  router.post('/v1/chat/completions', async (req, res) => {
    const { request, model } = parseChatRequest(req.body, deps.models);
    const control = parseControlHeaders(req.headers);
    await respondToChat(deps, model, request, control, req, res);
  });
  return router;
}
