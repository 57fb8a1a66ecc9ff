import { parseMetaCandidates, PROMPT_LIST_SCHEMA, type MetaCandidate } from '@llmbench/tuning';
import { LlmCallError, type LlmClient } from '../llm-client.js';
import { completeStructured } from './structured-call.js';

/** What one generation's meta call produced. */
export type CandidatesResult =
  | { ok: true; candidates: MetaCandidate[]; calls: number; notes: string[] }
  | { ok: false; error: string; calls: number; notes: string[] };

const PARSE_ATTEMPTS = 3;
const FORM_NOTES: Record<string, string> = {
  fenced: 'the answer was wrapped in a markdown fence',
  embedded: 'the answer had prose around the JSON',
  salvaged: 'the answer was cut off; the complete prompts before the cut were kept',
};

/**
 * Asks the meta-model for candidate prompts (JSON schema first, see {@link completeStructured});
 * an answer with no usable prompt is asked again, up to 3 times. A call that fails for good ends
 * with an error the tuner reports as `generation_error`.
 */
export async function requestCandidates(
  client: LlmClient,
  input: { model: string; prompt: string; count: number; seed?: number | undefined; signal?: AbortSignal },
): Promise<CandidatesResult> {
  const notes: string[] = [];
  let calls = 0;
  for (let attempt = 1; attempt <= PARSE_ATTEMPTS; attempt++) {
    try {
      const res = await completeStructured(client, {
        model: input.model,
        prompt: input.prompt,
        schema: PROMPT_LIST_SCHEMA,
        params: {
          temperature: 0.9,
          max_tokens: 4096,
          ...(input.seed === undefined ? {} : { seed: input.seed }),
        },
        signal: input.signal,
      });
      calls += res.calls;
      if (res.note) notes.push(res.note);
      const { candidates, form } = parseMetaCandidates(res.response.content);
      if (candidates.length > 0) {
        const note = FORM_NOTES[form];
        if (note) notes.push(note);
        return { ok: true, candidates: candidates.slice(0, input.count), calls, notes };
      }
      notes.push(`attempt ${attempt}: the meta-model answer held no prompts`);
    } catch (err) {
      if (!(err instanceof LlmCallError) || err.category === 'cancelled') throw err;
      calls += 2;
      return { ok: false, error: `meta-model call failed: ${err.message.slice(0, 300)}`, calls, notes };
    }
  }
  return {
    ok: false,
    error: `the meta-model gave no usable prompts after ${PARSE_ATTEMPTS} attempts`,
    calls,
    notes,
  };
}
