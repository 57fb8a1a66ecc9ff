import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_SUITE } from '../../support/api.js';
import { checkView, expectNoPageErrors, tabUntil } from '../../support/browser.js';
import { signedIn, signedInWithDemoSuite, useStudioStack } from '../../support/web-flows.js';

// page.evaluate callbacks run in the browser (the tests' tsconfig has no DOM lib).
declare const document: any;

const BFCL = resolve(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data', 'bfcl');
const BFCL_FILE = 'BFCL_v4_simple_python.json';

/** The first `n` lines of the BFCL question and answer files, written under their real names. */
function bfclSample(n: number): { questions: string; answers: string } {
  const dir = mkdtempSync(join(tmpdir(), 'suites-bfcl-'));
  const head = (path: string) =>
    readFileSync(path, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .slice(0, n)
      .join('\n') + '\n';
  mkdirSync(join(dir, 'q'));
  mkdirSync(join(dir, 'a'));
  const questions = join(dir, 'q', BFCL_FILE);
  const answers = join(dir, 'a', BFCL_FILE);
  writeFileSync(questions, head(join(BFCL, BFCL_FILE)));
  writeFileSync(answers, head(join(BFCL, 'possible_answer', BFCL_FILE)));
  return { questions, answers };
}

const suiteIdFromUrl = (page: Page) => /#\/suites\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
const caseRows = (page: Page) => page.getByTestId('cases-table').locator('tbody tr');

describe('web suites: list, import, edit cases and tools, BFCL, export', () => {
  const web = useStudioStack({ noWorker: true });

  it('imports the demo suite by pasting it, edits a case with the keyboard and adds a multi-turn case', async () => {
    const studio = await web.open();
    const { page } = studio;
    const { client } = await signedIn(studio, web.stack);

    await page.goto('/#/suites');
    await page.getByRole('heading', { name: 'No suites yet' }).waitFor();
    await checkView(page, 'suites-empty');
    await page.getByRole('link', { name: 'Import a suite' }).first().click();
    await page.waitForURL(/#\/suites\/import/);

    // Invalid JSON is caught before sending; the real document previews its counts.
    const doc = page.getByLabel('Suite JSON');
    await doc.fill('{"name": "x", ');
    await expect.poll(() => page.getByTestId('import-preview').textContent()).toMatch(/Not valid JSON/);
    await expect(page.getByRole('button', { name: 'Import suite' }).isDisabled()).resolves.toBe(true);
    // A case naming a tool the suite lacks: the API's error names the case and field; nothing is created.
    const broken = {
      name: 'Broken',
      tools: DEMO_SUITE.tools,
      test_cases: [{ prompt: 'Fly me', expected_tool: 'fly_to_moon' }],
    };
    await doc.fill(JSON.stringify(broken));
    await page.getByRole('button', { name: 'Import suite' }).click();
    await expect
      .poll(() => page.getByTestId('import-error').textContent())
      .toMatch(/case 1 › expected_tool — tool "fly_to_moon" is not among the tools/);
    expect((await client.get('/api/tool-suites')).body.total).toBe(0);
    await doc.fill(JSON.stringify(DEMO_SUITE, null, 2));
    await expect
      .poll(() => page.getByTestId('import-preview').textContent())
      .toContain(`${DEMO_SUITE.tools.length} tools, ${DEMO_SUITE.test_cases.length} test cases`);
    await checkView(page, 'suites-import-json');
    await page.getByRole('button', { name: 'Import suite' }).click();
    await page.waitForURL(/#\/suites\/[0-9a-f-]{36}\?/);
    const id = suiteIdFromUrl(page);

    // The page shows the same counts as the API.
    const stored = await client.get(`/api/tool-suites/${id}`);
    expect(stored.status).toBe(200);
    await expect
      .poll(() => page.getByTestId('tool-count').textContent())
      .toBe(String(stored.body.tools.length));
    await expect(page.getByTestId('case-count').textContent()).resolves.toBe(
      String(stored.body.test_cases.length),
    );
    await expect.poll(() => caseRows(page).count()).toBe(stored.body.test_cases.length);
    await expect(page.getByRole('status').filter({ hasText: 'Imported' }).textContent()).resolves.toContain(
      `${stored.body.test_cases.length} test cases`,
    );
    await checkView(page, 'suites-cases');

    // Keyboard only: reach case 6's Edit button, open it, the form takes focus.
    const timer = stored.body.test_cases[5];
    expect(timer.prompt).toBe('Set a timer for 10 minutes.');
    await tabUntil(page, (el) => el.label === 'Edit case 6', 120);
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: 'Edit case 6' });
    await form.waitFor();
    await expect(page.getByLabel('Prompt').inputValue()).resolves.toBe(timer.prompt);
    const params = page.getByTestId('case-params');
    await params.fill('{"minutes": ');
    await expect.poll(() => form.getByRole('alert').first().textContent()).toMatch(/Not valid JSON/);
    // A typo in a parameter name is pointed out against the tool's schema.
    await params.fill('{"minuts": 12}');
    await expect
      .poll(() => page.getByTestId('param-warnings').textContent())
      .toContain('"minuts" is not a parameter of set_timer — did you mean "minutes"?');
    await params.fill('{"minutes": 12, "label": "tea"}');
    await expect.poll(() => page.getByTestId('param-warnings').count()).toBe(0);
    await page.getByLabel('Parameter scoring mode').selectOption('numeric_tolerance');
    await page.getByLabel('Epsilon (numeric tolerance)').fill('0.5');
    await checkView(page, 'suites-case-form');
    await form.getByRole('button', { name: 'Save case' }).click();
    await form.waitFor({ state: 'detached' });
    // Focus comes back to the case just edited.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Edit case 6');
    await expect
      .poll(async () => (await client.get(`/api/tool-suites/${id}/cases`)).body.items[5])
      .toMatchObject({
        expected_params: { minutes: 12, label: 'tea' },
        param_scoring: 'numeric_tolerance',
        scoring_config: { epsilon: 0.5 },
      });
    await expect.poll(() => caseRows(page).nth(5).textContent()).toContain('minutes = 12');
    await expect(caseRows(page).nth(5).textContent()).resolves.toMatch(
      /label = "tea".*numeric_tolerance \(ε 0\.5\)/,
    );

    // A new multi-turn case: missing fields are named, then it saves with every multi-turn field.
    await page.getByRole('button', { name: 'Add case' }).click();
    const add = page.getByRole('form', { name: 'New test case' });
    await add.getByRole('button', { name: 'Add case' }).click();
    await expect.poll(() => add.getByText('Write the user prompt the model answers.').count()).toBe(1);
    await page
      .getByLabel('Prompt')
      .fill('Check the weather in Lisbon, then set the thermostat to 20 degrees.');
    await page.getByLabel('Expected tool', { exact: true }).selectOption('set_thermostat');
    await page.getByTestId('case-params').fill('{"temperature": 20}');
    await page.getByLabel('Category').fill('multi_turn');
    await page.getByLabel(/^Multi-turn case/).check();
    await page.getByLabel('Max rounds').fill('3');
    await page.getByLabel('Optimal hops').fill('2');
    await add.getByRole('group', { name: 'Valid prerequisite tools' }).getByLabel('get_weather').check();
    await page.getByTestId('case-mock').fill('{"get_weather": {"city": "Lisbon", "temperature": 20}}');
    await add.getByRole('button', { name: 'Add case' }).click();
    await add.waitFor({ state: 'detached' });
    const after = await client.get(`/api/tool-suites/${id}`);
    expect(after.body.test_cases).toHaveLength(stored.body.test_cases.length + 1);
    expect(after.body.test_cases.at(-1)).toMatchObject({
      expected_tool: 'set_thermostat',
      expected_params: { temperature: 20 },
      category: 'multi_turn',
      multi_turn: true,
      max_rounds: 3,
      optimal_hops: 2,
      valid_prerequisites: ['get_weather'],
      mock_responses: { get_weather: { city: 'Lisbon', temperature: 20 } },
    });
    await expect
      .poll(() => page.getByTestId('case-count').textContent())
      .toBe(String(after.body.test_cases.length));
    await expect.poll(() => caseRows(page).last().textContent()).toContain('multi-turn · 2/3');

    // Copy a case; unsaved edits are not dropped when another case is opened; Escape cancels.
    await page.getByRole('button', { name: 'Duplicate case 3', exact: true }).click();
    const copy = page.getByRole('form', { name: 'New test case (copy of case 3)' });
    await expect(copy.getByLabel('Prompt').inputValue()).resolves.toBe(stored.body.test_cases[2].prompt);
    await copy.getByLabel('Prompt').fill('What is the weather like in Madrid?');
    await page.getByRole('button', { name: 'Edit case 1', exact: true }).click();
    const guard = page.getByRole('alert').filter({ hasText: 'has unsaved changes' });
    await guard.waitFor();
    await guard.getByRole('button', { name: 'Keep editing' }).click();
    await expect(copy.getByLabel('Prompt').inputValue()).resolves.toBe('What is the weather like in Madrid?');
    await copy.getByLabel('Prompt').press('Escape');
    await copy.waitFor({ state: 'detached' });
    expect((await client.get(`/api/tool-suites/${id}/cases`)).body.total).toBe(after.body.test_cases.length);
    expectNoPageErrors(studio);
  });

  it('refuses invalid tools while typing and shows the server’s field errors; edits settings', async () => {
    const studio = await web.open();
    const { page } = studio;
    const { client, suiteId: id } = await signedInWithDemoSuite(studio, web.stack);
    const before = (await client.get(`/api/tool-suites/${id}`)).body;

    await page.goto(`/#/suites/${id}?tab=tools`);
    const editor = page.getByTestId('tools-json');
    await expect.poll(() => editor.inputValue()).toContain('"get_weather"');
    await expect
      .poll(() => page.getByTestId('tools-table').locator('tbody tr').count())
      .toBe(before.tools.length);
    await checkView(page, 'suites-tools');
    const save = page.getByRole('button', { name: 'Save tools' });
    const status = page.getByTestId('tools-status');

    await editor.fill(
      '[{"type": "function", "function": {"name": "bad name!", "parameters": {"type": "dict"}}}]',
    );
    await expect.poll(() => status.textContent()).toContain('tool names use letters, digits, _ and -');
    await expect(status.textContent()).resolves.toContain('type "object"');
    await expect(save.isDisabled()).resolves.toBe(true);
    await editor.fill('[{"type": "function", ');
    await expect.poll(() => status.textContent()).toMatch(/Not valid JSON/);
    await expect(save.isDisabled()).resolves.toBe(true);

    // Valid shape, but cases still expect get_time: the server refuses and the page lists why.
    await editor.fill(JSON.stringify(before.tools.slice(1), null, 2));
    await expect.poll(() => save.isDisabled()).toBe(false);
    await save.click();
    await expect.poll(() => status.textContent()).toContain('case 1: tool "get_time" is not among the tools');
    await expect(status.textContent()).resolves.toContain('case 2: tool "get_time"');
    await expect(
      page.getByRole('alert').filter({ hasText: 'The tools were not saved' }).count(),
    ).resolves.toBe(1);
    const unchanged = (await client.get(`/api/tool-suites/${id}`)).body;
    expect(unchanged.tools).toEqual(before.tools);

    // A valid change saves.
    const renamed = structuredClone(before.tools);
    renamed[0].function.description = 'The local time of the house.';
    await editor.fill(JSON.stringify(renamed, null, 2));
    await save.click();
    await expect
      .poll(async () => (await client.get(`/api/tool-suites/${id}`)).body.tools[0].function.description)
      .toBe('The local time of the house.');

    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Description').fill('Edited through the settings tab.');
    await checkView(page, 'suites-settings');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(async () => (await client.get(`/api/tool-suites/${id}`)).body.description)
      .toBe('Edited through the settings tab.');
    expectNoPageErrors(studio);
  });

  it('imports BFCL files, exports the suite as a file equal to the API export, lists and deletes it', async () => {
    const studio = await web.open();
    const { page } = studio;
    const { client } = await signedIn(studio, web.stack);
    const sample = bfclSample(5);

    await page.goto('/#/suites/import?kind=bfcl');
    await page.getByLabel('Questions file (JSON Lines)').setInputFiles(sample.questions);
    await expect.poll(() => page.getByTestId('bfcl-questions-info').textContent()).toContain('5 questions');
    await expect(page.getByLabel('BFCL file name').inputValue()).resolves.toBe(BFCL_FILE);
    // Without its answers the category cannot be scored: the API's error is shown.
    await page.getByRole('button', { name: 'Import BFCL questions' }).click();
    await expect.poll(() => page.getByTestId('import-error').textContent()).toMatch(/possible_answer/);
    await page.getByLabel('Possible answers file').setInputFiles(sample.answers);
    await expect.poll(() => page.getByTestId('bfcl-answers-info').textContent()).toContain('5 answers');
    await checkView(page, 'suites-import-bfcl');
    await page.getByRole('button', { name: 'Import BFCL questions' }).click();
    await page.waitForURL(/#\/suites\/[0-9a-f-]{36}\?/);
    const id = suiteIdFromUrl(page);
    const stored = (await client.get(`/api/tool-suites/${id}`)).body;
    expect(stored.test_cases).toHaveLength(5);
    expect(stored.source).toMatchObject({ type: 'bfcl', file_name: BFCL_FILE });
    await expect.poll(() => caseRows(page).count()).toBe(5);
    await expect(page.getByTestId('case-count').textContent()).resolves.toBe('5');
    await expect(caseRows(page).first().textContent()).resolves.toContain(stored.test_cases[0].prompt);
    await checkView(page, 'suites-bfcl-cases');

    // Export downloads the API's export document.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const file = JSON.parse(readFileSync(await download.path(), 'utf8'));
    const exported = await client.get(`/api/tool-suites/${id}/export`);
    expect(file).toEqual(exported.body);

    // The list shows the API's numbers; delete empties it.
    await page.getByRole('link', { name: 'Suites', exact: true }).first().click();
    await page.waitForURL(/#\/suites$/);
    const list = (await client.get('/api/tool-suites')).body.items;
    const row = page.getByTestId('suites-table').locator('tbody tr');
    await expect.poll(() => row.count()).toBe(1);
    const cells = await row.first().locator('td').allTextContents();
    expect(cells[0]).toContain(list[0].name);
    expect(cells[1]).toBe(String(list[0].tool_count));
    expect(cells[2]).toBe(String(list[0].case_count));
    expect(cells[3]).toContain(BFCL_FILE);
    await checkView(page, 'suites-list');
    await row.first().getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('button', { name: `Delete “${list[0].name}”` }).click();
    await page.getByRole('heading', { name: 'No suites yet' }).waitFor();
    expect((await client.get('/api/tool-suites')).body.total).toBe(0);

    // Create from scratch: the template tool is valid, the suite opens with it.
    await page.getByRole('link', { name: 'Create one from scratch' }).click();
    await page.getByLabel('Name').fill('Scratch suite');
    await checkView(page, 'suites-new');
    await page.getByRole('button', { name: 'Create suite' }).click();
    await page.waitForURL(/#\/suites\/[0-9a-f-]{36}\?/);
    const created = (await client.get(`/api/tool-suites/${suiteIdFromUrl(page)}`)).body;
    expect(created).toMatchObject({ name: 'Scratch suite', test_cases: [] });
    await expect.poll(() => page.getByTestId('tool-count').textContent()).toBe(String(created.tools.length));

    // A suite that does not exist (or is someone else's) says so and links back.
    await page.goto('/#/suites/00000000-0000-4000-8000-000000000000');
    await page.getByRole('heading', { name: 'Suite not found' }).waitFor();
    await page.getByRole('link', { name: 'Back to your suites' }).click();
    await page.waitForURL(/#\/suites$/);
    expectNoPageErrors(studio);
  });
});
