import { workflowDefinitions } from '../../workflows/registry';
import { startApp, type RunningApp } from '../support/app';
import { axeViolations, chooseLanguage, ensureConsoleBuilt, openBrowser, type Browser } from './browser';

const example = (workflow: string) => {
  const definition = workflowDefinitions.find((d) => d.name === workflow)!;
  return { workflow, command: definition.openingCommand, data: definition.commands.find((c) => c.type === definition.openingCommand)!.example as Record<string, unknown> };
};

/**
 * The Cases page of a program office with more cases than one page holds: narrowed by program and
 * region, and read a hundred at a time to the last, in headless Chromium against the real app.
 */
describe('the console: the list of cases', () => {
  jest.setTimeout(120_000);
  let running: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    ensureConsoleBuilt();
    running = await startApp({ start: '2026-03-02T16:00:00Z' });
    const supervisor = await running.as('supervisor', 'supervisor-1');
    const complaint = example('complaint');
    // 104 complaints, one in four from Quebec, and 3 class members of the Restorative Engagement program.
    for (let i = 0; i < 104; i++) {
      const opened = await supervisor.post('/cases', { ...complaint, data: { ...complaint.data, region: i % 4 === 0 ? 'QC' : 'ON' } });
      expect(opened.status).toBe(201);
    }
    const optIn = example('restorative-engagement');
    for (let i = 0; i < 3; i++) expect((await supervisor.post('/cases', optIn)).status).toBe(201);
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
        expect(await table(all).locator('tbody tr').count()).toBe(107);
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
});
