import { FAULT_KINDS, type FaultKind, type FaultRates } from '../models/sandbox-model.js';
import type { ModelOutput } from './mistakes.js';
import { stuffName } from './mistakes.js';

/** All-zero fault rates, the base every other source is merged onto. */
export const NO_FAULTS: FaultRates = {
  '429': 0,
  '500': 0,
  '503': 0,
  timeout: 0,
  malformed: 0,
  name_stuffing: 0,
};

/** Faults answered at the HTTP level, before any body is generated. */
export const HTTP_FAULTS = ['429', '500', '503', 'timeout'] as const satisfies readonly FaultKind[];
export type HttpFault = (typeof HTTP_FAULTS)[number];

/**
 * Merges fault rates, later sources winning per key: env defaults, then the model's own
 * defaults, then the `x-sandbox-fault-rates` header.
 */
export function mergeFaultRates(...sources: Array<Partial<FaultRates> | undefined>): FaultRates {
  return Object.assign({ ...NO_FAULTS }, ...sources.filter(Boolean)) as FaultRates;
}

/**
 * Decides which fault, if any, hits this request. Faults always use fresh randomness (`random`),
 * never the request's seed: a seeded request that failed must be able to succeed when retried,
 * exactly as with a real provider.
 * @param rates - probability of each fault; they are tried in a fixed order on one uniform draw
 * @param forced - the `x-sandbox-fault` header: a kind forces it, `none` disables faults
 * @param random - uniform [0, 1) source (Math.random in production)
 * @returns the fault kind, or null
 */
export function pickFault(
  rates: FaultRates,
  forced: FaultKind | 'none' | undefined,
  random: () => number,
): FaultKind | null {
  if (forced === 'none') return null;
  if (forced) return forced;
  let u = random();
  for (const kind of FAULT_KINDS) {
    if (u < rates[kind]) return kind;
    u -= rates[kind];
  }
  return null;
}

/** OpenAI-shaped error body of an HTTP fault, with the status and headers to send. */
export function httpFaultResponse(
  kind: Exclude<HttpFault, 'timeout'>,
  retryAfterS: number,
): { status: number; headers: Record<string, string>; body: unknown } {
  switch (kind) {
    case '429':
      return {
        status: 429,
        headers: { 'retry-after': String(retryAfterS) },
        body: openAiError(
          `Rate limit reached (simulated by the sandbox). Please try again in ${retryAfterS}s.`,
          'rate_limit_error',
          'rate_limit_exceeded',
        ),
      };
    case '500':
      return {
        status: 500,
        headers: {},
        body: openAiError(
          'The server had an error while processing your request (simulated).',
          'server_error',
          'internal_error',
        ),
      };
    case '503':
      return {
        status: 503,
        headers: { 'retry-after': String(retryAfterS) },
        body: openAiError(
          'The engine is currently overloaded (simulated). Please try again later.',
          'server_error',
          'service_unavailable',
        ),
      };
  }
}

/** The OpenAI error envelope: `{"error": {message, type, param, code}}`. */
export function openAiError(message: string, type: string, code: string | null, param: string | null = null) {
  return { error: { message, type, param, code } };
}

/**
 * Applies a body-level fault to a tool call: `malformed` cuts the arguments JSON before its closing
 * brace (always unparseable), `name_stuffing` moves the call JSON into the function name. Text
 * outputs are returned unchanged, since these faults only exist for tool calls.
 */
export function applyOutputFault(output: ModelOutput, fault: FaultKind | null): ModelOutput {
  if (output.kind !== 'tool_call') return output;
  if (fault === 'name_stuffing') return stuffName(output);
  if (fault === 'malformed') {
    const cut = output.arguments.slice(0, Math.max(1, output.arguments.length - 2));
    return { ...output, arguments: cut };
  }
  return output;
}
