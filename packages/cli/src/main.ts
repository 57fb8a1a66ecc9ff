import { ApiClient } from './api-client.js';
import { parseCommandArgs } from './args.js';
import type { Context } from './commands/command.js';
import { COMMANDS, findCommand, helpText, usageOf } from './commands/index.js';
import { readEnv, resolveCredentials, type CliEnv } from './config.js';
import { CliError, EXIT, usageError } from './errors.js';
import { processIo, type Io } from './io.js';

const HELP = ['help', '--help', '-h'];

async function dispatch(argv: readonly string[], ctx: Context): Promise<number> {
  if (argv.length === 0 || HELP.includes(argv[0]!)) {
    (argv.length === 0 ? ctx.io.stderr : ctx.io.stdout).write(helpText());
    return argv.length === 0 ? EXIT.usage : EXIT.ok;
  }
  const found = findCommand(argv);
  if (!found) {
    const near = COMMANDS.filter((c) => c.name.startsWith(`${argv[0]} `)).map((c) => c.name);
    const hint = near.length > 0 ? `one of: ${near.join(', ')}` : 'see "lbs help"';
    throw usageError(`unknown command "${argv.slice(0, 2).join(' ')}" (${hint})`);
  }
  const { command, rest } = found;
  if (rest.some((a) => a === '--help' || a === '-h')) {
    ctx.io.stdout.write(`${usageOf(command)}\n`);
    return EXIT.ok;
  }
  return command.run(parseCommandArgs(rest, command.options, command.positionals ?? []), ctx);
}

/**
 * Runs one `lbs` invocation and resolves to its exit code. Every failure ends here as one line
 * on stderr: {@link CliError}s with their own code, anything unexpected with 1.
 */
export async function main(
  argv: readonly string[],
  io: Io = processIo(),
  env: CliEnv = readEnv(),
): Promise<number> {
  const ctx: Context = {
    io,
    env,
    client: async () => {
      const { url, token } = await resolveCredentials(env);
      return new ApiClient(url, token);
    },
  };
  try {
    return await dispatch(argv, ctx);
  } catch (err) {
    if (err instanceof CliError) {
      io.stderr.write(`lbs: ${err.message}\n`);
      return err.exitCode;
    }
    io.stderr.write(`lbs: unexpected error: ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT.failed;
  }
}
