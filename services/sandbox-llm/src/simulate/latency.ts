import { setTimeout as sleep } from 'node:timers/promises';
import type { LatencyProfile } from '../models/sandbox-model.js';

/** Thrown (as the rejection of {@link wait}) when the client went away while we were waiting. */
export class ClientGoneError extends Error {
  constructor() {
    super('client disconnected');
    this.name = 'ClientGoneError';
  }
}

/**
 * Waits `ms` milliseconds unless `signal` aborts first, so a disconnected client frees the
 * request at once instead of holding a timer (and a socket) for the whole simulated latency.
 * @throws ClientGoneError when aborted
 */
export async function wait(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) throw new ClientGoneError();
  if (ms <= 0) return;
  try {
    await sleep(ms, undefined, { signal });
  } catch {
    throw new ClientGoneError();
  }
}

/** Latency for a request: header values win over the model's profile, which wins over env defaults. */
export function resolveLatency(
  env: LatencyProfile,
  model: LatencyProfile | undefined,
  header: Partial<LatencyProfile>,
): LatencyProfile {
  return {
    ttftMs: header.ttftMs ?? model?.ttftMs ?? env.ttftMs,
    tokensPerS: header.tokensPerS ?? model?.tokensPerS ?? env.tokensPerS,
  };
}

/** Milliseconds needed to generate `tokens` at `tokensPerS` (0 = instant). */
export function generationMs(tokens: number, tokensPerS: number): number {
  return tokensPerS > 0 ? Math.round((tokens / tokensPerS) * 1000) : 0;
}
