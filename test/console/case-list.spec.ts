import { en, fr } from '../../console/src/i18n/messages';
import { drain, scheduler } from '../sla/sla-support';
import { startApp, type RunningApp } from '../support/app';
import { openingRequest as example } from '../support/openings';
import { axeViolations, chooseLanguage, ensureConsoleBuilt, hasFocus, openBrowser, type Browser } from './browser';

/**
 * A program office with more cases and breaches than one page holds: the Cases page narrowed by
 * program and region and read a hundred at a time to the last, and the SLA dashboard's breaches
 * newest first, in headless Chromium against the real app.
 */
describe('the console: lists longer than a page', () => {
  jest.setTimeout(120_000);
  let running: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    ensureConsoleBuilt();
    running = await startApp({ start: '2026-03-02T16:00:00Z' });
    const supervisor = await running.as('supervisor', 'supervisor-1');
    const complaint = example('complaint');
    // 104 complaints, one in four from Quebec, received on the ten weekdays from 9 to 20 February and
    // never acknowledged, and 3 class members of the Restorative Engagement program.
    const days = [9, 10, 11, 12, 13, 16, 17, 18, 19, 20];
    for (let i = 0; i < 104; i++) {
      const receivedAt = `2026-02-${String(days[i % days.length]).padStart(2, '0')}T09:30:00-05:00`;
      const opened = await supervisor.post('/cases', { ...complaint, data: { ...complaint.data, receivedAt, region: i % 4 === 0 ? 'QC' : 'ON' } });
      expect(opened.status).toBe(201);
    }
    const optIn = example('restorative-engagement');
    for (let i = 0; i < 3; i++) expect((await supervisor.post('/cases', optIn)).status).toBe(201);
    // Every acknowledgement ran out, from 11 to 24 February: 104 breaches.
    await drain(scheduler(running));
    await supervisor.get(`/cases?minPosition=${await running.store.headPosition()}`);
    browser = await openBrowser(running);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it.each([
    ['en', 'Cases', '100 of 107 cases', 'Show 7 more', '107 cases', 'Workflow', 'Restorative Engagement', '3 cases', 'Region', 'Quebec', '26 cases'],
    ['fr', 'Dossiers', '100\u00a0dossiers sur 107', 'Afficher 7 de plus', '107\u00a0dossiers', 'Processus', 'Engagement réparateur', '3\u00a0dossiers', 'Région', 'Québec', '26\u00a0dossiers'],
  ] as const)(
    '(%s) a supervisor reads every open case a hundred at a time, then narrows the list by program and by region',
    async (language, nav, firstPage, more, all, programLabel, program, programCount, regionLabel, region, regionCount) => {
      const page = await browser.signedIn('supervisor', 'supervisor-1');
      try {
        await chooseLanguage(page, language);
        await page.getByRole('navigation').getByRole('link', { name: nav, exact: true }).click();
        const table = (caption: string) => page.getByRole('table', { name: caption });
        await table(firstPage).waitFor();
        expect(await table(firstPage).locator('tbody tr').count()).toBe(100);
        expect(await axeViolations(page)).toEqual([]);

        await page.getByRole('button', { name: more }).click();
        await table(all).waitFor();
        // The added rows drawn, not only the caption that counts them.
        await table(all).locator('tbody tr').nth(106).waitFor();
        expect(await table(all).locator('tbody tr').count()).toBe(107);
        // The focus goes on from the first case added.
        expect(await hasFocus(table(all).locator('tbody tr').nth(100))).toBe(true);
        // Each case once: the second page follows the first.
        const references = await table(all).locator('tbody tr th a code').allTextContents();
        expect(new Set(references).size).toBe(107);
        expect(await page.getByRole('button', { name: more }).count()).toBe(0);

        await page.getByLabel(programLabel).selectOption({ label: program });
        await table(programCount).waitFor();
        expect(await table(programCount).locator('tbody tr th a code').allTextContents()).toEqual([expect.stringMatching(/^RE-/), expect.stringMatching(/^RE-/), expect.stringMatching(/^RE-/)]);

        await page.getByLabel(programLabel).selectOption('');
        await page.getByLabel(regionLabel).selectOption({ label: region });
        await table(regionCount).waitFor();
        expect(await table(regionCount).locator('tbody tr').count()).toBe(26);
        expect(await axeViolations(page)).toEqual([]);
        await chooseLanguage(page, 'en');
      } finally {
        await page.close();
      }
    },
  );

  it.each([
    ['en', /^Feb\s24,\s2026/, 'The 100 most recent are shown; the weekly rates below count them all.', 'The 100 due soonest are shown; the counts above include them all.', 'Show more', en.breachedTitle, en.atRiskTitle],
    [
      'fr',
      /^24\sfévr\.\s2026/,
      'Les 100\u00a0dépassements les plus récents sont affichés\u202f; les taux par semaine ci-dessous les comptent tous.',
      'Les 100\u00a0délais les plus proches sont affichés\u202f; les décomptes ci-dessus les comprennent tous.',
      'Afficher plus',
      fr.breachedTitle,
      fr.atRiskTitle,
    ],
  ] as const)('(%s) a supervisor reads the most recent breaches first, is told each list holds only its first hundred, and reads on', async (language, latest, hint, soonest, showMore, breachedTitle, atRiskTitle) => {
    const page = await browser.signedIn('supervisor', 'supervisor-1');
    try {
      await chooseLanguage(page, language);
      const rows = page.locator('#breached-clocks tbody tr');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(100);
      expect(await rows.first().locator('td').first().textContent()).toMatch(latest);
      // The four cut are the oldest: acknowledgements due on 11 February.
      expect(await rows.filter({ hasText: /^(Feb\s11|11\sfévr\.)/ }).count()).toBe(7);
      expect(await page.getByText(hint, { exact: true }).count()).toBe(1);
      // 104 running clocks (each complaint's response; a class member's case starts none): the at-risk list shows the first 100.
      expect(await page.getByText(soonest, { exact: true }).count()).toBe(1);

      // The rest of each list, on asking: the button says which list it grows, and the focus goes to the first row it adds.
      const more = page.getByRole('button', { name: showMore, exact: true });
      expect(await more.count()).toBe(2);
      await page.getByRole('button', { name: showMore, exact: true, description: breachedTitle }).click();
      await rows.nth(103).waitFor();
      expect(await rows.count()).toBe(104);
      expect(await hasFocus(rows.nth(100))).toBe(true);
      expect(await rows.filter({ hasText: /^(Feb\s11|11\sfévr\.)/ }).count()).toBe(11);
      expect(await page.getByText(hint, { exact: true }).count()).toBe(0);
      const atRisk = page.locator('table.at-risk > tbody > tr');
      await page.getByRole('button', { name: showMore, exact: true, description: atRiskTitle }).click();
      await atRisk.nth(103).waitFor();
      expect(await atRisk.count()).toBe(104);
      expect(await hasFocus(atRisk.nth(100))).toBe(true);
      expect(await page.getByText(soonest, { exact: true }).count()).toBe(0);
      expect(await more.count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await chooseLanguage(page, 'en');
    } finally {
      await page.close();
    }
  });

  it('shows every event of a case longer than a page of its history, on the case page and the audit page alike', async () => {
    const supervisor = await running.as('supervisor', 'supervisor-1');
    const complaint = example('complaint');
    const opened = await supervisor.post('/cases', { ...complaint, data: { ...complaint.data, receivedAt: '2026-03-02T09:30:00-05:00' } });
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId as string;
    // A response clock paused and resumed 510 times: more events than one page of history (1,000) holds.
    for (let i = 0; i < 510; i++) {
      expect((await supervisor.post(`/cases/${caseId}/commands/PauseClock`, { clock: 'response-1', reason: 'Awaiting the complainant.' })).status).toBe(200);
      expect((await supervisor.post(`/cases/${caseId}/commands/ResumeClock`, { clock: 'response-1' })).status).toBe(200);
    }
    const { revision } = (await supervisor.get(`/cases/${caseId}`)).body as { revision: number };
    expect(revision).toBeGreaterThan(1_000);
    for (const [role, path] of [
      ['supervisor', `#/cases/${caseId}`],
      ['auditor', `#/audit/${caseId}`],
    ] as const) {
      const page = await browser.signedIn(role, `${role}-1`);
      try {
        await page.goto(`${running.baseUrl}/${path}`);
        const events = page.locator('.timeline > li');
        await events.first().waitFor();
        expect(await events.count()).toBe(revision + 1);
        // The last event shown is the case's last, by its revision.
        expect(await events.last().textContent()).toContain(String(revision));
      } finally {
        await page.close();
      }
    }
  }, 360_000); // 1,020 commands over HTTP: 17 s alone, above two minutes late in a full run in one process
});
