import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { drain, receiveComplaint, run, scheduler } from '../sla/sla-support';
import { axeViolations, chooseLanguage, consoleSuite, expectVisible, RE_OPT_IN } from './browser';

const HOUR = 3_600_000;

const optIn = RE_OPT_IN;

/** The RO referral of docs/api-examples.md: only `rju` may know it exists. */
const referral = {
  source: 'victim',
  region: 'ON',
  receivedAt: '2026-03-02T09:00:00-05:00',
  victimRegistered: true,
  victim: { name: 'Sam Tremblay', contact: 'sam.tremblay@example.org' },
  offender: { name: 'Jordan Roy', fpsNumber: '123456A' },
};

describe('the Mend console in headless Chromium, against the real app on SQLite', () => {
  jest.setTimeout(90_000);
  const suite = consoleSuite();

  const caseView = async (caseId: string) => {
    const view = await suite.supervisor.get(`/cases/${caseId}?minPosition=${await suite.running.store.headPosition()}`);
    expect(view.status).toBe(200);
    return view.body;
  };

  it('serves the console shell at / without a token, and asks for one', async () => {
    const response = await fetch(`${suite.running.baseUrl}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await response.text()).toContain('<div id="app"></div>');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    const openapi = (await (await fetch(`${suite.running.baseUrl}/openapi.json`)).json()) as { paths: Record<string, any> };
    expect(openapi.paths['/']?.get?.security).toEqual([]);
    const page = await suite.browser.context.newPage();
    await page.goto(suite.running.baseUrl);
    await expectVisible(page.getByLabel('Access token'));
    await page.getByLabel('Access token').fill('not a token');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectVisible(page.getByText('This is not a Mend token'));
    await page.close();
  });

  it('a practitioner advances a case through a generated form, seeing the API’s field errors beside the fields', async () => {
    const caseId = await receiveComplaint(suite.supervisor, '2026-03-02T09:00:00-05:00');
    await run(suite.supervisor, caseId, 'AcknowledgeComplaint', { method: 'email' });
    await run(suite.supervisor, caseId, 'AssignHandler', { handlerId: 'practitioner-1' });

    const page = await suite.browser.signedIn('practitioner', 'practitioner-1');
    await expectVisible(page.getByRole('heading', { name: 'My caseload' }));
    await expectVisible(page.locator(`main a[href="#/cases/${caseId}"]`));
    await suite.browser.screenshot(page, 'practitioner-caseload');
    await page.locator(`main a[href="#/cases/${caseId}"]`).click();
    expect(await page.getByTestId('case-state').textContent()).toBe('Under review');
    expect(await page.locator('.state[aria-current="step"] .state-name').textContent()).toContain('Under review');
    await expectVisible(page.getByRole('table', { name: /Clocks/ }).getByText('Response, level 1'));
    await expectVisible(page.getByRole('cell', { name: /≈\s\d+ business days/ }).first());
    await expectVisible(page.locator('.timeline').getByText('Handler assigned'));

    const revision = (await caseView(caseId)).revision;
    await page.getByRole('button', { name: 'Respond', exact: true }).click();
    const form = page.getByRole('form', { name: 'Respond' });
    await form.getByRole('button', { name: 'Respond' }).click();
    // Sent empty: the API's 400 names data.response, shown beside that field and in the summary.
    await expectVisible(form.locator('#cmd-Respond-response-error'));
    expect(await form.locator('#cmd-Respond-response').getAttribute('aria-invalid')).toBe('true');
    expect((await caseView(caseId)).revision).toBe(revision);
    expect(await unlabelledControls(page)).toEqual([]);
    await suite.browser.screenshot(page, 'practitioner-field-errors');

    await form.getByLabel(/^Response \(required\)/).fill('We rebooked your preparation meeting for next week.');
    await form.getByLabel(/^Name/).fill('Alex Tremblay');
    // The position is the chain's next level: left empty, the workflow fills it in.
    await form.getByLabel(/^Contact information/).fill('alex.tremblay@example.gc.ca');
    await form.getByRole('button', { name: 'Respond' }).click();
    await expectVisible(page.getByRole('status').getByText('Step recorded: Respond. The case is now: Responded.'));
    await page.getByTestId('case-state').getByText('Responded').waitFor();
    await expectVisible(page.locator('.timeline').getByText('Response given'));
    await suite.browser.screenshot(page, 'practitioner');

    const stored = await suite.running.store.readStream(`complaint-${caseId}`);
    expect(stored.map((e) => e.type)).toContain('ComplaintResponded');
    expect((await caseView(caseId)).state).toBe('responded');
    await page.close();
  });

  it('a practitioner fills enums, a checkbox list and free text, and sends an empty command, moving a case into a nested state', async () => {
    const opened = await suite.supervisor.post('/cases', {
      workflow: 'restorative-engagement',
      command: 'ReceiveOptIn',
      data: optIn,
    });
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId as string;
    await run(suite.supervisor, caseId, 'ConfirmParticipation', { officialLanguage: 'en' });
    await run(suite.supervisor, caseId, 'AssignPractitioner', { practitionerIds: ['practitioner-1'] });

    const page = await suite.browser.signedIn('practitioner', 'practitioner-1');
    await page.locator(`main a[href="#/cases/${caseId}"]`).click();
    await page.getByTestId('case-state').getByText('Phase 1: preparation').waitFor();

    await page.getByRole('button', { name: 'Record a preparation session', exact: true }).click();
    const session = page.getByRole('form', { name: 'Record a preparation session' });
    await session.getByLabel(/^Format/).selectOption({ label: 'Virtual' });
    for (const topic of ['Overview of the program', 'Participation options', 'Limits of confidentiality', 'Exception to the duty to report', 'Support services']) {
      await session.getByLabel(topic).check();
    }
    await session.getByRole('button', { name: 'Record a preparation session' }).click();
    await page.getByRole('status').getByText('Step recorded: Record a preparation session.').waitFor();

    await page.getByRole('button', { name: 'Set goals', exact: true }).click();
    const goals = page.getByRole('form', { name: 'Set goals' });
    await goals.getByLabel(/^Goals and objectives/).fill('Be heard by leaders who can change how complaints are handled.');
    await goals.getByRole('button', { name: 'Set goals' }).click();
    await page.getByRole('status').getByText('Step recorded: Set goals.').waitFor();

    await page.getByRole('button', { name: 'Complete preparation', exact: true }).click();
    await page.getByRole('form', { name: 'Complete preparation' }).getByRole('button', { name: 'Complete preparation' }).click();
    await page.getByTestId('case-state').getByText('Choosing options').waitFor();
    expect(await page.locator('.state.current > .state-name').allTextContents()).toEqual(['Phase 2: engagement', 'Choosing options current']);

    const history = await suite.supervisor.get(`/cases/${caseId}/history`);
    const recorded = history.body.items.find((e: { type: string }) => e.type === 'PreparationSessionHeld').data as { delivery: string; topics: string[] };
    expect(recorded.delivery).toBe('virtual');
    expect([...recorded.topics].sort()).toEqual(['confidentialityLimits', 'dutyToReportException', 'participationOptions', 'programOverview', 'supportServices']);
    expect((await caseView(caseId)).state).toBe('phase2.choosingOptions');
    await page.close();
  });

  it('a supervisor sees a breach arrive live on the SLA dashboard, and reassigns the case from the at-risk list', async () => {
    const caseId = await receiveComplaint(suite.supervisor, '2026-03-02T09:00:00-05:00', 'QC');
    const page = await suite.browser.signedIn('supervisor', 'supervisor-1');
    await expectVisible(page.getByRole('heading', { name: 'SLA dashboard' }));
    await page.getByText('Live updates: connected').waitFor();
    expect(await page.getByTestId('total-breached').textContent()).toBe('0');

    // Wednesday 17:00 has passed with no acknowledgement: the scheduler records the breach.
    suite.running.clock.set(new Date(Date.parse('2026-03-04T22:00:00Z') + HOUR));
    const reports = await drain(scheduler(suite.running));
    expect(reports.reduce((n, r) => n + r.breaches, 0)).toBe(1);

    const live = page.getByTestId('live-alerts');
    // Regions by their names, as the case page names them, in the alert and in the counts by region.
    await live.getByText(/Breached: Acknowledgement, Complaint, Quebec/).waitFor();
    await page.locator('#by-region').getByText('Quebec', { exact: true }).waitFor();
    // The alert names the case as staff know it: its reference.
    const { reference } = (await caseView(caseId)) as { reference: string };
    expect(reference).toMatch(/^CMP-2026-\d{5}$/);
    await live.locator('li.breach').getByRole('link', { name: `case ${reference}` }).waitFor();
    await page.getByTestId('total-breached').getByText('1').waitFor();
    await page.clock.setFixedTime(suite.running.clock.now());
    await suite.browser.screenshot(page, 'supervisor');

    await page.getByRole('button', { name: `Reassign case ${reference}` }).first().click();
    const form = page.getByRole('form', { name: 'Assign a handler' });
    await form.getByLabel(/^Handler/).fill('practitioner-2');
    expect(await unlabelledControls(page)).toEqual([]);
    await suite.browser.screenshot(page, 'supervisor-reassign');
    await form.getByRole('button', { name: 'Assign a handler' }).click();
    await expectEventually(async () => (await caseView(caseId)).assignees, ['practitioner-2']);
    // The case's history says what recorded the breach, in words, not by a system id.
    await page.goto(`${suite.running.baseUrl}/#/cases/${caseId}`);
    await expectVisible(page.locator('.timeline').getByText(/by the SLA scheduler \(system\)/).first());
    await chooseLanguage(page, 'fr');
    await expectVisible(page.locator('.timeline').getByText(/par le planificateur des délais \(système\)/).first());
    expect(await page.locator('.timeline').textContent()).not.toContain('sla-scheduler');
    await chooseLanguage(page, 'en');
    await page.close();
  });

  it.each([
    ['en', 'Cases flagged for attention', 'Defence representative cohort: Below six representatives'],
    ['fr', 'Dossiers signalés', 'Cohorte de personnes représentantes de la Défense\u00a0: Moins de six personnes représentantes'],
  ] as const)('(%s) a supervisor sees on the dashboard a cohort left with fewer than six representatives, by its reference and what flags it', async (language, title, why) => {
    const definitions = (await suite.supervisor.get('/workflows')).body as { name: string; commands: { name: string; example: Record<string, unknown> }[] }[];
    const example = (command: string) => definitions.find((d) => d.name === 'defence-cohort')!.commands.find((c) => c.name === command)!.example;
    const formed = await suite.supervisor.post('/cases', { workflow: 'defence-cohort', command: 'FormCohort', data: example('FormCohort') });
    expect(formed.status).toBe(201);
    await run(suite.supervisor, formed.body.caseId, 'WithdrawRepresentative', example('WithdrawRepresentative'));
    const reference = ((await caseView(formed.body.caseId)) as { reference: string }).reference;
    const page = await suite.browser.signedIn('supervisor', 'supervisor-1');
    try {
      await chooseLanguage(page, language);
      const section = page.getByRole('region', { name: title });
      const item = section.locator('li', { hasText: reference });
      await expectVisible(item);
      // After the link (its reference, and its kind for those who go by links alone): the kind, and what flags it.
      expect((await item.textContent())!.replace((await item.getByRole('link').textContent())!, '').trim()).toBe(why);
      expect(await axeViolations(page)).toEqual([]);
      await item.getByRole('link').click();
      await page.waitForURL(`**/#/cases/${formed.body.caseId}`);
      // The language chosen is kept for the browser's next pages: the tests below read English.
      await chooseLanguage(page, 'en');
    } finally {
      await page.close();
    }
  });

  it('an auditor moves the time slider back and sees the earlier state, the verified chain, and downloads the export', async () => {
    suite.running.clock.set('2026-03-09T14:00:00Z');
    const caseId = await receiveComplaint(suite.supervisor, '2026-03-09T09:00:00-05:00');
    suite.running.clock.advance(2 * HOUR);
    await run(suite.supervisor, caseId, 'AcknowledgeComplaint', { method: 'email' });
    suite.running.clock.advance(2 * HOUR);
    await run(suite.supervisor, caseId, 'AssignHandler', { handlerId: 'practitioner-1' });

    // A supervisor reads the case: the auditor sees who read it, and when (the access log).
    expect((await suite.supervisor.get(`/cases/${caseId}`)).status).toBe(200);

    const page = await suite.browser.signedIn('auditor', 'auditor-1');
    await page.locator(`main a[href="#/audit/${caseId}"]`).click();
    await expectVisible(page.getByRole('heading', { name: /Audit of case/ }));
    await expectVisible(page.getByTestId('verification').getByText('✔ Verified'));
    const reads = page.getByTestId('case-reads');
    await reads.locator('tbody tr').nth(2).waitFor();
    const rows = (await reads.locator('tbody tr').allInnerTexts()).map((row) => row.replace(/\s+/g, ' '));
    expect(rows[0]).toMatch(/\(supervisor\) The case$/);
    // The auditor's own reads of this page are recorded too: its history, and the case as of a moment.
    expect(rows.slice(1).join('\n')).toMatch(/\(auditor\) Its history/);
    expect(rows.slice(1).join('\n')).toMatch(/\(auditor\) The case as of a moment \(/);
    await page.getByTestId('as-of-state').getByText('Under review').waitFor();

    const slider = page.getByLabel(/^Moment/);
    await slider.focus();
    await page.keyboard.press('Home');
    await page.getByTestId('as-of-state').getByText('Received').waitFor();
    expect(await page.locator('.timeline li.later').count()).toBeGreaterThan(0);
    await page.keyboard.press('ArrowRight');
    await page.getByTestId('as-of-state').getByText('Acknowledged').waitFor();
    expect(await unlabelledControls(page)).toEqual([]);
    await suite.browser.screenshot(page, 'auditor');
    await page.keyboard.press('End');
    await page.getByTestId('as-of-state').getByText('Under review').waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Events as NDJSON' }).click()]);
    expect(download.suggestedFilename()).toBe(`complaint-${caseId}.ndjson`);
    const lines = readFileSync((await download.path())!, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((l) => l.type)).toEqual((await suite.running.store.readStream(`complaint-${caseId}`)).map((e) => e.type));
    // Auditors see personal information redacted: the console shows what the API gives it.
    expect(lines[0].data.complainant.name).toBe('[redacted]');
    await page.close();
  });

  it('shows a restorative opportunities case to rju users only', async () => {
    const rju = await suite.running.as('rju', 'rju-1');
    const opened = await rju.post('/cases', { workflow: 'restorative-opportunities', command: 'ReceiveReferral', data: referral });
    expect(opened.status).toBe(201);
    const roCase = opened.body.caseId as string;

    for (const role of ['supervisor', 'auditor', 'practitioner'] as const) {
      const page = await suite.browser.signedIn(role, `${role}-ro`);
      if (role !== 'practitioner') {
        await page.goto(`${suite.running.baseUrl}/#/cases`);
        await page.getByRole('heading', { name: 'Cases' }).waitFor();
        await page.getByLabel('Show').selectOption('');
        await page.locator('table.cases, main p').first().waitFor();
      }
      expect(await page.content()).not.toContain(roCase);
      await page.goto(`${suite.running.baseUrl}/#/cases/${roCase}`);
      await page.getByRole('alert').first().waitFor();
      expect(await page.getByRole('alert').first().textContent()).toMatch(/no case|not found|does not exist/i);
      expect(await page.content()).not.toContain('Sam Tremblay');
      await page.close();
    }

    const page = await suite.browser.signedIn('rju', 'rju-1');
    await expectVisible(page.locator(`main a[href="#/cases/${roCase}"]`));
    await page.locator(`main a[href="#/cases/${roCase}"]`).click();
    await expectVisible(page.getByRole('heading', { name: /^Restorative Opportunities .* case/ }));
    await suite.browser.screenshot(page, 'rju-case');
    await page.close();
  });
});

/** Form controls a screen reader would announce without a name. */
function unlabelledControls(page: Page): Promise<string[]> {
  // Runs in the page; typed structurally, since the test's own program has no DOM library.
  type Control = { labels: { length: number } | null; getAttribute(name: string): string | null; outerHTML: string };
  type Page = { querySelectorAll(selector: string): Iterable<Control> };
  return page.evaluate(() =>
    [...(globalThis as unknown as { document: Page }).document.querySelectorAll('input, select, textarea')]
      .filter((control) => control.labels?.length === 0 && !control.getAttribute('aria-label'))
      .map((control) => control.outerHTML),
  );
}

/** Reads go through a read model the app updates in the background; poll until it shows the write. */
async function expectEventually<T>(read: () => Promise<T>, expected: T): Promise<void> {
  let last: T | undefined;
  for (let i = 0; i < 50; i++) {
    last = await read();
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(last).toEqual(expected);
}
