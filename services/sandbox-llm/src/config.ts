import { META_REPLIES, type MetaReply } from './simulate/meta-reply.js';
import { LogLevelEnv, parseEnv, PortEnv } from '@llmbench/runtime';
import { z } from 'zod';
import type { FaultRates, LatencyProfile } from './models/sandbox-model.js';

const Rate = z.coerce.number().min(0).max(1).default(0);

/** Environment variables of the sandbox LLM (all optional). */
export const SandboxEnv = z.object({
  SANDBOX_PORT: PortEnv.default(8090),
  SANDBOX_HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: LogLevelEnv,
  /** When set, `Authorization: Bearer <key>` is required on /v1 routes (to test auth errors). */
  SANDBOX_API_KEY: z.string().min(1).optional(),
  SANDBOX_TTFT_MS: z.coerce.number().int().min(0).default(0),
  SANDBOX_TOKENS_PER_S: z.coerce.number().min(0).default(0),
  SANDBOX_FAULT_429: Rate,
  SANDBOX_FAULT_500: Rate,
  SANDBOX_FAULT_503: Rate,
  SANDBOX_FAULT_TIMEOUT: Rate,
  SANDBOX_FAULT_MALFORMED: Rate,
  SANDBOX_FAULT_NAME_STUFFING: Rate,
  SANDBOX_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  SANDBOX_RETRY_AFTER_S: z.coerce.number().int().min(0).default(1),
  SANDBOX_META_REPLIES: z
    .string()
    .default('json')
    .transform((s) => s.split(',').map((x) => x.trim()))
    .pipe(z.array(z.enum(META_REPLIES)).min(1))
    .describe(
      'shape of each meta answer in turn (json, fenced, prose, malformed, empty, error); the last repeats',
    ),
  SANDBOX_JUDGE_REPLIES: z
    .string()
    .default('json')
    .transform((s) => s.split(',').map((x) => x.trim()))
    .pipe(z.array(z.enum(META_REPLIES)).min(1))
    .describe('shape of each judge answer in turn (also missing_fields, out_of_range); the sequence cycles'),
});

/** Parsed configuration, grouped the way the app consumes it. */
export interface SandboxConfig {
  http: { host: string; port: number };
  logLevel: z.infer<typeof LogLevelEnv>;
  apiKey: string | undefined;
  latency: LatencyProfile;
  faults: {
    rates: FaultRates;
    /** How long a `timeout` fault holds the request before closing the socket. */
    timeoutMs: number;
    /** Value of the Retry-After header on 429 (and 503) faults. */
    retryAfterS: number;
  };
  /** Shapes of the meta-model's answers, in order (the last repeats). */
  metaReplies: MetaReply[];
  /** Shapes of the judge's answers (verdicts, reports, comparisons), cycling. */
  judgeReplies: MetaReply[];
}

/**
 * Reads and validates the sandbox's environment; a bad variable stops the process at boot and
 * names itself. The only reader of process.env in this service.
 * @param env - defaults to `process.env`; tests pass a plain object
 * @returns the grouped configuration
 * @example
 * const config = loadConfig({ SANDBOX_TIMEOUT_MS: '200' });
 */
export function loadConfig(env: Record<string, string | undefined> = process.env): SandboxConfig {
  const e = parseEnv(SandboxEnv, env);
  return {
    http: { host: e.SANDBOX_HOST, port: e.SANDBOX_PORT },
    logLevel: e.LOG_LEVEL,
    apiKey: e.SANDBOX_API_KEY,
    latency: { ttftMs: e.SANDBOX_TTFT_MS, tokensPerS: e.SANDBOX_TOKENS_PER_S },
    faults: {
      rates: {
        '429': e.SANDBOX_FAULT_429,
        '500': e.SANDBOX_FAULT_500,
        '503': e.SANDBOX_FAULT_503,
        timeout: e.SANDBOX_FAULT_TIMEOUT,
        malformed: e.SANDBOX_FAULT_MALFORMED,
        name_stuffing: e.SANDBOX_FAULT_NAME_STUFFING,
      },
      timeoutMs: e.SANDBOX_TIMEOUT_MS,
      retryAfterS: e.SANDBOX_RETRY_AFTER_S,
    },
    metaReplies: e.SANDBOX_META_REPLIES,
    judgeReplies: e.SANDBOX_JUDGE_REPLIES,
  };
}
