import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { DEMO_SUITE, type api } from './api.js';
import { apiAsPage, DESKTOP, launchBrowser, openStudio, signUp, type Studio } from './browser.js';
import { isTerminal, openEvents, readSse, type SseEvent } from './sse.js';
import { startStack, type Stack, type StackOptions } from './stack.js';

// The pages' own number formats (plain TS, no DOM): tests compare against exactly what they render.
export { ms, pct } from '../../services/web/src/lib/format.js';

export type Client = ReturnType<typeof api>;

export type StudioStack = {
  /** The running stack (started in `beforeAll`). */
  readonly stack: Stack;
  /** Chromium (launched in `beforeAll`). */
  readonly browser: Browser;
  /**
   * A fresh browser context on the Studio. One opened in a test is closed when the test ends,
   * passed or failed; one opened in a `beforeAll` lives until the file's browser closes.
   */
  open(viewport?: typeof DESKTOP): Promise<Studio>;
};

/**
 * Starts a stack and Chromium before the file's tests (in parallel) and stops both after them.
 * Call it once at the top of the `describe`.
 */
export function useStudioStack(options: StackOptions = {}): StudioStack {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  // Contexts opened by the running test; undefined outside a test.
  let testContexts: BrowserContext[] | undefined;

  beforeAll(async () => {
    // Each is kept as soon as it exists, so afterAll stops it even when the other failed to start.
    await Promise.all([
      startStack(options).then((s) => (stack = s)),
      launchBrowser().then((b) => (browser = b)),
    ]);
  });
  beforeEach(() => {
    testContexts = [];
  });
  afterEach(async () => {
    const contexts = testContexts ?? [];
    testContexts = undefined;
    await Promise.all(contexts.map((c) => c.close()));
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not running: use it in a test or hook`);
    return value;
  };
  return {
    get stack() {
      return started(stack, 'the stack');
    },
    get browser() {
      return started(browser, 'the browser');
    },
    async open(viewport = DESKTOP) {
      const studio = await openStudio(
        started(browser, 'the browser'),
        started(stack, 'the stack').url,
        viewport,
      );
      testContexts?.push(studio.context);
      return studio;
    },
  };
}

/** Signs a new user up through the page; `client` acts as that user on the API. */
export async function signedIn(studio: Studio, stack: Pick<Stack, 'url'>) {
  const email = await signUp(studio.page);
  return { email, client: await apiAsPage(studio.page, stack.url) };
}

/** A new user signed in through the page, with the demo suite imported through the API. */
export async function signedInWithDemoSuite(studio: Studio, stack: Pick<Stack, 'url'>) {
  const { client } = await signedIn(studio, stack);
  const imported = await client.post('/api/tool-eval/import', DEMO_SUITE);
  expect(imported.status, JSON.stringify(imported.body)).toBe(201);
  const suiteId = imported.body.id as string;
  const suite = await client.get(`/api/tool-suites/${suiteId}`);
  const caseIds = (suite.body.test_cases as { id: string }[]).map((c) => c.id);
  return { client, suiteId, caseIds };
}

/**
 * Follows a job's event stream (replayed from its start) to its terminal event and returns every
 * event; the stream says when the job ends, so nothing polls.
 */
export async function waitForJob(
  stack: Pick<Stack, 'url'>,
  client: Client,
  jobId: string,
): Promise<SseEvent[]> {
  const events = await readSse(await openEvents(stack.url, client.token, jobId), isTerminal);
  const last = events.at(-1);
  if (!last || !isTerminal(last))
    throw new Error(`the event stream of job ${jobId} ended before the job did`);
  return events;
}
