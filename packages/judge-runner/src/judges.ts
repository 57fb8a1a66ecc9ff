import { targetKey, type Target } from '@llmbench/contracts';
import type { LlmClient } from '@llmbench/eval-core';
import type { ProviderClients } from '@llmbench/llm';

/** A judge of a jury, ready to call. */
export interface JudgeClient {
  key: string;
  model: string;
  client: LlmClient;
}

export function openJudges(
  clients: ProviderClients,
  userId: string,
  targets: readonly Target[],
): Promise<JudgeClient[]> {
  return Promise.all(
    targets.map(async (t) => ({
      key: targetKey(t),
      model: t.model_id,
      client: await clients.forTarget(userId, t),
    })),
  );
}
