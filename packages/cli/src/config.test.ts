import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnv, resolveCredentials, saveCredentials } from './config.js';
import { EXIT } from './errors.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lbs-config-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('config', () => {
  it('reads LBS_CONFIG, LBS_URL and LBS_TOKEN, defaulting the path under the home directory', () => {
    expect(readEnv({ LBS_CONFIG: '/x.json', LBS_URL: 'http://h', LBS_TOKEN: 't' })).toEqual({
      configPath: '/x.json',
      url: 'http://h',
      token: 't',
    });
    expect(readEnv({}).configPath).toMatch(/\.config[/\\]lbs[/\\]config\.json$/);
  });

  it('saves owner-only, even over a file that was readable by others', async () => {
    const path = join(dir, 'nested', 'config.json');
    await saveCredentials(path, { url: 'http://a', token: 'one' });
    await writeFile(path, '{}', { mode: 0o644 });
    await saveCredentials(path, { url: 'http://a', token: 'two' });
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ url: 'http://a', token: 'two' });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('lets the environment override the file, and says how to log in when nothing is set', async () => {
    const configPath = join(dir, 'stored.json');
    await saveCredentials(configPath, { url: 'http://stored', token: 'stored' });
    expect(await resolveCredentials({ configPath, token: 'env' })).toEqual({
      url: 'http://stored',
      token: 'env',
    });
    await expect(resolveCredentials({ configPath: join(dir, 'none.json') })).rejects.toMatchObject({
      exitCode: EXIT.network,
      message: expect.stringContaining('lbs login'),
    });
    await writeFile(join(dir, 'bad.json'), '{');
    await expect(resolveCredentials({ configPath: join(dir, 'bad.json') })).rejects.toMatchObject({
      exitCode: EXIT.usage,
    });
  });
});
