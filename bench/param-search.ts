/**
 * Search strategies on the sandbox landscape: does TPE (bayesian) or successive halving reach
 * ≥ 99 % of the grid's best score with ≤ 35 % of its LLM calls? Every evaluation is real:
 * the eval loop calls the sandbox LLM through the openai SDK (in-process server, no latency).
 *
 *   pnpm bench:search [--seeds 5] [--models sandbox-precise,sandbox-creative]
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { SuiteImport } from '@llmbench/contracts';
import { runEvalUnit, type EvalCase } from '@llmbench/eval-core';
import { createLlmClient } from '@llmbench/llm';
import { buildRequestParams } from '@llmbench/provider-params';
import { createSandboxApp, loadConfig } from '@llmbench/sandbox-llm';
import {
  comboKey,
  gridCombinations,
  halvingSchedule,
  mulberry32,
  parseSearchSpace,
  promote,
  proposeTpe,
  shuffle,
  type Config,
} from '@llmbench/tuning';

const { values } = parseArgs({
  options: {
    seeds: { type: 'string', default: '5' },
    models: { type: 'string', default: 'sandbox-precise,sandbox-creative' },
  },
});
const suite = SuiteImport.parse(
  JSON.parse(readFileSync(new URL('../infra/demo/smart-home-suite.json', import.meta.url), 'utf8')),
);
const cases: EvalCase[] = suite.test_cases
  .filter((c) => !c.multi_turn)
  .map((data, i) => ({ id: `case-${i}`, data, tools: data.tools ?? suite.tools }));
const { dimensions } = parseSearchSpace({
  temperature: { min: 0, max: 1, step: 0.1 },
  top_p: { min: 0.5, max: 1, step: 0.05 },
});
const grid = gridCombinations(dimensions);

const server = createSandboxApp(loadConfig({ LOG_LEVEL: 'silent' })).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const client = createLlmClient({
  baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
  maxAttempts: 1,
});

/** Per-case scores of one combination, evaluated lazily on a prefix of the cases and cached. */
function evaluator(model: string) {
  const cache = new Map<string, number[]>();
  let calls = 0;
  return {
    get calls() {
      return calls;
    },
    async scores(config: Config, upTo = cases.length): Promise<number[]> {
      const have = cache.get(comboKey(config)) ?? [];
      if (have.length < upTo) {
        // A fixed seed makes the landscape deterministic: better parameters can only fix cases.
        const params = buildRequestParams({
          provider: 'sandbox',
          model_id: model,
          params: { ...config, seed: 7 },
        }).params;
        const { outcomes } = await runEvalUnit({
          unit: { model, params, system_prompt: suite.system_prompt, tool_choice: 'required' },
          cases: cases.slice(have.length, upTo),
          client,
          concurrency: 16,
        });
        const byId = new Map(outcomes.map((o) => [o.case_id, o.score.overall_score]));
        have.push(...cases.slice(have.length, upTo).map((c) => byId.get(c.id) ?? 0));
        calls += outcomes.length;
        cache.set(comboKey(config), have);
      }
      return have.slice(0, upTo);
    },
  };
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);

async function bestOf(ev: ReturnType<typeof evaluator>, configs: Config[]): Promise<number> {
  let best = -Infinity;
  for (const c of configs) best = Math.max(best, mean(await ev.scores(c)));
  return best;
}

async function tpe(model: string, seed: number, maxCalls: number) {
  const ev = evaluator(model);
  const rng = mulberry32(seed);
  const history: { config: Config; score: number }[] = [];
  while (ev.calls + 4 * cases.length <= maxCalls) {
    const batch = proposeTpe(dimensions, history, 4, rng, { nStartup: 8 });
    if (batch.length === 0) break;
    for (const config of batch) history.push({ config, score: mean(await ev.scores(config)) });
  }
  return { best: Math.max(...history.map((h) => h.score)), calls: ev.calls };
}

async function halving(model: string, seed: number) {
  const ev = evaluator(model);
  const rng = mulberry32(seed);
  let alive = shuffle(rng, grid);
  for (const rung of halvingSchedule(grid.length, cases.length, { eta: 3, minCases: 1 })) {
    const results = [];
    for (const config of alive)
      results.push({ key: comboKey(config), scores: await ev.scores(config, rung.cases) });
    const keep = new Set(promote(results, rung.keep));
    alive = alive.filter((c) => keep.has(comboKey(c)));
  }
  return { best: await bestOf(ev, alive), calls: ev.calls };
}

for (const model of values.models.split(',')) {
  const gridEv = evaluator(model);
  const gridBest = await bestOf(gridEv, grid);
  const budget = Math.floor(gridEv.calls * 0.35);
  for (let seed = 1; seed <= Number(values.seeds); seed++) {
    const t = await tpe(model, seed, budget);
    const h = await halving(model, seed);
    const row = (r: { best: number; calls: number }) => ({
      score_ratio: +(r.best / gridBest).toFixed(4),
      calls_ratio: +(r.calls / gridEv.calls).toFixed(3),
    });
    console.log(
      JSON.stringify({
        bench: 'param-search',
        model,
        seed,
        grid: { best: +gridBest.toFixed(4), calls: gridEv.calls, combos: grid.length },
        bayesian: row(t),
        halving: row(h),
      }),
    );
  }
}
server.closeAllConnections();
server.close();
