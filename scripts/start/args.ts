/** Command-line flags of `pnpm start`. */
import { StartError } from './log.js';

export interface StartArgs {
  demo: boolean;
  infraOnly: boolean;
  /** 'auto' builds when a dist is missing or stale. */
  build: 'auto' | 'always' | 'never';
  rawLogs: boolean;
  envFile: string | undefined;
  database: string;
  help: boolean;
}

export const USAGE = `Usage: pnpm start [flags]    (or: bash scripts/start.sh [flags])

Runs Postgres and Redis (from DATABASE_URL/REDIS_URL, the local services, or embedded ones),
builds the workspace, starts every service, seeds the demo account and suite.

Flags:
  --no-demo            do not create the demo user and suite
  --infra-only         only bring up Postgres and Redis and print their URLs
  --write-env <path>   write "export DATABASE_URL=... REDIS_URL=..." lines to <path> once ready
  --database <name>    database to use/create on a local or embedded server (default llmbench)
  --build              always run pnpm build (default: only when a dist is missing or stale)
  --no-build           never build
  --raw-logs           pass the services' pino JSON through unchanged
  -h, --help           this text

Environment: DATABASE_URL, REDIS_URL, JWT_SECRET, ENCRYPTION_KEY, PORT (8080), SANDBOX_PORT (8090),
SANDBOX_BASE_URL, LOG_LEVEL (info), DEMO_EMAIL, DEMO_PASSWORD, LLMBENCH_DATA_DIR (.data),
LLMBENCH_SKIP_LOCAL_INFRA=1 (ignore the services on 127.0.0.1:5432/6379), NO_COLOR.`;

export function parseArgs(argv: readonly string[]): StartArgs {
  const args: StartArgs = {
    demo: true,
    infraOnly: false,
    build: 'auto',
    rawLogs: false,
    envFile: undefined,
    database: 'llmbench',
    help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--'))
        throw new StartError(`${flag} needs a value\n\n${USAGE}`);
      return next;
    };
    switch (flag) {
      case '--':
        break; // `pnpm start -- --flag` forwards the separator on some pnpm versions
      case '--no-demo':
        args.demo = false;
        break;
      case '--infra-only':
        args.infraOnly = true;
        break;
      case '--build':
        args.build = 'always';
        break;
      case '--no-build':
        args.build = 'never';
        break;
      case '--raw-logs':
        args.rawLogs = true;
        break;
      case '--write-env':
        args.envFile = value();
        break;
      case '--database':
        args.database = value();
        break;
      case '-h':
      case '--help':
        args.help = true;
        break;
      default:
        throw new StartError(`unknown flag ${flag}\n\n${USAGE}`);
    }
  }
  if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(args.database))
    throw new StartError(`invalid --database ${args.database}`);
  return args;
}
