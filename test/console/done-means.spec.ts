import type { Page } from 'playwright-core';
import { complaintLabels } from '../../workflows/complaint/labels';
import { drain, receiveComplaint, run, scheduler } from '../sla/sla-support';
import { startApp, type HttpClient, type RunningApp } from '../support/app';
import { caughtUpWith, waitForProjections } from '../support/projection-status';
import { axeViolations, chooseLanguage, documentLanguage, ensureConsoleBuilt, expectVisible, openBrowser, waitUntil, type Browser } from './browser';

/**
 * Issue 14's "Done means", in Chromium, each journey in English and in French: a complaint a
 * practitioner opens, a supervisor assigns from the staff directory and the practitioner then finds
 * by name, reads, acknowledges and sees in their inbox; the inbox a practitioner works from, the breached clocks a supervisor lists, and an auditor's view of a
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
  /** Each case's human reference (CMP-2026-…): what the lists name it by. */
  const reference: Record<string, string> = {};
  /** The people the directory lists: a practitioner of the case's region, one elsewhere, and a supervisor no complaint is assigned to. */
  const STAFF = [
    { staffId: 'camille.roy', displayName: 'Camille Roy', role: 'practitioner', region: 'ON', languages: ['fr', 'en'] },
    { staffId: 'sam.lee', displayName: 'Sam Lee', role: 'practitioner', region: 'BC', languages: ['en'] },
    { staffId: 'dana.supervises', displayName: 'Dana Supervises', role: 'supervisor', region: 'ON', languages: ['en'] },
    // Works complaints about Restorative Opportunities cases only: a complaint about anything else is no case of theirs.
    { staffId: 'sasha.rju', displayName: 'Sasha Bouchard', role: 'rju', region: 'ON', languages: ['en', 'fr'] },
  ] as const;

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
    // The staff directory, as an admin keeps it: the assignment form offers its practitioners.
    const admin = await running.as('admin', 'admin-1');
    for (const person of STAFF) expect((await admin.post('/staff', person)).status).toBe(201);
    // Every read model the pages below read (cases, SLA clocks, staff) has reached the last event.
    await waitForProjections(supervisor, caughtUpWith(await running.store.headPosition()));
    for (const caseId of [lateCase, answeredCase]) reference[caseId] = (await supervisor.get(`/cases/${caseId}`)).body.reference as string;
    expect(reference[lateCase]).not.toBe(reference[answeredCase]);
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
    expect(await documentLanguage(page)).toBe(`${language}-CA`);
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
      expect(await rows.nth(0).locator('th a code').textContent()).toBe(reference[lateCase]);
      expect(await rows.nth(0).locator('td').first().textContent()).toContain(ACK);
      expect(await rows.nth(0).getAttribute('class')).toBe('overdue');
      expect(await rows.nth(0).locator('td').nth(1).textContent()).toContain(fr ? 'Accuser réception' : 'Acknowledge');
      expect(await rows.nth(1).locator('th a code').textContent()).toBe(reference[answeredCase]);
      expect(await rows.nth(1).locator('td').nth(1).textContent()).toContain(fr ? 'Répondre' : 'Respond');
      await page.locator(`main a[href="#/cases/${lateCase}"]`).click();
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
      expect(await breached.first().locator('a code').textContent()).toBe(reference[lateCase]);
      expect(await breached.first().textContent()).toContain(ACK);
      // Ran out at its due time, Wednesday 17:00, though recorded on Friday.
      expect(await breached.first().locator('td').first().textContent()).toMatch(fr ? /4\smars\s2026/ : /Mar\s4,\s2026/);
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
      // The page names the case as staff know it, not by its id.
      expect(await page.locator('#audit-title code').textContent()).toBe(reference[lateCase]);
      expect(await page.getByRole('radio', { name: fr ? /Temps opérationnel/ : /Business time/ }).isChecked()).toBe(true);
      const showAt = async (local: string) => {
        const before = await page.locator('[data-testid="as-of-instant"]').textContent();
        await page.locator('#as-of-typed').fill(local);
        await page.locator('#as-of-typed').press('Enter');
        await waitUntil(page, `document.querySelector('[data-testid="as-of-instant"]')?.textContent !== ${JSON.stringify(before)}`);
        // The view of that moment, not the one before it still shown while it loads.
        await page.locator('[data-testid="as-of-view"][aria-busy="false"]').waitFor();
      };
      const acknowledgement = page.locator('table.clocks tbody tr', { hasText: ACK });

      // Wednesday noon: the clock still runs.
      await showAt('2026-03-04T12:00');
      await page.locator('[data-testid="derived-breaches"]').waitFor({ state: 'detached' });
      expect(await acknowledgement.locator('td').first().textContent()).toMatch(fr ? /en cours/ : /running/);
      // Its warnings had fallen due by then, though the scheduler recorded them only on Friday.
      expect(await page.locator('[data-testid="derived-warnings"] li').first().textContent()).toMatch(
        fr ? /Averti à ce moment\u00a0: \d+\u00a0% de son délai était écoulé le .*L’avertissement a été enregistré plus tard, le 6\smars\s2026/ : /Warned as of this moment: \d+% of its time had passed on .*The warning was recorded later, on Mar\s6, 2026/,
      );

      // Thursday noon: past its due time, before the scheduler recorded the breach on Friday.
      await showAt('2026-03-05T12:00');
      const derived = page.locator('[data-testid="derived-breaches"]');
      await derived.waitFor();
      expect(await acknowledgement.locator('td').first().textContent()).toMatch(fr ? /dépassé/ : /breached/);
      expect(await derived.textContent()).toMatch(
        fr ? /Dépassé à ce moment.*Le dépassement a été enregistré plus tard, le 6\smars\s2026/ : /Breached as of this moment.*The breach was recorded later, on Mar\s6, 2026/,
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

  it('a practitioner opens a complaint, a supervisor assigns it to them from the staff directory, and they find it by name, read it, acknowledge it and see it in their inbox', async () => {
    const name = fr ? 'Ginette Tremblay' : 'Gordon Tremblay';
    const text = 'My preparation meeting was cancelled twice without notice.';
    const command = (type: 'ReceiveComplaint' | 'AssignHandler' | 'AcknowledgeComplaint') => complaintLabels.commands[type]![language];

    // The practitioner opens the complaint from the intake form, the receipt time picked in Ottawa's zone.
    const practitioner = await open('practitioner', 'camille.roy');
    try {
      // The header names them as the staff directory does.
      await practitioner.locator('.who strong', { hasText: 'Camille Roy' }).waitFor();
      await practitioner.getByRole('navigation').getByRole('link', { name: fr ? 'Ouvrir un dossier' : 'Open a case' }).click();
      await practitioner.getByRole('link', { name: complaintLabels.title[language], exact: true }).click();
      const form = practitioner.getByRole('form', { name: command('ReceiveComplaint') });
      await form.waitFor();
      await form.locator('#cmd-ReceiveComplaint-channel').selectOption('electronic');
      await form.locator('#cmd-ReceiveComplaint-receivedAt').fill('2026-03-06T09:30');
      await form.locator('#cmd-ReceiveComplaint-complainant_name').fill(name);
      await form.locator('#cmd-ReceiveComplaint-text').fill(text);
      expect(await axeViolations(practitioner)).toEqual([]);
      await form.getByRole('button', { name: command('ReceiveComplaint') }).click();
      // Not theirs to read until it is assigned to them: the console says so.
      await practitioner.getByRole('status').getByText(fr ? /vous aura été attribué/ : /once it is assigned to you/).waitFor();
    } finally {
      await practitioner.close();
    }
    const search = async (page: Page) => {
      await page.getByRole('navigation').getByRole('link', { name: fr ? 'Recherche' : 'Search' }).click();
      await page.getByLabel(fr ? 'Référence, nom, pseudonyme, numéro de réclamation ou numéro SED' : 'Reference, name, pseudonym, claim reference or FPS number').fill(name.toLowerCase());
      await page.getByRole('button', { name: fr ? 'Chercher' : 'Search', exact: true }).click();
      const results = page.getByRole('table', { name: fr ? '1\u00a0dossier trouvé' : '1 case found' });
      await results.waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await results.locator('a').first().click();
      await page.waitForURL('**/#/cases/*');
      return decodeURIComponent(page.url().split('/').pop()!);
    };
    await supervisor.get(`/search?q=x&minPosition=${await running.store.headPosition()}`);

    // A practitioner reads only the cases assigned to them: a supervisor assigns it, picking from the directory.
    const desk = await open('supervisor', 'dana.supervises');
    let caseId: string;
    try {
      // The supervisor finds it by the complainant's name too.
      caseId = await search(desk);
      const received = (await supervisor.get(`/cases/${caseId}/history`)).body.items[0];
      expect(Date.parse(received.data.receivedAt)).toBe(Date.parse('2026-03-06T09:30:00-05:00'));
      await desk.getByRole('button', { name: command('AssignHandler') }).click();
      const form = desk.getByRole('form', { name: command('AssignHandler') });
      const picker = form.locator('#cmd-AssignHandler-handlerId');
      await picker.locator('option[value="camille.roy"]').waitFor({ state: 'attached' });
      expect(await picker.evaluate((select) => select.tagName)).toBe('SELECT');
      // The case's region first, each person with their role (practitioners and supervisors are offered: a review
      // level's handler is a manager), languages and current caseload.
      expect(await picker.locator('optgroup').evaluateAll((groups) => groups.map((g) => g.getAttribute('label')))).toEqual(
        fr ? ['Dans la région du dossier (Ontario)', 'Dans les autres régions'] : ['In the case’s region (Ontario)', 'In other regions'],
      );
      expect(await picker.locator('option[value="camille.roy"]').textContent()).toBe(
        fr ? 'Camille Roy, praticienne ou praticien — français, anglais — 0\u00a0dossier en cours' : 'Camille Roy, practitioner — French, English — 0 open cases',
      );
      expect(await picker.locator('option[value="sam.lee"]').textContent()).toBe(
        fr ? 'Sam Lee, praticienne ou praticien — anglais — 0\u00a0dossier en cours' : 'Sam Lee, practitioner — English — 0 open cases',
      );
      expect(await picker.locator('option[value="dana.supervises"]').textContent()).toBe(
        fr ? 'Dana Supervises, superviseure ou superviseur — anglais — 0\u00a0dossier en cours' : 'Dana Supervises, supervisor — English — 0 open cases',
      );
      // Nor the RJU, whom the API would refuse for this complaint (the case's assignableRoles).
      expect(await picker.locator('option[value="sasha.rju"]').count()).toBe(0);
      expect(await axeViolations(desk)).toEqual([]);
      // By keyboard: the first person of the case's region is one arrow away.
      await picker.focus();
      await desk.keyboard.press('ArrowDown');
      expect(await picker.inputValue()).toBe('camille.roy');
      await form.getByRole('button', { name: command('AssignHandler') }).click();
      await form.waitFor({ state: 'detached' });
      // The case names the person the directory knows, not their id; so does its history.
      await desk.locator('.facts', { hasText: 'Camille Roy' }).waitFor();
      expect(await desk.locator('.timeline li', { hasText: 'Dana Supervises' }).count()).toBe(1);
    } finally {
      await desk.close();
    }
    expect((await supervisor.get(`/cases/${caseId}/history`)).body.items.at(-1)).toMatchObject({ type: 'HandlerAssigned', data: { handlerId: 'camille.roy' } });
    await supervisor.get(`/search?q=x&minPosition=${await running.store.headPosition()}`);
    // The directory now counts the case in Camille's caseload.
    expect((await supervisor.get('/staff/camille.roy')).body.caseload).toBe(1);

    // The practitioner finds it by the complainant's name, reads it, acknowledges it, and sees it in their inbox.
    const page = await open('practitioner', 'camille.roy');
    try {
      expect(await search(page)).toBe(caseId);
      await expectVisible(page.getByRole('region', { name: fr ? 'Objet du dossier' : 'What the case is about' }).getByText(text));
      await expectVisible(page.getByRole('region', { name: fr ? 'Personnes' : 'People' }).getByText(name, { exact: true }));
      expect(await axeViolations(page)).toEqual([]);

      await page.getByRole('button', { name: command('AcknowledgeComplaint') }).click();
      const form = page.getByRole('form', { name: command('AcknowledgeComplaint') });
      // They called the complainant at 09:45 and enter it now: the date is picked in Ottawa's zone.
      const acknowledgedAt = form.locator('#cmd-AcknowledgeComplaint-acknowledgedAt');
      expect(await acknowledgedAt.getAttribute('type')).toBe('datetime-local');
      await acknowledgedAt.fill('2026-03-06T09:45');
      await form.locator('#cmd-AcknowledgeComplaint-method').selectOption('phone');
      await form.getByRole('button', { name: command('AcknowledgeComplaint') }).click();
      await form.waitFor({ state: 'detached' });
      await page.getByRole('status').filter({ hasText: command('AcknowledgeComplaint') }).waitFor();
      const history = (await supervisor.get(`/cases/${caseId}/history`)).body.items;
      const acknowledged = history.find((e: { type: string }) => e.type === 'ComplaintAcknowledged').data;
      expect({ ...acknowledged, acknowledgedAt: Date.parse(acknowledged.acknowledgedAt) }).toEqual({ acknowledgedAt: Date.parse('2026-03-06T09:45:00-05:00'), method: 'phone' });
      expect(history.find((e: { type: string; data: { clock?: string } }) => e.type === 'ClockMet' && e.data.clock === 'acknowledgement').data).toMatchObject({
        at: '2026-03-06T14:45:00.000Z',
        onTime: true,
      });

      await page.goto(`${running.baseUrl}/#/caseload`);
      const row = page.locator('table.inbox tbody tr', { has: page.locator(`a[href$="${caseId}"]`) });
      await row.waitFor();
      // Acknowledged: it now waits for the response.
      expect(await row.locator('td').nth(1).textContent()).toContain(fr ? 'Répondre' : 'Respond');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
