import type { Page } from 'playwright-core';
import { complaintLabels } from '../../workflows/complaint/labels';
import { restorativeEngagementWorkflow } from '../../workflows/restorative-engagement';
import { restorativeEngagementLabels } from '../../workflows/restorative-engagement/labels';
import { nextLevelContact, receiveComplaint, run } from '../sla/sla-support';
import { axeViolations, chooseLanguage, consoleSuite, expectVisible, sessionWithRegistrations } from './browser';

type Language = 'en' | 'fr';

/** What a page says, by language: the console's own words the test looks for. */
const words = {
  en: {
    open: 'Open a case',
    complaint: 'Complaint',
    receive: 'Receive a complaint',
    opened: /Complaint case CMP-RE-\d{4}-\d{5} opened\./,
    goTo: /^Go to case CMP-RE-\d{4}-\d{5}$/,
    people: 'People',
    about: 'What the case is about',
    facts: 'In brief',
    fix: /things need fixing/,
    now: 'Now',
    recorded: 'What was recorded',
  },
  fr: {
    open: 'Ouvrir un dossier',
    complaint: 'Plainte',
    receive: 'Recevoir une plainte',
    opened: /Dossier CMP-RE-\d{4}-\d{5} ouvert\u00a0: Plainte\./,
    goTo: /^Aller au dossier CMP-RE-\d{4}-\d{5}$/,
    people: 'Personnes',
    about: 'Objet du dossier',
    facts: 'En bref',
    fix: /points doivent être corrigés/,
    now: 'Maintenant',
    recorded: 'Ce qui a été enregistré',
  },
} as const;

/**
 * Casework in the console: opening a case with its workflow's opening form (times picked in the
 * region's zone, every broken rule shown at once, in the person's language), then reading who and
 * what the case is about and each event's data — in full for those who may see personal
 * information, as the API redacts it for the others.
 */
