import type { Page } from 'playwright-core';
import { drain, receiveComplaint, run, scheduler } from '../sla/sla-support';
import { startApp, type HttpClient, type RunningApp } from '../support/app';
import { chooseLanguage, documentLanguage, ensureConsoleBuilt, openBrowser, type Browser } from './browser';

/**
 * Issue 14's "Done means", in Chromium, each journey in English and in French: the inbox a
 * practitioner works from, the breached clocks a supervisor lists, and an auditor's view of a
 * case as of a business date before a late-recorded breach and after it.
 */
describe.each(['en', 'fr'] as const)('casework in the console (%s)', (language) => {
  jest.setTimeout(120_000);
  const fr = language === 'fr';
  /** The acknowledgement clock, by the name its workflow declares in each language. */
  const ACK = fr ? 'Accusé de réception' : 'Acknowledgement';
  let running: RunningApp;
  let browser: Browser;
  let supervisor: HttpClient;
  let lateCase: string;
  let answeredCase: string;

  beforeAll(async () => {
    ensureConsoleBuilt();
    running = await startApp({ start: '2026-03-02T14:00:00Z' }); // Monday 09:00 in Ottawa
    supervisor = await running.as('supervisor', 'supervisor-1');
    lateCase = await receiveComplaint(supervisor, '2026-03-02T09:00:00-05:00');
    await run(supervisor, lateCase, 'AssignHandler', { handlerId: 'practitioner-1' });
    answeredCase = await receiveComplaint(supervisor, '2026-03-02T09:00:00-05:00');
    await run(supervisor, answeredCase, 'AssignHandler', { handlerId: 'practitioner-1' });
    await run(supervisor, answeredCase, 'AcknowledgeComplaint');
    // Nobody acknowledged the first by Wednesday 17:00, and the scheduler was down until Friday: the breach is recorded then.
    running.clock.set('2026-03-06T15:00:00Z');
    await drain(scheduler(running));
    await supervisor.get(`/cases/${lateCase}?minPosition=${await running.store.headPosition()}`);
    browser = await openBrowser(running, { locale: fr ? 'fr-CA' : 'en-CA' });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  const open = async (role: 'practitioner' | 'supervisor' | 'auditor', subject: string, path = ''): Promise<Page> => {
    const page = await browser.signedIn(role, subject);
    await chooseLanguage(page, language);
    if (path) await page.goto(`${running.baseUrl}/${path}`);
    expect(await documentLanguage(page)).toBe(language);
    return page;
  };

  it('a practitioner’s inbox lists their cases by the next due clock, with what each waits for and the steps they may take', async () => {
    const page = await open('practitioner', 'practitioner-1');
    try {
      const table = page.locator('table.inbox');
      await table.waitFor();
      const rows = table.locator('tbody tr');
      expect(await rows.count()).toBe(2);
      // The overdue acknowledgement first, then the response due weeks later.
      expect(await rows.nth(0).locator('th a').textContent()).toContain(lateCase.slice(0, 8));
      expect(await rows.nth(0).locator('td').first().textContent()).toContain(ACK);
      expect(await rows.nth(0).getAttribute('class')).toBe('overdue');
      expect(await rows.nth(0).locator('td').nth(1).textContent()).toContain(fr ? 'Accuser réception' : 'Acknowledge');
      expect(await rows.nth(1).locator('th a').textContent()).toContain(answeredCase.slice(0, 8));
      expect(await rows.nth(1).locator('td').nth(1).textContent()).toContain(fr ? 'Répondre' : 'Respond');
      await page.getByRole('link', { name: new RegExp(lateCase) }).click();
      await page.locator('.timeline').waitFor();
    } finally {
      await page.close();
    }
  });

  it('a supervisor lists the breached clocks, the workload of each person and the on-time rate by week', async () => {
    const page = await open('supervisor', 'supervisor-1', '#/sla');
    try {
      await page.getByRole('heading', { name: fr ? 'Délais dépassés' : 'Breached clocks' }).waitFor();
      const breached = page.locator('#breached-clocks tbody tr');
      expect(await breached.count()).toBe(1);
      expect(await breached.first().textContent()).toContain(lateCase.slice(0, 8));
      expect(await breached.first().textContent()).toContain(ACK);
      // Ran out at its due time, Wednesday 17:00, though recorded on Friday.
      expect(await breached.first().locator('td').first().textContent()).toMatch(fr ? /4 mars 2026/ : /Mar 4, 2026/);
      const practitioner = page.locator('#workload tbody tr', { hasText: 'practitioner-1' });
      expect(await practitioner.locator('td').allTextContents()).toEqual(['2', '2', '0', '0', '1', expect.any(String)]);
      const week = page.locator('#weeks tbody tr').last();
      expect(await week.locator('td').allTextContents()).toEqual(['1', '0', '1', fr ? '50\u00a0%' : '50%']);
    } finally {
      await page.close();
    }
  });

  it('an auditor sees the case as of a business date before the late-recorded breach and after it', async () => {
    const page = await open('auditor', 'auditor-1', `#/audit/${lateCase}`);
    try {
      await page.locator('[data-testid="as-of-view"]').waitFor();
      expect(await page.getByRole('radio', { name: fr ? /Temps opérationnel/ : /Business time/ }).isChecked()).toBe(true);
      const showAt = async (local: string) => {
        const before = await page.locator('[data-testid="as-of-instant"]').textContent();
        await page.locator('#as-of-typed').fill(local);
        await page.locator('#as-of-typed').press('Enter');
        await page.waitForFunction(`document.querySelector('[data-testid="as-of-instant"]')?.textContent !== ${JSON.stringify(before)}`);
        await page.locator('[data-testid="as-of-view"]').waitFor();
      };
      const acknowledgement = page.locator('table.clocks tbody tr', { hasText: ACK });

      // Wednesday noon: the clock still runs.
      await showAt('2026-03-04T12:00');
      await page.locator('[data-testid="derived-breaches"]').waitFor({ state: 'detached' });
      expect(await acknowledgement.locator('td').first().textContent()).toMatch(fr ? /en cours/ : /running/);

      // Thursday noon: past its due time, before the scheduler recorded the breach on Friday.
      await showAt('2026-03-05T12:00');
      const derived = page.locator('[data-testid="derived-breaches"]');
      await derived.waitFor();
      expect(await acknowledgement.locator('td').first().textContent()).toMatch(fr ? /dépassé/ : /breached/);
      expect(await derived.textContent()).toMatch(
        fr ? /Dépassé à ce moment.*Le dépassement a été enregistré plus tard, le 6 mars 2026/ : /Breached as of this moment.*The breach was recorded later, on Mar 6, 2026/,
      );
      // The later events are shown apart in the history.
      expect(await page.locator('.timeline li.later').count()).toBeGreaterThan(0);

      // The same moment on the recorded axis: what the log held on Thursday noon, the breach not in it yet, and the screen says so.
      const moment = await page.locator('[data-testid="as-of-instant"]').textContent();
      const answered = page.waitForResponse((response) => response.url().includes('axis=recorded'));
      await page.getByRole('radio', { name: fr ? /Temps d’enregistrement/ : /Recorded time/ }).check();
      await answered;
      expect(await page.locator('[data-testid="as-of-instant"]').textContent()).toBe(moment);
      await derived.waitFor();
      expect(await derived.textContent()).toMatch(fr ? /enregistré plus tard/ : /recorded later/);
      await browser.screenshot(page, `done-means-auditor-${language}`);
    } finally {
      await page.close();
    }
  });
});
