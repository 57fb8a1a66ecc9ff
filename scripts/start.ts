/**
 * `pnpm start`: the whole stack on one machine. Resolves Postgres and Redis (environment, local
 * services, or embedded ones), builds, runs every service with prefixed logs, seeds the demo and
 * stops everything it started on Ctrl-C. See `pnpm start --help`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { USAGE, parseArgs, type StartArgs } from './start/args.js';
import { runBuild, staleBuilds } from './start/build.js';
import { type Infra, resolveInfra } from './start/infra.js';
import { acquireLock } from './start/lock.js';
import { Color, StartError, log, paint, redactUrl } from './start/log.js';
import { tcpProbe, waitForHttp } from './start/net.js';
import { loadDevSecrets } from './start/secrets.js';
import { watchLaunchers } from './start/parent-watch.js';
import { seedDemo } from './start/seed.js';
import { launchService } from './start/service-process.js';
import { type LaunchContext, type ServiceSpec, entryPoint, presentServices } from './start/services.js';
import { Supervisor } from './start/supervisor.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;

function port(name: string, fallback: number): number {
  const raw = env[name];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 65_535)
    throw new StartError(`${name}=${raw} is not a valid port`);
  return value;
}

function shellQuote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}

function writeEnvFile(file: string, infra: Infra): void {
  const text = `export DATABASE_URL=${shellQuote(infra.databaseUrl)}\nexport REDIS_URL=${shellQuote(infra.redisUrl)}\n`;
  // Written to a temporary name first: a script polling for the file never reads half of it.
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, text, { mode: 0o600 });
  fs.renameSync(tmp, file);
}

/** URLs we made (local, embedded) are shown whole; an operator's URL may hold a real password. */
function shownUrl(url: string, source: Infra['databaseSource']): string {
  return source === 'env' ? redactUrl(url) : url;
}

function printInfra(infra: Infra): void {
  log.ok(`Postgres (${infra.databaseSource}): ${shownUrl(infra.databaseUrl, infra.databaseSource)}`);
  log.ok(`Redis    (${infra.redisSource}): ${shownUrl(infra.redisUrl, infra.redisSource)}`);
}

function launchContext(infra: Infra, dataDir: string): LaunchContext {
  const secrets = loadDevSecrets(dataDir, { jwtSecret: env.JWT_SECRET, encryptionKey: env.ENCRYPTION_KEY });
  const sandboxPort = port('SANDBOX_PORT', 8090);
  return {
    databaseUrl: infra.databaseUrl,
    redisUrl: infra.redisUrl,
    jwtSecret: secrets.jwtSecret,
    encryptionKey: secrets.encryptionKey,
    gatewayPort: port('PORT', 8080),
    sandboxPort,
    sandboxBaseUrl: env.SANDBOX_BASE_URL || `http://127.0.0.1:${sandboxPort}/v1`,
    logLevel: env.LOG_LEVEL || 'info',
  };
}

/** Fails before anything is built when a port is taken: the usual cause is a second pnpm start. */
async function assertPortsFree(ctx: LaunchContext): Promise<void> {
  const ports = { PORT: ctx.gatewayPort, SANDBOX_PORT: ctx.sandboxPort };
  for (const [name, value] of Object.entries(ports)) {
    if (await tcpProbe('127.0.0.1', value, 500)) {
      throw new StartError(
        `port ${value} is already in use (another pnpm start?); free it or set ${name}=<port>`,
      );
    }
  }
}

/** Starts the services in table order; each one with a readiness URL is awaited before the next. */
async function launchAll(specs: ServiceSpec[], ctx: LaunchContext, args: StartArgs, supervisor: Supervisor) {
  const width = Math.max(...specs.map((s) => s.name.length));
  for (const spec of specs) {
    if (supervisor.isStopping) return;
    const entry = entryPoint(root, spec);
    if (!fs.existsSync(entry)) {
      throw new StartError(`${path.relative(root, entry)} is missing (did the build run? try pnpm build)`);
    }
    const service = launchService({
      name: spec.name,
      entry,
      cwd: root,
      env: { ...env, ...spec.env(ctx) },
      color: spec.color,
      prefixWidth: width,
      rawLogs: args.rawLogs,
    });
    supervisor.add(service);
    const ready = spec.ready?.(ctx);
    if (ready) {
      await waitForHttp(ready.url, { timeoutMs: ready.timeoutMs, stillAlive: service.alive });
      log.ok(`${spec.name} is ready (${ready.url})`);
    }
  }
}

async function startServices(args: StartArgs, infra: Infra, supervisor: Supervisor, dataDir: string) {
  const specs = presentServices(root);
  if (specs.length === 0) throw new StartError('no service found under services/ (nothing to start)');
  const ctx = launchContext(infra, dataDir);
  await assertPortsFree(ctx);
  const stale = staleBuilds(root);
  if (args.build === 'always' || (args.build === 'auto' && stale.length > 0)) {
    if (args.build === 'auto') log.info(`out of date: ${stale.join(', ')}`);
    await runBuild(root, (kill) => supervisor.track(kill));
  }
  await launchAll(specs, ctx, args, supervisor);
  return { ctx, specs };
}

