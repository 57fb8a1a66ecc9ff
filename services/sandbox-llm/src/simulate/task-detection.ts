import type { ResponseFormat } from '../schemas/chat-request.schema.js';

/** Non-tool-calling jobs the sandbox recognises: the meta-model and the four judge calls. */
export type TaskKind = 'meta' | 'verdict' | 'report' | 'compare' | 'compare_summary';

const has = (schema: Record<string, unknown> | undefined, key: string): boolean =>
  JSON.stringify(schema ?? {}).includes(`"${key}"`);

function fromSchema(name: string, schema: Record<string, unknown> | undefined): TaskKind | null {
  if (/prompt/i.test(name) || has(schema, 'prompts')) return 'meta';
  if (has(schema, 'overall_winner')) return 'compare_summary';
  if (has(schema, 'winner')) return 'compare';
  if (has(schema, 'overall_grade')) return 'report';
  if (has(schema, 'verdict') || has(schema, 'quality_score')) return 'verdict';
  return null;
}

/**
 * Recognises meta-model and judge requests. A `json_schema` response format decides by its name
 * and keys; otherwise the last user message is read for the answer keys the product's prompts ask
 * for (`overall_winner`, `winner` + model_a/model_b, `overall_grade`, `verdict`/`quality_score`)
 * and, failing those, for a prompt-engineering request ("generate N system prompts", "mutate").
 * Judge cues are checked first because a meta-prompt also lists "→ expected tool" scenarios.
 * @returns the task, or null for an ordinary (tool-calling or chat) request
 */
export function detectTask(
  lastUser: string,
  responseFormat: ResponseFormat | null | undefined,
): TaskKind | null {
  if (responseFormat?.type === 'json_schema') {
    const bySchema = fromSchema(responseFormat.json_schema.name, responseFormat.json_schema.schema);
    if (bySchema) return bySchema;
  }
  const text = lastUser;
  if (/overall_winner/i.test(text)) return 'compare_summary';
  if (/\bwinner\b/i.test(text) && /model_a/i.test(text) && /model_b/i.test(text)) return 'compare';
  if (/overall_grade/i.test(text)) return 'report';
  if (/quality_score|\bverdict\b/i.test(text) && /\bexpected\b/i.test(text) && /\bactual\b/i.test(text)) {
    return 'verdict';
  }
  if (/"prompts"|prompt_list/i.test(text)) return 'meta';
  if (
    /system[ -]prompts?/i.test(text) &&
    /\b(generate|produce|create|write|propose|mutat\w*|variations?|rewrite|improve|evolve)\b/i.test(text)
  ) {
    return 'meta';
  }
  return null;
}
