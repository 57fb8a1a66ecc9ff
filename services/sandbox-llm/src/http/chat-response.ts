import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import type { SandboxConfig } from '../config.js';
import type { SandboxModel } from '../models/sandbox-model.js';
import type { ChatCompletionRequest } from '../schemas/chat-request.schema.js';
import {
  buildChunks,
  buildCompletion,
  limitText,
  type CompletionMeta,
  type FinishReason,
} from '../simulate/completion.js';
import { applyOutputFault, httpFaultResponse, mergeFaultRates, pickFault } from '../simulate/faults.js';
import { ClientGoneError, generationMs, resolveLatency, wait } from '../simulate/latency.js';
import type { ModelOutput } from '../simulate/mistakes.js';
import { simulate, type Diagnostics } from '../simulate/respond.js';
import { type MetaReplySequence, shapeMetaReply } from '../simulate/meta-reply.js';
import { computeUsage } from '../simulate/usage.js';
import type { RequestControl } from './control-headers.js';
import { writeSse } from './sse.js';

export interface ChatDeps {
  config: SandboxConfig;
  /** Uniform [0, 1) source for fault rolls; Math.random unless a test injects one. */
  random: () => number;
  /** Shapes of meta answers in turn (from SANDBOX_META_REPLIES). */
  metaReplies: MetaReplySequence;
  /** Shapes of judge answers in turn (from SANDBOX_JUDGE_REPLIES). */
  judgeReplies: MetaReplySequence;
}

/** An AbortSignal that fires when the client closes the connection before we finished. */
function clientSignal(res: Response): AbortSignal {
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort(new ClientGoneError());
  });
  return controller.signal;
}

function setDiagnostics(res: Response, d: Diagnostics, fault: string | null): void {
  res.setHeader('x-sandbox-task', d.task);
  res.setHeader('x-sandbox-mistake', d.mistake);
  res.setHeader('x-sandbox-fault', fault ?? 'none');
  res.setHeader('x-sandbox-deterministic', String(d.deterministic));
  if (d.errorProbability !== null)
    res.setHeader('x-sandbox-error-probability', d.errorProbability.toFixed(4));
}

/** Applies stop sequences and max_tokens to text answers and picks the finish_reason. */
function finalOutput(
  output: ModelOutput,
  body: ChatCompletionRequest,
): { output: ModelOutput; finishReason: FinishReason } {
  if (output.kind !== 'text') return { output, finishReason: 'tool_calls' };
  const limited = limitText(output.content, {
    maxTokens: body.max_completion_tokens ?? body.max_tokens,
    stop: body.stop,
  });
  return { output: { kind: 'text', content: limited.content }, finishReason: limited.finishReason };
}

/**
 * Answers one validated chat completion: time to first token, fault roll, simulation, body-level
 * faults, stop/max_tokens, then a JSON completion or an SSE stream. Latency applies to every
 * answer, faults included, as network and queueing delay would on a real endpoint.
 */
export async function respondToChat(
  deps: ChatDeps,
  model: SandboxModel,
  body: ChatCompletionRequest,
  control: RequestControl,
  req: Request,
  res: Response,
): Promise<void> {
  const signal = clientSignal(res);
  const { faults } = deps.config;
  const fault = pickFault(
    mergeFaultRates(faults.rates, model.faults, control.rates),
    control.fault,
    deps.random,
  );
  const latency = resolveLatency(deps.config.latency, model.latency, control);
  await wait(latency.ttftMs, signal);
  if (fault === 'timeout') {
    // Hang, then drop the connection without a response, like a provider that never answers.
    await wait(faults.timeoutMs, signal).catch(() => undefined);
    req.socket.destroy();
    return;
  }
  if (fault === '429' || fault === '500' || fault === '503') {
    const { status, headers, body: errorBody } = httpFaultResponse(fault, faults.retryAfterS);
    res
      .status(status)
      .set({ ...headers, 'x-sandbox-fault': fault })
      .json(errorBody);
    return;
  }
  const sim = simulate(model, body);
  const task = sim.diagnostics.task;
  if (task !== 'tool_call' && task !== 'chat' && sim.output.kind === 'text') {
    const mode = control.metaReply ?? (task === 'meta' ? deps.metaReplies : deps.judgeReplies).next();
    res.setHeader('x-sandbox-meta-reply', mode);
    if (mode === 'error') {
      const { status, headers, body: errorBody } = httpFaultResponse('500', faults.retryAfterS);
      res.status(status).set(headers).json(errorBody);
      return;
    }
    sim.output = { kind: 'text', content: shapeMetaReply(sim.output.content, mode) };
  }
  const { output, finishReason } = finalOutput(applyOutputFault(sim.output, fault), body);
  const usage = computeUsage(body, output);
  const meta: CompletionMeta = {
    id: `chatcmpl-sbx${randomBytes(12).toString('hex')}`,
    created: Math.floor(Date.now() / 1000),
    model: model.id,
    // Drawn from the request RNG so a seeded request replays the same message, call id included.
    callId: `call_${Math.floor(sim.rng.next() * 2 ** 48).toString(36)}`,
  };
  setDiagnostics(res, sim.diagnostics, fault);
  const totalMs = generationMs(usage.completion_tokens, latency.tokensPerS);
  if (body.stream) {
    const chunks = buildChunks(meta, output, finishReason, body.stream_options?.include_usage ? usage : null);
    await writeSse(res, chunks, totalMs / Math.max(1, chunks.length - 1), signal);
    return;
  }
  await wait(totalMs, signal);
  res.json(buildCompletion(meta, output, finishReason, usage));
}
