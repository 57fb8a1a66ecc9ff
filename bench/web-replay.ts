/**
 * The web app under a big run: an eval of `--cases` × `--targets` results finishes first, then
 * headless Chromium opens its live view, which replays every event from the job's log and renders
 * the per-case table, and then the stored run's page. Prints how long each took until every row
 * was on screen, how long re-sorting the table takes, the page's JS heap, and the app's bundle size.
 *
 *   pnpm bench:web [--cases 500] [--targets 4]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { openEvents } from '../tests/support/sse.js';
import { launchBrowser } from '../tests/support/browser.js';
import { PAGE_SIZE } from '../services/web/src/components/page-size.js';
import { benchStack, benchUserWithSuite } from './support.js';
import { consumeSse, round, SANDBOX_MODELS, wideProvider } from './lib.js';

const { values } = parseArgs({
  options: { cases: { type: 'string', default: '500' }, targets: { type: 'string', default: '4' } },
});
// page callbacks run in the browser (this tsconfig has no DOM lib)
declare const document: any, localStorage: any;
const TERMINAL = new Set(['job_completed', 'job_failed', 'job_cancelled']);
const ASSETS = resolve(import.meta.dirname, '..', 'services', 'web', 'dist', 'assets');

const { id, stack } = await benchStack({ noWorker: true, sandboxEnv: { SANDBOX_TTFT_MS: '0' } });
stack.spawnWorker({ LOG_LEVEL: 'warn', EVAL_UNIT_CONCURRENCY: '16' });
const browser = await launchBrowser();
try {
  const { client, suiteId } = await benchUserWithSuite(stack.url, id, Number(values.cases));
  const targets = await wideProvider(
    client,
    stack.sandboxUrl,
    SANDBOX_MODELS.slice(0, Number(values.targets)),
  );
  const run = await client.post('/api/tool-eval', { suite_id: suiteId, targets });
  let events = 0;
  await consumeSse(await openEvents(stack.url, client.token, run.body.job_id), (e) => {
    events += 1;
    return TERMINAL.has(e.event);
  });
  const results = Number(values.cases) * targets.length;

  // The page signs in with the bench user's session (as the sign-in form would store it).
  const me = await client.get('/api/auth/me');
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, baseURL: stack.url });
  await context.addInitScript(
    (session) => localStorage.setItem('lbs.session', session),
    JSON.stringify({ user: me.body, access_token: client.token, refresh_token: '' }),
  );
  const page = await context.newPage();
  page.setDefaultTimeout(300_000);

  /** Milliseconds from navigation until the case table counts every result and shows its first page. */
  async function timeToTable(path: string): Promise<number> {
    const started = performance.now();
    await page.goto(path);
    await page
      .waitForFunction(
        ({ n, firstPage }) =>
          document
            .querySelector('[data-testid="case-count"]')
            ?.textContent?.startsWith(`${n} of ${n} shown`) &&
          document.querySelectorAll('[data-testid="eval-cases"] tbody tr').length === firstPage,
        { n: results, firstPage: Math.min(results, PAGE_SIZE) },
        { polling: 'raf', timeout: Number(process.env.BENCH_WEB_TIMEOUT_MS ?? 300_000) },
      )
      .catch(async (err: unknown) => {
        const shown = await page
          .getByTestId('case-count')
          .textContent()
          .catch(() => 'no table');
        throw new Error(`${path}: the table never completed (it says: ${shown})`, { cause: err });
      });
    return performance.now() - started;
  }

  const replayMs = await timeToTable(`/#/evaluate/jobs/${run.body.job_id}`);
  const historyMs = await timeToTable(`/#/evaluate/history/${run.body.run_id}`);
  // Re-sort by a numeric column, timed inside the page: from the click until the frame after the
  // re-render is painted (Playwright's own click checks are left out).
  // (A string: tsx would wrap named functions in a helper the page does not have.)
  const sortMs = (await page.evaluate(`(async () => {
    const button = [...document.querySelectorAll('[data-testid="eval-cases"] thead button')]
      .find((b) => b.textContent.includes('Latency'));
    await new Promise((done) => requestAnimationFrame(done));
    const started = performance.now();
    button.click();
    await new Promise((done) => requestAnimationFrame(done));
    await new Promise((done) => requestAnimationFrame(done));
    return performance.now() - started;
  })()`)) as number;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;

  const js = readdirSync(ASSETS).filter((f) => f.endsWith('.js'));
  const bytes = js.map((f) => readFileSync(join(ASSETS, f)));
  console.log(
    JSON.stringify({
      bench: 'web-replay',
      results,
      events_replayed: events,
      replay_to_table_ms: Math.round(replayMs),
      replay_events_per_s: Math.round(events / (replayMs / 1000)),
      stored_run_to_table_ms: Math.round(historyMs),
      resort_ms: Math.round(sortMs),
      js_heap_mb: round(heap / 1024 / 1024, 1),
      bundle_js_kb: round(bytes.reduce((n, b) => n + b.length, 0) / 1024, 1),
      bundle_js_gzip_kb: round(bytes.reduce((n, b) => n + gzipSync(b).length, 0) / 1024, 1),
    }),
  );
  await context.close();
} finally {
  await browser.close();
  await stack.close();
}
