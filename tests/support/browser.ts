import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { api } from './api.js';

// page.evaluate callbacks run in the browser: its globals, typed loosely here (the tests' tsconfig has no DOM lib).
declare const window: any, document: any, localStorage: any;

const REPO = resolve(import.meta.dirname, '..', '..');
const WEB_DIST = join(process.env.WEB_DIR ?? join(REPO, 'services', 'web', 'dist'), 'index.html');
export const SCREENSHOTS = join(REPO, 'tests', 'e2e', 'screenshots');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const PASSWORD = 'correct horse battery';

export const DESKTOP = { width: 1280, height: 800 };
export const NARROW = { width: 390, height: 844 };

/** The gateway serves services/web/dist: build it when a test runs before `pnpm build` did. */
export function ensureWebBuilt(): void {
  if (existsSync(WEB_DIST)) return;
  if (process.env.WEB_DIR) throw new Error(`WEB_DIR=${process.env.WEB_DIR} holds no index.html`);
  execFileSync('pnpm', ['--filter', '@llmbench/web', 'build'], { cwd: REPO, stdio: 'inherit' });
}

/**
 * Debian's Chromium, headless, with the flags that keep it off the (closed) network
 * (`CHROMIUM_PATH` overrides where it is).
 */
export async function launchBrowser(): Promise<Browser> {
  ensureWebBuilt();
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export type Studio = { context: BrowserContext; page: Page; errors: string[] };

/**
 * A fresh browser context (own storage) on the Studio. Page errors and failed API answers the
 * page did not expect are collected in `errors`; `expectNoPageErrors` checks them.
 */
export async function openStudio(browser: Browser, baseUrl: string, viewport = DESKTOP): Promise<Studio> {
  const context = await browser.newContext({ viewport, baseURL: baseUrl });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !/Failed to load resource/.test(msg.text()))
      errors.push(`console: ${msg.text()}`);
  });
  page.setDefaultTimeout(30_000);
  await page.goto('/');
  return { context, page, errors };
}

export function expectNoPageErrors(studio: Studio): void {
  expect(studio.errors).toEqual([]);
}

/** Registers a new user through the sign-in page and waits for the app. Returns the email. */
export async function signUp(
  page: Page,
  email = `web-${Math.random().toString(16).slice(2, 10)}@test.io`,
): Promise<string> {
  await page.goto('/#/');
  await page.getByRole('button', { name: 'Create an account' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
  return email;
}

/** An API client acting as the page's signed-in user (to compare the page with the API). */
export async function apiAsPage(page: Page, baseUrl: string) {
  const token = await page.evaluate(
    () => JSON.parse(localStorage.getItem('lbs.session') ?? '{}').access_token as string,
  );
  return api(baseUrl, token);
}

/** Saves `tests/e2e/screenshots/<name>.png` (full page). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // A sticky header would be painted mid-image on a full-page capture: unstick it for the shot.
  const sticky = await page.evaluate(() => {
    const bar = document.querySelector('.topbar');
    if (bar) bar.style.position = 'static';
    return !!bar;
  });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  if (sticky) await page.evaluate(() => document.querySelector('.topbar').style.removeProperty('position'));
}

/**
 * Runs axe-core's WCAG 2 A/AA rules (contrast, names, labels, keyboard traps …) on the page and
 * fails on any serious or critical violation, listing each with its element.
 */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // Evaluated through the debugging protocol, which the page's CSP does not apply to.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<any> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
    return (result.violations as any[])
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id}: ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n: any) => n.target.join(' '))
            .join(', ')}`,
      );
  });
  expect(violations, `accessibility violations on ${label}`).toEqual([]);
}

/** Nothing wider than the window: the view works on a narrow screen without sideways scrolling of the page. */
export async function expectNoHorizontalOverflow(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${label} is wider than the window`).toBeLessThanOrEqual(1);
}

/** Screenshot + accessibility + narrow-window check of the current view (restores the viewport). */
export async function checkView(page: Page, name: string): Promise<void> {
  await expectAccessible(page, name);
  await screenshot(page, name);
  const size = page.viewportSize() ?? DESKTOP;
  await page.setViewportSize(NARROW);
  await expectNoHorizontalOverflow(page, name);
  await expectAccessible(page, `${name} (narrow)`);
  await screenshot(page, `${name}-narrow`);
  await page.setViewportSize(size);
}

/** Moves focus with Tab until `predicate` holds for the focused element (keyboard-only use). */
export async function tabUntil(
  page: Page,
  predicate: (el: { tag: string; text: string; label: string | null }) => boolean,
  max = 60,
): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const el = await page.evaluate(() => {
      const a = document.activeElement;
      return {
        tag: a?.tagName.toLowerCase() ?? '',
        text: (a?.innerText ?? '').trim(),
        label: a?.getAttribute('aria-label') ?? null,
      };
    });
    if (predicate(el)) return;
  }
  throw new Error('keyboard focus never reached the element');
}
