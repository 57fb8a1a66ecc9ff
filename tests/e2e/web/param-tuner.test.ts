import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkView, expectNoPageErrors } from '../../support/browser.js';
import { pct, signedInWithDemoSuite, useStudioStack } from '../../support/web-flows.js';

/** The writable fields of a provider (for a PUT). */
function pick(p: Record<string, unknown>) {
  return { provider: p.provider, name: p.name, base_url: p.base_url, max_concurrency: p.max_concurrency };
}

type Combo = { id: string; config: Record<string, unknown>; overall_score: number; ci_low: number | null };

/** The results table's rows as the page shows them: the temperature column and the overall score. */
async function tableRows(page: Page) {
  const table = page.getByTestId('pt-results');
  const headers = (await table.locator('thead th').allInnerTexts()).map((t) => t.replace(/[▲▼]/g, '').trim());
  const tIdx = headers.indexOf('temperature');
  return table.locator('tbody tr').evaluateAll(
    (trs, i) =>
      trs.map((tr: any) => ({
        temperature: tr.querySelectorAll('td')[i]?.textContent?.trim() ?? '',
        overall: tr.querySelector('[data-testid="pt-overall"] strong')?.textContent?.trim() ?? '',
      })),
    tIdx,
  );
}

describe('parameter tuner: build a sweep, follow it live, apply the best, history', () => {
  const web = useStudioStack();

  it('grid sweep over temperature: preview, live table, sort, chart, apply best, reload, history', async () => {
    const studio = await web.open();
    const { page } = studio;
    const { client, suiteId } = await signedInWithDemoSuite(studio, web.stack);

    // --- Builder
    await page.goto('/#/param-tuner');
    await page.getByLabel('Suite', { exact: true }).selectOption(suiteId);
    await page.getByRole('button', { name: 'Choose a subset' }).click();
    await page.getByRole('checkbox', { name: /weather like in Paris/ }).check();
    await page.getByRole('checkbox', { name: /Turn on the kitchen lights/ }).check();
    await expect.poll(() => page.getByTestId('pt-case-count').innerText()).toMatch(/^2 of \d+ cases/);
    await page.getByRole('checkbox', { name: /sandbox::sandbox-precise/ }).check();

    // A second dimension beyond the model's range shows clamping in the compatibility matrix…
    await page.getByLabel('Add a parameter', { exact: true }).selectOption('top_p');
    await page.getByRole('button', { name: 'Add dimension' }).click();
    await page.getByLabel('top_p min').fill('0.5');
    await page.getByLabel('top_p max').fill('1.5');
    await page.getByLabel('top_p step').fill('0.5');
    const topP = page.getByTestId('ptuner-compat').locator('tr[data-param="top_p"] td').first();
    await expect.poll(() => topP.getAttribute('data-status'), { timeout: 10_000 }).toBe('clamped');
    await expect.poll(() => topP.innerText()).toMatch(/1\.5 → 1/);
    // …and removing it again leaves the three temperatures.
    await page.getByRole('button', { name: 'Remove top_p' }).click();
    await page.getByLabel('temperature values', { exact: true }).fill('0, 0.5, 1');
    await expect.poll(() => page.getByTestId('pt-grid-size').innerText()).toMatch(/^3 requested/);
    await expect
      .poll(() => page.getByTestId('ptuner-compat').locator('tbody tr').count(), { timeout: 10_000 })
      .toBe(1);
    await expect.poll(() => page.getByTestId('pt-preview-combos').innerText()).toBe('3');
    expect(await page.getByTestId('pt-preview-model-combos').innerText()).toBe('3');
    expect(await page.getByTestId('pt-preview-calls').innerText()).toBe('6'); // 3 combos × 2 cases
    const tempCell = page.getByTestId('ptuner-compat').locator('tr[data-param="temperature"] td').first();
    expect(await tempCell.getAttribute('data-status')).toBe('supported');
    await checkView(page, 'param-tuner-builder');

    // Keyboard: Enter in the values field submits the form.
    await page.getByLabel('temperature values', { exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/param-tuner\/jobs\/[0-9a-f-]+/);

    // --- Live view
    const status = page.getByTestId('job-status');
    await expect.poll(() => status.innerText(), { timeout: 30_000 }).toBe('completed');
    await expect.poll(() => page.getByTestId('pt-results').locator('tbody tr').count()).toBe(3);
    const storedLink = page.getByRole('link', { name: 'Open the stored record' });
    const runId = (await storedLink.getAttribute('href'))!.split('/').pop()!;
    const record = await client.get(`/api/tool-eval/param-tune/history/${runId}`);
    expect(record.status).toBe(200);
    const combos = record.body.combos as Combo[];
    expect(combos).toHaveLength(3);

    // Sort by overall (keyboard: Enter on the header button), descending first.
    await page.getByRole('button', { name: /^Overall/ }).focus();
    await page.keyboard.press('Enter');
    expect(await page.getByRole('columnheader', { name: /Overall/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );
    const shown = await tableRows(page);
    const expected = [...combos]
      .sort((a, b) => b.overall_score - a.overall_score)
      .map((c) => pct(c.overall_score));
    expect(shown.map((r) => r.overall)).toEqual(expected);
    // Every row's score is the stored combination's score at that temperature.
    for (const c of combos) {
      const row = shown.find((r) => r.temperature === String(c.config.temperature));
      expect(row?.overall, `temperature ${String(c.config.temperature)}`).toBe(pct(c.overall_score));
    }
    // Ascending on a second press.
    await page.getByRole('button', { name: /^Overall/ }).click();
    expect((await tableRows(page)).map((r) => r.overall)).toEqual([...expected].reverse());

    // The chart: one parameter varies → a line chart with three points.
    const chart = page.getByTestId('pt-line-chart');
    expect(await chart.getAttribute('data-points')).toBe('3');
    expect(await chart.locator('svg circle').count()).toBe(3);

    // Best per model, as stored.
    const best = record.body.best_config.models[0];
    expect(await page.getByTestId('pt-best-score').innerText()).toBe(pct(best.overall_score));

    // Drill-down: a combination's per-case results.
    await page.getByRole('button', { name: 'Cases of temperature=0', exact: true }).click();
    await expect.poll(() => page.getByTestId('pt-case-results').locator('tbody tr').count()).toBe(2);
    expect(await page.getByTestId('pt-combo-cases').innerText()).toMatch(/weather like in Paris/);
    await checkView(page, 'param-tuner-live');

    // Apply best → the model's default_params.
    await page.getByRole('button', { name: 'Apply best config' }).click();
    await expect
      .poll(() => page.getByTestId('pt-applied').innerText())
      .toContain(JSON.stringify(best.params));
    const providers = await client.get('/api/providers');
    const sandbox = providers.body.items.find((p: { provider_key: string }) => p.provider_key === 'sandbox');
    const provider = await client.get(`/api/providers/${sandbox.id}`);
    const model = provider.body.models.find((m: { model_id: string }) => m.model_id === 'sandbox-precise');
    expect(model.default_params).toEqual(best.params);
    expect(model.default_params).toEqual(best.config); // no tool_choice searched

    // Reload after completion: the replayed events give the same table.
    const before = await tableRows(page);
    await page.reload();
    await expect.poll(() => status.innerText(), { timeout: 20_000 }).toBe('completed');
    await expect.poll(() => page.getByTestId('pt-results').locator('tbody tr').count()).toBe(3);
    expect(await tableRows(page)).toEqual(
      [...before].sort((a, b) => Number(a.temperature) - Number(b.temperature)),
    );

    // --- History list and detail (same components, same numbers)
    await page.goto('/#/param-tuner/history');
    await expect.poll(() => page.getByTestId('pt-history').locator('tbody tr').count()).toBe(1);
    expect(await page.getByTestId('pt-history').innerText()).toContain(pct(record.body.best_score));
    await checkView(page, 'param-tuner-history');
    await page.getByRole('link', { name: /^Open tune/ }).click();
    await page.waitForURL(new RegExp(`#/param-tuner/history/${runId}`));
    await expect.poll(() => page.getByTestId('pt-results').locator('tbody tr').count()).toBe(3);
    expect(await tableRows(page)).toEqual(
      [...before].sort((a, b) => Number(a.temperature) - Number(b.temperature)),
    );
    await checkView(page, 'param-tuner-history-detail');

    // Delete (two-step) → back to an empty history.
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('button', { name: 'Confirm delete' }).click();
    await page.waitForURL(/#\/param-tuner\/history$/);
    await page.getByRole('heading', { name: 'No tunes yet' }).waitFor();
    expect((await client.get(`/api/tool-eval/param-tune/history/${runId}`)).status).toBe(404);
    expectNoPageErrors(studio);
  });
  it('two parameters: presets, budget confirmation, heatmap with the stored scores', async () => {
    const studio = await web.open();
    const { page } = studio;
    const { client, suiteId } = await signedInWithDemoSuite(studio, web.stack);
    // Priced model + a tiny monthly cap: the start needs an explicit confirmation.
    const sandbox = (await client.get('/api/providers')).body.items[0];
    const models = sandbox.models.map((m: { model_id: string }) =>
      m.model_id === 'sandbox-creative' ? { ...m, input_price_per_mtok: 100, output_price_per_mtok: 100 } : m,
    );
    expect((await client.put(`/api/providers/${sandbox.id}`, { ...pick(sandbox), models })).status).toBe(200);
    expect((await client.patch('/api/auth/me/budget', { budget_usd_monthly: 0.000001 })).status).toBe(200);

    await page.goto('/#/param-tuner');
    await page.getByLabel('Suite', { exact: true }).selectOption(suiteId);
    await page.getByRole('button', { name: 'Choose a subset' }).click();
    await page.getByRole('checkbox', { name: /weather like in Paris/ }).check();
    await page.getByRole('checkbox', { name: /Lock the front door/ }).check();
    await page.getByRole('checkbox', { name: /sandbox::sandbox-creative/ }).check();
    await page.getByLabel('temperature values', { exact: true }).fill('0, 1');
    await page.getByLabel('Add a parameter', { exact: true }).selectOption('top_p');
    await page.getByRole('button', { name: 'Add dimension' }).click();
    await page.getByLabel('Values as').nth(1).selectOption('list');
    await page.getByLabel('top_p values', { exact: true }).fill('0.5, 1');
    await expect.poll(() => page.getByTestId('pt-preview-combos').innerText(), { timeout: 10_000 }).toBe('4');

    // Presets: save this space, replace it with a built-in, bring it back, delete it.
    await page.getByText('Presets: apply').click();
    await page.getByLabel('Save the current space as').fill('Small grid');
    await page.getByRole('button', { name: 'Save preset' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved preset “Small grid”' }).waitFor();
    await page.getByLabel('Preset', { exact: true }).selectOption({ label: 'Tool-calling sweep (built-in)' });
    await page.getByRole('button', { name: 'Apply preset' }).click();
    await expect.poll(() => page.getByTestId('pt-grid-size').innerText()).toMatch(/= 66 requested/);
    await page.getByLabel('Preset', { exact: true }).selectOption({ label: 'Small grid' });
    await page.getByRole('button', { name: 'Apply preset' }).click();
    await expect.poll(() => page.getByTestId('pt-grid-size').innerText()).toMatch(/2 × 2 = 4 requested/);
    await expect.poll(() => page.getByTestId('pt-preview-combos').innerText(), { timeout: 10_000 }).toBe('4');
    const presets = (await client.get('/api/tool-eval/param-tune/presets')).body as { name: string }[];
    expect(presets.map((p) => p.name)).toContain('Small grid');

    await page.getByRole('button', { name: 'Start tune' }).click();
    const confirm = page.getByRole('alert').filter({ hasText: /monthly budget/ });
    await confirm.waitFor();
    await page.getByRole('button', { name: 'Start anyway' }).click();
    await page.waitForURL(/#\/param-tuner\/jobs\//);
    await expect
      .poll(() => page.getByTestId('job-status').innerText(), { timeout: 30_000 })
      .toBe('completed');
    await expect.poll(() => page.getByTestId('pt-results').locator('tbody tr').count()).toBe(4);

    // Two varied parameters: the chart is a heatmap, its numbers those of the stored record.
    const runId = (await page.getByRole('link', { name: 'Open the stored record' }).getAttribute('href'))!
      .split('/')
      .pop()!;
    const combos = (await client.get(`/api/tool-eval/param-tune/history/${runId}`)).body.combos as Combo[];
    expect(combos).toHaveLength(4);
    await expect.poll(() => page.getByTestId('ptuner-heatmap').locator('.pt-heat-cell').count()).toBe(4);
    await page.getByText('Heatmap as a table').click();
    const grid = page.getByTestId('pt-heatmap-table');
    const cells = await grid.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr: any) => ({
        y: tr.querySelector('th').textContent.trim(),
        values: [...tr.querySelectorAll('td button')].map((b: any) => b.textContent.trim()),
      })),
    );
    const xs = await grid.locator('thead th').allInnerTexts();
    expect(xs.slice(1)).toEqual(['0', '1']);
    for (const c of combos) {
      const row = cells.find((r) => r.y === String(c.config.top_p));
      const col = xs.slice(1).indexOf(String(c.config.temperature));
      expect(row?.values[col], JSON.stringify(c.config)).toBe(pct(c.overall_score));
    }
    await checkView(page, 'param-tuner-heatmap');
    // Keyboard: a heatmap cell opens that combination's cases.
    await grid.getByRole('button').first().focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('pt-case-results').locator('tbody tr').count()).toBe(2);
    expectNoPageErrors(studio);
  });
});
