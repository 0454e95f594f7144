import { workflowDefinitions } from '../../workflows/registry';
import { startApp, type RunningApp } from '../support/app';
import { ensureConsoleBuilt, openBrowser, type Browser } from './browser';

const ro = workflowDefinitions.find((d) => d.name === 'restorative-opportunities')!;
const example = (command: string) => ro.commands.find((c) => c.type === command)!.example;

/**
 * The console offers each role its own pages from one table: an RO mediator lands on their caseload
 * (their RO cases only), an RO auditor on the audit list (RO cases only), each named in the header
 * in the console's language.
 */
describe('the console for RO mediators and RO auditors, in headless Chromium', () => {
  jest.setTimeout(90_000);
  let running: RunningApp;
  let browser: Browser;
  const cases: string[] = [];

  beforeAll(async () => {
    ensureConsoleBuilt();
    running = await startApp({ start: '2026-03-02T15:00:00Z' });
    const rju = await running.as('rju', 'rju-1');
    for (const mediatorId of ['mediator-1', 'mediator-2']) {
      const opened = await rju.post('/cases', { workflow: ro.name, command: 'ReceiveReferral', data: example('ReceiveReferral') });
      const caseId = opened.body.caseId as string;
      cases.push(caseId);
      expect((await rju.post(`/cases/${caseId}/commands/BeginIntakeAssessment`, { intakeOfficerId: 'rju-1' })).status).toBe(200);
      expect((await rju.post(`/cases/${caseId}/commands/AssessIntake`, example('AssessIntake'))).status).toBe(200);
      expect((await rju.post(`/cases/${caseId}/commands/AssignMediator`, { mediatorId })).status).toBe(200);
    }
    browser = await openBrowser(running);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('a mediator lands on their caseload, with only their case, and opens it to act on it', async () => {
    const page = await browser.signedIn('mediator', 'mediator-1');
    await page.locator('table.cases').waitFor();
    expect(await page.locator('header .who').innerText()).toContain('Restorative Opportunities mediator');
    expect(await page.locator('nav a').allInnerTexts()).toEqual(['My caseload', 'Cases', 'Search']);
    const links = await page.locator('table.cases a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(links.some((href) => href.includes(cases[0]!))).toBe(true);
    expect(links.some((href) => href.includes(cases[1]!))).toBe(false);
    // Searched by the victim's name, which both referrals record: only their own case.
    await page.getByRole('link', { name: 'Search' }).click();
    await page.getByRole('searchbox').fill('Sam Tremblay');
    await page.getByRole('searchbox').press('Enter');
    await page.locator('table.cases').waitFor();
    const found = await page.locator('table.cases a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect([found.some((href) => href.includes(cases[0]!)), found.some((href) => href.includes(cases[1]!))]).toEqual([true, false]);
    // Every case of theirs, closed ones too: theirs alone.
    await page.getByRole('navigation').getByRole('link', { name: 'Cases' }).click();
    expect(await page.getByLabel('Show', { exact: true }).locator('option').allInnerTexts()).toContain('Closed cases');
    await page.locator('table.cases').waitFor();
    const listed = await page.locator('table.cases a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect([listed.some((href) => href.includes(cases[0]!)), listed.some((href) => href.includes(cases[1]!))]).toEqual([true, false]);
    await page.goto(`${running.baseUrl}/#/cases/${cases[0]}`);
    await page.locator('.timeline').waitFor();
    await page.close();
  });

  it('an RO auditor lands on the audit list of RO cases, named in French when the console is in French', async () => {
    const page = await browser.signedIn('roAuditor', 'ro-auditor-1');
    await page.locator('table.cases').waitFor();
    expect(await page.locator('nav a').allInnerTexts()).toEqual(['Audit', 'Search', 'Reads']);
    const links = await page.locator('table.cases a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(cases.every((id) => links.some((href) => href.includes(id)))).toBe(true);
    await page.getByRole('button', { name: 'Français' }).click();
    await page.locator('html[lang="fr-CA"]').waitFor();
    expect(await page.locator('header .who').innerText()).toContain('(vérificatrice ou vérificateur des Possibilités de justice réparatrice)');
    await page.close();
  });

  it.each([
    ['auditor', 'auditor-1'],
    ['roAuditor', 'ro-auditor-1'],
    ['supervisor', 'supervisor-1'],
    ['rju', 'rju-1'],
  ] as const)('offers the %s only the programs whose cases the role may read in the list’s program filter', async (role, id) => {
    const page = await browser.signedIn(role, id);
    try {
      await page.goto(`${running.baseUrl}/#/cases`);
      const filter = page.locator('#case-workflow option');
      await filter.nth(1).waitFor({ state: 'attached' });
      const offered = (await filter.evaluateAll((options) => options.map((o) => o.getAttribute('value') ?? ''))).filter((value) => value !== '');
      const readable = workflowDefinitions.filter((d) => !['hidden', 'denied'].includes(d.readScope[role])).map((d) => d.name);
      expect(offered.sort()).toEqual(readable.sort());
      expect(offered.includes(ro.name)).toBe(ro.readScope[role] === 'all');
    } finally {
      await page.close();
    }
  });
});
