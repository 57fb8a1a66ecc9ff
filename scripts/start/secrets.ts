/**
 * Development secrets: generated once and kept in `<data dir>/dev-secrets.json` (mode 600), so a
 * restart can still decrypt the provider keys stored with the previous ENCRYPTION_KEY.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { log } from './log.js';

export interface Secrets {
  jwtSecret: string;
  encryptionKey: string;
}

interface SecretsFile {
  jwt_secret?: string;
  encryption_key?: string;
}

function readFile(file: string): SecretsFile {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as SecretsFile;
  } catch {
    return {};
  }
}

/**
 * Returns JWT_SECRET / ENCRYPTION_KEY from the environment when set, else from the secrets file,
 * generating (and persisting) whatever is missing.
 */
export function loadDevSecrets(
  dataDir: string,
  env: { jwtSecret?: string; encryptionKey?: string },
): Secrets {
  if (env.jwtSecret && env.encryptionKey)
    return { jwtSecret: env.jwtSecret, encryptionKey: env.encryptionKey };
  const file = path.join(dataDir, 'dev-secrets.json');
  const stored = readFile(file);
  const valid = {
    jwt_secret: stored.jwt_secret && stored.jwt_secret.length >= 32 ? stored.jwt_secret : undefined,
    encryption_key:
      stored.encryption_key && /^[0-9a-f]{64}$/i.test(stored.encryption_key)
        ? stored.encryption_key
        : undefined,
  };
  const next = {
    jwt_secret: valid.jwt_secret ?? randomBytes(48).toString('base64url'),
    encryption_key: valid.encryption_key ?? randomBytes(32).toString('hex'),
  };
  if (next.jwt_secret !== stored.jwt_secret || next.encryption_key !== stored.encryption_key) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
    log.info(`generated development secrets in ${file}`);
  }
  // writeFileSync's mode applies only when it creates the file.
  fs.chmodSync(file, 0o600);
  return {
    jwtSecret: env.jwtSecret ?? next.jwt_secret,
    encryptionKey: env.encryptionKey ?? next.encryption_key,
  };
}
