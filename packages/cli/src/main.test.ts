import { describe, expect, it } from 'vitest';
import { main } from './main.js';
import { bufferIo } from './test-support/buffer-io.js';

const NO_CREDENTIALS = { configPath: '/nonexistent/lbs/config.json' };

async function run(...argv: string[]) {
  const io = bufferIo();
  const code = await main(argv, io, NO_CREDENTIALS);
  return { code, stdout: io.stdout.text, stderr: io.stderr.text };
}

describe('main', () => {
  it('prints help on request (exit 0) and when given nothing (exit 2, on stderr)', async () => {
    const help = await run('help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('lbs eval run --suite ID --target P::M');
    expect(await run()).toMatchObject({ code: 2, stdout: '' });
    expect(await run('eval', 'run', '--help')).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(/^lbs eval run /),
    });
  });

  it('rejects unknown commands and bad arguments with one line and exit 2', async () => {
    expect(await run('eval')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'lbs: unknown command "eval" (one of: eval run)\n',
    });
    expect(await run('nope')).toMatchObject({
      code: 2,
      stderr: 'lbs: unknown command "nope" (see "lbs help")\n',
    });
    const bad = await run('eval', 'run', '--suite', 's', '--target', 'no-separator');
    expect(bad).toEqual({
      code: 2,
      stdout: '',
      stderr: 'lbs: --target: expected provider::model, got "no-separator"\n',
    });
    expect((await run('tune', 'params', '--strategy', 'magic')).code).toBe(2);
  });

  it('exits 3 when there are no credentials to call the server with', async () => {
    expect(await run('jobs', 'list')).toMatchObject({
      code: 3,
      stderr: expect.stringMatching(/^lbs: not logged in/),
    });
  });
});
