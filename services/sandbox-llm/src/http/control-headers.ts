import { META_REPLIES, type MetaReply } from '../simulate/meta-reply.js';
import type { IncomingHttpHeaders } from 'node:http';
import { z } from 'zod';
import { FAULT_KINDS, type FaultKind, type FaultRates } from '../models/sandbox-model.js';
import { fromZodError, SandboxHttpError } from './openai-error.js';

/** Documentation of the per-request control headers (served by GET /sandbox/models). */
export const CONTROL_HEADERS = {
  'x-sandbox-fault': {
    values: [...FAULT_KINDS, 'none'],
    description:
      'Forces one fault on this request: 429 (with Retry-After), 500, 503, timeout (hang SANDBOX_TIMEOUT_MS then close the socket), malformed (tool-call arguments JSON cut short), name_stuffing (call JSON in the function name). "none" disables every fault.',
  },
  'x-sandbox-fault-rates': {
    example: '{"429":0.1,"500":0.2,"timeout":0.05}',
    description:
      'JSON object of fault probabilities (0..1) overriding the env and model defaults for this request.',
  },
  'x-sandbox-latency-ms': {
    example: '250',
    description: 'Time to first token in milliseconds for this request.',
  },
  'x-sandbox-tokens-per-s': {
    example: '50',
    description: 'Generation speed for this request (0 = instant).',
  },
  'x-sandbox-meta-reply': {
    values: ['json', 'fenced', 'prose', 'malformed', 'empty', 'error'],
    description:
      'Shape of a meta-model answer: as asked (json), in a markdown fence, wrapped in prose, cut off part-way, without JSON, or an HTTP 500. Overrides SANDBOX_META_REPLIES for this request.',
  },
} as const;

/** Response headers that explain a simulated answer. */
export const DIAGNOSTIC_HEADERS = {
  'x-sandbox-error-probability': 'Mistake probability of this request (tool calls only).',
  'x-sandbox-mistake':
    'Mistake made: none, wrong_tool, missing_argument, mangled_argument, text_instead_of_call, call_as_text, name_stuffing, hallucinated_call.',
  'x-sandbox-fault': 'Fault injected, or none.',
  'x-sandbox-task': 'tool_call, chat, meta, verdict, report, compare or compare_summary.',
  'x-sandbox-deterministic': 'true when the answer is reproducible (seed set or temperature 0).',
} as const;

const Rates = z.partialRecord(z.enum(FAULT_KINDS), z.number().min(0).max(1));
const Headers = z.object({
  'x-sandbox-fault': z.enum([...FAULT_KINDS, 'none']).optional(),
  'x-sandbox-latency-ms': z.coerce.number().int().min(0).max(600_000).optional(),
  'x-sandbox-tokens-per-s': z.coerce.number().min(0).optional(),
  'x-sandbox-meta-reply': z.enum(META_REPLIES).optional(),
});

/** Parsed control headers of one request. */
export interface RequestControl {
  fault?: FaultKind | 'none';
  rates?: Partial<FaultRates>;
  ttftMs?: number;
  tokensPerS?: number;
  metaReply?: MetaReply;
}

/**
 * Reads the `x-sandbox-*` control headers.
 * @throws SandboxHttpError 400 naming the header when a value is invalid
 */
export function parseControlHeaders(headers: IncomingHttpHeaders): RequestControl {
  const parsed = Headers.safeParse(headers);
  if (!parsed.success) throw fromZodError(parsed.error);
  const control: RequestControl = {
    fault: parsed.data['x-sandbox-fault'],
    ttftMs: parsed.data['x-sandbox-latency-ms'],
    tokensPerS: parsed.data['x-sandbox-tokens-per-s'],
    metaReply: parsed.data['x-sandbox-meta-reply'],
  };
  const raw = headers['x-sandbox-fault-rates'];
  if (typeof raw === 'string' && raw.trim() !== '') {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw SandboxHttpError.badRequest('x-sandbox-fault-rates: not valid JSON', 'x-sandbox-fault-rates');
    }
    const rates = Rates.safeParse(json);
    if (!rates.success) throw fromZodError(rates.error, 'x-sandbox-fault-rates');
    control.rates = rates.data;
  }
  return control;
}
