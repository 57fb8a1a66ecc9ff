import { describe, expect, it } from 'vitest';

declare const document: any;
import type { Page } from 'playwright-core';
import { DEMO_SUITE } from '../../support/api.js';
import { checkView, expectNoPageErrors, tabUntil } from '../../support/browser.js';
import { signedIn, useStudioStack, waitForJob } from '../../support/web-flows.js';

type Candidate = {
  id: string;
  generation: number;
  idx: number;
  prompt: string;
  parent_ids: string[];
  duplicate_of: string | null;
  scores: Record<string, { overall_score: number }>;
};

/** What the page shows of every prompt card, in order. */
async function cardsOnPage(page: Page) {
  return page.getByTestId('prompt-card').evaluateAll((els) =>
    els.map((el) => ({
      id: el.getAttribute('data-candidate-id'),
      generation: Number(el.getAttribute('data-generation')),
      survivor: el.getAttribute('data-survivor') === 'true',
      mean: el.getAttribute('data-mean'),
      parents: el.getAttribute('data-parents'),
      duplicateOf: el.getAttribute('data-duplicate-of'),
    })),
  );
}

async function chooseModels(page: Page, targets: string[], meta: string) {
  const models = page.getByRole('group', { name: 'Models the prompts are scored on' });
  for (const t of targets) await models.getByRole('checkbox', { name: new RegExp(t) }).check();
  await page
    .getByRole('group', { name: 'Meta model (writes the prompts)' })
    .getByRole('radio', { name: new RegExp(meta) })
    .check();
}

