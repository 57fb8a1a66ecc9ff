import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkView, expectNoPageErrors, tabUntil } from '../../support/browser.js';
import { signedIn, useStudioStack } from '../../support/web-flows.js';

declare const navigator: any;

/** The `.field` around the control labelled `label`, and its error text. */
const fieldError = (page: Page, label: string) =>
  page.locator('.field', { has: page.getByLabel(label, { exact: true }) }).locator('.error-text');

describe('web: providers, default parameters and account', () => {
  const web = useStudioStack({ noTuner: true, noJudge: true });

  it('edits a sandbox model’s default parameters with live validation, and saves what it showed', async () => {
    const studio = await web.open();
    const { page } = studio;
    const { client } = await signedIn(studio, web.stack);
    const list = await client.get('/api/providers');
    const sandbox = list.body.items.find((p: any) => p.provider_key === 'sandbox');
    expect(sandbox).toBeTruthy();

    await page.goto('/#/providers');
    const table = page.getByTestId('providers-table');
    const row = table.locator('tbody tr', { hasText: sandbox.name });
    await expect.poll(() => row.count()).toBe(1);
    await expect.poll(() => row.locator('td').nth(5).textContent()).toBe(String(sandbox.models.length));
    await expect.poll(() => row.locator('td').nth(6).textContent()).toBe(String(sandbox.max_concurrency));
    await checkView(page, 'providers-list');

    await row.getByRole('link', { name: sandbox.name, exact: true }).click();
    await page.waitForURL(new RegExp(`#/providers/${sandbox.id}`));
    await page.getByRole('button', { name: 'Edit default parameters of sandbox-precise' }).click();
    const panel = page.getByTestId('params-sandbox-precise');

    // Out of range: the pipeline clamps it, and the page says so (with the final value) before saving.
    const temperature = panel.getByTestId('param-temperature');
    await temperature.getByLabel('temperature', { exact: true }).fill('3');
    await panel.getByTestId('param-seed').getByLabel('seed', { exact: true }).fill('7');
    const expected = await client.post('/api/provider-params/validate', {
      provider: 'sandbox',
      model_id: 'sandbox-precise',
      params: { temperature: 3, seed: 7 },
      passthrough: {},
    });
    const clamp = expected.body.adjustments.find((a: any) => a.param === 'temperature');
    expect(clamp).toMatchObject({ action: 'clamped', value: 2 });
    await temperature.getByText(`clamped → ${clamp.value}`).waitFor();
    await expect
      .poll(async () => JSON.parse((await panel.getByTestId('final-params').textContent()) ?? '{}'))
      .toEqual(expected.body.params);

    // Unsupported for this model: disabled, with the registry's reason.
    const topK = panel.getByTestId('param-top_k');
    expect(await topK.getAttribute('data-disabled')).toBe('true');
    expect(await topK.getByLabel('top_k', { exact: true }).isDisabled()).toBe(true);
    await topK.getByText(/Not available: sandbox-precise ignores top_k/).waitFor();

    await checkView(page, 'providers-edit');

    // Take the clamped value, then save: the API stores exactly what the page showed.
    await panel.getByRole('button', { name: 'Use the clamped values' }).click();
    await expect.poll(() => temperature.getByLabel('temperature', { exact: true }).inputValue()).toBe('2');
    await temperature.getByText('sent as set').waitFor();
    const shown = JSON.parse((await panel.getByTestId('saved-params').textContent()) ?? '{}');
    expect(shown).toEqual({ temperature: 2, seed: 7 });
    await page.getByRole('button', { name: 'Save provider' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved at / })
      .waitFor();
    const stored = await client.get(`/api/providers/${sandbox.id}`);
    const precise = stored.body.models.find((m: any) => m.model_id === 'sandbox-precise');
    expect(precise.default_params).toEqual(shown);
    // The other models are untouched.
    expect(stored.body.models.map((m: any) => m.model_id)).toEqual(
      sandbox.models.map((m: any) => m.model_id),
    );

    // Reloaded, the editor shows the stored values.
    await page.reload();
    await page.getByRole('button', { name: /Edit default parameters of sandbox-precise/ }).click();
    await expect
      .poll(() =>
        panel.getByTestId('param-temperature').getByLabel('temperature', { exact: true }).inputValue(),
      )
      .toBe('2');
    expectNoPageErrors(studio);
  });

  it('adds a provider: field errors from the API next to the fields, and the key never comes back', async () => {
    const studio = await web.open();
    const { page } = studio;
    const { client } = await signedIn(studio, web.stack);
    const secret = `sk-test-${Math.random().toString(36).slice(2)}-SECRET`;

    await page.goto('/#/providers');
    await page.getByRole('link', { name: 'Add a provider' }).first().click();
    await page.waitForURL(/#\/providers\/new/);
    await page.getByLabel('Registry provider').selectOption('openai_compatible');
    await page.getByLabel('Provider key').fill('acme');
    await page.getByLabel('Base URL').fill('not a url');
    await page.getByRole('button', { name: 'Add provider' }).click();

    // The page shows the API's own messages for the same body, next to each field.
    const bad = await client.post('/api/providers', {
      provider: 'openai_compatible',
      provider_key: 'acme',
      base_url: 'not a url',
      models: [{ model_id: '', skip_params: [] }],
    });
    expect(bad.status).toBe(400);
    const message = (path: string) => bad.body.error.details.find((d: any) => d.path === path)?.message;
    expect(message('body.base_url')).toBeTruthy();
    expect(message('body.models.0.model_id')).toBeTruthy();
    await expect.poll(() => fieldError(page, 'Base URL').textContent()).toBe(message('body.base_url'));
    await expect
      .poll(() => page.getByTestId('model-row-0').locator('.error-text').first().textContent())
      .toBe(message('body.models.0.model_id'));
    // Focus lands on the first field to fix.
    await expect
      .poll(() => page.evaluate(() => (globalThis as any).document.activeElement?.type))
      .toBe('url');
    await checkView(page, 'providers-new-errors');

    await page.getByLabel('Base URL').fill('https://llm.example.com/v1');
    await page.getByLabel('Model id').fill('acme-large');
    await page.getByLabel('API key').fill(secret);
    await page.getByRole('button', { name: 'Add provider' }).click();
    await page.waitForURL(/#\/providers\/[0-9a-f-]{36}/);
    await page.getByText('a key is stored').waitFor();
    const id = /providers\/([0-9a-f-]{36})/.exec(page.url())![1]!;
    const view = await client.get(`/api/providers/${id}`);
    expect(view.body).toMatchObject({
      provider: 'openai_compatible',
      provider_key: 'acme',
      base_url: 'https://llm.example.com/v1',
      has_api_key: true,
    });
    expect(JSON.stringify(view.body)).not.toContain(secret);
    expect(await page.content()).not.toContain(secret);

    // skip_params are applied while editing: the parameter is disabled, and dropped from what is sent.
    await page.getByRole('button', { name: 'Edit default parameters of acme-large' }).click();
    const panel = page.getByTestId('params-acme-large');
    await panel.getByTestId('param-seed').getByLabel('seed', { exact: true }).fill('5');
    await panel.getByTestId('param-temperature').getByLabel('temperature', { exact: true }).fill('0.5');
    await panel.getByTestId('param-seed').getByText('sent as set').waitFor();
    await page.getByLabel('Skip parameters').fill('seed');
    const seed = panel.getByTestId('param-seed');
    await seed.getByText(/Not available: in this model's skip_params/).waitFor();
    await seed.getByText('dropped', { exact: true }).waitFor();
    await expect
      .poll(async () => JSON.parse((await panel.getByTestId('final-params').textContent()) ?? '{}'))
      .toEqual({ temperature: 0.5 });

    // Remove the key through the form: the API says no key is stored.
    await page.getByLabel('Remove it').check();
    const before = page.url();
    await page.getByRole('button', { name: 'Save provider' }).click();
    await page.waitForURL((u) => u.toString() !== before);
    await page.getByText('a key is stored').waitFor({ state: 'detached' });
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved at / })
      .waitFor();
    const saved = await client.get(`/api/providers/${id}`);
    expect(saved.body.has_api_key).toBe(false);
    expect(saved.body.models[0]).toMatchObject({
      model_id: 'acme-large',
      skip_params: ['seed'],
      default_params: { seed: 5, temperature: 0.5 },
    });

    await page.goto('/#/providers');
    const row = page.getByTestId('providers-table').locator('tbody tr', { hasText: 'acme' });
    await row.getByText('no key').waitFor();
    expect(await page.content()).not.toContain(secret);

    // Delete both providers (two-step): the empty state says what to do.
    for (const name of ['acme', 'Sandbox LLM (simulated)']) {
      const actions = page.getByRole('group', { name: `Actions for ${name}` });
      await actions.getByRole('button', { name: 'Delete' }).click();
      await actions.getByRole('button', { name: 'Confirm delete' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Deleted ${name}` })
        .waitFor();
    }
    await page.getByRole('heading', { name: 'No providers yet' }).waitFor();
    expect((await client.get('/api/providers')).body.items).toEqual([]);
    await checkView(page, 'providers-empty');
    expectNoPageErrors(studio);
  });

  it('account: sets the monthly cap and creates an API token that is shown once (keyboard only)', async () => {
    const studio = await web.open();
    const { page, context } = studio;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: web.stack.url });
    const { client } = await signedIn(studio, web.stack);

    await page.goto('/#/account');
    await page.getByTestId('budget-cap').filter({ hasText: 'none' }).waitFor();
    await page.getByLabel('Monthly cap (USD)').fill('25');
    await page.getByRole('button', { name: 'Save cap' }).click();
    await page.getByTestId('budget-cap').filter({ hasText: '$25.00' }).waitFor();
    const budget = await client.get('/api/auth/me/budget');
    expect(budget.body.budget_usd_monthly).toBe(25);
    await expect
      .poll(() => page.getByTestId('budget-spent').textContent())
      .toBe(`$${budget.body.spent_this_month_usd.toFixed(2)}`);

    // Keyboard only: type the name, Enter creates, Tab to "Copy token", Enter copies.
    await page.getByLabel('Token name').focus();
    await page.keyboard.type('ci-pipeline');
    await page.keyboard.press('Enter');
    const created = page.getByTestId('created-token');
    await created.waitFor();
    const token = await created.getByLabel('The new API token').inputValue();
    const listed = await client.get('/api/auth/tokens');
    expect(listed.body.items).toHaveLength(1);
    expect(listed.body.items[0].name).toBe('ci-pipeline');
    expect(token.startsWith(listed.body.items[0].token_prefix)).toBe(true);
    const me = await fetch(`${web.stack.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    await page.getByTestId('tokens-table').getByRole('cell', { name: 'ci-pipeline', exact: true }).waitFor();
    await tabUntil(page, (el) => el.tag === 'button' && el.text === 'Copy token');
    await page.keyboard.press('Enter');
    await created.getByText('Copied to the clipboard.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    await checkView(page, 'providers-account');

    // Shown once: after a reload the token is gone from the page.
    await page.reload();
    await page.getByTestId('tokens-table').getByRole('cell', { name: 'ci-pipeline', exact: true }).waitFor();
    expect(await page.content()).not.toContain(token);
    expectNoPageErrors(studio);
  });
});
