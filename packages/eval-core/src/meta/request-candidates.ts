import { parseMetaCandidates, PROMPT_LIST_SCHEMA, type MetaCandidate } from '@llmbench/tuning';
import { LlmCallError, type LlmClient } from '../llm-client.js';

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
 * Asks the meta-model for candidate prompts: JSON via `response_format` json_schema first; when the
 * provider rejects that (a 400, or a server error some local servers give instead) the same request
 * is retried once without it. An answer with no usable prompt is asked again (up to 3 times).
 * Transient errors were already retried with backoff by the client; what is left ends the call with
 * an error the tuner reports as `generation_error`.
 */
export async function requestCandidates(
  client: LlmClient,
  input: { model: string; prompt: string; count: number; seed?: number | undefined; signal?: AbortSignal },
): Promise<CandidatesResult> {
  const notes: string[] = [];
  let calls = 0;
  let useFormat = true;
  let lastError = 'the meta-model gave no usable prompts';
  for (let attempt = 0; attempt < PARSE_ATTEMPTS;) {
    calls++;
    try {
      const res = await client.complete(
        {
          model: input.model,
          messages: [{ role: 'user', content: input.prompt }],
          params: {
            temperature: 0.9,
            max_tokens: 4096,
            ...(input.seed === undefined ? {} : { seed: input.seed }),
            ...(useFormat
              ? { response_format: { type: 'json_schema', json_schema: PROMPT_LIST_SCHEMA } }
              : {}),
          },
        },
        input.signal ? { signal: input.signal } : {},
      );
      const { candidates, form } = parseMetaCandidates(res.content);
      if (candidates.length > 0) {
        const note = FORM_NOTES[form];
        if (note) notes.push(note);
        return { ok: true, candidates: candidates.slice(0, input.count), calls, notes };
      }
      lastError = 'the meta-model answer held no prompts';
      notes.push(`attempt ${attempt + 1}: ${lastError}`);
      attempt++;
    } catch (err) {
      if (!(err instanceof LlmCallError) || err.category === 'cancelled') throw err;
      if (useFormat && (err.category === 'bad_request' || err.retryable)) {
        useFormat = false;
        notes.push(`retried without response_format (${err.message.slice(0, 120)})`);
        continue;
      }
      return { ok: false, error: `meta-model call failed: ${err.message.slice(0, 300)}`, calls, notes };
    }
  }
  return { ok: false, error: `${lastError} after ${PARSE_ATTEMPTS} attempts`, calls, notes };
}
