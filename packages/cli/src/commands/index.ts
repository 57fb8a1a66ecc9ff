import type { Command } from './command.js';
import { evalRun } from './eval.js';
import { history } from './history.js';
import { jobsCancel, jobsList, jobsWatch } from './jobs.js';
import { judgeCompare, judgeRun } from './judge.js';
import { login } from './login.js';
import { suitesExport, suitesImport, suitesList } from './suites.js';
import { tuneParams, tunePrompt } from './tune.js';

export const COMMANDS: readonly Command[] = [
  login,
  suitesList,
  suitesImport,
  suitesExport,
  evalRun,
  tuneParams,
  tunePrompt,
  judgeRun,
  judgeCompare,
  jobsList,
  jobsWatch,
  jobsCancel,
  history,
];

/** The command named by the first words of `argv` (longest name first), and the words after it. */
export function findCommand(
  argv: readonly string[],
  commands: readonly Command[] = COMMANDS,
): { command: Command; rest: string[] } | undefined {
  for (const words of [2, 1]) {
    const name = argv.slice(0, words).join(' ');
    const command = commands.find((c) => c.name === name);
    if (command) return { command, rest: argv.slice(words) };
  }
  return undefined;
}

export const usageOf = (c: Command) => `lbs ${c.name} ${c.synopsis}`.trimEnd();

export function helpText(commands: readonly Command[] = COMMANDS): string {
  return [
    'lbs — LLM Benchmark Studio from the command line',
    '',
    'Usage:',
    ...commands.map((c) => `  ${usageOf(c)}`),
    '',
    'Credentials: "lbs login" stores them in $LBS_CONFIG (default ~/.config/lbs/config.json);',
    'LBS_URL and LBS_TOKEN override it. Targets are provider::model.',
    'Exit codes: 0 ok, 1 gate failed or job failed/cancelled, 2 usage or request error,',
    '3 network or auth error.',
    '',
  ].join('\n');
}
