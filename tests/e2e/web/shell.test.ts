import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startStack, type Stack } from '../../support/stack.js';
import { DEMO_SUITE } from '../../support/api.js';
import {
  apiAsPage,
  checkView,
  expectNoPageErrors,
  launchBrowser,
  openStudio,
  PASSWORD,
  signUp,
  tabUntil,
} from '../../support/browser.js';

describe('web app shell: sign-in, navigation, jobs indicator', () => {
  let stack: Stack;
  let browser: Browser;
  beforeAll(async () => {
    // Each sandbox call takes 300 ms, so the job the indicator shows is still running when we look.
    [stack, browser] = await Promise.all([
      startStack({ sandboxEnv: { SANDBOX_TTFT_MS: '300' } }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('the gateway serves the app with a strict content security policy', async () => {
    const res = await fetch(`${stack.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('<div id="root">');
  });

  it('signs up, shows a wrong password as an error, and signs back in with the keyboard', async () => {
    const studio = await openStudio(browser, stack.url);
    const { page } = studio;
    await checkView(page, 'sign-in');
    const email = await signUp(page);
    await checkView(page, 'overview');
    await page.getByRole('button', { name: 'Sign out' }).click();

    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('wrong password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').first().textContent()).resolves.toMatch(/Could not sign in/);

    // Keyboard only: type the password, Enter submits.
    await page.getByLabel('Password').fill(PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    await tabUntil(page, (el) => el.tag === 'a' && el.text === 'Suites');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/suites/);
    expectNoPageErrors(studio);
    await studio.context.close();
  });

  it('the jobs indicator shows a running job live over /ws and cancels it', async () => {
    const studio = await openStudio(browser, stack.url);
    const { page } = studio;
    await signUp(page);
    const client = await apiAsPage(page, stack.url);
    const suite = await client.post('/api/tool-eval/import', DEMO_SUITE);
    const started = await client.post('/api/tool-eval', {
      suite_id: suite.body.id,
      targets: [{ provider_key: 'sandbox', model_id: 'sandbox-precise' }],
      repeats: 5,
      concurrency: 1,
    });
    expect(started.status).toBe(202);
    const indicator = page.getByTestId('jobs-indicator');
    await expect.poll(() => indicator.getAttribute('data-running'), { timeout: 20_000 }).toBe('1');
    await indicator.click();
    await page.getByRole('region', { name: 'Active jobs' }).getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => indicator.getAttribute('data-running'), { timeout: 20_000 }).toBe('0');
    const job = await client.get(`/api/jobs/${started.body.job_id}`);
    expect(job.body.status).toBe('cancelled');
    expectNoPageErrors(studio);
    await studio.context.close();
  });
});
