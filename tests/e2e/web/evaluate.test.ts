import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkView, expectNoPageErrors, tabUntil } from '../../support/browser.js';
import { ms, pct, signedInWithDemoSuite, useStudioStack } from '../../support/web-flows.js';

const MODELS = ['sandbox-precise', 'sandbox-local-7b'];

/** The text of every cell of a table's body rows. */
function tableCells(page: Page, testId: string): Promise<string[][]> {
  return page
    .getByTestId(testId)
    .locator('tbody tr')
    .evaluateAll((rows: any[]) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((td: any) => (td.innerText as string).trim())),
    );
}

/** Every shown summary line equals the stored summary of its model (the API's numbers). */
async function expectSummaryMatches(
  page: Page,
  stored: { provider_key: string; model_id: string; summary: any }[],
) {
  const rows = await tableCells(page, 'eval-summary');
  expect(rows).toHaveLength(stored.length);
  for (const t of stored) {
    const row = rows.find((cells) => cells[0]?.includes(`${t.provider_key}::${t.model_id}`));
    expect(row, `summary row of ${t.model_id}`).toBeDefined();
    const s = t.summary;
    const [, overall, tool, params, pass, latency] = row!;
    expect(overall?.startsWith(pct(s.overall)), `overall ${overall} vs ${s.overall}`).toBe(true);
    expect(tool).toBe(pct(s.tool_accuracy));
    expect(params).toBe(pct(s.param_accuracy));
    expect(pass).toContain(pct(s.pass_rate));
    expect(pass).toContain(`${s.cases_passed}/${s.runs} runs`);
    expect(latency).toBe(`${ms(s.latency_ms.avg)} / ${ms(s.latency_ms.p95)}`);
  }
}

