import type { ResponseFormat } from '../schemas/chat-request.schema.js';
import { judgeComparison, judgeComparisonSummary } from './compare.js';
import { judgeReport, judgeVerdict } from './judge.js';
import { generatePromptVariations, parseBasePrompt, parseParents, requestedCount } from './meta.js';
import type { Rng } from './rng.js';
import type { TaskKind } from './task-detection.js';

type Schema = {
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: unknown;
} & Record<string, unknown>;

/** Where the prompt list lives in a `json_schema` answer, and which item keys it allows. */
function promptListShape(format: ResponseFormat | null | undefined) {
  const schema = (format?.type === 'json_schema' ? format.json_schema.schema : undefined) as
    Schema | undefined;
  const entry = Object.entries(schema?.properties ?? {}).find(([, s]) => s.type === 'array' || s.items);
  const [key, list] = entry ?? ['prompts', undefined];
  const items = list?.items;
  // A strict schema (additionalProperties false) forbids parent_index/mutation_type: leave them out
  // rather than answer with JSON that breaks the caller's schema.
  const allowed = items?.additionalProperties === false ? Object.keys(items.properties ?? {}) : undefined;
  const bound = (v: unknown) => (typeof v === 'number' ? v : undefined);
  return { key, allowed, min: bound(list?.minItems), max: bound(list?.maxItems) };
}

function metaAnswer(prompt: string, format: ResponseFormat | null | undefined, rng: Rng): object {
  const shape = promptListShape(format);
  const count = requestedCount(prompt, { min: shape.min, max: shape.max });
  const candidates = generatePromptVariations(
    { base: parseBasePrompt(prompt), parents: parseParents(prompt), count },
    rng,
  );
  const items = shape.allowed
    ? candidates.map((c) => Object.fromEntries(Object.entries(c).filter(([k]) => shape.allowed!.includes(k))))
    : candidates;
  return { [shape.key]: items };
}

/**
 * Answers a meta-model or judge request with the JSON text the product expects.
 * @param kind - from {@link detectTask}
 * @param prompt - the last user message
 * @param format - the request's response_format (its schema shapes the meta answer)
 * @param rng - request RNG (variation sampling, position bias)
 * @returns JSON text for the assistant message content
 */
export function runTask(
  kind: TaskKind,
  prompt: string,
  format: ResponseFormat | null | undefined,
  rng: Rng,
): string {
  switch (kind) {
    case 'meta':
      return JSON.stringify(metaAnswer(prompt, format, rng));
    case 'verdict':
      return JSON.stringify(judgeVerdict(prompt));
    case 'report':
      return JSON.stringify(judgeReport(prompt));
    case 'compare':
      return JSON.stringify(judgeComparison(prompt, rng));
    case 'compare_summary':
      return JSON.stringify(judgeComparisonSummary(prompt));
  }
}