describe('the console: intake, case content and forms people can use', () => {
  jest.setTimeout(180_000);
  const suite = consoleSuite();

  async function signedIn(role: 'supervisor' | 'practitioner' | 'auditor' | 'rju', language: Language): Promise<Page> {
    const page = await suite.browser.signedIn(role, `${role}-1`);
    await chooseLanguage(page, language);
    return page;
  }


  it.each(['en', 'fr'] as const)(
    '(%s) a supervisor opens a complaint from the console: refused with every missing field at once, then opened with a time picked in the region’s zone',
    async (language) => {
      const w = words[language];
      // The class member's case the complaint is about.
      const optIn = restorativeEngagementWorkflow.commands.find((command) => command.type === 'ReceiveOptIn')!.example;
      const engagement = await suite.supervisor.post('/cases', { workflow: 'restorative-engagement', command: 'ReceiveOptIn', data: optIn });
      expect(engagement.status).toBe(201);
      const page = await signedIn('supervisor', language);
      await page.getByRole('navigation').getByRole('link', { name: w.open }).click();
      await page.getByRole('link', { name: w.complaint, exact: true }).click();
      const form = page.getByRole('form', { name: w.receive });
      await form.waitFor();

      // Required fields say so, visibly and to assistive technology.
      expect(await form.locator('#cmd-ReceiveComplaint-text').getAttribute('aria-required')).toBe('true');
      expect(await form.locator('#cmd-ReceiveComplaint-complainant_contact').getAttribute('aria-required')).toBeNull();
      expect(await form.locator('label[for="cmd-ReceiveComplaint-text"] .required').count()).toBe(1);
      // Fields and enum values by the workflow's labels, in the page's language, not their technical names.
      expect(await form.locator('#cmd-ReceiveComplaint-channel option[value="electronic"]').textContent()).toBe(complaintLabels.values!['electronic']![language]);
      expect(await form.locator('label[for="cmd-ReceiveComplaint-channel"] .label-text').textContent()).toContain(complaintLabels.fields!['channel']![language]);

      // Sent empty: every broken rule at once, each beside its field, in the person's language.
      await form.getByRole('button', { name: w.receive }).click();
      const summary = page.locator('.error-summary');
      await summary.waitFor();
      expect(await summary.locator('p').textContent()).toMatch(w.fix);
      const listed = await summary.locator('li').allTextContents();
      expect(listed.length).toBeGreaterThanOrEqual(4);
      for (const id of ['channel', 'receivedAt', 'complainant_name', 'text']) {
        await expectVisible(form.locator(`#cmd-ReceiveComplaint-${id}-error`));
        expect(await form.locator(`#cmd-ReceiveComplaint-${id}`).getAttribute('aria-invalid')).toBe('true');
      }
      if (language === 'fr') expect(listed.join(' ')).toMatch(/obligatoire/);
      else expect(listed.join(' ')).toMatch(/required/);
      expect(await axeViolations(page)).toEqual([]);

      // A region in another zone: the time typed is Vancouver's wall clock, sent with its offset.
      await form.locator('#cmd-ReceiveComplaint-channel').selectOption('electronic');
      await form.locator('#cmd-ReceiveComplaint-region').selectOption('BC');
      await form.locator('#cmd-ReceiveComplaint-receivedAt').fill('2026-03-02T05:30');
      expect(await form.locator('#cmd-ReceiveComplaint-receivedAt-zone').textContent()).toMatch(language === 'fr' ? /heure du Pacifique/i : /Pacific Time/);
      const name = `Robin ${language}-${Date.now()}`;
      await form.locator('#cmd-ReceiveComplaint-complainant_name').fill(name);
      await form.locator('#cmd-ReceiveComplaint-complainant_contact').fill('robin@example.org');
      await form.locator('#cmd-ReceiveComplaint-text').fill('My preparation meeting was cancelled twice without notice.\nNobody called me back.');
      // The program it is about, picked by its title; not one whose cases a supervisor may not know of.
      const program = form.locator('#cmd-ReceiveComplaint-concerns_program');
      expect(await program.locator('option[value="restorative-engagement"]').textContent()).toBe(restorativeEngagementLabels.title[language]);
      expect(await program.locator('option[value="restorative-opportunities"]').count()).toBe(0);
      await program.selectOption('restorative-engagement');
      // Then the case, picked among that program's open cases by reference.
      const concerned = form.locator('select#cmd-ReceiveComplaint-concerns_caseId');
      await concerned.locator(`option[value="${engagement.body.caseId}"]`).waitFor({ state: 'attached' });
      expect(await concerned.locator(`option[value="${engagement.body.caseId}"]`).textContent()).toContain(engagement.body.reference);
      await concerned.selectOption(engagement.body.caseId);
      await form.getByRole('button', { name: w.receive }).click();
      await page.getByRole('status').getByText(w.opened).or(summary.locator('li')).first().waitFor();
      expect(await summary.count()).toBe(0);
      await page.getByRole('status').getByText(w.opened).waitFor();

      const link = page.getByRole('link', { name: w.goTo });
      const caseId = decodeURIComponent((await link.getAttribute('href'))!.split('/').pop()!);
      const history = await suite.supervisor.get(`/cases/${caseId}/history`);
      const received = history.body.items[0];
      expect(received.data).toMatchObject({ channel: 'electronic', region: 'BC', complainant: { name }, concerns: { program: 'restorative-engagement', caseId: engagement.body.caseId } });
      expect(Date.parse(received.data.receivedAt)).toBe(Date.parse('2026-03-02T05:30:00-08:00'));
      expect(received.data.text).toBe('My preparation meeting was cancelled twice without notice.\nNobody called me back.');

      // The new case shows who it is about and what they wrote.
      await link.click();
      const people = page.getByRole('region', { name: w.people });
      await expectVisible(people.getByText(name, { exact: true }));
      await expectVisible(people.getByText('robin@example.org'));
      const about = page.getByRole('region', { name: w.about });
      await expectVisible(about.getByText(/cancelled twice without notice/));
      // Its facts as the reader reads them: the program by its title, the channel by its label.
      const facts = page.getByRole('region', { name: w.facts });
      await expectVisible(facts.getByText(restorativeEngagementLabels.title[language], { exact: true }));
      await expectVisible(facts.getByText(complaintLabels.values!['electronic']![language], { exact: true }));
      // Each event's data, on demand: the receipt time in the case's zone.
      await page.locator('.timeline details').first().locator('summary').click();
      await expectVisible(page.locator('.timeline details').first().getByText(/PST|HNP/));
      expect(await axeViolations(page)).toEqual([]);
      await page.setViewportSize({ width: 390, height: 844 });
      expect(await page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(true);
      await suite.browser.screenshot(page, `case-content-${language}`);
      await page.close();
    },
  );

  it('a command’s date-time picker reads the case’s region’s wall clock, and “Now” fills it in', async () => {
    const rju = await suite.running.as('rju', 'rju-1');
    const opened = await rju.post('/cases', {
      workflow: 'restorative-opportunities',
      command: 'ReceiveReferral',
      data: { source: 'victim', region: 'BC', receivedAt: '2026-03-02T06:00:00-08:00', victimRegistered: true, victim: { name: 'Sam' }, offender: { name: 'Jordan' } },
    });
    const caseId = opened.body.caseId as string;
    await run(rju, caseId, 'BeginIntakeAssessment', { intakeOfficerId: 'rju-1' });
    await run(rju, caseId, 'AssessIntake', { outcome: 'suitable', offenderAcceptedResponsibility: true, safetyConcerns: 'none', noContactConditions: [] });
    await run(rju, caseId, 'AssignMediator', { mediatorId: 'rju-1' });
    const page = await signedIn('rju', 'fr');
    await page.goto(`${suite.running.baseUrl}/#/cases/${caseId}`);
    const command = page.locator('.command-list button').filter({ hasText: /préparation/i }).first();
    const label = (await command.textContent())!;
    await command.click();
    const form = page.getByRole('form', { name: label });
    const heldAt = form.locator('#cmd-RecordPreparation-heldAt');
    expect(await heldAt.getAttribute('type')).toBe('datetime-local');
    expect(await form.locator('#cmd-RecordPreparation-heldAt-zone').textContent()).toMatch(/heure du Pacifique/i);
    await form.getByRole('button', { name: 'Maintenant' }).click();
    // 09:00 in Ottawa, the browser's own zone, is 06:00 in Vancouver.
    expect(await heldAt.inputValue()).toBe('2026-03-02T06:00');
    await form.locator('#cmd-RecordPreparation-party').selectOption('victim');
    await form.locator('#cmd-RecordPreparation-consent').selectOption('given');
    await form.locator('button[type="submit"]').click();
    await page.getByRole('status').first().waitFor();
    const history = await rju.get(`/cases/${caseId}/history`);
    const held = history.body.items.find((e: { type: string }) => e.type === 'PreparationSessionHeld' || e.type === 'PreparationRecorded');
    expect(Date.parse(held?.data.heldAt)).toBe(Date.parse('2026-03-02T06:00:00-08:00'));
    await page.close();
  });

  it('an auditor reads the same timeline data with personal information hidden as the API hides it, said in French: [masqué]', async () => {
    const caseId = await receiveComplaint(suite.supervisor, '2026-03-02T09:00:00-05:00');
    const page = await signedIn('auditor', 'fr');
    await page.goto(`${suite.running.baseUrl}/#/audit/${caseId}`);
    const first = page.locator('.timeline details').first();
    await first.locator('summary').click();
    await expectVisible(first.getByText('[masqué]').first());
    expect(await first.locator('.sealed').first().getAttribute('lang')).toBeNull();
    expect(await page.getByText('[redacted]').count()).toBe(0);
    await expectVisible(page.getByText(/que votre rôle ne peut pas voir s’affichent \[masqué\]/));
    expect(await page.content()).not.toContain('Robin');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('a case’s history names its people, not their ids: the complainant’s record without its id, a response naming the complainant, [masqué] to an auditor', async () => {
    const caseId = await receiveComplaint(suite.supervisor, '2026-03-02T09:00:00-05:00');
    await run(suite.supervisor, caseId, 'AcknowledgeComplaint', { method: 'email' });
    await run(suite.supervisor, caseId, 'AssignHandler', { handlerId: 'practitioner-1' });
    await run(await suite.running.as('practitioner', 'practitioner-1'), caseId, 'Respond', { response: 'We rebooked your meeting.', nextLevel: nextLevelContact });
    const history = await suite.supervisor.get(`/cases/${caseId}/history`);
    const subjectId = history.body.items[0].data.complainant.subjectId as string;
    expect(history.body.items.find((e: { type: string }) => e.type === 'ComplaintResponded').data.complainantId).toBe(subjectId);
    for (const [role, path, name] of [
      ['supervisor', 'cases', 'Robin'],
      ['auditor', 'audit', '[masqué]'],
    ] as const) {
      const page = await signedIn(role, 'fr');
      await page.goto(`${suite.running.baseUrl}/#/${path}/${caseId}`);
      const responded = page.locator('.timeline li').filter({ has: page.getByText('Réponse donnée', { exact: true }) });
      await responded.locator('summary').click();
      const complainant = responded.locator('.event-data dt').filter({ hasText: /^Personne plaignante$/ });
      expect({ role, shown: await complainant.locator('xpath=following-sibling::dd[1]').textContent() }).toEqual({ role, shown: name });
      await page.evaluate("document.querySelectorAll('.timeline details').forEach((d) => { d.open = true; })");
      // Named everywhere; the id only where the reader reads the person's record, as what a privacy request names them by.
      const shownIds = await page.locator('.privacy-id code').allTextContents();
      expect({ role, shownIds }).toEqual({ role, shownIds: role === 'auditor' ? [] : expect.arrayContaining([subjectId]) });
      const elsewhere = await page.evaluate<string>("(() => { const copy = document.querySelector('main').cloneNode(true); copy.querySelectorAll('.privacy-id').forEach((line) => line.remove()); return copy.textContent; })()");
      expect({ role, id: elsewhere.includes(subjectId) }).toEqual({ role, id: false });
      await page.close();
    }
  });

  it('a form asks for one of the case’s records by a pick of them, and the history names the record: a registration to cancel, by who registered and when', async () => {
    const presenter = await suite.running.as('practitioner', 'practitioner-1');
    const caseId = await sessionWithRegistrations(suite.supervisor, presenter, ['Sam Roy', 'Kim Lavoie']);
    const registered = (await presenter.get(`/cases/${caseId}/history`)).body.items.filter((e: { type: string }) => e.type === 'AttendeeRegistered');
    const [, kim] = registered.map((e: { data: { registrationId: string } }) => e.data.registrationId) as string[];

    const page = await signedIn('practitioner', 'fr');
    await page.goto(`${suite.running.baseUrl}/#/cases/${caseId}`);
    await page.getByRole('button', { name: 'Annuler une inscription', exact: true }).click();
    const form = page.getByRole('form', { name: 'Annuler une inscription' });
    const pick = form.locator('#cmd-CancelRegistration-registrationId');
    // Newest first, each by who registered and when; a minted id is nothing to tell them apart by.
    const options = await pick.locator('option').allTextContents();
    expect(options.slice(1)).toEqual([expect.stringMatching(/^Personne inscrite, .* — Kim Lavoie$/), expect.stringMatching(/^Personne inscrite, .* — Sam Roy$/)]);
    expect(options.join(' ')).not.toContain(kim!);
    await pick.selectOption(kim!);
    await form.locator('button[type="submit"]').click();
    await page.getByRole('status').getByText(/Annuler une inscription/).waitFor();
    const cancelled = (await presenter.get(`/cases/${caseId}/history`)).body.items.find((e: { type: string }) => e.type === 'RegistrationCancelled');
    expect(cancelled.data.registrationId).toBe(kim);
    const item = page.locator('.timeline li').filter({ has: page.getByText('Inscription annulée', { exact: true }) });
    await item.locator('summary').click();
    await expectVisible(item.locator('.event-data').getByText(/Personne inscrite, .* — Kim Lavoie/));
    // Kim stays among the session's people, marked as no longer registered; only Sam's registration is left to cancel.
    const kimsCard = page.locator('.person').filter({ hasText: 'Kim Lavoie' });
    await expectVisible(kimsCard.locator('.status-line').getByText('Inscription annulée'));
    expect(await page.locator('.person').filter({ hasText: 'Sam Roy' }).locator('.status-line').count()).toBe(0);
    await page.getByRole('button', { name: 'Annuler une inscription', exact: true }).click();
    expect((await pick.locator('option').allTextContents()).slice(1)).toEqual([expect.stringMatching(/^Personne inscrite, .* — Sam Roy$/)]);
    await page.getByRole('button', { name: 'Annuler une inscription', exact: true, expanded: true }).click();
    // The id Mend minted for each registration shows nowhere, not even in the event that made it.
    await page.evaluate("document.querySelectorAll('.timeline details').forEach((d) => { d.open = true; })");
    expect((await page.locator('main').textContent())!.includes(kim!)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('a form asks for another workflow’s case by a pick of those the reader may list, and the history names it by its reference', async () => {
    // The opt-in its workflow gives as the example of its opening command.
    const optIn = restorativeEngagementWorkflow.commands.find((command) => command.type === 'ReceiveOptIn')!.example;
    const engagement = await suite.supervisor.post('/cases', { workflow: 'restorative-engagement', command: 'ReceiveOptIn', data: optIn });
    expect(engagement.status).toBe(201);
    const engagementId = engagement.body.caseId as string;
    await run(suite.supervisor, engagementId, 'ConfirmParticipation', { officialLanguage: 'en' });
    await run(suite.supervisor, engagementId, 'AssignPractitioner', { practitionerIds: ['practitioner-1'] });
    const reference = (await suite.supervisor.get(`/cases/${engagementId}`)).body.reference as string;
    const representatives = Array.from({ length: 6 }, (_, i) => ({ name: `Representative ${i + 1}`, affiliation: 'cafMember', nominatedOn: '2026-02-11' }));
    const cohort = await suite.supervisor.post('/cases', {
      workflow: 'defence-cohort',
      command: 'FormCohort',
      data: { region: 'ON', format: 'fullTime', delivery: 'virtual', practitionerIds: ['practitioner-1', 'practitioner-2'], representatives },
    });
    expect(cohort.status).toBe(201);
    const cohortId = cohort.body.caseId as string;
    await run(await suite.running.as('practitioner', 'practitioner-1'), cohortId, 'StartCohort', { startedOn: '2026-03-02' });

    const page = await signedIn('practitioner', 'fr');
    await page.goto(`${suite.running.baseUrl}/#/cases/${cohortId}`);
    await page.getByRole('button', { name: 'Consigner une séance d’engagement', exact: true }).click();
    const form = page.getByRole('form', { name: 'Consigner une séance d’engagement' });
    await form.locator('#cmd-RecordEngagementSession-delivery').selectOption('virtual');
    await form.locator('#cmd-RecordEngagementSession-setting').selectOption('individual');
    await form.locator('#cmd-RecordEngagementSession-engagementCaseIds button').last().click();
    const pick = form.locator('#cmd-RecordEngagementSession-engagementCaseIds_0');
    // The practitioner's own Restorative Engagement case, by its reference and state: no case id to copy.
    await pick.locator('option', { hasText: reference }).waitFor({ state: 'attached' });
    expect(await pick.locator('option', { hasText: reference }).textContent()).toMatch(new RegExp(`^${reference} — `));
    await pick.selectOption(engagementId);
    // In phase 1, the class member has not chosen engagement sessions: the refusal is said beside the pick.
    await form.locator('button[type="submit"]').click();
    await form.locator('#cmd-RecordEngagementSession-engagementCaseIds_0-error').getByText(/ne participe pas aux séances d’engagement/).waitFor();
    const practitioner = await suite.running.as('practitioner', 'practitioner-1');
    await run(practitioner, engagementId, 'RecordPreparationSession', {
      delivery: 'virtual',
      topics: ['programOverview', 'participationOptions', 'confidentialityLimits', 'dutyToReportException', 'supportServices', 'goalSetting'],
    });
    await run(practitioner, engagementId, 'SetGoals', { goals: 'Be heard by leaders who can change how complaints are handled.' });
    await run(practitioner, engagementId, 'CompletePreparation', {});
    await run(practitioner, engagementId, 'ChooseParticipation', { options: ['engagementSession'], deliveries: ['virtual'], settings: ['individual'], anonymity: 'anonymous' });
    await form.locator('button[type="submit"]').click();
    await page.getByRole('status').getByText(/Consigner une séance d’engagement/).waitFor();
    const held = (await suite.supervisor.get(`/cases/${cohortId}/history`)).body.items.find((e: { type: string }) => e.type === 'EngagementSessionHeld');
    expect(held.data.engagementCaseIds).toEqual([engagementId]);
    const item = page.locator('.timeline li').filter({ has: page.getByText('Séance d’engagement tenue', { exact: true }) });
    await item.locator('summary').click();
    const link = item.locator('.event-data').getByRole('link', { name: reference });
    await expectVisible(link);
    expect(await link.getAttribute('href')).toBe(`#/cases/${engagementId}`);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('a practitioner opens a complaint too, and is told it reaches their caseload once assigned to them (they read only their own cases)', async () => {
    const page = await signedIn('practitioner', 'en');
    await page.goto(`${suite.running.baseUrl}/#/open/complaint`);
    const form = page.getByRole('form', { name: 'Receive a complaint' });
    await form.locator('#cmd-ReceiveComplaint-channel').selectOption('mail');
    await form.locator('#cmd-ReceiveComplaint-receivedAt').fill('2026-03-02T08:00');
    await form.locator('#cmd-ReceiveComplaint-complainant_name').fill('Alex');
    await form.locator('#cmd-ReceiveComplaint-text').fill('A letter about my preparation meeting.');
    await form.getByRole('button', { name: 'Receive a complaint' }).click();
    await page.getByRole('status').getByText('It will show in your caseload once it is assigned to you.').waitFor();
    expect(await page.getByRole('link', { name: /Go to case/ }).count()).toBe(0);
    // The form is empty again: sending it twice would open two cases.
    expect(await page.locator('#cmd-ReceiveComplaint-text').inputValue()).toBe('');
    await page.close();
  });

  it('offers intake only of the workflows the role may open: rju opens referrals and complaints about its program, no SMSRC case', async () => {
    const page = await signedIn('rju', 'en');
    await page.goto(`${suite.running.baseUrl}/#/open`);
    await page.getByRole('heading', { name: 'Open a case' }).waitFor();
    const choices = await page.locator('.workflow-choices a').allTextContents();
    expect(choices.some((c) => c.startsWith('Restorative Opportunities'))).toBe(true);
    expect(choices).toContain('Complaint');
    expect(choices.some((c) => c.startsWith('Restorative Engagement') || c.startsWith('Response and Support'))).toBe(false);
    // A complaint about its own program is the RJU's to record.
    await page.locator('.workflow-choices a', { hasText: /^Complaint/ }).click();
    const program = page.locator('#cmd-ReceiveComplaint-concerns_program');
    await program.waitFor();
    // Its choices drawn, not only the field.
    await program.locator('option[value="restorative-opportunities"]').waitFor({ state: 'attached' });
    expect(await program.locator('option[value="restorative-opportunities"]').count()).toBe(1);
    await page.close();
  });
});