describe('web evaluate: run form, live view, history, drill-down', () => {
  // Each sandbox call takes 150 ms: with one case at a time the run lasts a few seconds.
  const web = useStudioStack({ sandboxEnv: { SANDBOX_TTFT_MS: '150' } });

  it('runs two models from the form, survives a reload mid-run, and matches the stored run', async () => {
    const studio = await web.open();
    const { page } = studio;
    const { client, suiteId, caseIds } = await signedInWithDemoSuite(studio, web.stack);
    const caseCount = caseIds.length;

    // The form, through the page.
    await page.goto('/#/evaluate');
    await page.getByLabel('Suite', { exact: true }).selectOption(suiteId);
    for (const m of MODELS) await page.getByRole('checkbox', { name: new RegExp(`sandbox::${m}$`) }).check();
    await page.getByLabel('Concurrency').fill('1');
    await expect.poll(() => page.getByText(`${caseCount * 2} model calls`).count()).toBe(1);
    await checkView(page, 'evaluate-form');
    await page.getByRole('button', { name: 'Run evaluation' }).click();
    await page.waitForURL(/#\/evaluate\/jobs\//);
    const jobId = page.url().split('/jobs/')[1]!.split('?')[0]!;

    // The live table fills; reload while the job is still running.
    const caseRows = page.getByTestId('eval-cases').locator('tbody tr');
    await expect.poll(() => caseRows.count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    const before = await client.get(`/api/jobs/${jobId}`);
    expect(before.body.status).toBe('running');
    await page.reload();

    // It resumes (replay + live) and ends with exactly one row per (case, model).
    await expect
      .poll(() => page.getByTestId('job-status').textContent(), { timeout: 40_000 })
      .toBe('completed');
    await expect.poll(() => caseRows.count()).toBe(caseCount * MODELS.length);
    await expect
      .poll(async () => (await tableCells(page, 'eval-cases')).filter((c) => c[0]?.startsWith('#')).length)
      .toBe(caseCount * MODELS.length);
    const cells = await tableCells(page, 'eval-cases');
    const pairs = cells.map((c) => `${c[0]}|${c[1]}`);
    expect(new Set(pairs).size).toBe(caseCount * MODELS.length);
    for (const name of ['Sandbox Precise', 'Sandbox Local 7B'])
      expect(cells.filter((c) => c[1]?.startsWith(name))).toHaveLength(caseCount);

    // The summaries equal the stored ones.
    const job = await client.get(`/api/jobs/${jobId}`);
    const runId = job.body.run_id as string;
    const run = await client.get(`/api/tool-eval/history/${runId}`);
    expect(run.status).toBe(200);
    expect(run.body.results).toHaveLength(caseCount * MODELS.length);
    const stored = run.body.summary.targets;
    await expectSummaryMatches(page, stored);
    await checkView(page, 'evaluate-live');

    // The stored run shows the same numbers through the same components.
    await page.getByTestId('stored-run-link').click();
    await page.waitForURL(new RegExp(`#/evaluate/history/${runId}$`));
    await expect.poll(() => page.getByTestId('run-status').textContent()).toBe('completed');
    await expectSummaryMatches(page, stored);
    await expect.poll(() => caseRows.count()).toBe(caseCount * MODELS.length);

    // Filters: one model's failures, as the API counts them.
    const failedPrecise = run.body.results.filter((r: any) => r.model_id === 'sandbox-precise' && !r.passed);
    await page.getByLabel('Model', { exact: true }).selectOption('sandbox::sandbox-precise');
    await page.getByLabel('Failed only').check();
    await expect.poll(() => caseRows.count()).toBe(failedPrecise.length);
    expect(page.url()).toContain('failed=1');
    await checkView(page, 'evaluate-run');

    // Drill down into a case: the raw request names the model; the response is there.
    if (failedPrecise.length === 0) await page.getByLabel('Failed only').uncheck();
    await caseRows.first().getByRole('link').click();
    await page.waitForURL(/\/results\//);
    const request = page.getByTestId('raw-request');
    await expect.poll(() => request.textContent()).toContain('"model": "sandbox-precise"');
    await expect.poll(() => page.getByTestId('raw-response').textContent()).toContain('choices');
    expect(await page.getByText('JSON schema check').count()).toBe(1);
    expect(await page.getByText('Provider-parameter adjustments').count()).toBe(1);
    const opened = page.url().split('/results/')[1]!;
    const openedResult = run.body.results.find((r: any) => r.id === opened);
    expect(openedResult?.model_id).toBe('sandbox-precise');
    if (failedPrecise.length > 0) expect(openedResult.passed).toBe(false);
    expect(await page.getByTestId('case-overall').textContent()).toBe(
      String(Number(openedResult.overall_score.toFixed(4))),
    );
    await checkView(page, 'evaluate-case');

    // History lists the run; open it with the keyboard only.
    await page.goto('/#/evaluate/history');
    const historyRows = page.getByTestId('eval-history').locator('tbody tr');
    await expect.poll(() => historyRows.count()).toBe(1);
    const historyText = await historyRows.first().innerText();
    expect(historyText).toContain('Smart Home Demo');
    expect(historyText).toContain('completed');
    expect(historyText).toContain(pct(stored[0].summary.overall));
    await checkView(page, 'evaluate-history');
    await tabUntil(page, (el) => el.tag === 'tr');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`#/evaluate/history/${runId}$`));

    // "Run again" fills the form with this run's settings.
    await page.getByRole('link', { name: 'Run again…' }).click();
    await page.waitForURL(/#\/evaluate\?/);
    for (const m of MODELS)
      await expect
        .poll(() => page.getByRole('checkbox', { name: new RegExp(`sandbox::${m}$`) }).isChecked())
        .toBe(true);
    expect(await page.getByLabel('Concurrency').inputValue()).toBe('1');
    await page.goBack();
    await page.waitForURL(new RegExp(`#/evaluate/history/${runId}$`));

    // Delete it: two clicks, back to an empty history, and the API forgets it.
    await page.getByRole('button', { name: 'Delete run' }).click();
    await page.getByRole('button', { name: 'Delete this run' }).click();
    await page.waitForURL(/#\/evaluate\/history$/);
    await page.getByText('No evaluations yet').waitFor();
    await checkView(page, 'evaluate-history-empty');
    expect((await client.get(`/api/tool-eval/history/${runId}`)).status).toBe(404);
    expectNoPageErrors(studio);
  });

  it('says what to fix, and preselects a saved prompt and suite from the URL', async () => {
    const studio = await web.open();
    const { page } = studio;
    const { client, suiteId } = await signedInWithDemoSuite(studio, web.stack);
    const saved = await client.post('/api/prompt-library', {
      name: 'terse',
      prompt: 'Always call exactly one tool. Never answer in prose.',
    });
    expect(saved.status).toBe(201);

    await page.goto('/#/evaluate');
    await page.getByRole('button', { name: 'Run evaluation' }).click();
    await page.getByText('Choose a suite to run.').waitFor();
    await page.getByText('Choose at least one model.').waitFor();

    await page.goto(`/#/evaluate?suite_id=${suiteId}&system_prompt_id=${saved.body.id}`);
    await expect.poll(() => page.getByLabel('Suite', { exact: true }).inputValue()).toBe(suiteId);
    await expect
      .poll(() => page.getByLabel('Saved prompt', { exact: true }).inputValue())
      .toBe(saved.body.id);
    await page.getByText('Always call exactly one tool.').waitFor();
    // A subset of cases: only the first two.
    await page.getByText(/^Cases: all/).click();
    await page.getByRole('button', { name: 'Clear all' }).click();
    const boxes = page.getByRole('group', { name: 'Cases to run' }).getByRole('checkbox');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByRole('checkbox', { name: /sandbox::sandbox-precise$/ }).check();
    await page.getByRole('checkbox', { name: /sandbox::sandbox-creative$/ }).check();
    // A live judge: its verdicts join the case table as they come.
    await page.getByLabel('Have a judge model review the answers').check();
    await page
      .getByRole('group', { name: 'Judge model' })
      .getByRole('radio', { name: /sandbox::sandbox-judge$/ })
      .check();
    await page.getByRole('button', { name: 'Run evaluation' }).click();
    await page.waitForURL(/#\/evaluate\/jobs\//);
    await expect
      .poll(() => page.getByTestId('job-status').textContent(), { timeout: 30_000 })
      .toBe('completed');
    const jobId2 = page.url().split('/jobs/')[1]!.split('?')[0]!;
    await expect.poll(() => page.getByTestId('eval-cases').locator('tbody tr').count()).toBe(4);
    await expect
      .poll(
        async () =>
          (await tableCells(page, 'eval-cases')).filter((c) => /pass|fail|partial/.test(c.at(-1) ?? ''))
            .length,
      )
      .toBe(4);
    await page.getByText('follow the judge report').waitFor();
    // The grid: one line per case, one cell per model, each a link to the case.
    await page.getByRole('button', { name: 'Grid by model' }).click();
    await expect.poll(() => page.getByTestId('eval-grid').locator('tbody tr').count()).toBe(2);
    expect(await page.getByTestId('eval-grid').locator('tbody a').count()).toBe(4);
    await checkView(page, 'evaluate-live-grid');
    // From the live view straight into a case's raw calls.
    await page.getByTestId('eval-grid').locator('tbody a').first().click();
    await page.waitForURL(/\/results\//);
    await expect
      .poll(() => page.getByTestId('raw-request').textContent())
      .toContain('"model": "sandbox-precise"');
    await expect
      .poll(() => page.getByTestId('raw-request').textContent())
      .toContain('Always call exactly one tool. Never answer in prose.');
    const job = await client.get(`/api/jobs/${jobId2}`);
    const run = await client.get(`/api/tool-eval/history/${job.body.run_id}`);
    expect(run.body.targets[0].system_prompt).toBe('Always call exactly one tool. Never answer in prose.');
    expect(run.body.config.case_ids).toHaveLength(2);
    expect(run.body.config.judge.mode).toBe('live_inline');
    expectNoPageErrors(studio);
  });
});
