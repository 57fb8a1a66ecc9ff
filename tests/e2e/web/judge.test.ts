import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_SUITE } from '../../support/api.js';
import { checkView, expectNoPageErrors, signUp, tabUntil, type Studio } from '../../support/browser.js';
import {
  pct,
  signedInWithDemoSuite,
  useStudioStack,
  waitForJob,
  type Client,
} from '../../support/web-flows.js';

const PRECISE = { provider_key: 'sandbox', model_id: 'sandbox-precise' };
const LOCAL = { provider_key: 'sandbox', model_id: 'sandbox-local-7b' };
const CASES = 5;

describe('web: LLM judge (grade, live verdicts, report, share, compare)', () => {
  const web = useStudioStack();
  // One user for the whole file, with run A (two models × CASES cases) finished before the tests.
  // The comparison and the jury tests also count the report the grading test stores.
  let studio: Studio;
  let client: Client;
  let suiteId: string;
  let caseIds: string[];
  let runA: string;

  /** Starts an eval through the API and follows its event stream until it completed. */
  async function runEval(body: Record<string, unknown>): Promise<string> {
    const res = await client.post('/api/tool-eval', body);
    expect(res.status).toBe(202);
    const events = await waitForJob(web.stack, client, res.body.job_id);
    expect(events.at(-1)!.event).toBe('job_completed');
    return res.body.run_id as string;
  }

  beforeAll(async () => {
    studio = await web.open();
    ({ client, suiteId, caseIds } = await signedInWithDemoSuite(studio, web.stack));
    caseIds = caseIds.slice(0, CASES);
    runA = await runEval({ suite_id: suiteId, targets: [PRECISE, LOCAL], case_ids: caseIds });
  });

  it('says there is nothing to judge before any eval run', async () => {
    const fresh = await web.open();
    await signUp(fresh.page);
    await fresh.page.goto('/#/judge');
    await fresh.page.getByRole('heading', { name: 'No finished eval run to judge' }).waitFor();
    expectNoPageErrors(fresh);
  });

  it('grades a run: live verdicts, the stored grade, a share link that works signed out and dies on revoke', async () => {
    const { page } = studio;
    await page.goto('/#/judge');
    await page.getByRole('radio', { name: /Grade the run of/ }).check();
    // A judge that is also an evaluated model is flagged; the sandbox judge is not.
    await page.getByRole('radio', { name: /sandbox-precise/ }).check();
    await page.getByTestId('judge-self-warning').waitFor();
    await page.getByRole('radio', { name: /sandbox-judge/ }).check();
    await expect.poll(() => page.getByTestId('judge-self-warning').count()).toBe(0);
    await checkView(page, 'judge-start');
    await page.getByRole('button', { name: 'Start grading' }).click();
    await page.waitForURL(/#\/judge\/jobs\/[0-9a-f-]+$/);

    // Live view: one verdict per result (2 models × CASES), then the overall grade.
    const liveRows = page.getByTestId('judge-live-verdicts').locator('tbody tr');
    await expect.poll(() => liveRows.count(), { timeout: 30_000 }).toBe(2 * CASES);
    await expect
      .poll(() => page.getByTestId('job-status').textContent(), { timeout: 30_000 })
      .toBe('completed');
    await page.getByTestId('judge-live-complete').waitFor();
    // Per-model standings: both evaluated models.
    expect(await page.getByTestId('judge-live-models').locator('tbody tr').count()).toBe(2);
    // A reload replays the events: the same verdicts show.
    await page.reload();
    await page.getByTestId('judge-live-complete').waitFor();
    await expect.poll(() => liveRows.count()).toBe(2 * CASES);
    // Filter by verdict: only "pass" rows remain.
    const passButton = page
      .getByRole('group', { name: 'Filter by verdict' })
      .getByRole('button', { name: /^pass/ });
    await passButton.click();
    const passCount = Number((await passButton.textContent())!.match(/\((\d+)\)/)![1]);
    expect(passCount).toBeGreaterThan(0);
    await expect.poll(() => liveRows.count()).toBe(passCount);
    await passButton.click();
    await checkView(page, 'judge-live');

    await page.getByRole('link', { name: 'Open the report' }).click();
    await page.waitForURL(/#\/judge\/reports\/[0-9a-f-]+$/);
    const reportId = page.url().split('/').pop()!;
    const stored = await client.get(`/api/tool-eval/judge/reports/${reportId}`);
    expect(stored.status).toBe(200);
    expect(stored.body.status).toBe('completed');
    await expect
      .poll(() => page.getByTestId('judge-report-grade').textContent())
      .toBe(stored.body.overall_grade);
    expect(await page.getByTestId('judge-report-score').textContent()).toBe(
      String(stored.body.overall_score),
    );
    // Every stored verdict is a row; each model's report card shows.
    await expect
      .poll(() => page.getByTestId('judge-report-verdicts').locator('tbody tr').count())
      .toBe(stored.body.verdicts.length);
    expect(await page.getByTestId('judge-model-report').count()).toBe(stored.body.report.models.length);
    // The live count of passes matches the stored verdicts.
    expect(stored.body.verdicts.filter((v: any) => v.verdict?.verdict === 'pass').length).toBe(passCount);
    // Expand a summary: the judge's reasoning is there.
    await page.getByTestId('judge-report-verdicts').locator('summary').first().click();
    await page.getByTestId('judge-report-verdicts').getByText('Reasoning').first().waitFor();

    await page.getByRole('button', { name: 'Create share link' }).click();
    const shareInput = page.getByTestId('judge-share-url');
    await shareInput.waitFor();
    const shareUrl = await shareInput.inputValue();
    expect(shareUrl).toMatch(/#\/shared\/judge\/[\w-]{16,}$/);
    await checkView(page, 'judge-report');

    // A new browser context: no session at all.
    const anon = await web.open();
    await anon.page.goto(shareUrl);
    await expect
      .poll(() => anon.page.getByTestId('judge-report-grade').textContent())
      .toBe(stored.body.overall_grade);
    expect(await anon.page.getByTestId('judge-report-score').textContent()).toBe(
      String(stored.body.overall_score),
    );
    await expect
      .poll(() => anon.page.getByTestId('judge-report-verdicts').locator('tbody tr').count())
      .toBe(stored.body.verdicts.length);
    expect(await anon.page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    // Cases are named by their prompts there too, and the scorer's stored pass is shown.
    const sharedTable = anon.page.getByTestId('judge-report-verdicts');
    await expect.poll(() => sharedTable.textContent()).toContain(DEMO_SUITE.test_cases[0].prompt);
    expect(await sharedTable.locator('thead').textContent()).toContain('Scorer');
    await checkView(anon.page, 'judge-shared');

    await page.getByRole('button', { name: 'Revoke link' }).click();
    await page.getByRole('button', { name: 'Confirm revoke' }).click();
    await page.getByText('Link revoked').waitFor();
    await anon.page.reload();
    await anon.page.getByRole('heading', { name: 'This link was revoked or is invalid' }).waitFor();
    expect(await anon.page.getByTestId('judge-report-grade').count()).toBe(0);
    await checkView(anon.page, 'judge-shared-revoked');
    expectNoPageErrors(anon);
    expectNoPageErrors(studio);
  });

  it('compares two runs (keyboard submit): winner and position consistency as the API stores them', async () => {
    const { page } = studio;
    const runB = await runEval({ suite_id: suiteId, targets: [LOCAL], case_ids: caseIds });
    const gone = await runEval({
      suite_id: suiteId,
      targets: [LOCAL],
      case_ids: caseIds.slice(0, 1),
    });
    await page.goto('/#/judge?mode=compare');
    await page.getByLabel('Run A', { exact: true }).selectOption(runA);
    // Run A evaluated two models: the picker asks which one.
    await page.getByLabel('Model of run A').selectOption('sandbox::sandbox-precise');
    await page.getByRole('radio', { name: /sandbox-judge/ }).check();
    // A run deleted after the page loaded: the API's field error shows on the form.
    await page.getByLabel('Run B', { exact: true }).selectOption(gone);
    expect((await client.delete(`/api/tool-eval/history/${gone}`)).status).toBe(204);
    await page.getByRole('button', { name: 'Start comparison' }).click();
    await page.getByRole('alert').filter({ hasText: 'eval_run_id_b' }).first().waitFor();
    expect(page.url()).toMatch(/#\/judge\?mode=compare$/);
    await page.getByLabel('Run B', { exact: true }).selectOption(runB);
    await checkView(page, 'judge-compare-start');
    // Keyboard only: Tab to the submit button and press Enter.
    await page.getByLabel('Custom instructions (optional)').focus();
    await tabUntil(page, (el) => el.tag === 'button' && el.text === 'Start comparison');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/judge\/jobs\/[0-9a-f-]+$/);

    await expect
      .poll(() => page.getByTestId('judge-live-cases').locator('tbody tr').count(), { timeout: 30_000 })
      .toBe(CASES);
    await expect
      .poll(() => page.getByTestId('job-status').textContent(), { timeout: 30_000 })
      .toBe('completed');
    await page.getByTestId('judge-live-comparison').waitFor();
    await checkView(page, 'judge-compare-live');

    await page.getByRole('link', { name: 'Open the comparison' }).click();
    await page.waitForURL(/#\/judge\/reports\/[0-9a-f-]+$/);
    const id = page.url().split('/').pop()!;
    const stored = await client.get(`/api/tool-eval/judge/reports/${id}`);
    const c = stored.body.report.comparison;
    expect(c.model_a).toBe('sandbox::sandbox-precise');
    expect(c.model_b).toBe('sandbox::sandbox-local-7b');
    const winner =
      c.overall_winner === 'model_a'
        ? `A · ${c.model_a}`
        : c.overall_winner === 'model_b'
          ? `B · ${c.model_b}`
          : 'Tie';
    await expect.poll(() => page.getByTestId('judge-comparison-winner').textContent()).toBe(winner);
    expect(await page.getByTestId('judge-comparison-consistency').textContent()).toBe(
      pct(c.position_consistency),
    );
    expect(await page.getByTestId('judge-comparison-score-a').textContent()).toBe(String(c.score_a));
    expect(await page.getByTestId('judge-comparison-score-b').textContent()).toBe(String(c.score_b));
    expect(await page.getByTestId('judge-comparison-ties').textContent()).toBe(String(c.tie_cases));
    expect(await page.getByTestId('judge-compare-cases').locator('tbody tr').count()).toBe(
      stored.body.report.cases.length,
    );
    await checkView(page, 'judge-compare');

    // The list holds both; deleting one removes it here and in the API.
    await page.goto('/#/judge/reports');
    const rows = page.getByTestId('judge-reports-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    await checkView(page, 'judge-reports');
    await rows.filter({ hasText: 'comparison' }).getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('button', { name: 'Confirm delete' }).click();
    await expect.poll(() => rows.count()).toBe(1);
    const list = await client.get('/api/tool-eval/judge/reports');
    expect(list.body.items.map((r: { id: string }) => r.id)).not.toContain(id);
    expect(list.body.total).toBe(1);
    expectNoPageErrors(studio);
  });

  it("a jury (deep link to the run): inter-judge agreement and each judge's verdicts, as stored", async () => {
    const { page } = studio;
    await page.goto(`/#/judge?run=${runA}`);
    // The run named in the URL is chosen (run A: the only run with sandbox-precise).
    await expect
      .poll(() => page.locator('tr.run-chosen').textContent())
      .toContain('sandbox::sandbox-precise');
    expect(await page.getByRole('radio', { name: /Grade the run of/, checked: true }).count()).toBe(1);
    // Its earlier report (the compare one was deleted) is pointed out.
    await page.getByText('This run already has 1 judge report.').waitFor();
    await page.getByLabel(/Use a jury/).check();
    await page.getByRole('checkbox', { name: /sandbox-creative/ }).check();
    await page.getByRole('button', { name: 'Start grading' }).click();
    await page.waitForURL(/#\/judge\/jobs\//);
    await expect
      .poll(() => page.getByTestId('job-status').textContent(), { timeout: 30_000 })
      .toBe('completed');
    expect(await page.getByTestId('judge-live-verdicts').locator('tbody tr').count()).toBe(2 * 2 * CASES);
    await page.getByRole('link', { name: 'Open the report' }).click();
    await page.waitForURL(/#\/judge\/reports\/[0-9a-f-]+$/);
    const stored = await client.get(`/api/tool-eval/judge/reports/${page.url().split('/').pop()}`);
    expect(stored.body.judge_targets).toHaveLength(2);
    const cards = page.getByTestId('judge-model-report');
    await expect.poll(() => cards.count()).toBe(stored.body.report.models.length);
    for (const [i, m] of stored.body.report.models.entries()) {
      const card = cards.nth(i);
      expect(await card.getByTestId('judge-inter-agreement').textContent()).toBe(
        pct(m.inter_judge_agreement),
      );
      expect(await card.getByTestId('judge-scorer-agreement').textContent()).toBe(pct(m.scorer_agreement));
    }
    // One row per result and judge, with the judge named; a verdict links to the model's stored answer.
    const table = page.getByTestId('judge-report-verdicts');
    expect(await table.locator('tbody tr').count()).toBe(stored.body.verdicts.length);
    expect(await table.getByRole('columnheader', { name: 'Judge' }).count()).toBe(1);
    await table.locator('summary').first().click();
    const answer = table.getByRole('link', { name: "Open the model's answer" }).first();
    expect(await answer.getAttribute('href')).toMatch(new RegExp(`^#/evaluate/history/${runA}/results/`));
    await checkView(page, 'judge-report-jury');
    expectNoPageErrors(studio);
  });
});
