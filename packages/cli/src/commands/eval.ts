import type { SuiteView } from '@llmbench/contracts';
import { EXIT } from '../errors.js';
import type { JobRun } from '../events.js';
import { writeTextFile } from '../files.js';
import { fmtScore } from '../format.js';
import { renderJunit } from '../junit.js';
import { checkGate, renderEval, targetResults, type Gate } from '../report/eval.js';
import { evalJunit, type SuiteCase } from '../report/eval-junit.js';
import { JSON_OPTION, type Command, type Context } from './command.js';
import { finishJob, submitJob } from './job-flow.js';

/** The suite's cases, to name JUnit test cases by prompt; a suite deleted meanwhile leaves ids. */
async function suiteCases(ctx: Context, suiteId: string): Promise<SuiteCase[]> {
  const client = await ctx.client();
  return client.get<SuiteView>(`/api/tool-suites/${encodeURIComponent(suiteId)}`).then(
    (suite) => suite.test_cases,
    () => [],
  );
}

async function writeJunit(ctx: Context, run: JobRun, suiteId: string, path: string): Promise<void> {
  const suites = evalJunit(run.events, await suiteCases(ctx, suiteId));
  await writeTextFile(path, renderJunit(suites, `lbs eval ${suiteId}`));
}

function gateFailure(gate: Gate): string {
  const below = gate.failing.map(
    (f) => `${f.target} ${f.overall === null ? 'has no score' : fmtScore(f.overall)}`,
  );
  return `lbs: gate failed: overall below ${gate.min_score} for ${below.join(', ')}\n`;
}

export const evalRun: Command = {
  name: 'eval run',
  synopsis:
    '--suite ID --target P::M [--target …] [--temperature N] [--repeats N] [--min-score X] [--junit FILE] [--json]',
  options: {
    suite: { type: 'string' },
    target: { type: 'string', multiple: true },
    temperature: { type: 'string' },
    repeats: { type: 'string' },
    'min-score': { type: 'string' },
    junit: { type: 'string' },
    ...JSON_OPTION,
  },
  async run(args, ctx) {
    const json = args.flag('json');
    const minScore = args.number('min-score', { min: 0, max: 1 });
    const suiteId = args.required('suite');
    const body = {
      suite_id: suiteId,
      targets: args.targets(),
      temperature: args.number('temperature'),
      repeats: args.number('repeats', { integer: true }),
    };
    const junit = args.string('junit');
    const run = await submitJob(ctx, '/api/tool-eval', body, json);
    const gate = minScore === undefined ? undefined : checkGate(run, targetResults(run.events), minScore);
    const code = finishJob(ctx, run, renderEval(run, gate), json);
    // Written even for a failed job: CI shows whatever cases did run.
    if (junit) await writeJunit(ctx, run, suiteId, junit);
    if (code !== EXIT.ok || !gate || gate.passed) return code;
    ctx.io.stderr.write(gateFailure(gate));
    return EXIT.failed;
  },
};
