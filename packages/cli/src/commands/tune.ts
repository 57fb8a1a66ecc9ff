import { readFileSync } from 'node:fs';
import { TUNE_STRATEGIES, PROMPT_TUNE_MODES } from '@llmbench/contracts';
import { parseJsonObject, type Args } from '../args.js';
import { usageError } from '../errors.js';
import { renderParamTune, renderPromptTune } from '../report/tune.js';
import { JSON_OPTION, type Command } from './command.js';
import { finishJob, submitJob } from './job-flow.js';

const COMMON = {
  suite: { type: 'string' },
  target: { type: 'string', multiple: true },
  confirm: { type: 'boolean' },
  ...JSON_OPTION,
} as const;

/** An option limited to a few words; checked here so a typo fails before anything is submitted. */
function oneOf<T extends string>(args: Args, name: string, allowed: readonly T[]): T | undefined {
  const value = args.string(name);
  if (value === undefined || (allowed as readonly string[]).includes(value)) return value as T | undefined;
  throw usageError(`--${name}: expected ${allowed.join('|')}, got "${value}"`);
}

export const tuneParams: Command = {
  name: 'tune params',
  synopsis:
    '--suite ID --target P::M [--target …] --space JSON|@FILE [--strategy grid|random|bayesian|halving] [--confirm] [--json]',
  options: { ...COMMON, space: { type: 'string' }, strategy: { type: 'string' } },
  async run(args, ctx) {
    const json = args.flag('json');
    const body = {
      suite_id: args.required('suite'),
      targets: args.targets(),
      search_space: parseJsonObject(args.required('space'), '--space', (path) => readFileSync(path, 'utf8')),
      strategy: oneOf(args, 'strategy', TUNE_STRATEGIES),
      confirm: args.flag('confirm') || undefined,
    };
    const run = await submitJob(ctx, '/api/tool-eval/param-tune', body, json);
    return finishJob(ctx, run, renderParamTune(run), json);
  },
};

export const tunePrompt: Command = {
  name: 'tune prompt',
  synopsis:
    '--suite ID --target P::M [--target …] --meta P::M [--mode quick|evolutionary] [--confirm] [--json]',
  options: { ...COMMON, meta: { type: 'string' }, mode: { type: 'string' } },
  async run(args, ctx) {
    const json = args.flag('json');
    const body = {
      suite_id: args.required('suite'),
      targets: args.targets(),
      meta_target: args.target('meta'),
      mode: oneOf(args, 'mode', PROMPT_TUNE_MODES),
      confirm: args.flag('confirm') || undefined,
    };
    const run = await submitJob(ctx, '/api/tool-eval/prompt-tune', body, json);
    return finishJob(ctx, run, renderPromptTune(run), json);
  },
};
