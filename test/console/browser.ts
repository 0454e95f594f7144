import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { PersonRole } from '../../domain/roles';
import { complaintWorkflow } from '../../workflows/complaint';
import { restorativeEngagementWorkflow } from '../../workflows/restorative-engagement';
import { startApp, type HttpClient, type RunningApp } from '../support/app';

const ROOT = join(__dirname, '..', '..');
const CONSOLE = join(ROOT, 'console');
export const SCREENSHOTS = join(ROOT, 'test-artifacts', 'console');

// A browser test that fails runs once more, and its first failure is printed whatever the second
// gives. On a loaded two-core CI machine, Chromium once held a click on a plainly shown element past
// the 20 s timeout ("waiting for element to be visible, enabled and stable"); 14 runs of that test here,
// beside two CPU-bound processes, did not do it again. A fault that shows every time still fails.
// (Outside jest, as in scripts/screenshots.ts, there is nothing to retry.)
if (typeof jest !== 'undefined') jest.retryTimes(1, { logErrorsBeforeRetry: true });

function newestSource(dir: string): number {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((entry) =>
      entry.isDirectory() ? newestSource(join(dir, entry.name)) : statSync(join(dir, entry.name)).mtimeMs,
    ),
  );
}

/** Builds console/dist when it is missing or older than its sources, before the app looks for it. */
export function ensureConsoleBuilt(): void {
  const index = join(CONSOLE, 'dist', 'index.html');
  const sources = Math.max(newestSource(join(CONSOLE, 'src')), statSync(join(CONSOLE, 'index.html')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(CONSOLE, 'vite.config.mts'), '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
}

export interface Browser {
  readonly context: BrowserContext;
  /**
   * A new tab signed in as this person through the console's own sign-in form. Its clock reads the
   * app's, unless `ownClock`: then it keeps the machine's, months after the app's, as a browser does in a drill.
   */
  signedIn(role: PersonRole, subject?: string, options?: { readonly ownClock?: boolean }): Promise<Page>;
  screenshot(page: Page, name: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Headless Chromium from the system (Debian's package), in a fresh profile that is removed afterwards.
 * `locale` is the browser's own language, which the console follows until a language is chosen.
 */
export async function openBrowser(running: RunningApp, { locale = 'en-CA' }: { locale?: string } = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'mend-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1366, height: 900 },
    acceptDownloads: true,
    locale,
    timezoneId: 'America/Toronto',
  });
  // Fail on a missing element well within the jest test's own time, naming the element.
  context.setDefaultTimeout(20_000);
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    context,
    signedIn: async (role, subject, options = {}) => {
      const page = await context.newPage();
      // The browser's clock reads the app's manual clock, so "time left" is counted from the same now.
      if (!options.ownClock) await page.clock.setFixedTime(running.clock.now());
      await page.goto(running.baseUrl);
      // By the form's ids, so that it signs in whichever language the console opens in.
      await page.locator('#token').fill(await running.token(role, subject));
      await page.locator('.sign-in button[type="submit"]').click();
      await page.locator('header .who strong').waitFor();
      return page;
    },
    screenshot: async (page, name) => {
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * A suite's app and browser: Mend on a fresh data directory with its clock at Monday 2 March 2026,
 * 09:00 in Ottawa, a supervisor's API client and headless Chromium, started before the suite's
 * tests and closed after them. Read its fields inside tests and hooks, once they are started.
 */
export function consoleSuite(): { readonly running: RunningApp; readonly browser: Browser; readonly supervisor: HttpClient } {
  const suite = {} as { running: RunningApp; browser: Browser; supervisor: HttpClient };
  beforeAll(async () => {
    ensureConsoleBuilt();
    suite.running = await startApp({ start: '2026-03-02T14:00:00Z' });
    suite.supervisor = await suite.running.as('supervisor', 'supervisor-1');
    suite.browser = await openBrowser(suite.running);
  }, 120_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.running?.close();
  });
  return suite;
}

/** axe-core's findings on the page, each rule with the first nodes it names: none when the page passes. */
export async function axeViolations(page: Page): Promise<{ rule: string; nodes: string[] }[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

/** Waits until the element is shown, and checks it is. */
export async function expectVisible(locator: ReturnType<Page['locator']>): Promise<void> {
  await locator.waitFor({ state: 'visible' });
  expect(await locator.isVisible()).toBe(true);
}
/**
 * Polls an expression in the page until it is true. Evaluated over the DevTools protocol, which the
 * console's CSP allows; a string predicate of waitForFunction is polled with eval, which it forbids.
 */
export async function waitUntil(page: Page, expression: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate<boolean>(expression))) {
    if (Date.now() > deadline) throw new Error(`Still false after ${timeoutMs} ms: ${expression}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Whether the element has the page's focus. */
export function hasFocus(locator: ReturnType<Page['locator']>): Promise<boolean> {
  return locator.evaluate((element) => element === element.ownerDocument.activeElement);
}

/** Switches the console to a language with its own switch, unless it already shows it. */
export async function chooseLanguage(page: Page, language: 'en' | 'fr'): Promise<void> {
  if ((await documentLanguage(page)) === `${language}-CA`) return;
  await page.locator('button.language').click();
  // A locator, not a string predicate: the console's CSP forbids the eval a polled string predicate needs.
  await page.locator(`html[lang="${language}-CA"]`).waitFor({ state: 'attached' });
}

/** Opens a page of the console (`…/#/cases/<id>`) in `language` and the form of one of its steps, by the step's label: that form. */
export async function stepForm(page: Page, language: 'en' | 'fr', url: string, name: string): Promise<Locator> {
  await chooseLanguage(page, language);
  await page.goto(url);
  await page.getByRole('button', { name, exact: true }).click();
  return page.getByRole('form', { name });
}

export const documentLanguage = (page: Page) => page.evaluate<string>('document.documentElement.lang');

/** A complaint from a complainant named by their own name (the workflow's example otherwise): what POST /cases answered. */
export async function complaintFrom(supervisor: HttpClient, name: string, contact: string): Promise<{ caseId: string; reference: string; position: number }> {
  const example = complaintWorkflow.commands.find((c) => c.type === 'ReceiveComplaint')!.example;
  const opened = await supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: { ...example, complainant: { name, pseudonym: false, contact } } });
  expect(opened.status).toBe(201);
  return opened.body as { caseId: string; reference: string; position: number };
}

/** An information session scheduled with practitioner-1 presenting, and people registered for it by `registrar`: its case id. */
export async function sessionWithRegistrations(supervisor: HttpClient, registrar: HttpClient, names: readonly string[]): Promise<string> {
  const opened = await supervisor.post('/cases', {
    workflow: 'information-session',
    command: 'RequestInformationSession',
    data: { audience: 'classMembers', region: 'ON', topics: ['smsrcServices'] },
  });
  expect(opened.status).toBe(201);
  const caseId = opened.body.caseId as string;
  const scheduled = await supervisor.post(`/cases/${caseId}/commands/ScheduleInformationSession`, {
    startsAt: '2026-03-16T13:00:00-04:00',
    durationMinutes: 90,
    format: 'virtual',
    language: 'bilingual',
    presenterId: 'practitioner-1',
    capacity: 30,
  });
  expect(scheduled.status).toBe(200);
  for (const name of names) {
    const registered = await registrar.post(`/cases/${caseId}/commands/RegisterAttendee`, { attendee: { name, contact: 'someone@example.org', role: 'classMember' } });
    expect(registered.status).toBe(200);
  }
  return caseId;
}

/** A written opt-in 18 days after the claim decision, as in docs/api-examples.md: the workflow's own example of its opening. */
export const RE_OPT_IN: Readonly<Record<string, unknown>> = { ...restorativeEngagementWorkflow.commands.find((c) => c.type === 'ReceiveOptIn')!.example };
