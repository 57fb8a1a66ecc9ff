import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userWithDemoSuite } from '../support/api.js';
import { isTerminal, openEvents, readSse } from '../support/sse.js';
import { startStack, type Stack } from '../support/stack.js';

const REPO = resolve(import.meta.dirname, '..', '..');
const BIN = resolve(REPO, 'packages/cli/src/bin.ts');

type Result = { code: number | null; stdout: string; stderr: string };

let stack: Stack;
let dir: string;
let demo: Awaited<ReturnType<typeof userWithDemoSuite>>;

beforeAll(async () => {
  [stack, dir] = await Promise.all([startStack(), mkdtemp(join(tmpdir(), 'lbs-'))]);
  demo = await userWithDemoSuite(stack.url);
});
afterAll(async () => {
  await stack?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Runs `lbs` from the TypeScript sources, as a user would run the built binary. */
function lbs(args: string[], env: Record<string, string> = {}): Promise<Result> {
  // The caller's own LBS_* settings must not leak into the test.
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('LBS_')));
  const child = spawn(process.execPath, ['--conditions=@llmbench/source', '--import', 'tsx', BIN, ...args], {
    cwd: REPO,
    env: {
      ...base,
      LBS_CONFIG: join(dir, 'none.json'),
      LBS_URL: stack.url,
      LBS_TOKEN: demo.client.token,
      ...env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((ok) => child.on('close', (code) => ok({ code, stdout, stderr })));
}

type XmlElement = { name: string; attrs: Record<string, string>; children: XmlElement[] };

/**
 * A strict little XML reader (elements, attributes, text, the five entities and numeric
 * references; no DTD): it throws on anything not well-formed, which is what the test checks.
 */
function parseXml(xml: string): XmlElement {
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`XML: ${why} at ${i}: ${JSON.stringify(xml.slice(i, i + 30))}`);
  };
  const isNameChar = (c: string | undefined) =>
    c !== undefined &&
    ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || '_-.:'.includes(c));
  const skipSpace = () => {
    while (' \t\r\n'.includes(xml[i] ?? 'x')) i++;
  };
  const name = () => {
    const start = i;
    while (isNameChar(xml[i])) i++;
    return i > start ? xml.slice(start, i) : fail('expected a name');
  };
  const text = (stop: string) => {
    while (i < xml.length && !stop.includes(xml[i]!)) {
      if (xml[i] === '&') {
        const end = xml.indexOf(';', i);
        const entity = end > i ? xml.slice(i + 1, end) : fail('unterminated entity');
        const known = ['amp', 'lt', 'gt', 'quot', 'apos'].includes(entity);
        const numeric =
          entity.startsWith('#') && [...entity.slice(1).replace(/^x/, '')].every((c) => isNameChar(c));
        if (!known && !numeric) fail(`unknown entity &${entity};`);
        i = end + 1;
      } else if (xml[i] === '<' || (xml[i] === '>' && stop !== '<')) fail('unescaped markup');
      else i++;
    }
  };
  const element = (): XmlElement => {
    if (xml[i] !== '<') fail('expected <');
    i++;
    const el: XmlElement = { name: name(), attrs: {}, children: [] };
    for (;;) {
      skipSpace();
      if (xml.startsWith('/>', i)) return ((i += 2), el);
      if (xml[i] === '>') break;
      const key = name();
      if (key in el.attrs) fail(`duplicate attribute ${key}`);
      if (xml[i++] !== '=' || xml[i++] !== '"') fail('expected ="');
      const start = i;
      text('"<');
      if (xml[i] !== '"') fail('unterminated attribute');
      el.attrs[key] = xml.slice(start, i++);
    }
    i++;
    for (;;) {
      text('<');
      if (i >= xml.length) fail(`unclosed <${el.name}>`);
      if (xml.startsWith('</', i)) {
        i += 2;
        if (name() !== el.name) fail(`mismatched </…> for <${el.name}>`);
        skipSpace();
        if (xml[i++] !== '>') fail('expected >');
        return el;
      }
      el.children.push(element());
    }
  };
  if (xml.startsWith('<?xml')) i = xml.indexOf('?>') + 2;
  skipSpace();
  const root = element();
  skipSpace();
  if (i !== xml.length) fail('content after the root element');
  return root;
}

/** A proxy to the gateway that cuts the first event stream after `frames` frames. */
async function droppingProxy(upstream: string, frames: number) {
  const seen: { lastEventId: string | undefined }[] = [];
  let cutAfterId: string | undefined;
  const server: Server = createServer((req, res) => {
    const isEvents = /\/events$/.test(req.url ?? '');
    if (isEvents) seen.push({ lastEventId: req.headers['last-event-id'] as string | undefined });
    const cut = isEvents && seen.length === 1;
    const out = request(upstream + req.url, { method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      if (!cut) return void up.pipe(res);
      let buffered = '';
      let sent = 0;
      up.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        let end: number;
        while ((end = buffered.indexOf('\n\n')) >= 0) {
          const block = buffered.slice(0, end + 2);
          buffered = buffered.slice(end + 2);
          const id = /^id: (.+)$/m.exec(block)?.[1];
          if (!id || ++sent < frames) {
            res.write(block);
            continue;
          }
          cutAfterId = id;
          up.destroy();
          // Drop the connection once the last frame is flushed, with no end of the chunked body.
          return void res.write(block, () => res.socket?.destroy());
        }
      });
    });
    req.pipe(out);
  });
  server.listen(0, '127.0.0.1');
  await new Promise((ok) => server.once('listening', ok));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    cutAfterId: () => cutAfterId,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

