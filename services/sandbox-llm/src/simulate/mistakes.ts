import type { MistakeKind } from '../models/sandbox-model.js';
import type { FunctionTool, JsonSchema } from '../schemas/chat-request.schema.js';
import { extractArguments } from './arguments.js';
import { proseInsteadOfCall } from './replies.js';
import type { Rng } from './rng.js';
import type { ToolScore } from './tool-choice.js';

/** What the model emits: a call (name + raw arguments text) or prose. */
export type ModelOutput =
  { kind: 'tool_call'; name: string; arguments: string } | { kind: 'text'; content: string };

export interface IntendedCall {
  tool: FunctionTool;
  args: Record<string, unknown>;
  /** Text the arguments were read from (the prompt, or one clause of it). */
  clause: string;
  toolResults: readonly unknown[];
}

export interface MistakeContext {
  tools: readonly FunctionTool[];
  scores: readonly ToolScore[];
  rng: Rng;
}

/** The correct output: the intended call, arguments as compact JSON. */
export function correctCall(call: IntendedCall): ModelOutput {
  return { kind: 'tool_call', name: call.tool.function.name, arguments: JSON.stringify(call.args) };
}

/** Another tool, preferring the runner-up by relevance (a plausible confusion, not a random one). */
function otherTool(call: IntendedCall, ctx: MistakeContext): FunctionTool | undefined {
  const others = ctx.scores
    .filter((s) => s.name !== call.tool.function.name)
    .sort((a, b) => b.score - a.score);
  const name = others[0] && others[0].score > 0 ? others[0].name : others[ctx.rng.int(others.length)]?.name;
  return ctx.tools.find((t) => t.function.name === name);
}

/**
 * Damages one value the way sampling noise does: numbers off by one, strings cut short, enums
 * swapped for a sibling value, booleans flipped, arrays missing their last item, objects recursed.
 */
export function mangleValue(value: unknown, schema: JsonSchema | undefined, rng: Rng): unknown {
  const options = schema?.enum?.filter((v) => v !== value) ?? [];
  if (options.length > 0) return rng.pick(options);
  if (typeof value === 'number') return value + (rng.chance(0.5) ? 1 : -1);
  if (typeof value === 'boolean') return !value;
  if (typeof value === 'string') {
    const cut = value.includes(' ') ? value.slice(0, value.lastIndexOf(' ')) : value.slice(0, -2);
    return cut.length > 0 ? cut : `${value}x`;
  }
  if (Array.isArray(value)) return value.length > 1 ? value.slice(0, -1) : [];
  if (value && typeof value === 'object') {
    const keys = Object.keys(value);
    const key = keys.length > 0 ? rng.pick(keys) : undefined;
    if (key === undefined) return value;
    const sub = schema?.properties?.[key];
    return { ...value, [key]: mangleValue((value as Record<string, unknown>)[key], sub, rng) };
  }
  return value;
}

function withoutKey(args: Record<string, unknown>, schema: JsonSchema | null | undefined, rng: Rng) {
  const keys = Object.keys(args);
  const required = keys.filter((k) => schema?.required?.includes(k));
  const drop = rng.pick(required.length > 0 ? required : keys);
  return Object.fromEntries(Object.entries(args).filter(([k]) => k !== drop));
}

/**
 * Turns the intended call into the output of a mistake. A mistake that cannot apply falls back:
 * no argument to drop (`get_time`) → wrong tool; no other tool → mangled argument, else prose.
 * @returns the output and the mistake actually made
 */
export function applyMistake(
  kind: MistakeKind,
  call: IntendedCall,
  ctx: MistakeContext,
): { output: ModelOutput; mistake: MistakeKind } {
  const { tool, args } = call;
  const name = tool.function.name;
  const params = tool.function.parameters;
  const hasArgs = Object.keys(args).length > 0;
  switch (kind) {
    case 'missing_argument':
    case 'mangled_argument': {
      if (!hasArgs) return applyMistake('wrong_tool', call, ctx);
      const damaged =
        kind === 'missing_argument'
          ? withoutKey(args, params, ctx.rng)
          : (() => {
              const key = ctx.rng.pick(Object.keys(args));
              return { ...args, [key]: mangleValue(args[key], params?.properties?.[key], ctx.rng) };
            })();
      return { output: { kind: 'tool_call', name, arguments: JSON.stringify(damaged) }, mistake: kind };
    }
    case 'wrong_tool': {
      const other = otherTool(call, ctx);
      if (!other) return applyMistake(hasArgs ? 'mangled_argument' : 'text_instead_of_call', call, ctx);
      const otherArgs = extractArguments(other.function.parameters, call.clause, call.toolResults);
      return { output: correctCall({ ...call, tool: other, args: otherArgs }), mistake: kind };
    }
    case 'text_instead_of_call':
      return { output: { kind: 'text', content: proseInsteadOfCall(tool, args) }, mistake: kind };
    case 'call_as_text':
      // The shape local servers print when the model writes the call instead of emitting it.
      return { output: { kind: 'text', content: JSON.stringify({ name, arguments: args }) }, mistake: kind };
    case 'name_stuffing':
      return { output: stuffName(correctCall(call)), mistake: kind };
  }
}

/** Puts the whole call JSON into the function name and leaves the arguments empty. */
export function stuffName(output: ModelOutput): ModelOutput {
  if (output.kind !== 'tool_call') return output;
  const args = JSON.parse(output.arguments) as unknown;
  return { kind: 'tool_call', name: JSON.stringify({ name: output.name, arguments: args }), arguments: '{}' };
}
