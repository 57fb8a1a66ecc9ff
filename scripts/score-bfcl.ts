/**
 * Scores model outputs on one BFCL question file with BFCL's AST checker rules.
 *
 *   pnpm score:bfcl --questions BFCL_v4_simple_python.json \
 *     [--answers possible_answer/BFCL_v4_simple_python.json] --outputs out.jsonl [--underscore-to-dot]
 *
 * Output lines are `{"id", "calls": [{"name", "arguments": {...}}]}` (or `"calls": "model text"`).
 * Prints `{"id", "valid", "error_type"}` per question on stdout, in question order, and the
 * accuracy on stderr. All logic lives in `@llmbench/bfcl`; this file only does the I/O.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { BfclDataError, BfclFormatError, scoreBfclOutputs } from '@llmbench/bfcl';

const USAGE =
  'usage: pnpm score:bfcl --questions Q.json [--answers A.json] --outputs OUT.jsonl [--underscore-to-dot]';

/** Bad command line; an empty message means --help. */
class UsageError extends Error {}

interface CliArgs {
  questions: string;
  answers?: string;
  outputs: string;
  underscoreToDot: boolean;
}

function readArgs(argv: string[]): CliArgs {
  // `pnpm score:bfcl -- --questions ...` passes the `--` through; it is not an end of options here.
  const args = argv[0] === '--' ? argv.slice(1) : argv;
  const { values } = parseArgs({
    args,
    options: {
      questions: { type: 'string' },
      answers: { type: 'string' },
      outputs: { type: 'string' },
      'underscore-to-dot': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) throw new UsageError('');
  if (!values.questions || !values.outputs) throw new UsageError('--questions and --outputs are required');
  return {
    questions: values.questions,
    ...(values.answers ? { answers: values.answers } : {}),
    outputs: values.outputs,
    underscoreToDot: values['underscore-to-dot'] ?? false,
  };
}

function main(): number {
  let args: CliArgs;
  try {
    args = readArgs(process.argv.slice(2));
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (message === '') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    process.stderr.write(`score-bfcl: ${message}\n${USAGE}\n`);
    return 2;
  }
  try {
    const report = scoreBfclOutputs({
      questionsText: readFileSync(args.questions, 'utf8'),
      answersText: args.answers ? readFileSync(args.answers, 'utf8') : null,
      fileName: basename(args.questions),
      outputsText: readFileSync(args.outputs, 'utf8'),
      underscoreToDot: args.underscoreToDot,
    });
    process.stdout.write(report.lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
    for (const warning of report.warnings) process.stderr.write(`warning: ${warning}\n`);
    process.stderr.write(
      `${report.category}: ${report.correct}/${report.total} valid, accuracy ${report.accuracy.toFixed(4)}\n`,
    );
    return 0;
  } catch (err) {
    if (err instanceof BfclFormatError || err instanceof BfclDataError || isFileError(err)) {
      process.stderr.write(`score-bfcl: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

function isFileError(err: unknown): err is Error {
  return err instanceof Error && 'code' in err && typeof err.code === 'string' && 'path' in err;
}

process.exitCode = main();
