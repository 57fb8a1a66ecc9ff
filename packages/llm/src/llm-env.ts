import { z } from 'zod';

/** Environment of every service that calls LLMs: the key that decrypts provider keys, and call limits. */
export const LlmCallerEnv = z.object({
  ENCRYPTION_KEY: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes)'),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).default(120_000),
  LLM_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(4),
  LLM_EXTRA_HEADERS: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (!s) return undefined;
      try {
        return z.record(z.string(), z.string()).parse(JSON.parse(s));
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be a JSON object of header names to string values' });
        return z.NEVER;
      }
    })
    .describe('headers sent on every LLM call, e.g. sandbox fault injection for chaos tests'),
});
export type LlmCallerEnv = z.infer<typeof LlmCallerEnv>;

/** The settings {@link LlmCallerEnv} describes. */
export function llmCallerSettings(e: LlmCallerEnv) {
  return {
    encryptionKey: e.ENCRYPTION_KEY,
    llm: { timeoutMs: e.LLM_TIMEOUT_MS, maxAttempts: e.LLM_MAX_ATTEMPTS, extraHeaders: e.LLM_EXTRA_HEADERS },
  };
}
