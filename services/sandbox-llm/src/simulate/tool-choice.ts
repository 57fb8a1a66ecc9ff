import type { FunctionTool, JsonSchema, ToolChoice } from '../schemas/chat-request.schema.js';
import { maskQuoted } from './prompt-values.js';
import { contentTokens, splitIdentifier, stem, STOPWORDS } from './text.js';

/** Weight of a prompt word by where it matches in a tool definition. */
const SOURCE_WEIGHT = { name: 3, enum: 2, param: 1.5, description: 0.8 } as const;
/**
 * Minimum relevance for a tool to be called under `auto`. One description word alone stays below
 * it (0.8 × idf ≤ 1.92 for ten tools), so incidental overlap does not trigger a call; a name,
 * parameter or enum word does.
 */
export const RELEVANCE_THRESHOLD = 2;
/** Words that split a request into ordered actions ("check the weather, then …"). */
const SEQUENCE_SPLIT = /\b(?:and\s+)?then\b|\bafter that\b|\bafterwards\b|\bfollowed by\b|\band also\b/i;

/** Relevance of one tool to the prompt. */
export interface ToolScore {
  name: string;
  score: number;
  /** Character offset of the first prompt word that matched this tool (Infinity if none). */
  firstMention: number;
}

function schemaWords(schema: JsonSchema | null | undefined, bag: Map<string, number>): void {
  for (const [param, sub] of Object.entries(schema?.properties ?? {})) {
    for (const w of splitIdentifier(param)) addWord(bag, stem(w), SOURCE_WEIGHT.param);
    for (const value of [...(sub.enum ?? []), ...(sub.items?.enum ?? [])]) {
      for (const w of splitIdentifier(String(value))) addWord(bag, stem(w), SOURCE_WEIGHT.enum);
    }
    schemaWords(sub, bag);
    if (sub.items) schemaWords(sub.items, bag);
  }
}

function addWord(bag: Map<string, number>, word: string, weight: number): void {
  if (STOPWORDS.has(word) || word.length < 2) return;
  bag.set(word, Math.max(bag.get(word) ?? 0, weight));
}

/** The weighted words of a tool: name, parameter names, enum values and description. */
function toolWords(tool: FunctionTool): Map<string, number> {
  const bag = new Map<string, number>();
  for (const w of contentTokens(tool.function.description ?? '')) addWord(bag, w, SOURCE_WEIGHT.description);
  schemaWords(tool.function.parameters, bag);
  for (const w of splitIdentifier(tool.function.name)) addWord(bag, stem(w), SOURCE_WEIGHT.name);
  return bag;
}

/**
 * Scores every tool by IDF-weighted overlap between the prompt's words and the tool's words, so a
 * word shared by many tools ("set", "get") counts less than a distinctive one ("thermostat").
 * @param prompt - the user request
 * @param tools - the request's tools
 * @returns one score per tool, in the tools' order
 */
export function scoreTools(prompt: string, tools: readonly FunctionTool[]): ToolScore[] {
  const bags = tools.map(toolWords);
  const docFreq = new Map<string, number>();
  for (const bag of bags) for (const w of bag.keys()) docFreq.set(w, (docFreq.get(w) ?? 0) + 1);
  // Quoted text is data ("Garage door is open"), not intent, so it never votes for a tool.
  const promptWords = [...maskQuoted(prompt).matchAll(/[A-Za-z0-9]+/g)].map((m) => ({
    w: stem(m[0]),
    at: m.index,
  }));
  return tools.map((tool, i) => {
    const bag = bags[i]!;
    const seen = new Set<string>();
    let score = 0;
    let firstMention = Infinity;
    for (const { w, at } of promptWords) {
      const weight = bag.get(w);
      if (weight === undefined) continue;
      firstMention = Math.min(firstMention, at);
      if (seen.has(w)) continue;
      seen.add(w);
      score += weight * Math.log(1 + tools.length / (docFreq.get(w) ?? 1));
    }
    return { name: tool.function.name, score, firstMention };
  });
}

/** What the model decides to do before any mistake is applied. */
export type ToolDecision =
  | { kind: 'call'; tool: FunctionTool; clause: string; scores: ToolScore[] }
  | { kind: 'text'; reason: 'no_tools' | 'tool_choice_none' | 'irrelevant' | 'done'; scores: ToolScore[] };

export interface ChooseToolInput {
  prompt: string;
  tools: readonly FunctionTool[];
  toolChoice: ToolChoice | null | undefined;
  /** Tools already called since the last user message, in call order (multi-turn continuation). */
  calledTools: readonly string[];
}

interface Step {
  tool: FunctionTool;
  clause: string;
}

function best(scores: readonly ToolScore[]): ToolScore | undefined {
  return [...scores].sort((a, b) => b.score - a.score || a.firstMention - b.firstMention)[0];
}

/**
 * The actions a request asks for, in order: one per clause of a sequenced request ("check the
 * weather in Oslo, then set the thermostat"), each clause mapped to its most relevant tool.
 */
export function planSteps(prompt: string, tools: readonly FunctionTool[]): Step[] {
  const steps: Step[] = [];
  for (const clause of prompt.split(SEQUENCE_SPLIT)) {
    const top = best(scoreTools(clause, tools));
    if (top && top.score >= RELEVANCE_THRESHOLD) {
      steps.push({ tool: tools.find((t) => t.function.name === top.name)!, clause: clause.trim() });
    }
  }
  return steps;
}

/**
 * Picks the tool a mistake-free model would call, honouring `tool_choice`.
 *
 * A multi-step request is worked through one call per turn: the next planned step is the first
 * one whose tool has not been called yet (a multiset, so "turn on the kitchen light, then turn
 * off the bedroom light" calls the same tool twice). When every step is done the model answers in
 * text; under `auto`, a prompt no tool fits gets a text answer too (irrelevance).
 */
export function chooseTool({ prompt, tools, toolChoice, calledTools }: ChooseToolInput): ToolDecision {
  if (tools.length === 0) return { kind: 'text', reason: 'no_tools', scores: [] };
  if (toolChoice === 'none') return { kind: 'text', reason: 'tool_choice_none', scores: [] };
  const scores = scoreTools(prompt, tools);
  if (toolChoice && typeof toolChoice === 'object') {
    const forced = tools.find((t) => t.function.name === toolChoice.function.name);
    if (forced) return { kind: 'call', tool: forced, clause: prompt, scores };
  }
  const remaining = new Map<string, number>();
  for (const name of calledTools) remaining.set(name, (remaining.get(name) ?? 0) + 1);
  for (const step of planSteps(prompt, tools)) {
    const done = remaining.get(step.tool.function.name) ?? 0;
    if (done === 0) return { kind: 'call', ...step, scores };
    remaining.set(step.tool.function.name, done - 1);
  }
  if (toolChoice === 'required') {
    const fallback = tools.find((t) => t.function.name === best(scores)?.name)!;
    return { kind: 'call', tool: fallback, clause: prompt, scores };
  }
  return { kind: 'text', reason: calledTools.length > 0 ? 'done' : 'irrelevant', scores };
}
