import { renderCompare, renderJudge } from '../report/judge.js';
import { JSON_OPTION, type Command } from './command.js';
import { finishJob, submitJob } from './job-flow.js';

export const judgeRun: Command = {
  name: 'judge run',
  synopsis: '--run ID --judge P::M [--json]',
  options: { run: { type: 'string' }, judge: { type: 'string' }, ...JSON_OPTION },
  async run(args, ctx) {
    const json = args.flag('json');
    const body = { eval_run_id: args.required('run'), judge_target: args.target('judge') };
    const run = await submitJob(ctx, '/api/tool-eval/judge', body, json);
    return finishJob(ctx, run, renderJudge(run), json);
  },
};

export const judgeCompare: Command = {
  name: 'judge compare',
  synopsis: '--a RUN --b RUN --judge P::M [--json]',
  options: { a: { type: 'string' }, b: { type: 'string' }, judge: { type: 'string' }, ...JSON_OPTION },
  async run(args, ctx) {
    const json = args.flag('json');
    const body = {
      eval_run_id_a: args.required('a'),
      eval_run_id_b: args.required('b'),
      judge_target: args.target('judge'),
    };
    const run = await submitJob(ctx, '/api/tool-eval/judge/compare', body, json);
    return finishJob(ctx, run, renderCompare(run), json);
  },
};