async function seed(ctx: LaunchContext): Promise<{ email: string; password: string } | undefined> {
  const email = env.DEMO_EMAIL || 'demo@llmbench.local';
  const password = env.DEMO_PASSWORD || 'demo-password-123';
  try {
    const result = await seedDemo({
      gatewayUrl: `http://127.0.0.1:${ctx.gatewayPort}`,
      email,
      password,
      suiteFile: path.join(root, 'infra', 'demo', 'smart-home-suite.json'),
    });
    log.ok(`demo user ${email} ${result.userCreated ? 'created' : 'already exists'}`);
    if (result.suite) {
      log.ok(
        `demo suite "${result.suite.name}" ${result.suite.imported ? 'imported' : 'already present'} (id ${result.suite.id})`,
      );
    }
    for (const note of result.notes) log.warn(note);
    return { email, password };
  } catch (err) {
    log.warn(`demo seed failed (the stack keeps running): ${(err as Error).message}`);
    return undefined;
  }
}

function printSummary(
  ctx: LaunchContext,
  infra: Infra,
  names: string[],
  demo: { email: string; password: string } | undefined,
) {
  const gateway = `http://127.0.0.1:${ctx.gatewayPort}`;
  const lines = [
    '',
    paint(Color.bold, 'LLM Benchmark Studio is running'),
    `  web app      ${paint(Color.bold, `${gateway}/`)}   (open it in a browser)`,
    `  gateway      ${gateway}   (API /api/docs, GET /healthz, /readyz; admins: /admin/queues)`,
    `  sandbox LLM  http://127.0.0.1:${ctx.sandboxPort}/v1   (simulated models, a test double)`,
    `  services     ${names.join(', ')}`,
    `  Postgres     ${shownUrl(infra.databaseUrl, infra.databaseSource)}   (${infra.databaseSource})`,
    `  Redis        ${shownUrl(infra.redisUrl, infra.redisSource)}   (${infra.redisSource})`,
  ];
  if (demo) {
    const body = JSON.stringify({ email: demo.email, password: demo.password });
    lines.push(
      `  demo login   ${demo.email} / ${demo.password}`,
      '',
      '  Try it:',
      `    TOKEN=$(curl -s -X POST ${gateway}/api/auth/login -H 'content-type: application/json' \\`,
      `      -d '${body}' | node -pe 'JSON.parse(require("fs").readFileSync(0,"utf8")).access_token')`,
      `    curl -s ${gateway}/api/tool-suites -H "Authorization: Bearer $TOKEN"`,
    );
  }
  lines.push('', `  ${paint(Color.dim, 'Ctrl-C stops everything.')}`, '');
  console.log(lines.join('\n'));
}

/** `--infra-only`: print (and optionally write) the URLs, then keep what we started until Ctrl-C. */
async function infraOnly(args: StartArgs, infra: Infra, supervisor: Supervisor): Promise<void> {
  console.log(`DATABASE_URL=${infra.databaseUrl}\nREDIS_URL=${infra.redisUrl}`);
  if (args.envFile) {
    const file = path.resolve(args.envFile);
    writeEnvFile(file, infra);
    // URLs of processes we started die with them: a stale file must not point a later run at nothing.
    if (infra.started.length > 0) supervisor.onExit(() => fs.rmSync(file, { force: true }));
  }
  if (infra.started.length === 0) {
    log.info('nothing was started here (both services were already running); exiting');
    await supervisor.shutdown(0);
  }
  log.info('infra only: Ctrl-C stops it');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    console.log(USAGE);
    return;
  }
  const dataDir = path.resolve(root, env.LLMBENCH_DATA_DIR || '.data');
  const supervisor = new Supervisor();
  supervisor.installSignalHandlers();
  watchLaunchers(
    (pid) =>
      void supervisor.shutdown(1, `the process that launched us (pid ${pid}) is gone; stopping everything`),
  );
  supervisor.onExit(acquireLock(dataDir));

  try {
    const infra = await supervisor.guard(
      resolveInfra({
        dataDir,
        database: args.database,
        databaseUrl: env.DATABASE_URL || undefined,
        redisUrl: env.REDIS_URL || undefined,
        skipLocal: env.LLMBENCH_SKIP_LOCAL_INFRA === '1' || env.LLMBENCH_SKIP_LOCAL_INFRA === 'true',
        onStarted: (handle) => supervisor.add(handle),
        cancelled: () => supervisor.isStopping,
      }),
    );
    if (supervisor.isStopping) return;
    printInfra(infra);

    if (args.infraOnly) return await infraOnly(args, infra, supervisor);

    const launched = await startServices(args, infra, supervisor, dataDir);
    if (!launched || supervisor.isStopping) return;
    const demo = args.demo ? await seed(launched.ctx) : undefined;
    printSummary(
      launched.ctx,
      infra,
      launched.specs.map((s) => s.name),
      demo,
    );
  } catch (err) {
    if (supervisor.isStopping) return;
    const message = err instanceof StartError ? err.message : `${(err as Error).stack ?? String(err)}`;
    await supervisor.shutdown(err instanceof StartError ? err.exitCode : 1, message);
  }
}

try {
  await main();
} catch (err) {
  // Before anything was started (bad flag, data folder locked): report the line and stop.
  if (!(err instanceof StartError)) throw err;
  log.error(err.message);
  process.exit(err.exitCode);
}
