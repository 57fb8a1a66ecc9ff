import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { CliError, EXIT, usageError } from './errors.js';

/** What `lbs login` stores. */
export type Credentials = { url: string; token: string };

/** The environment the CLI reads (the only place it reads `process.env`). */
export type CliEnv = { configPath: string; url?: string; token?: string };

export function readEnv(env: NodeJS.ProcessEnv = process.env): CliEnv {
  return {
    configPath: env.LBS_CONFIG || join(homedir(), '.config', 'lbs', 'config.json'),
    url: env.LBS_URL || undefined,
    token: env.LBS_TOKEN || undefined,
  };
}

async function readConfigFile(path: string): Promise<Partial<Credentials>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw usageError(`config ${path}: ${(err as Error).message}`);
  }
  try {
    const parsed = JSON.parse(text) as Partial<Credentials>;
    return { url: parsed.url, token: parsed.token };
  } catch {
    throw usageError(`config ${path}: not valid JSON (run "lbs login" again)`);
  }
}

/** Writes the config readable by its owner only: it holds a bearer token. */
export async function saveCredentials(path: string, credentials: Credentials): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFile(path, JSON.stringify(credentials, null, 2) + '\n', { mode: 0o600 });
  // `mode` only applies when the file is created; an existing file keeps its old mode otherwise.
  await chmod(path, 0o600);
}

/** URL and token: the environment overrides the config file, so CI needs no file at all. */
export async function resolveCredentials(env: CliEnv): Promise<Credentials> {
  const stored = env.url && env.token ? {} : await readConfigFile(env.configPath);
  const url = env.url ?? stored.url;
  const token = env.token ?? stored.token;
  if (!url || !token)
    throw new CliError(EXIT.network, 'not logged in: run "lbs login" or set LBS_URL and LBS_TOKEN');
  return { url, token };
}
