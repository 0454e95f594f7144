import type { Page } from 'playwright-core';
import { en, fr } from '../../console/src/i18n/messages';
import { PersonRole, roleLabel } from '../../domain/roles';
import { defenceCohortWorkflow } from '../../workflows/defence-cohort';
import { drain, receiveComplaint, run, scheduler } from '../sla/sla-support';
import { informationSessionLabels } from '../../workflows/information-session/labels';
import { axeViolations, chooseLanguage, consoleSuite, sessionWithRegistrations, stepForm } from './browser';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The accessible names of the page's links to cases, as a screen reader announces them. */
const caseLinkNames = (page: Page) =>
  page.locator('main a[href*="#/cases/"], main a[href*="#/audit/"]').evaluateAll((links) => links.map((link) => (link.textContent ?? '').replace(/\s+/g, ' ').trim()));

/**
 * People and cases named as staff name them: a case by its reference, a colleague and oneself by
 * their display name, a role by its name; every role the API takes offered; and each role told what
 * its search finds.
 */
describe('the console names people and cases as staff do', () => {
  jest.setTimeout(180_000);
  const suite = consoleSuite();
  let complaint: string;
  let reference: string;
  let lateCase: string;

  beforeAll(async () => {
    const admin = await suite.running.as('admin', 'admin-1');
    for (const [staffId, displayName] of [
      ['practitioner-1', 'Dominique Gagnon'],
      ['practitioner-2', 'Alexis Martin'],
    ]) {
      const added = await admin.post('/staff', { staffId, displayName, role: 'practitioner', region: 'ON', languages: ['en', 'fr'] });
      expect(added.status).toBe(201);
    }
    complaint = await receiveComplaint(suite.supervisor, '2026-03-02T09:00:00-05:00');
    await run(suite.supervisor, complaint, 'AcknowledgeComplaint', { method: 'email' });
    await run(suite.supervisor, complaint, 'AssignHandler', { handlerId: 'practitioner-1' });
    reference = (await suite.supervisor.get(`/cases/${complaint}`)).body.reference as string;
    // Received the week before and never acknowledged: its clock is breached, on the supervisor's lists.
    lateCase = await receiveComplaint(suite.supervisor, '2026-02-23T09:00:00-05:00');
    await run(suite.supervisor, lateCase, 'AssignHandler', { handlerId: 'practitioner-1' });
    await drain(scheduler(suite.running));
    await suite.supervisor.get(`/cases/${lateCase}?minPosition=${await suite.running.store.headPosition()}`);
  });

  it.each(['en', 'fr'] as const)('(%s) offers the administrator every role the API takes, each by its name', async (language) => {
    const page = await suite.browser.signedIn('admin', 'admin-1');
    try {
      await chooseLanguage(page, language);
      const options = await page.locator('#staff-role option').evaluateAll((all) => all.map((o) => [o.getAttribute('value'), o.textContent]));
      // As the API names them in its refusals: domain/roles.ts is the one place a role's name is written.
      expect(options).toEqual(PersonRole.options.map((role) => [role, roleLabel(role)[language]]));
    } finally {
      await page.close();
    }
  });

  it.each(['en', 'fr'] as const)('(%s) names every link to a case by its reference and kind, never by its id', async (language) => {
    const supervisor = await suite.browser.signedIn('supervisor', 'supervisor-1');
    const practitioner = await suite.browser.signedIn('practitioner', 'practitioner-1');
    const auditor = await suite.browser.signedIn('auditor', 'auditor-1');
    try {
      const kind = language === 'fr' ? 'Plainte' : 'Complaint';
      for (const [page, path, ready] of [
        [supervisor, '#/cases', 'table.cases'],
        [supervisor, '#/sla', '#breached-clocks'],
        [practitioner, '#/caseload', 'table.cases'],
        [auditor, '#/audit', 'table.cases'],
      ] as const) {
        await chooseLanguage(page, language);
        await page.goto(`${suite.running.baseUrl}/${path}`);
        await page.locator(ready).waitFor();
        const names = await caseLinkNames(page);
        expect(names.length).toBeGreaterThan(0);
        for (const name of names) {
          expect(name).not.toMatch(UUID);
          expect(name).toMatch(/^CMP-2026-\d{5}/);
          expect(name).toContain(kind);
        }
      }
      await practitioner.getByRole('link', { name: new RegExp(`^${reference}`) }).click();
      await practitioner.waitForURL(`**/#/cases/${complaint}`);
    } finally {
      await Promise.all([supervisor.close(), practitioner.close(), auditor.close()]);
    }
  });

  it.each([
    ['en', 'Assigned to: Dominique Gagnon'],
    ['fr', 'Attribué à\u00a0: Dominique Gagnon'],
  ] as const)('(%s) names who a case is assigned to by name in the SLA dashboard’s reassignment panel', async (language, assigned) => {
    const page = await suite.browser.signedIn('supervisor', 'supervisor-1');
    try {
      await chooseLanguage(page, language);
      await page.goto(`${suite.running.baseUrl}/#/sla`);
      const row = page.locator('table.at-risk tr', { hasText: reference });
      await row.getByRole('button').click();
      const panel = page.locator('.reassign');
      await panel.locator('form').first().waitFor();
      expect(await panel.locator('p').first().textContent()).toBe(assigned);
      expect(await panel.textContent()).not.toContain('practitioner-1');
    } finally {
      await page.close();
    }
  });

  it.each([
    ['en', 'Assigned to: Dominique Gagnon', 'by Dominique Gagnon (practitioner)'],
    ['fr', 'Attribué à\u00a0: Dominique Gagnon', 'par Dominique Gagnon (praticienne ou praticien)'],
  ] as const)('(%s) names the reader by their own name on their case page and in its history, as the header does', async (language, assigned, by) => {
    // A complaint the practitioner received themselves, then was given: the history records them.
    const received = await receiveComplaint(await suite.running.as('practitioner', 'practitioner-1'), '2026-03-02T09:00:00-05:00');
    await run(suite.supervisor, received, 'AssignHandler', { handlerId: 'practitioner-1' });
    await suite.supervisor.get(`/cases/${received}?minPosition=${await suite.running.store.headPosition()}`);
    const page = await suite.browser.signedIn('practitioner', 'practitioner-1');
    try {
      await chooseLanguage(page, language);
      expect(await page.locator('header .who strong').textContent()).toBe('Dominique Gagnon');
      await page.goto(`${suite.running.baseUrl}/#/cases/${received}`);
      await page.locator('.timeline').waitFor();
      await page.locator('p.facts span', { hasText: assigned }).waitFor();
      expect(await page.locator('p.facts').textContent()).not.toContain('practitioner-1');
      await page.locator('.timeline .hint', { hasText: by }).first().waitFor();
      expect(await page.locator('.timeline').textContent()).not.toContain('practitioner-1');
    } finally {
      await page.close();
    }
  });

  it.each([
    ['en', 'Assigned to: Dominique Gagnon, Alexis Martin'],
    ['fr', 'Attribué à\u00a0: Dominique Gagnon, Alexis Martin'],
  ] as const)('(%s) names a colleague to roles that do not read the staff directory: a co-facilitator on the case page, and to an auditor', async (language, assigned) => {
    const formed = await suite.supervisor.post('/cases', {
      workflow: 'defence-cohort',
      command: 'FormCohort',
      data: { ...(defenceCohortWorkflow.commands.find((c) => c.type === 'FormCohort')!.example as object), practitionerIds: ['practitioner-1', 'practitioner-2'] },
    });
    expect(formed.status).toBe(201);
    const cohort = formed.body.caseId as string;
    await run(await suite.running.as('practitioner', 'practitioner-2'), cohort, 'StartCohort', { startedOn: '2026-03-02' });
    await suite.supervisor.get(`/cases/${cohort}?minPosition=${await suite.running.store.headPosition()}`);
    const practitioner = await suite.browser.signedIn('practitioner', 'practitioner-1');
    const auditor = await suite.browser.signedIn('auditor', 'auditor-1');
    try {
      await chooseLanguage(practitioner, language);
      await practitioner.goto(`${suite.running.baseUrl}/#/cases/${cohort}`);
      await practitioner.locator('p.facts span', { hasText: assigned }).waitFor();
      const started = defenceCohortWorkflow.labels.events['CohortStarted']![language];
      await practitioner.locator('.timeline li', { hasText: started }).locator('.hint', { hasText: 'Alexis Martin' }).waitFor();
      expect(await practitioner.locator('main').textContent()).not.toContain('practitioner-2');
      await chooseLanguage(auditor, language);
      await auditor.goto(`${suite.running.baseUrl}/#/audit/${cohort}`);
      await auditor.locator('main', { hasText: 'Alexis Martin' }).waitFor();
      expect(await auditor.locator('main').textContent()).not.toContain('practitioner-2');
      // And in the list of cases, whom each is assigned to.
      await auditor.goto(`${suite.running.baseUrl}/#/audit`);
      const row = auditor.locator('table.cases tr', { hasText: formed.body.reference as string });
      await row.locator('td', { hasText: 'Dominique Gagnon, Alexis Martin' }).waitFor();
    } finally {
      await chooseLanguage(practitioner, 'en');
      await chooseLanguage(auditor, 'en');
      await Promise.all([practitioner.close(), auditor.close()]);
    }
  });

  it.each([
    ['en', 'auditor', 'Search', 'Case reference'],
    ['fr', 'auditor', 'Chercher', 'Référence du dossier'],
    ['en', 'roAuditor', 'Search', 'Case reference'],
    ['fr', 'roAuditor', 'Chercher', 'Référence du dossier'],
  ] as const)('(%s) tells an %s that their search finds a case by its reference, not by the words of a name', async (language, role, button, label) => {
    const page = await suite.browser.signedIn(role, `${role}-1`);
    try {
      await chooseLanguage(page, language);
      await page.goto(`${suite.running.baseUrl}/#/search`);
      const field = page.locator('#search-q');
      await field.waitFor();
      const t = language === 'fr' ? fr : en;
      expect(await page.locator('label[for="search-q"]').textContent()).toMatch(new RegExp(`^${label}`));
      const hint = (await page.locator('#search-hint').textContent())!;
      expect(hint).not.toBe(t.searchHint);
      expect(await page.locator('main').textContent()).not.toContain(t.searchLabel);
      // And it finds what it says it finds.
      await field.fill(reference.toLowerCase());
      await page.getByRole('button', { name: button, exact: true }).click();
      if (role === 'auditor') await page.getByRole('link', { name: new RegExp(`^${reference}`) }).waitFor();
      else await page.getByRole('table').or(page.getByText(t.noCases)).first().waitFor();
    } finally {
      await page.close();
    }
  });

  it.each(['en', 'fr'] as const)('(%s) offers a role that may not read the staff directory itself where a form asks for a person, or someone else by login', async (language) => {
    const t = language === 'fr' ? fr : en;
    const caseId = await sessionWithRegistrations(suite.supervisor, suite.supervisor, []);
    const page = await suite.browser.signedIn('practitioner', 'practitioner-1');
    try {
      const name = informationSessionLabels.commands['ScheduleInformationSession']![language];
      const form = await stepForm(page, language, `${suite.running.baseUrl}/#/cases/${caseId}`, name);
      const presenter = form.locator('#cmd-ScheduleInformationSession-presenterId');
      // Once the directory has refused the practitioner (a text field stands in while it is asked).
      await form.getByText(t.staffNotYoursPick, { exact: true }).waitFor();
      expect(await presenter.evaluate((element) => element.tagName)).toBe('SELECT');
      await presenter.selectOption('practitioner-1');
      expect(await presenter.locator('option:checked').textContent()).toBe(t.staffYourself('Dominique Gagnon'));
      // Someone else: typed by login, in a field of its own.
      await presenter.selectOption({ label: t.staffSomeoneElse });
      const login = form.getByLabel(t.staffTheirLogin);
      await login.fill('practitioner-2');
      expect(await login.inputValue()).toBe('practitioner-2');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('opens the form that moves a session on what it was scheduled as', async () => {
    const caseId = await sessionWithRegistrations(suite.supervisor, suite.supervisor, []);
    const page = await suite.browser.signedIn('practitioner', 'practitioner-1');
    try {
      const form = await stepForm(page, 'en', `${suite.running.baseUrl}/#/cases/${caseId}`, informationSessionLabels.commands['ScheduleInformationSession']!.en);
      // 13:00 in Ottawa, on the case's wall clock; its format, language and seats as scheduled.
      expect(await form.locator('#cmd-ScheduleInformationSession-startsAt').inputValue()).toBe('2026-03-16T13:00');
      expect(await form.locator('#cmd-ScheduleInformationSession-format').inputValue()).toBe('virtual');
      expect(await form.locator('#cmd-ScheduleInformationSession-language').inputValue()).toBe('bilingual');
      expect(await form.locator('#cmd-ScheduleInformationSession-capacity').inputValue()).toBe('30');
    } finally {
      await page.close();
    }
  });

  it('tells roles that see personal information that their search finds names too', async () => {
    const page = await suite.browser.signedIn('practitioner', 'practitioner-1');
    try {
      await chooseLanguage(page, 'en');
      await page.goto(`${suite.running.baseUrl}/#/search`);
      expect(await page.locator('label[for="search-q"]').textContent()).toBe(en.searchLabel);
    } finally {
      await page.close();
    }
  });
});