const target = (model: string) => ['--target', `sandbox::${model}`];

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await new Promise((ok) => server.once('listening', ok));
  const { port } = server.address() as AddressInfo;
  await new Promise((ok) => server.close(ok));
  return port;
}

/** An eval run finished through the API (the judge commands need one). */
async function finishedRun(model: string): Promise<string> {
  const accepted = await demo.client.post('/api/tool-eval', {
    suite_id: demo.suiteId,
    targets: [{ provider_key: 'sandbox', model_id: model }],
  });
  await readSse(await openEvents(stack.url, demo.client.token, accepted.body.job_id), isTerminal);
  return accepted.body.run_id;
}

describe('lbs, the CLI, against the real stack', () => {
  it('login stores the URL and a working token in a 0600 config file', async () => {
    const config = join(dir, 'login', 'config.json');
    const env = { LBS_CONFIG: config, LBS_URL: '', LBS_TOKEN: '' };
    const creds = ['--email', demo.user.email, '--password', 'correct horse battery'];
    const done = await lbs(['login', '--url', stack.url, ...creds], env);
    expect(done).toMatchObject({ code: 0 });
    const stored = JSON.parse(await readFile(config, 'utf8'));
    expect(stored).toEqual({ url: stack.url, token: expect.stringMatching(/^lbs_/) });
    expect((await stat(config)).mode & 0o777).toBe(0o600);

    const list = await lbs(['suites', 'list'], env);
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(demo.suiteId);

    const refused = await lbs(
      ['login', '--url', stack.url, '--email', demo.user.email, '--password', 'nope'],
      env,
    );
    expect(refused.code).toBe(3);
  });

  it('eval run prints a results table and exits 0', async () => {
    const res = await lbs([
      'eval',
      'run',
      '--suite',
      demo.suiteId,
      ...target('sandbox-precise'),
      '--temperature',
      '0',
    ]);
    expect(res.stderr).not.toContain('lbs:');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^TARGET\s+OVERALL\s+TOOL ACC\s+PARAM ACC\s+PASS RATE\s+PASSED/);
    expect(res.stdout).toMatch(
      new RegExp(`sandbox::sandbox-precise\\s+[01]\\.\\d{3}.*/${demo.caseCount}\\n`),
    );
  });

  it('--json prints one JSON document with the per-target summaries, and nothing else', async () => {
    const res = await lbs(['eval', 'run', '--suite', demo.suiteId, ...target('sandbox-creative'), '--json']);
    expect(res.code).toBe(0);
    const doc = JSON.parse(res.stdout);
    expect(doc).toMatchObject({
      status: 'completed',
      error: null,
      run_id: expect.any(String),
      targets: [{ provider_key: 'sandbox', model_id: 'sandbox-creative', summary: { runs: demo.caseCount } }],
    });
    expect(doc.targets[0].summary.overall).toBeGreaterThan(0);
    expect(res.stderr).toBe('');
  });

  it('the CI gate fails (exit 1) below --min-score and writes a well-formed JUnit report', async () => {
    const junit = join(dir, 'out.xml');
    const res = await lbs([
      ...['eval', 'run', '--suite', demo.suiteId, ...target('sandbox-local-7b'), '--temperature', '0'],
      ...['--min-score', '0.99', '--junit', junit],
    ]);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(
      /lbs: gate failed: overall below 0\.99 for sandbox::sandbox-local-7b 0\.\d{3}\n$/,
    );
    expect(res.stdout).toContain('FAIL (< 0.99)');

    const root = parseXml(await readFile(junit, 'utf8'));
    expect(root.name).toBe('testsuites');
    expect(root.children.map((s) => s.attrs.name)).toEqual(['sandbox::sandbox-local-7b']);
    const cases = root.children[0]!.children;
    expect(cases).toHaveLength(demo.caseCount);
    expect(
      cases.every((c) => c.name === 'testcase' && c.attrs.classname === 'sandbox::sandbox-local-7b'),
    ).toBe(true);
    const failures = cases.flatMap((c) => c.children).filter((f) => f.name === 'failure');
    expect(failures.length).toBeGreaterThan(0);
    expect(root.children[0]!.attrs).toMatchObject({
      tests: String(demo.caseCount),
      failures: String(failures.length),
    });
    expect(failures[0]!.attrs.message).toMatch(/expected|error|wrong|score/);
    expect(cases.map((c) => c.attrs.name)).toContain('What time is it right now?');
  });

  it('a request the server rejects exits 2 naming the field on one line', async () => {
    const res = await lbs(['eval', 'run', '--suite', demo.suiteId, ...target('gpt-9')]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('body.targets.0.model_id');
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a refused token exits 3, and so does an unreachable server', async () => {
    const refused = await lbs(['jobs', 'list'], { LBS_TOKEN: 'lbs_not-a-token' });
    expect([refused.code, refused.stderr]).toEqual([3, expect.stringMatching(/^lbs: not authorized: /)]);
    const down = await lbs(['history'], { LBS_URL: `http://127.0.0.1:${await closedPort()}` });
    expect([down.code, down.stderr]).toEqual([3, expect.stringMatching(/^lbs: cannot reach /)]);
  });

  it('jobs watch resumes with Last-Event-ID when its stream is cut, and shows every result', async () => {
    const accepted = await demo.client.post('/api/tool-eval', {
      suite_id: demo.suiteId,
      targets: [{ provider_key: 'sandbox', model_id: 'sandbox-precise' }],
    });
    expect(accepted.status).toBe(202);
    const proxy = await droppingProxy(stack.url, 5);
    try {
      const res = await lbs(['jobs', 'watch', accepted.body.job_id], { LBS_URL: proxy.url });
      expect(res.code).toBe(0);
      expect(res.stderr).toContain('connection lost');
      expect(proxy.seen).toEqual([{ lastEventId: undefined }, { lastEventId: proxy.cutAfterId() }]);
      expect(res.stdout).toMatch(new RegExp(`sandbox::sandbox-precise\\s.*/${demo.caseCount}\\n`));
    } finally {
      await proxy.close();
    }
  });

  it('suites export/import round-trip; history, jobs list and jobs cancel answer', async () => {
    const file = join(dir, 'suite.json');
    expect((await lbs(['suites', 'export', demo.suiteId, '--out', file])).code).toBe(0);
    const imported = await lbs(['suites', 'import', file, '--json']);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({
      name: 'Smart Home Demo',
      case_count: demo.caseCount,
    });

    const history = await lbs(['history', '--json']);
    expect(history.code).toBe(0);
    expect(JSON.parse(history.stdout).length).toBeGreaterThan(0);
    const jobs = await lbs(['jobs', 'list', '--status', 'completed', '--json']);
    const done = JSON.parse(jobs.stdout) as { id: string; status: string }[];
    expect(done.length).toBeGreaterThan(0);
    expect(done.every((j) => j.status === 'completed')).toBe(true);
    const cancel = await lbs(['jobs', 'cancel', done[0]!.id]);
    expect([cancel.code, cancel.stderr]).toEqual([2, expect.stringContaining('job already completed')]);
  });

  it('tune params and tune prompt end with the best configuration and prompt', async () => {
    const space = join(dir, 'space.json');
    await writeFile(space, JSON.stringify({ temperature: [0, 0.6] }));
    const params = await lbs([
      'tune',
      'params',
      '--suite',
      demo.suiteId,
      ...target('sandbox-precise'),
      '--space',
      `@${space}`,
    ]);
    expect(params.code).toBe(0);
    expect(params.stdout).toMatch(/^MODEL\s+BEST\s+95% CI\s+TIED\s+CONFIG\n/);
    expect(params.stdout).toMatch(/sandbox::sandbox-precise\s+[01]\.\d{3}.*\{"temperature":0(\.6)?\}/);
    expect(params.stdout).toMatch(/stop reason: complete/);

    const prompt = await lbs([
      ...['tune', 'prompt', '--suite', demo.suiteId, ...target('sandbox-local-7b')],
      ...['--meta', 'sandbox::sandbox-judge', '--mode', 'quick', '--json'],
    ]);
    expect(prompt.code).toBe(0);
    expect(JSON.parse(prompt.stdout)).toMatchObject({
      status: 'completed',
      result: {
        kind: 'prompt_tune',
        best_prompt: expect.any(String),
        per_model: [{ model_id: 'sandbox-local-7b' }],
      },
    });
  });

  it('judge run grades a run, judge compare names a winner', async () => {
    const [a, b] = await Promise.all([finishedRun('sandbox-precise'), finishedRun('sandbox-local-7b')]);
    const judge = ['--judge', 'sandbox::sandbox-judge'];
    const graded = await lbs(['judge', 'run', '--run', a, ...judge]);
    expect(graded.code).toBe(0);
    expect(graded.stdout).toMatch(/^MODEL\s+GRADE\s+SCORE\s+PASS\s+MARGINAL\s+FAIL\s+SCORER AGREEMENT\n/);
    expect(graded.stdout).toMatch(/sandbox::sandbox-precise\s+[A-F][+-]?\s+\d+/);

    const compared = await lbs(['judge', 'compare', '--a', a, '--b', b, ...judge, '--json']);
    expect(compared.code).toBe(0);
    expect(JSON.parse(compared.stdout).comparison).toMatchObject({
      overall_winner: expect.stringMatching(/^(model_a|model_b|tie)$/),
      model_a: 'sandbox::sandbox-precise',
      model_b: 'sandbox::sandbox-local-7b',
    });
  });
});
