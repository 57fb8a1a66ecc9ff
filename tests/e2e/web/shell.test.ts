import { describe, expect, it } from 'vitest';
import { checkView, expectNoPageErrors, PASSWORD, signUp, tabUntil } from '../../support/browser.js';
import { signedInWithDemoSuite, useStudioStack } from '../../support/web-flows.js';

describe('web app shell: sign-in, navigation, jobs indicator', () => {
  // Each sandbox call takes 300 ms, so the job the indicator shows is still running when we look.
  const web = useStudioStack({ sandboxEnv: { SANDBOX_TTFT_MS: '300' } });

  it('the gateway serves the app with a strict content security policy', async () => {
    const res = await fetch(`${web.stack.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('<div id="root">');
  });

  it('signs up, shows a wrong password as an error, and signs back in with the keyboard', async () => {
    const studio = await web.open();
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
  });

  it('the jobs indicator shows a running job live over /ws and cancels it', async () => {
    const studio = await web.open();
    const { page } = studio;
    const { client, suiteId } = await signedInWithDemoSuite(studio, web.stack);
    const started = await client.post('/api/tool-eval', {
      suite_id: suiteId,
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
  });
});
