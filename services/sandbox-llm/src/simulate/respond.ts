import type { MistakeKind, SamplingParams, SandboxModel } from '../models/sandbox-model.js';
import type { ChatCompletionRequest, ToolChoice } from '../schemas/chat-request.schema.js';
import { extractArguments } from './arguments.js';
import { readConversation } from './conversation.js';
import { errorProbability, irrelevanceCallProbability } from './error-model.js';
import { applyMistake, correctCall, type ModelOutput } from './mistakes.js';
import { detectPromptFeatures, type PromptFeature } from './prompt-features.js';
import { chatReply, doneReply, irrelevantReply } from './replies.js';
import { createRng, freshSeed, type Rng } from './rng.js';
import { detectTask, type TaskKind } from './task-detection.js';
import { runTask } from './tasks.js';
import { chooseTool } from './tool-choice.js';

/** Why the response looks the way it does; sent back as `x-sandbox-*` headers for tests and debugging. */
export interface Diagnostics {
  task: TaskKind | 'tool_call' | 'chat';
  deterministic: boolean;
  errorProbability: number | null;
  mistake: MistakeKind | 'hallucinated_call' | 'none';
  features: PromptFeature[];
}

export interface Simulation {
  output: ModelOutput;
  rng: Rng;
  diagnostics: Diagnostics;
}

/** The sampling parameters of a request, the only ones that move the error probability. */
export function samplingParams(r: ChatCompletionRequest): SamplingParams {
  const { temperature, top_p, top_k, min_p, presence_penalty, frequency_penalty, repetition_penalty } = r;
  return { temperature, top_p, top_k, min_p, presence_penalty, frequency_penalty, repetition_penalty };
}

/**
 * Two random streams. `rng` hashes everything that shapes the answer, so an identical request
 * replays identically. `roll` (the one uniform draw deciding "mistake or not") leaves out the
 * sampling parameters and the system prompt: for a fixed case and seed the same draw is compared
 * with p(params, prompt), so a better setting can only fix cases, never break new ones (common
 * random numbers). That keeps the error surface monotone, which is what lets a tuner find the
 * optimum with few cases. Without `seed` and with temperature > 0 both are fresh.
 */
function randomness(model: SandboxModel, r: ChatCompletionRequest) {
  const deterministic = r.seed != null || r.temperature === 0;
  if (!deterministic) {
    const rng = createRng(freshSeed());
    return { deterministic, rng, roll: rng.next() };
  }
  // Plain JSON.stringify is stable here: zod rebuilt the body in schema key order. Tools are
  // serialised once, since they are most of the bytes.
  const shared = `${model.id}|${r.seed ?? ''}|${JSON.stringify(r.tools ?? [])}`;
  const visible = r.messages.filter((m) => m.role !== 'system' && m.role !== 'developer');
  const rest = JSON.stringify([r.messages, r.tool_choice, r.response_format, samplingParams(r)]);
  return {
    deterministic,
    rng: createRng(`${shared}|${rest}`),
    roll: createRng(`roll|${shared}|${JSON.stringify(visible)}`).next(),
  };
}

/** Mistake weights allowed under `tool_choice`: a forced call cannot turn into prose or another tool. */
function allowedMistakes(model: SandboxModel, toolChoice: ToolChoice | null | undefined) {
  const weights = { ...model.mistakes };
  if (toolChoice === 'required' || typeof toolChoice === 'object') {
    delete weights.text_instead_of_call;
    delete weights.call_as_text;
  }
  if (toolChoice && typeof toolChoice === 'object') delete weights.wrong_tool;
  return Object.values(weights).some((w) => (w ?? 0) > 0) ? weights : { mangled_argument: 1 };
}

const jsonWrap = (r: ChatCompletionRequest, text: string) =>
  r.response_format && r.response_format.type !== 'text' ? JSON.stringify({ answer: text }) : text;

/**
 * Simulates one chat completion: meta/judge tasks first, then tool choice, argument extraction
 * and the error roll that may turn the intended call into a mistake.
 * @param model - the simulated model
 * @param request - the validated request
 * @returns the output (before faults), the request RNG and the diagnostics
 */
export function simulate(model: SandboxModel, request: ChatCompletionRequest): Simulation {
  const { deterministic, rng, roll } = randomness(model, request);
  const convo = readConversation(request.messages);
  const features = detectPromptFeatures(convo.systemPrompt);
  const base = { deterministic, features: [...features] };
  const task = detectTask(convo.lastUser, request.response_format);
  if (task) {
    const content = runTask(task, convo.lastUser, request.response_format, rng);
    return {
      output: { kind: 'text', content },
      rng,
      diagnostics: { ...base, task, errorProbability: null, mistake: 'none' },
    };
  }
  const tools = request.tools ?? [];
  const decision = chooseTool({ ...convo, prompt: convo.lastUser, tools, toolChoice: request.tool_choice });
  const p = errorProbability(model, samplingParams(request), features).probability;
  const diag = (
    mistake: Diagnostics['mistake'],
    taskKind: Diagnostics['task'] = 'tool_call',
  ): Diagnostics => ({
    ...base,
    task: taskKind,
    errorProbability: tools.length > 0 ? p : null,
    mistake,
  });
  if (decision.kind === 'text') {
    const best = [...decision.scores].sort((a, b) => b.score - a.score)[0];
    if (decision.reason === 'irrelevant' && best && roll < irrelevanceCallProbability(p, features)) {
      const tool = tools.find((t) => t.function.name === best.name)!;
      const args = extractArguments(tool.function.parameters, convo.lastUser, convo.toolResults);
      return {
        output: correctCall({ tool, args, clause: convo.lastUser, toolResults: [] }),
        rng,
        diagnostics: diag('hallucinated_call'),
      };
    }
    const content =
      decision.reason === 'irrelevant'
        ? irrelevantReply(convo.lastUser)
        : decision.reason === 'done'
          ? doneReply(convo.toolResults)
          : chatReply(convo.lastUser);
    return {
      output: { kind: 'text', content: jsonWrap(request, content) },
      rng,
      diagnostics: diag('none', 'chat'),
    };
  }
  const call = {
    tool: decision.tool,
    args: extractArguments(decision.tool.function.parameters, decision.clause, convo.toolResults),
    clause: decision.clause,
    toolResults: convo.toolResults,
  };
  if (roll >= p) return { output: correctCall(call), rng, diagnostics: diag('none') };
  const kind = rng.weighted(allowedMistakes(model, request.tool_choice));
  const { output, mistake } = applyMistake(kind, call, { tools, scores: decision.scores, rng });
  return { output, rng, diagnostics: diag(mistake) };
}