describe('web: prompt tuner', () => {
  const web = useStudioStack();

  it('configures a quick tune with its estimate, follows it live, saves the best prompt, and history agrees', async () => {
    const studio = await web.open();
    const { page } = studio;
    const { client } = await signedIn(studio, web.stack);
    const suite = await client.post('/api/tool-eval/import', DEMO_SUITE);
    expect(suite.status).toBe(201);

    await page.goto('/#/prompt-tuner');
    await page.getByLabel('Suite', { exact: true }).selectOption(suite.body.id);
    await page.getByLabel('Population size').fill('3');
    await chooseModels(page, ['sandbox::sandbox-precise'], 'sandbox::sandbox-judge');

    // The estimate shown is the API's for the same configuration.
    const estimate = await client.get(
      `/api/tool-eval/prompt-tune/estimate?suite_id=${suite.body.id}&mode=quick&population_size=3&generations=1&num_models=1`,
    );
    expect(estimate.status).toBe(200);
    const shown = (id: string) => page.getByTestId(id).getAttribute('data-value');
    await expect.poll(() => shown('estimate-eval-calls')).toBe(String(estimate.body.eval_calls));
    expect(await shown('estimate-prompts')).toBe(String(estimate.body.total_prompts));
    expect(await shown('estimate-meta-calls')).toBe(String(estimate.body.meta_calls));
    expect(await shown('estimate-api-calls')).toBe(String(estimate.body.api_calls));
    expect(await shown('estimate-duration')).toBe(String(estimate.body.estimated_duration_s));
    expect(await shown('estimate-cost')).toBe(String(estimate.body.estimated_cost_usd ?? ''));
    expect(estimate.body.total_prompts).toBe(3);
    await checkView(page, 'prompt-tuner-config');

    await page.getByRole('button', { name: 'Start prompt tune' }).click();
    await page.waitForURL(/#\/prompt-tuner\/jobs\/[0-9a-f-]+$/);
    const jobId = page.url().split('/').at(-1)!;
    await expect
      .poll(() => page.getByTestId('job-status').textContent(), { timeout: 45_000 })
      .toBe('completed');

    const job = await client.get(`/api/jobs/${jobId}`);
    const runId = job.body.run_id as string;
    const record = await client.get(`/api/tool-eval/prompt-tune/history/${runId}`);
    expect(record.status).toBe(200);
    const candidates = record.body.candidates as Candidate[];
    const gen1 = candidates.filter((c) => c.generation === 1);
    expect(gen1.length).toBeGreaterThan(0);

    // Base card and generation 1's cards, their scores and survivors as stored.
    const key = 'sandbox::sandbox-precise';
    const scoreOf = (c: Candidate) =>
      (c.duplicate_of ? candidates.find((x) => x.id === c.duplicate_of)! : c).scores[key]!.overall_score;
    await expect.poll(async () => (await cardsOnPage(page)).length).toBe(candidates.length);
    const cards = await cardsOnPage(page);
    expect(cards.map((c) => c.id)).toEqual(candidates.map((c) => c.id));
    expect(cards[0]!.generation).toBe(0);
    for (const c of candidates) expect(Number(cards.find((x) => x.id === c.id)!.mean)).toBe(scoreOf(c));
    const events = await waitForJob(web.stack, client, jobId);
    const selected = events.find((e) => e.event === 'generation_complete' && e.data.generation === 1)!;
    const survivors = (selected.data.survivors as { candidate_id: string }[]).map((x) => x.candidate_id);
    expect(survivors.length).toBeGreaterThan(0);
    expect(cards.filter((c) => c.generation === 1 && c.survivor).map((c) => c.id)).toEqual(
      gen1.filter((c) => survivors.includes(c.id)).map((c) => c.id),
    );
    if (survivors.includes(candidates[0]!.id)) await page.getByText('Carried over by elitism:').waitFor();

    // The outcome: the best score is the stored one; the diff against the base renders.
    expect(Number(await page.getByTestId('best-score').getAttribute('data-value'))).toBe(
      record.body.best_score,
    );
    expect(await page.getByTestId('best-prompt').textContent()).toBe(
      record.body.best_prompt || '(empty prompt)',
    );
    await page.getByTestId('prompt-diff').waitFor();
    await page.getByRole('img', { name: /Best and mean training score per generation/ }).waitFor();
    await checkView(page, 'prompt-tuner-live');

    // Save to the library with the keyboard only.
    await page.getByLabel('Name', { exact: true }).fill('Smart home tuned');
    await page.getByLabel('Name', { exact: true }).focus();
    await tabUntil(page, (el) => el.tag === 'button' && el.text === 'Save to prompt library');
    await page.keyboard.press('Enter');
    const saved = page.getByTestId('saved-prompt');
    await expect.poll(() => saved.textContent()).toContain('Smart home tuned');
    await expect.poll(() => saved.textContent()).toContain('version 1');
    const library = await client.get('/api/prompt-library');
    expect(library.body.items).toHaveLength(1);
    expect(library.body.items[0]).toMatchObject({
      id: await saved.getAttribute('data-id'),
      name: 'Smart home tuned',
      version: 1,
      prompt: record.body.best_prompt,
      origin_run_id: runId,
    });

    // A reload replays the events: the same cards and numbers.
    await page.reload();
    await expect
      .poll(() => page.getByTestId('job-status').textContent(), { timeout: 20_000 })
      .toBe('completed');
    await expect.poll(() => cardsOnPage(page)).toEqual(cards);
    expect(Number(await page.getByTestId('best-score').getAttribute('data-value'))).toBe(
      record.body.best_score,
    );

    // The library lists the saved prompt.
    await page.getByRole('link', { name: 'Prompt library' }).click();
    await page.waitForURL(/#\/prompt-tuner\/library/);
    const group = page.getByRole('region', { name: 'Prompt Smart home tuned' });
    await group.getByRole('button', { name: 'v1' }).waitFor();
    await group.getByRole('button', { name: 'v1' }).click();
    await expect
      .poll(() => page.getByTestId('library-selected').textContent())
      .toContain(record.body.best_prompt.slice(0, 40));
    await checkView(page, 'prompt-tuner-library');

    // History: the list, then the stored record with the live view's numbers.
    await page.getByRole('link', { name: 'History' }).click();
    const rows = page.getByTestId('tune-history').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    await expect.poll(() => rows.first().textContent()).toContain('completed');
    await checkView(page, 'prompt-tuner-history');
    await rows.first().getByRole('link').first().click();
    await page.waitForURL(new RegExp(`#/prompt-tuner/history/${runId}$`));
    await expect.poll(() => cardsOnPage(page)).toEqual(cards);
    expect(Number(await page.getByTestId('best-score').getAttribute('data-value'))).toBe(
      record.body.best_score,
    );
    await checkView(page, 'prompt-tuner-history-detail');

    // "Tune on from the best" opens the form with that tune's configuration and its best prompt.
    await page.getByRole('link', { name: 'Tune on from the best' }).click();
    await page.getByLabel('Base prompt').waitFor();
    expect(await page.getByLabel('Base prompt').inputValue()).toBe(record.body.best_prompt);
    expect(await page.getByLabel('Suite', { exact: true }).inputValue()).toBe(suite.body.id);
    expect(await page.getByLabel('Population size').inputValue()).toBe('3');
    await expect.poll(() => shown('estimate-eval-calls')).toBe(String(estimate.body.eval_calls));
    expectNoPageErrors(studio);
  });

  it('an evolutionary tune: lineage from the stream equals the stored parents; history shows the stored survivors', async () => {
    const studio = await web.open();
    const { page } = studio;
    const { client } = await signedIn(studio, web.stack);
    const suite = await client.post('/api/tool-eval/import', DEMO_SUITE);
    const started = await client.post('/api/tool-eval/prompt-tune', {
      suite_id: suite.body.id,
      mode: 'evolutionary',
      targets: [{ provider_key: 'sandbox', model_id: 'sandbox-precise' }],
      meta_target: { provider_key: 'sandbox', model_id: 'sandbox-judge' },
      config: { population_size: 3, generations: 2 },
    });
    expect(started.status).toBe(202);
    await page.goto(`/#/prompt-tuner/jobs/${started.body.job_id}`);
    await expect
      .poll(() => page.getByTestId('job-status').textContent(), { timeout: 45_000 })
      .toBe('completed');
    const record = await client.get(`/api/tool-eval/prompt-tune/history/${started.body.run_id}`);
    const candidates = record.body.candidates as Candidate[];
    const base = candidates.find((c) => c.generation === 0)!;
    await expect.poll(async () => (await cardsOnPage(page)).length).toBe(candidates.length);
    const live = await cardsOnPage(page);
    expect(live.some((c) => c.generation === 2)).toBe(true);
    for (const c of candidates) {
      const card = live.find((x) => x.id === c.id)!;
      const parents = c.generation === 1 && c.parent_ids.length === 0 ? [base.id] : c.parent_ids;
      expect(card.parents, `parents of G${c.generation} #${c.idx}`).toBe(parents.join(','));
      expect(card.duplicateOf).toBe(c.duplicate_of ?? '');
    }
    expect(Number(await page.getByTestId('best-score').getAttribute('data-value'))).toBe(
      record.body.best_score,
    );

    // Keyboard: a lineage link moves focus to the parent card.
    const child = page.locator('[data-testid="prompt-card"][data-generation="2"]').first();
    const parentLink = child.locator('.pt-lineage button').first();
    if ((await parentLink.count()) > 0) {
      await parentLink.focus();
      await page.keyboard.press('Enter');
      const parentId = (await child.getAttribute('data-parents'))!.split(',')[0];
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-candidate-id')))
        .toBe(parentId);
    }

    // Any candidate, not only the best, can be saved from its card.
    const childId = (await child.getAttribute('data-candidate-id'))!;
    await child.getByRole('button', { name: 'Save this prompt…' }).click();
    await child.getByLabel('Library name').fill('Runner-up');
    await child.getByRole('button', { name: 'Save', exact: true }).click();
    await child.getByText('Runner-up v1').waitFor();
    const lib = (await client.get('/api/prompt-library?name=Runner-up')).body.items;
    expect(lib.map((e: { prompt: string }) => e.prompt)).toEqual([
      candidates.find((c) => c.id === childId)!.prompt,
    ]);

    // The stored record shows the same cards, survivors included.
    await page.goto(`/#/prompt-tuner/history/${started.body.run_id}`);
    await expect.poll(() => cardsOnPage(page)).toEqual(live);
    expect(Number(await page.getByTestId('best-score').getAttribute('data-value'))).toBe(
      record.body.best_score,
    );
    await checkView(page, 'prompt-tuner-history-evolutionary');

    // Deleting the tune (two-step) returns to an empty history.
    await page.getByRole('button', { name: 'Delete tune' }).click();
    await page.getByRole('button', { name: 'Confirm delete' }).click();
    await page.waitForURL(/#\/prompt-tuner\/history$/);
    await page.getByRole('heading', { name: 'No prompt tunes yet' }).waitFor();
    expect((await client.get('/api/tool-eval/prompt-tune/history')).body.total).toBe(0);
    expectNoPageErrors(studio);
  });

  it('empty states, form errors, and the over-budget confirmation', async () => {
    const studio = await web.open();
    const { page } = studio;
    const { client } = await signedIn(studio, web.stack);

    await page.goto('/#/prompt-tuner/history');
    await page.getByRole('heading', { name: 'No prompt tunes yet' }).waitFor();
    await page.goto('/#/prompt-tuner/library');
    await page.getByRole('heading', { name: 'No saved prompts yet' }).waitFor();
    await checkView(page, 'prompt-tuner-library-empty');

    // Saving a name twice makes v2 from v1 (with its diff); deleting v1 (keyboard only) leaves v2.
    for (const text of ['Call the tool.', 'Always call the right tool.']) {
      await page.getByRole('button', { name: 'Add a prompt' }).click();
      const form = page.getByRole('form', { name: 'Add a prompt' });
      await form.getByLabel('Name', { exact: true }).fill('Manual');
      await form.getByLabel('Prompt', { exact: true }).fill(text);
      await form.getByRole('button', { name: 'Save prompt' }).click();
      await form.waitFor({ state: 'detached' });
    }
    const group = page.getByRole('region', { name: 'Prompt Manual' });
    await expect.poll(() => group.locator('tbody tr').count()).toBe(2);
    const versions = (await client.get('/api/prompt-library?name=Manual')).body.items;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[0].parent_id).toBe(versions[1].id);
    const selected = page.getByTestId('library-selected');
    await selected.getByText('Changes from v1').waitFor();
    await expect.poll(() => selected.getByTestId('diff-inserted').textContent()).toBe('+3');
    await group.locator(`tr[data-id="${versions[1].id}"]`).getByRole('button', { name: 'Delete' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter'); // the armed "Confirm delete" has the focus
    await expect.poll(() => group.locator('tbody tr').count()).toBe(1);
    expect((await client.get('/api/prompt-library')).body.items).toHaveLength(1);
    await group.getByText('a deleted version').waitFor();

    const suite = await client.post('/api/tool-eval/import', DEMO_SUITE);
    const provider = await client.post('/api/providers', {
      provider_key: 'priced',
      provider: 'sandbox',
      base_url: web.stack.sandboxUrl,
      models: [{ model_id: 'sandbox-precise', input_price_per_mtok: 1000, output_price_per_mtok: 1000 }],
    });
    expect(provider.status).toBe(201);
    await client.patch('/api/auth/me/budget', { budget_usd_monthly: 0.01 });

    // Submitting an empty form says what is missing.
    await page.goto('/#/prompt-tuner');
    await page.getByRole('button', { name: 'Start prompt tune' }).click();
    const problems = page.getByRole('alert').filter({ hasText: 'Fix these first' });
    await expect.poll(() => problems.textContent()).toContain('Choose the suite');
    await expect.poll(() => problems.textContent()).toContain('Choose at least one model');
    await expect.poll(() => problems.textContent()).toContain('Choose the model that writes the new prompts');

    await page.getByLabel('Suite', { exact: true }).selectOption(suite.body.id);
    await chooseModels(page, ['priced::sandbox-precise'], 'sandbox::sandbox-judge');
    // Four cases only: the estimate is computed for them, as the tuner will plan.
    await page.getByRole('radio', { name: /Only some cases/ }).check();
    const caseBoxes = page.locator('.pt-case-list input[type=checkbox]');
    for (let i = 0; i < 4; i++) await caseBoxes.nth(i).check();
    await expect.poll(() => page.getByTestId('cases-chosen').textContent()).toContain('4 of 27');
    await page.getByTestId('estimate-subset').waitFor();
    const planned = Number(await page.getByTestId('estimate-eval-calls').getAttribute('data-value'));
    // The API prices the chosen model, as the start's budget check does.
    expect(Number(await page.getByTestId('estimate-cost').getAttribute('data-value'))).toBeGreaterThan(0);
    await page.getByLabel('Max API calls').fill('5');
    await page.getByRole('button', { name: 'Start prompt tune' }).click();
    const confirm = page.getByRole('alert').filter({ hasText: 'Over your monthly budget' });
    await expect.poll(() => confirm.textContent()).toContain('exceeds');
    expect((await client.get('/api/tool-eval/prompt-tune/history')).body.total).toBe(0);
    await checkView(page, 'prompt-tuner-config-confirm');

    await confirm.getByRole('button', { name: 'Start anyway' }).click();
    await page.waitForURL(/#\/prompt-tuner\/jobs\//);
    await expect
      .poll(() => page.getByTestId('job-status').textContent(), { timeout: 30_000 })
      .toBe('completed');
    // The 5-call budget stops the tune after the base prompt's 4 calls.
    await page.getByText('stopped: budget').waitFor();
    const jobId = page.url().split('/').at(-1)!;
    const events = await waitForJob(web.stack, client, jobId);
    const start = events.find((e) => e.event === 'tune_start')!.data;
    expect(start.train_cases + start.validation_cases).toBe(4);
    expect(start.total_eval_calls).toBe(planned);
    expectNoPageErrors(studio);
  });
});
