import type { Page } from 'playwright-core';
import { receiveComplaint, run } from '../sla/sla-support';
import { axeViolations, chooseLanguage, consoleSuite, expectVisible, sessionWithRegistrations } from './browser';

/** The form's fields, by their ids: the correction's own command, its data's paths. */
const field = (path: string) => `#cmd-CorrectPersonalInformation-${path.replace(/\./g, '_')}`;

/**
 * The right of correction (Privacy Act, s. 12(2)) in the console: those the correction's grants name
 * correct a person's record from the People section of a case page, in a form drawn from the
 * command's schema with that person's fields filled in; only what changed is sent, and the page
 * then shows the new values, the correction in the history and its reason among the writings.
 */
describe('the console: a person’s record corrected', () => {
  jest.setTimeout(180_000);
  const suite = consoleSuite();

  /** A complaint from Robin (robin@example.org), acknowledged and assigned to practitioner-1. */
  async function assignedComplaint(): Promise<string> {
    const caseId = await receiveComplaint(suite.supervisor, '2026-03-02T09:00:00-05:00');
    await run(suite.supervisor, caseId, 'AcknowledgeComplaint', { method: 'email' });
    await run(suite.supervisor, caseId, 'AssignHandler', { handlerId: 'practitioner-1' });
    return caseId;
  }

  /** Signed in, in a language: the browser keeps the last one chosen for every tab. */
  async function signedIn(role: 'practitioner' | 'supervisor' | 'auditor' | 'mediator' | 'rju', subject: string, language: 'en' | 'fr' = 'en'): Promise<Page> {
    const page = await suite.browser.signedIn(role, subject);
    await chooseLanguage(page, language);
    return page;
  }

  const events = async (caseId: string) => (await suite.supervisor.get(`/cases/${caseId}/history`)).body.items as { type: string; data: Record<string, unknown> }[];
  const lastEvent = async (caseId: string) => (await events(caseId)).at(-1)!;

  /** The bodies of the commands the page sends, as they leave the browser. */
  function commandsSent(page: Page): unknown[] {
    const sent: unknown[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/commands/')) sent.push(request.postDataJSON());
    });
    return sent;
  }

  it('the assigned practitioner corrects a complainant’s name and contact: only what changed is sent, and the page shows the new values and the correction', async () => {
    const caseId = await assignedComplaint();
    const page = await signedIn('practitioner', 'practitioner-1');
    const sent = commandsSent(page);
    // The inbox lists the next steps of the workflow: a correction is not one.
    await page.locator('table.cases').waitFor();
    expect(await page.locator('table.cases').textContent()).not.toContain('Correct personal information');
    await page.goto(`${suite.running.baseUrl}/#/cases/${caseId}`);
    await page.locator('.command-list').waitFor();
    expect(await page.locator('.command-list').textContent()).not.toContain('Correct personal information');

    const people = page.getByRole('region', { name: 'People' });
    // Whose record it corrects, by their part and their name: two people may share a part.
    const correct = people.getByRole('button', { name: 'Correct the record: Complainant — Robin', exact: true });
    expect(await correct.textContent()).toMatch(/^Correct/);
    expect(await correct.getAttribute('aria-expanded')).toBe('false');
    await correct.click();
    expect(await correct.getAttribute('aria-expanded')).toBe('true');
    const form = page.getByRole('form', { name: 'Correct personal information' });
    await form.waitFor();
    // This person's correctable fields only, filled in with what the case records; their subject id is not a field.
    expect(await form.locator('input, textarea, select').evaluateAll((controls) => controls.map((c) => c.id))).toEqual([
      'cmd-CorrectPersonalInformation-changes_name',
      'cmd-CorrectPersonalInformation-changes_pseudonym-true',
      'cmd-CorrectPersonalInformation-changes_pseudonym-false',
      'cmd-CorrectPersonalInformation-changes_contact',
      'cmd-CorrectPersonalInformation-reason',
    ]);
    expect(await form.locator(field('changes.name')).inputValue()).toBe('Robin');
    // Whether the name is a pseudonym describes it: a complaint lets a correction say so.
    expect(await form.locator(`${field('changes.pseudonym')}-true`).isChecked()).toBe(true);
    expect(await form.locator(field('changes.contact')).inputValue()).toBe('robin@example.org');
    // Named as the workflow names the complainant's fields; the name is required of a complainant, the contact not.
    expect(await form.locator(`label[for="${field('changes.contact').slice(1)}"] .label-text`).textContent()).toBe('Contact information (optional)');
    expect(await form.locator(field('changes.name')).getAttribute('aria-required')).toBe('true');
    expect(await form.locator(field('changes.contact')).getAttribute('aria-required')).toBeNull();
    expect(await form.locator(field('reason')).getAttribute('aria-required')).toBe('true');

    // Nothing changed: said at once, beside the fields and in the summary (which takes the focus), and nothing is sent.
    await form.getByRole('button', { name: 'Correct personal information' }).click();
    const summary = form.locator('.error-summary');
    await expectVisible(summary.getByText(/none of these differs from what the case records/));
    await form.locator('.error-summary:focus').waitFor();
    await expectVisible(form.locator(`${field('changes')}-error`));
    expect(sent).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    // A required field emptied: the API's refusal, beside the field.
    await form.locator(field('changes.name')).fill('');
    await form.locator(field('changes.contact')).fill('613-555-0199');
    await form.locator(field('reason')).fill('Robin gave a new telephone number and their full name.');
    await form.getByRole('button', { name: 'Correct personal information' }).click();
    await expectVisible(form.locator(`${field('changes.name')}-error`));
    expect(await form.locator(field('changes.name')).getAttribute('aria-invalid')).toBe('true');
    expect(sent).toHaveLength(1);
    expect((await events(caseId)).map((e) => e.type)).not.toContain('PersonalInformationCorrected');

    await form.locator(field('changes.name')).fill('Robin Dupont');
    await form.locator(`${field('changes.pseudonym')}-false`).check();
    await form.getByRole('button', { name: 'Correct personal information' }).click();
    await expectVisible(page.getByRole('status').getByText('Personal information corrected: Complainant.'));
    expect(await lastEvent(caseId)).toMatchObject({
      type: 'PersonalInformationCorrected',
      data: { changes: { name: 'Robin Dupont', pseudonym: false, contact: '613-555-0199' }, reason: 'Robin gave a new telephone number and their full name.' },
    });
    // Only the fields changed were sent, with whose record and why: nothing else of the record.
    const complainant = (await events(caseId))[0]!.data['complainant'] as { subjectId: string };
    expect(sent.at(-1)).toEqual({
      subjectId: complainant.subjectId,
      changes: { name: 'Robin Dupont', pseudonym: false, contact: '613-555-0199' },
      reason: 'Robin gave a new telephone number and their full name.',
    });

    // The People section shows the record as corrected, still as the complainant; the form is closed.
    await expectVisible(people.getByText('613-555-0199'));
    await expectVisible(people.getByText('Robin Dupont', { exact: true }));
    expect(await people.getByText('robin@example.org').count()).toBe(0);
    expect(await people.getByRole('heading', { name: 'Complainant' }).count()).toBe(1);
    expect(await form.count()).toBe(0);
    // The reason is written about the case, with the correction's name; the new values are not.
    const about = page.getByRole('region', { name: 'What the case is about' });
    const reason = about.locator('.writing').filter({ hasText: 'Robin gave a new telephone number' });
    await expectVisible(reason);
    expect(await reason.locator('dt').textContent()).toMatch(/^Reason \(Personal information corrected, /);
    expect(await about.getByText('613-555-0199').count()).toBe(0);
    // The history shows the correction, naming the person by their name now.
    const corrected = page.locator('.timeline li').filter({ has: page.getByText('Personal information corrected', { exact: true }) });
    await corrected.locator('summary').click();
    await expectVisible(corrected.locator('.event-data').getByText('613-555-0199'));
    const person = corrected.locator('.event-data dt').filter({ hasText: /^Person$/ });
    expect(await person.locator('xpath=following-sibling::dd[1]').textContent()).toBe('Robin Dupont');
    // The button is there again, for the corrected record.
    await expectVisible(people.getByRole('button', { name: 'Correct the record: Complainant — Robin Dupont', exact: true }));
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('(fr) a supervisor removes a contact: « Corriger », a field emptied is sent as removed, every word in French', async () => {
    const caseId = await assignedComplaint();
    const page = await signedIn('supervisor', 'supervisor-1', 'fr');
    const sent = commandsSent(page);
    await page.goto(`${suite.running.baseUrl}/#/cases/${caseId}`);
    const people = page.getByRole('region', { name: 'Personnes' });
    const correct = people.getByRole('button', { name: /^Corriger la fiche\s: Personne plaignante — Robin$/ });
    expect(await correct.textContent()).toMatch(/^Corriger/);
    await correct.click();
    const form = page.getByRole('form', { name: 'Corriger des renseignements personnels' });
    await form.getByRole('button', { name: 'Corriger des renseignements personnels' }).click();
    await expectVisible(form.locator('.error-summary').getByText(/aucun ne diffère de ce que le dossier consigne/));
    expect(sent).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    await form.locator(field('changes.contact')).fill('');
    await form.locator(field('reason')).fill('Robin ne veut plus être joint à cette adresse.');
    await form.getByRole('button', { name: 'Corriger des renseignements personnels' }).click();
    await expectVisible(page.getByRole('status').getByText('Renseignements personnels corrigés\u00a0: Personne plaignante.'));
    // The field emptied is sent as null: removed from the record.
    expect(sent).toEqual([{ subjectId: expect.any(String), changes: { contact: null }, reason: 'Robin ne veut plus être joint à cette adresse.' }]);
    expect(await lastEvent(caseId)).toMatchObject({ type: 'PersonalInformationCorrected', data: { changes: { contact: null } } });
    // Once the page has read the case again (its history shows the correction), the contact is gone from the complainant's record; the name stays.
    await expectVisible(page.locator('.timeline').getByText('Renseignements personnels corrigés', { exact: true }));
    expect(await people.getByText('robin@example.org').count()).toBe(0);
    expect(await people.locator('dt', { hasText: 'Coordonnées' }).count()).toBe(0);
    await expectVisible(people.getByText('Robin', { exact: true }));
    await expectVisible(people.getByRole('button', { name: /^Corriger la fiche/ }));
    expect(await page.locator('main [lang="en"]').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('tells apart two people of one part: each button names whose record it corrects', async () => {
    const caseId = await sessionWithRegistrations(suite.supervisor, suite.supervisor, ['Sam Roy', 'Kim Lavoie']);
    const page = await signedIn('supervisor', 'supervisor-1', 'fr');
    await page.goto(`${suite.running.baseUrl}/#/cases/${caseId}`);
    const people = page.getByRole('region', { name: 'Personnes' });
    await people.getByRole('button', { name: /^Corriger/ }).first().waitFor();
    const names = await people.getByRole('button', { name: /^Corriger/ }).evaluateAll((buttons) => buttons.map((b) => b.textContent));
    expect(names).toEqual([expect.stringMatching(/^Corriger la fiche\s: .+ — Sam Roy$/), expect.stringMatching(/^Corriger la fiche\s: .+ — Kim Lavoie$/)]);
    await page.close();
  });

  it('offers no correction to those its grants do not name: an auditor, nor an RO mediator handling a complaint about their program', async () => {
    const caseId = await assignedComplaint();
    const auditor = await signedIn('auditor', 'auditor-1');
    await auditor.goto(`${suite.running.baseUrl}/#/cases/${caseId}`);
    await auditor.locator('.timeline').waitFor();
    expect(await auditor.getByRole('button', { name: /^Correct/ }).count()).toBe(0);
    await auditor.close();

    // A complaint about the RO program reads as an RO case: the mediator handling it reads it in full, and may not correct it.
    const rju = await suite.running.as('rju', 'rju-1');
    const opened = await rju.post('/cases', {
      workflow: 'complaint',
      command: 'ReceiveComplaint',
      data: {
        channel: 'electronic',
        receivedAt: '2026-03-02T09:00:00-05:00',
        region: 'ON',
        complainant: { name: 'Kim', contact: 'kim@example.org' },
        text: 'Nobody told me the meeting was moved.',
        concerns: { program: 'restorative-opportunities' },
      },
    });
    expect(opened.status).toBe(201);
    const complaintId = opened.body.caseId as string;
    await run(rju, complaintId, 'AssignHandler', { handlerId: 'mediator-1' });
    const mediator = await signedIn('mediator', 'mediator-1');
    await mediator.goto(`${suite.running.baseUrl}/#/cases/${complaintId}`);
    const people = mediator.getByRole('region', { name: 'People' });
    await expectVisible(people.getByText('kim@example.org'));
    expect(await mediator.getByRole('button', { name: /^Correct/ }).count()).toBe(0);
    // The RJU, whose grant it is, may.
    const unit = await signedIn('rju', 'rju-1');
    await unit.goto(`${suite.running.baseUrl}/#/cases/${complaintId}`);
    await expectVisible(unit.getByRole('region', { name: 'People' }).getByRole('button', { name: 'Correct the record: Complainant — Kim', exact: true }));
    await mediator.close();
    await unit.close();
  });
});
