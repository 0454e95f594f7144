import type { Page } from 'playwright-core';
import { ManualClock } from '../../src/clock/clock';
import { startApp, type HttpClient, type RunningApp } from '../support/app';
import { receiveComplaint, run } from '../sla/sla-support';
import { chooseLanguage, ensureConsoleBuilt, openBrowser, type Browser } from './browser';

const HOUR = 3_600_000;

/** A clock that moves on a little each time it is read, as time does: a step is recorded a few milliseconds after it occurred. */
class TickingClock extends ManualClock {
  override now(): Date {
    const now = super.now();
    this.advance(2);
    return now;
  }
}

const words = {
  en: { recorded: /Recorded time/, business: /Business time/, received: 'Received', future: /The moment asked for \(asOf, Dec\s1,\s2026,\s12:00\sp\.m\.\sEST\) is later than now/ },
  fr: { recorded: /Temps d’enregistrement/, business: /Temps opérationnel/, received: 'Reçue', future: /Le moment demandé \(asOf, 1er\sdéc\.\s2026,\s12\sh\sHNE\) est postérieur à maintenant/ },
} as const;

/** Waits until the view shown is of the moment and axis asked for. */
const settled = (page: Page) => page.locator('[data-testid="as-of-view"][aria-busy="false"]').waitFor();

/** The slider at its first stop, the case shown as it was received. */
async function firstMoment(page: Page, language: 'en' | 'fr'): Promise<void> {
  await page.locator('#as-of-slider').focus();
  await page.keyboard.press('Home');
  await page.getByTestId('as-of-state').getByText(words[language].received, { exact: true }).waitFor();
  await settled(page);
}

/**
 * The auditor's case as of a moment asks the API only for moments the case has on the axis chosen,
 * and never shows a view under a moment it is not of: a moment the API refuses shows its refusal alone.
 */
describe('the console: the moment of the auditor’s view', () => {
  jest.setTimeout(180_000);
  let running: RunningApp;
  let browser: Browser;
  let supervisor: HttpClient;
  let caseId: string;
  let history: { type: string; occurredAt: string; recordedAt: string }[];

  beforeAll(async () => {
    ensureConsoleBuilt();
    running = await startApp({ clock: new TickingClock('2026-03-02T14:00:00Z') });
    supervisor = await running.as('supervisor', 'supervisor-1');
    caseId = await receiveComplaint(supervisor, '2026-03-02T09:00:00-05:00');
    running.clock.advance(2 * HOUR);
    await run(supervisor, caseId, 'AcknowledgeComplaint', { method: 'email' });
    running.clock.advance(2 * HOUR);
    await run(supervisor, caseId, 'AssignHandler', { handlerId: 'practitioner-1' });
    history = (await supervisor.get(`/cases/${caseId}/history`)).body.items;
    browser = await openBrowser(running);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  async function auditPage(language: 'en' | 'fr'): Promise<Page> {
    const page = await browser.signedIn('auditor', 'auditor-1');
    await chooseLanguage(page, language);
    await page.goto(`${running.baseUrl}/#/audit/${caseId}`);
    await settled(page);
    return page;
  }

  it.each(['en', 'fr'] as const)(
    '(%s) the recorded axis chosen at the first business moment, before the log recorded it, shows the case as the log first held it',
    async (language) => {
      // The opening step occurred a moment before the log recorded it, as every step does.
      expect(Date.parse(history[0]!.recordedAt)).toBeGreaterThan(Date.parse(history[0]!.occurredAt));
      const page = await auditPage(language);
      try {
        await firstMoment(page, language);

        const answered = page.waitForResponse((response) => response.url().includes('axis=recorded'));
        await page.getByRole('radio', { name: words[language].recorded }).check();
        const response = await answered;
        // Asked at the first instant the log recorded, not at the business moment before it (which the API refuses).
        expect(response.status()).toBe(200);
        expect(new Date(new URL(response.url()).searchParams.get('asOf')!).toISOString()).toBe(new Date(history[0]!.recordedAt).toISOString());
        await settled(page);
        expect(await page.locator('.as-of [role="alert"]').count()).toBe(0);
        expect(await page.getByTestId('as-of-state').textContent()).toBe(words[language].received);
        expect(await page.locator('#as-of-slider').inputValue()).toBe('0');

        // And back: the moment is on the business axis too, kept.
        const back = page.waitForResponse((r) => r.url().includes('axis=business'));
        await page.getByRole('radio', { name: words[language].business }).check();
        expect((await back).status()).toBe(200);
        await settled(page);
        expect(await page.locator('.as-of [role="alert"]').count()).toBe(0);
      } finally {
        await page.close();
      }
    },
  );

  it.each(['en', 'fr'] as const)('(%s) a moment the API refuses shows its refusal, and no view of the moment before', async (language) => {
    const page = await auditPage(language);
    try {
      // An earlier moment, whose later events the history shows apart.
      await firstMoment(page, language);
      expect(await page.locator('.timeline li.later').count()).toBeGreaterThan(0);

      // A moment to come: the API refuses it.
      const answered = page.waitForResponse((response) => response.url().includes('/state?asOf='));
      await page.locator('#as-of-typed').fill('2026-12-01T12:00');
      await page.locator('#as-of-typed').press('Enter');
      expect((await answered).status()).toBe(400);
      const refusal = page.locator('.as-of [role="alert"]');
      await refusal.waitFor();
      // Its times as people read them, not as the API writes them.
      expect(await refusal.textContent()).toMatch(words[language].future);
      expect(await refusal.textContent()).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
      expect(await page.getByTestId('as-of-view').count()).toBe(0);
      // Nor does the history mark events as later than a moment no view is of.
      expect(await page.locator('.timeline li.later').count()).toBe(0);

      // A moment the case has: its view again, the refusal gone.
      await page.locator('#as-of-slider').focus();
      await page.keyboard.press('End');
      await settled(page);
      expect(await refusal.count()).toBe(0);
    } finally {
      await page.close();
    }
  });
});
