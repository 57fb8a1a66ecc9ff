import { requestCandidates } from '@llmbench/eval-core';
import type { Handler } from '@llmbench/queue';
import type { WorkerDeps } from '../deps.js';

/**
 * One generation's meta-model call, on the eval workers (they hold the provider keys and the
 * per-provider limiter, so meta calls never overload a provider). The candidates — or why there
 * are none — are recorded once per generation; a redelivered job finds them and does nothing.
 */
export function createMetaGenerateHandler(deps: WorkerDeps): Handler<'meta-generate'> {
  return async (p) => {
    const root = await deps.jobs.getById(p.root_job_id);
    if (root?.status !== 'running') return { skipped: `root job is ${root?.status ?? 'gone'}` };
    const done = await deps.promptTunes.listGenerations(p.tune_id);
    if (done.some((g) => g.generation === p.generation)) return { skipped: 'generation already recorded' };
    const tracked = await deps.cancellation.track(p.root_job_id);
    try {
      const client = await deps.clients.forTarget(p.user_id, p.meta_target);
      const result = await requestCandidates(client, {
        model: p.meta_target.model_id,
        prompt: p.prompt,
        count: p.count,
        seed: p.seed,
        signal: tracked.signal,
      });
      const note = result.notes.join('; ') || null;
      const generation = result.ok
        ? {
            generation: p.generation,
            status: 'generated' as const,
            error: null,
            note,
            meta_calls: result.calls,
          }
        : {
            generation: p.generation,
            status: 'error' as const,
            error: result.error,
            note,
            meta_calls: result.calls,
          };
      const candidates = result.ok
        ? result.candidates.map((c, idx) => ({
            generation: p.generation,
            idx,
            prompt: c.prompt,
            style: c.style ?? c.mutation_type,
            mutation_type: c.mutation_type,
            parent_ids: JSON.stringify(
              c.parent_index !== null && p.parents[String(c.parent_index)]
                ? [p.parents[String(c.parent_index)]]
                : [],
            ),
          }))
        : [];
      await deps.promptTunes.recordGeneration(p.tune_id, p.user_id, generation, candidates);
      return { generation: p.generation, ok: result.ok, candidates: candidates.length, calls: result.calls };
    } finally {
      tracked.dispose();
    }
  };
}
