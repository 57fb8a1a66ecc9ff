import { targetKey, type RunTarget } from '@llmbench/contracts';
import type { PromptTuneCandidate } from '@llmbench/db';
import { fromResultRowDetail } from './failures.js';
import { evolutionMetaPrompt, findNearDuplicates, quickMetaPrompt, type ParentBrief } from '@llmbench/tuning';
import type { TunerDeps } from '../deps.js';
import {
  missingTargets,
  original,
  suiteBrief,
  survivorsAfter,
  bestCandidate,
  promptUnitKey,
  type Phase,
  type PromptState,
} from './prompt-state.js';

/** One eval unit to run: a candidate on one target, on the training or held-out cases. */
export type Evaluation = { candidate: PromptTuneCandidate; target: RunTarget; phase: Phase };

/** What the tune does next, decided from stored state only (so a resumed tuner decides the same). */
export type PromptStep =
  | { kind: 'evaluate'; units: Evaluation[] }
  | { kind: 'generate'; generation: number; prompt: string; count: number; parents: Record<string, string> }
  | { kind: 'finish' };

type Announce = (
  type: 'generation_start' | 'generation_error' | 'prompt_generated' | 'generation_complete',
  g: number,
  extra?: PromptTuneCandidate,
) => Promise<void>;

function evaluations(state: PromptState, candidates: PromptTuneCandidate[], phase: Phase): Evaluation[] {
  return candidates.flatMap((candidate) =>
    missingTargets(state, candidate, phase).map((target) => ({
      candidate: original(state, candidate),
      target,
      phase,
    })),
  );
}

/** Marks this generation's near-duplicates of earlier prompts (deterministic, so safe to repeat). */
async function dedupeGeneration(deps: TunerDeps, state: PromptState, g: number): Promise<void> {
  const earlier = state.candidates.filter((c) => c.generation < g && !c.duplicate_of);
  const fresh = state.candidates.filter((c) => c.generation === g);
  const dupes = findNearDuplicates(
    earlier.map((c) => c.prompt),
    fresh.map((c) => c.prompt),
  );
  const perCandidate = state.config.train_case_ids.length * state.targets.length;
  for (const [i, d] of dupes.entries()) {
    const c = fresh[i]!;
    if (d === null || c.duplicate_of) continue;
    const of = d < earlier.length ? earlier[d]! : fresh[d - earlier.length]!;
    const target = original(state, of);
    if (await deps.promptTunes.markDuplicate(c.id, target.id, perCandidate)) c.duplicate_of = target.id;
  }
}

async function parentsOf(deps: TunerDeps, state: PromptState, g: number): Promise<ParentBrief[]> {
  const survivors = survivorsAfter(state, g - 1);
  const byCase = new Map(state.snapshot.cases.map((c) => [c.id, c]));
  return Promise.all(
    survivors.map(async (s, i) => {
      const rows = await deps.evalRuns.listUnitResults(
        state.evalRunId,
        promptUnitKey(s.candidate.id, 'train', state.targets[0]!),
      );
      const failures = rows
        .filter((r) => !r.passed)
        .map((r) => {
          const d = fromResultRowDetail(r.detail);
          const c = byCase.get(r.case_id);
          const expected = c?.data.expected_tool;
          return {
            prompt: c?.data.prompt ?? '',
            expected_tool: Array.isArray(expected) ? (expected[0] ?? null) : (expected ?? null),
            actual_tool: d.actual_tool,
            error: d.error,
          };
        });
      return { index: i + 1, score: s.score, text: s.candidate.prompt, failures };
    }),
  );
}

/**
 * The next step of a prompt tune: the base prompt's scores first, then per generation the meta call,
 * de-duplication and evaluation of its prompts, then the held-out re-scoring of the base and the best.
 * Announcements (generation start/end, generated prompts) are made on the way, each exactly once.
 */
export async function nextPromptStep(
  deps: TunerDeps,
  state: PromptState,
  announce: Announce,
): Promise<PromptStep> {
  const base = state.candidates.find((c) => c.generation === 0)!;
  const baseUnits = evaluations(state, [base], 'train');
  if (baseUnits.length > 0) return { kind: 'evaluate', units: baseUnits };

  for (let g = 1; g <= state.total; g++) {
    const gen = state.generations.get(g);
    if (!gen) {
      await announce('generation_start', g);
      const quick = g === 1 || state.config.mode === 'quick';
      const brief = suiteBrief(state);
      const count = state.config.population_size;
      if (quick)
        return {
          kind: 'generate',
          generation: g,
          count,
          parents: {},
          prompt: quickMetaPrompt({ brief, base: base.prompt, count }),
        };
      const parents = await parentsOf(deps, state, g);
      const survivors = survivorsAfter(state, g - 1);
      return {
        kind: 'generate',
        generation: g,
        count,
        parents: Object.fromEntries(parents.map((p, i) => [String(p.index), survivors[i]!.candidate.id])),
        prompt: evolutionMetaPrompt({ brief, parents, count, crossover: state.config.crossover }),
      };
    }
    if (gen.status === 'error') {
      await announce('generation_error', g);
      continue;
    }
    await dedupeGeneration(deps, state, g);
    const fresh = state.candidates.filter((c) => c.generation === g);
    for (const c of fresh) await announce('prompt_generated', g, c);
    const units = evaluations(
      state,
      fresh.filter((c) => !c.duplicate_of),
      'train',
    );
    if (units.length > 0) return { kind: 'evaluate', units };
    await announce('generation_complete', g);
  }

  if (state.config.validation_case_ids.length > 0) {
    const units = evaluations(state, [base, bestCandidate(state).candidate], 'validation');
    // The best may be the base prompt: evaluate each (candidate, target) once.
    const unique = [...new Map(units.map((u) => [`${u.candidate.id}:${targetKey(u.target)}`, u])).values()];
    if (unique.length > 0) return { kind: 'evaluate', units: unique };
  }
  return { kind: 'finish' };
}
