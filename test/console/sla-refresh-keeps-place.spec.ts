import type { Page } from 'playwright-core';
import { en, fr } from '../../console/src/i18n/messages';
import { drain, receiveComplaint, run, scheduler } from '../sla/sla-support';
import { chooseLanguage, consoleSuite, hasFocus } from './browser';

/**
 * A live alert reads the SLA dashboard's lists again in place: a list the supervisor read further
 * than its first page keeps the rows they loaded and the focus, and a Reassign form they are filling
 * in stays open with what they typed, even when the refresh takes its clock off the at-risk list.
 */
describe('the console: the SLA dashboard keeps the supervisor’s place when an alert reads its lists again', () => {
  jest.setTimeout(240_000);
  const suite = consoleSuite();
  /** Cases whose acknowledgement runs out before the others', each reassigned: on Monday at 17:00, and on Tuesday at 17:00. */
  let monday: { caseId: string; reference: string };
  let soonest: { caseId: string; reference: string };
  /** Received this morning: acknowledged by someone else while the supervisor reassigns it. */
  let today: { caseId: string; reference: string };
  let running: number;

  const reference = async (caseId: string) => (await suite.supervisor.get(`/cases/${caseId}`)).body.reference as string;
  const runningClocks = async () => ((await suite.supervisor.get('/sla/clocks?status=running&limit=500')).body.items as unknown[]).length;

  beforeAll(async () => {
    const received = async (at: string) => {
      const caseId = await receiveComplaint(suite.supervisor, at);
      return { caseId, reference: await reference(caseId) };
    };
    // Received on Thursday and on Friday: acknowledgements due today and tomorrow at 17:00.
    monday = await received('2026-02-26T09:00:00-05:00');
    soonest = await received('2026-02-27T09:00:00-05:00');
    // Received this morning, each with two running clocks (acknowledgement and response): more than the at-risk list's first hundred.
    today = await received('2026-03-02T08:30:00-05:00');
    for (let i = 0; i < 54; i++) await receiveComplaint(suite.supervisor, '2026-03-02T08:30:00-05:00');
    await drain(scheduler(suite.running));
    running = await runningClocks();
    expect(running).toBeGreaterThan(100);
  }, 180_000);

  /** A complaint received the week before and never acknowledged, which the scheduler finds breached: an alert on every open dashboard. */
  async function breach(): Promise<string> {
    const caseId = await receiveComplaint(suite.supervisor, '2026-02-23T09:00:00-05:00');
    await drain(scheduler(suite.running));
    return reference(caseId);
  }

  async function dashboard(language: 'en' | 'fr'): Promise<Page> {
    const page = await suite.browser.signedIn('supervisor', 'supervisor-1');
    await chooseLanguage(page, language);
    await page.goto(`${suite.running.baseUrl}/#/sla`);
    await page.locator('table.at-risk tbody tr', { hasText: soonest.reference }).first().waitFor();
    await page.locator('.stream-live').waitFor();
    return page;
  }

  it.each([
    ['en', en],
    ['fr', fr],
  ] as const)('(%s) keeps the rows read past the first page, and the focus on them, and says the lists were read again', async (language, t) => {
    const page = await dashboard(language);
    try {
      const rows = page.locator('table.at-risk > tbody > tr');
      await page.getByRole('button', { name: t.showMore, exact: true, description: t.atRiskTitle }).click();
      const before = await runningClocks();
      await rows.nth(before - 1).waitFor();
      // The focus went to the first row added: the supervisor reads on from there.
      const focused = rows.nth(100);
      expect(await hasFocus(focused)).toBe(true);
      await page.evaluate('window.focusedRow = document.activeElement');
      const second = (await rows.evaluateAll((trs) => trs.slice(100).map((tr) => tr.textContent ?? ''))).filter((text) => text.length > 0);
      expect(second.length).toBe(before - 100);

      const added = await breach();
      const live = page.getByTestId('live-alerts');
      await live.locator('li.breach').first().waitFor();
      // The at-risk list was read again: the new case's response clock is on it…
      await rows.filter({ hasText: added }).first().waitFor();
      // …every row loaded before is still shown, the new one besides, and the focus where it was…
      await rows.nth(before).waitFor();
      const after = await rows.evaluateAll((trs) => trs.map((tr) => tr.textContent ?? ''));
      expect(second.filter((text) => !after.includes(text))).toEqual([]);
      expect(await page.evaluate<boolean>('window.focusedRow.isConnected && document.activeElement === window.focusedRow')).toBe(true);
      // …and it is said in the live region the alerts are announced in, not one of its own.
      await live.getByText(t.listsReadAgain('').split(',')[0]!).waitFor();
      expect(await page.locator('[aria-live]').count()).toBe(1);
    } finally {
      await chooseLanguage(page, 'en');
      await page.close();
    }
  });

  it('(fr) says in French that the form’s clock left the list, and closes the form when asked', async () => {
    const page = await dashboard('fr');
    try {
      await page.getByRole('button', { name: `Réattribuer le dossier ${monday.reference}` }).first().click();
      const form = page.getByRole('form', { name: 'Attribuer la plainte' });
      const handler = form.getByLabel(/^Responsable de la plainte/);
      await handler.fill('practitioner-3');

      // Monday 17:00 has passed: its acknowledgement breaches.
      suite.running.clock.set('2026-03-02T23:00:00Z');
      await drain(scheduler(suite.running));
      const left = page.getByTestId('reassign-left');
      await left.getByText(fr.leftAtRisk(monday.reference)).waitFor();
      expect(await handler.inputValue()).toBe('practitioner-3');
      await left.getByRole('button', { name: fr.closeForm }).click();
      await left.waitFor({ state: 'detached' });
      expect(await page.getByRole('form', { name: 'Attribuer la plainte' }).count()).toBe(0);
      expect((await suite.supervisor.get(`/cases/${monday.caseId}`)).body.assignees).toEqual([]);
    } finally {
      await chooseLanguage(page, 'en');
      await page.close();
    }
  });

  it('keeps a Reassign form open, with what was typed, when its clock breaches and leaves the at-risk list, and records the reassignment sent from it', async () => {
    const page = await dashboard('en');
    try {
      await page.getByRole('button', { name: `Reassign case ${soonest.reference}` }).first().click();
      const form = page.getByRole('form', { name: 'Assign a handler' });
      const handler = form.getByLabel(/^Handler/);
      await handler.fill('practitioner-2');

      // Tuesday 17:00 has passed: the acknowledgement breaches, and moves from the at-risk list to the breached one.
      suite.running.clock.set('2026-03-03T23:00:00Z');
      await drain(scheduler(suite.running));
      await page.locator('#breached-clocks tbody tr', { hasText: soonest.reference }).first().waitFor();
      const left = page.getByTestId('reassign-left');
      await left.getByText(en.leftAtRisk(soonest.reference)).waitFor();
      expect(await handler.inputValue()).toBe('practitioner-2');
      expect(await hasFocus(handler)).toBe(true);

      // What the breach recorded is the scheduler's alone: the API takes the reassignment as the form was opened, and the form says it was recorded.
      await form.getByRole('button', { name: 'Assign a handler' }).click();
      await page.locator('p.notice[role="status"]', { hasText: soonest.reference }).waitFor();
      const assignees = (await suite.supervisor.get(`/cases/${soonest.caseId}`)).body.assignees as string[];
      expect(assignees).toEqual(['practitioner-2']);
    } finally {
      await page.close();
    }
  });

  it('opens the form again on the case as it is now, with what was typed, when someone else recorded a step on it meanwhile', async () => {
    const page = await dashboard('en');
    try {
      await page.getByRole('button', { name: `Reassign case ${today.reference}` }).first().click();
      const form = page.getByRole('form', { name: 'Assign a handler' });
      await form.getByLabel(/^Handler/).fill('practitioner-4');

      // Acknowledged by someone else: its acknowledgement clock is met, and an alert reads the lists again.
      await run(suite.supervisor, today.caseId, 'AcknowledgeComplaint');
      await breach();
      await page.getByTestId('reassign-left').getByText(en.leftAtRisk(today.reference)).waitFor();
      expect(await form.getByLabel(/^Handler/).inputValue()).toBe('practitioner-4');

      // A person's step came between: the API refuses the form as opened (409), and the form opens again on the case, what was typed kept.
      await form.getByRole('button', { name: 'Assign a handler' }).click();
      await form.getByText(en.caseChangedMeanwhile).waitFor();
      expect(await form.getByLabel(/^Handler/).inputValue()).toBe('practitioner-4');
      await form.getByRole('button', { name: 'Assign a handler' }).click();
      await page.locator('p.notice[role="status"]', { hasText: today.reference }).waitFor();
      expect((await suite.supervisor.get(`/cases/${today.caseId}`)).body.assignees).toEqual(['practitioner-4']);
    } finally {
      await page.close();
    }
  });
});
