import { describe, expect, it } from 'vitest';
import { expectNoPageErrors } from '../../support/browser.js';
import { signedInWithDemoSuite, useStudioStack } from '../../support/web-flows.js';

describe('web live views survive a lost connection', () => {
  // 150 ms per sandbox call, one call at a time: the run lasts long enough to cut it twice.
  const web = useStudioStack({ sandboxEnv: { SANDBOX_TTFT_MS: '150' } });

  it('resumes the eval stream with Last-Event-ID after the server drops it, nothing missing or doubled', async () => {
    const studio = await web.open();
    const { page } = studio;
    const { client, suiteId, caseIds } = await signedInWithDemoSuite(studio, web.stack);
    const targets = ['sandbox-precise', 'sandbox-creative'].map((model_id) => ({
      provider_key: 'sandbox',
      model_id,
    }));
    const started = await client.post('/api/tool-eval', { suite_id: suiteId, targets, concurrency: 1 });
    expect(started.status).toBe(202);

    // Every request the page makes for the job's event stream, with the Last-Event-ID it sent.
    const streamRequests: (string | undefined)[] = [];
    page.on('request', (req) => {
      if (req.url().endsWith(`/api/jobs/${started.body.job_id}/events`))
        streamRequests.push(req.headers()['last-event-id']);
    });
    await page.goto(`/#/evaluate/jobs/${started.body.job_id}`);
    const rows = page.getByTestId('eval-cases').locator('tbody tr');

    // Cut the connection twice while results are arriving.
    for (const atLeast of [3, 12]) {
      await expect.poll(() => rows.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(atLeast);
      const before = streamRequests.length;
      web.stack.dropConnections();
      await expect.poll(() => streamRequests.length, { timeout: 15_000 }).toBeGreaterThan(before);
    }
    await expect
      .poll(() => page.getByTestId('job-status').textContent(), { timeout: 60_000 })
      .toBe('completed');

    // The reconnects asked to resume after the last event seen, not from the start.
    expect(streamRequests[0]).toBeUndefined();
    expect(streamRequests.slice(1).every((id) => typeof id === 'string' && id.length > 0)).toBe(true);

    // One row per (case, model): the stored run holds exactly as many results, and the page shows each once.
    const caseCount = caseIds.length;
    await expect.poll(() => rows.count()).toBe(caseCount * targets.length);
    const keys = await rows.evaluateAll((trs: any[]) =>
      trs.map((tr) =>
        [...tr.querySelectorAll('td')]
          .slice(0, 2)
          .map((td: any) => td.innerText.trim())
          .join(' | '),
      ),
    );
    expect(new Set(keys).size).toBe(keys.length);
    const run = await client.get(`/api/tool-eval/history/${started.body.run_id}`);
    expect(run.body.results ?? run.body.items).toHaveLength(caseCount * targets.length);
    expectNoPageErrors(studio);
  });
});
