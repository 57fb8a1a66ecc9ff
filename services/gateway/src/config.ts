import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { LogLevelEnv, parseEnv, PortEnv, BoolEnv } from '@llmbench/runtime';

const Env = z.object({
  PORT: PortEnv.default(8080),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().default('postgres://postgres@127.0.0.1:5432/llmbench'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  REDIS_PREFIX: z.string().min(1).max(64).default('lbs'),
  JWT_SECRET: z.string().min(32, 'must be at least 32 characters'),
  ENCRYPTION_KEY: z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be 64 hex characters (32 bytes)'),
  ACCESS_TOKEN_TTL_S: z.coerce.number().int().min(60).max(86_400).default(3600),
  REFRESH_TOKEN_TTL_S: z.coerce
    .number()
    .int()
    .min(300)
    .max(90 * 86_400)
    .default(30 * 86_400),
  SANDBOX_BASE_URL: z.string().url().default('http://127.0.0.1:8090/v1'),
  OUTBOUND_ALLOW: z
    .string()
    .default('')
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .describe(
      'internal host[:port] entries provider base URLs may use (e.g. a local LLM server: localhost:11434)',
    ),
  LOGIN_MAX_PER_IP: z.coerce.number().int().min(1).default(30),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_WINDOW_S: z.coerce.number().int().min(1).default(900),
  REGISTER_MAX_PER_IP: z.coerce.number().int().min(1).default(20),
  BODY_LIMIT: z.string().default('1mb'),
  IMPORT_BODY_LIMIT: z.string().default('25mb'),
  TRUST_PROXY: BoolEnv.default(false),
  RUN_MIGRATIONS: BoolEnv.default(true),
  // The built web app (services/web/dist); the gateway serves it at `/`.
  WEB_DIR: z
    .string()
    .min(1)
    .default(fileURLToPath(new URL('../../web/dist', import.meta.url))),
  LOG_LEVEL: LogLevelEnv,
});

export type Config = ReturnType<typeof loadConfig>;

/**
 * Reads and validates the gateway's environment once, at boot; a bad variable stops the
 * process with its name. The only reader of `process.env` in the gateway.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env) {
  const e = parseEnv(Env, env);
  return {
    http: {
      port: e.PORT,
      host: e.HOST,
      bodyLimit: e.BODY_LIMIT,
      importBodyLimit: e.IMPORT_BODY_LIMIT,
      trustProxy: e.TRUST_PROXY,
      webDir: e.WEB_DIR,
    },
    db: { url: e.DATABASE_URL, maxConnections: e.DATABASE_POOL_MAX, runMigrations: e.RUN_MIGRATIONS },
    redis: { url: e.REDIS_URL, prefix: e.REDIS_PREFIX },
    auth: {
      jwtSecret: e.JWT_SECRET,
      accessTtlS: e.ACCESS_TOKEN_TTL_S,
      refreshTtlS: e.REFRESH_TOKEN_TTL_S,
      loginMaxPerIp: e.LOGIN_MAX_PER_IP,
      loginMaxFailuresPerAccount: e.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      loginWindowS: e.LOGIN_WINDOW_S,
      registerMaxPerIp: e.REGISTER_MAX_PER_IP,
    },
    encryptionKey: e.ENCRYPTION_KEY,
    sandbox: { baseUrl: e.SANDBOX_BASE_URL },
    // The sandbox is the operator's own provider: its host:port is always allowed.
    outboundAllow: [...e.OUTBOUND_ALLOW, new URL(e.SANDBOX_BASE_URL).host],
    logLevel: e.LOG_LEVEL,
  };
}
