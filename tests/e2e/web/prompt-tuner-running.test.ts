import { describe, expect, it } from 'vitest';
import { checkView, expectNoPageErrors } from '../../support/browser.js';
import { signedInWithDemoSuite, useStudioStack } from '../../support/web-flows.js';

describe('web: prompt tuner while a tune runs', () => {
  // Slow sandbox calls keep the tune running while the page is checked.
  const web = useStudioStack({ sandboxEnv: { SANDBOX_TTFT_MS: '400' } });

  it('shows cards as they are generated and scored, then cancels; the record keeps what finished', async () => {
    const studio = await web.open();
    const { page } = studio;
    const { client, suiteId } = await signedInWithDemoSuite(studio, web.stack);
    const started = await client.post('/api/tool-eval/prompt-tune', {
      suite_id: suiteId,
      mode: 'quick',
      targets: [{ provider_key: 'sandbox', model_id: 'sandbox-precise' }],
      meta_target: { provider_key: 'sandbox', model_id: 'sandbox-judge' },
      config: { population_size: 3 },
    });
    expect(started.status).toBe(202);
    await page.goto(`/#/prompt-tuner/jobs/${started.body.job_id}`);

    // Live: the base prompt is scored, then generation 1's prompts appear while the job runs.
    const base = page.locator('[data-testid="prompt-card"][data-generation="0"]');
    await expect.poll(() => base.getAttribute('data-mean'), { timeout: 30_000 }).toMatch(/^[0-9.]+$/);
    const gen1 = page.locator('[data-testid="prompt-card"][data-generation="1"]');
    await expect.poll(() => gen1.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(await page.getByTestId('job-status').textContent()).toBe('running');
    expect(await page.getByTestId('best-score').count()).toBe(0);
    await checkView(page, 'prompt-tuner-live-running');

    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect
      .poll(() => page.getByTestId('job-status').textContent(), { timeout: 20_000 })
      .toBe('cancelled');
    await page.getByText('The tune was cancelled').waitFor();
    const record = await client.get(`/api/tool-eval/prompt-tune/history/${started.body.run_id}`);
    expect(record.body.status).toBe('cancelled');
    // The base prompt's text came with the stream's tune_start.
    expect(await base.locator('.pt-card-text').textContent()).toBe(
      record.body.base_prompt || '(empty prompt)',
    );
    await page.getByRole('link', { name: 'stored record', exact: true }).click();
    await page.waitForURL(new RegExp(`#/prompt-tuner/history/${started.body.run_id}$`));
    await expect.poll(() => page.getByTestId('prompt-card').count()).toBe(record.body.candidates.length);
    expectNoPageErrors(studio);
  });
});
