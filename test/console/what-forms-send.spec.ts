import type { Page } from 'playwright-core';
import { complaintLabels } from '../../workflows/complaint/labels';
import { defenceCohortLabels } from '../../workflows/defence-cohort/labels';
import { restorativeOpportunitiesLabels as ro } from '../../workflows/restorative-opportunities/labels';
import { supportCoordinationLabels } from '../../workflows/support-coordination/labels';
import { workflowDefinitions } from '../../workflows/registry';
import type { HttpClient } from '../support/app';
import { run } from '../sla/sla-support';
import { axeViolations, chooseLanguage, consoleSuite, expectVisible } from './browser';

/** The bodies of the commands the page sends (`POST /cases` and `POST /cases/:id/commands/:name`), as they leave the browser. */
function sent(page: Page): Record<string, unknown>[] {
  const bodies: Record<string, unknown>[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && /\/cases(\/[^/]+\/commands\/[^/]+)?$/.test(new URL(request.url()).pathname)) bodies.push(request.postDataJSON() as Record<string, unknown>);
  });
  return bodies;
}

const example = (workflow: string, command: string) =>
  ({ ...workflowDefinitions.find((d) => d.name === workflow)!.commands.find((c) => c.type === command)!.example }) as Record<string, unknown>;

/** A complaint received before the suite's now (09:00 in Ottawa). */
const complaintData = () => ({ ...example('complaint', 'ReceiveComplaint'), receivedAt: '2026-03-02T08:30:00-05:00' });

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * What a generated form sends is what the person meant: only the fields of the kind of request they
 * chose, no optional group they left alone, an empty list they saw as "none"; and it asks for people
 * and clocks by their names, never for ids the person cannot see.
 */
describe('the console: what forms send and ask for', () => {
  jest.setTimeout(240_000);
  const suite = consoleSuite();
  let rju: HttpClient;

  /** An RO case opened by the RJU and taken through `steps` (each a command and its data). */
  async function roCase(steps: readonly (readonly [string, Record<string, unknown>])[]): Promise<string> {
    const opened = await rju.post('/cases', {
      workflow: 'restorative-opportunities',
      command: 'ReceiveReferral',
      data: example('restorative-opportunities', 'ReceiveReferral'),
    });
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId as string;
    for (const [command, data] of steps) await run(rju, caseId, command, data);
    return caseId;
  }
  const intake = [['BeginIntakeAssessment', { intakeOfficerId: 'rju-1' }]] as const;
  const assessed = [
    ...intake,
    ['AssessIntake', { outcome: 'suitable', offenderAcceptedResponsibility: true, safetyConcerns: 'none', noContactConditions: [] }],
    ['AssignMediator', { mediatorId: 'mediator-1' }],
    ['RecordPreparation', { party: 'victim', heldAt: '2026-01-27T15:00:00-05:00', consent: 'given' }],
    ['RecordPreparation', { party: 'offender', heldAt: '2026-02-03T10:00:00-05:00', consent: 'given' }],
    ['SelectModel', { model: 'faceToFace' }],
  ] as const;

  beforeAll(async () => {
    rju = await suite.running.as('rju', 'rju-1');
  });

  it('(fr) a CSC-staff referral sends only what that kind of referral has, and an offender’s own request meets the program’s rule', async () => {
    const page = await suite.browser.signedIn('rju', 'rju-1');
    const bodies = sent(page);
    try {
      await chooseLanguage(page, 'fr');
      await page.goto(`${suite.running.baseUrl}/#/open/restorative-opportunities`);
      const form = page.getByRole('form', { name: ro.commands['ReceiveReferral']!.fr });
      await form.locator('#cmd-ReceiveReferral-receivedAt').waitFor();
      // A person's own id is the API's to give: no box asks for it.
      expect(await form.locator('[id$="subjectId"]').count()).toBe(0);
      expect(await form.getByText(/Identifiant de la personne/).count()).toBe(0);
      await form.locator('#cmd-ReceiveReferral-source').selectOption('institutional');
      await form.locator('#cmd-ReceiveReferral-receivedAt').fill('2026-03-02T09:00');
      await form.locator('#cmd-ReceiveReferral-victim_name').fill('Sam Tremblay');
      await form.locator('#cmd-ReceiveReferral-offender_name').fill('Jordan Roy');
      await form.locator('#cmd-ReceiveReferral-referredBy_staffRole').selectOption('paroleOfficer');
      await form.getByRole('button', { name: ro.commands['ReceiveReferral']!.fr }).click();
      await expectVisible(page.locator('.notice[role="status"]'));
      const data = bodies.at(-1)!['data'] as Record<string, unknown>;
      expect(data).toMatchObject({ source: 'institutional', referredBy: { staffRole: 'paroleOfficer' } });
      expect(data).not.toHaveProperty('victimRegistered');

      // The offender asking on their own: the program's own refusal, not a schema error.
      await form.locator('#cmd-ReceiveReferral-source').selectOption('offender');
      await form.locator('#cmd-ReceiveReferral-receivedAt').fill('2026-03-02T09:00');
      await form.locator('#cmd-ReceiveReferral-offender_name').fill('Jordan Roy');
      await form.getByRole('button', { name: ro.commands['ReceiveReferral']!.fr }).click();
      const summary = form.getByRole('alert');
      await summary.waitFor();
      expect(await summary.textContent()).toContain('n’accepte pas les demandes présentées directement par un délinquant');
      expect(await summary.textContent()).not.toContain('champ inconnu');
      expect(bodies.at(-1)!['data']).not.toHaveProperty('victimRegistered');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('(fr) a meeting arranged without exceptional circumstances sends none, and an intake with no condition sends an empty list; only agreed support persons are offered', async () => {
    const meetingCase = await roCase([...assessed, ['AgreeSupportPerson', { supports: 'victim', person: { name: 'Alex Tremblay', contact: '613-555-0199' } }]]);
    const intakeCase = await roCase(intake);
    const page = await suite.browser.signedIn('rju', 'rju-1');
    const bodies = sent(page);
    try {
      await chooseLanguage(page, 'fr');
      await page.goto(`${suite.running.baseUrl}/#/cases/${intakeCase}`);
      const assess = ro.commands['AssessIntake']!.fr;
      await page.getByRole('button', { name: assess, exact: true }).click();
      const intakeForm = page.getByRole('form', { name: assess });
      await intakeForm.locator('#cmd-AssessIntake-outcome').selectOption('suitable');
      await intakeForm.locator('#cmd-AssessIntake-offenderAcceptedResponsibility-true').check();
      await intakeForm.locator('#cmd-AssessIntake-safetyConcerns').selectOption('none');
      await intakeForm.getByRole('button', { name: assess }).click();
      await expectVisible(page.locator('.notice[role="status"]'));
      expect(bodies.at(-1)).toMatchObject({ outcome: 'suitable', noContactConditions: [] });

      await page.goto(`${suite.running.baseUrl}/#/cases/${meetingCase}`);
      const arrange = ro.commands['ArrangeMeeting']!.fr;
      await page.getByRole('button', { name: arrange, exact: true }).click();
      const form = page.getByRole('form', { name: arrange });
      await form.locator('#cmd-ArrangeMeeting-scheduledFor').fill('2026-03-20T10:00');
      await form.locator('#cmd-ArrangeMeeting-venue_kind').selectOption('institution');
      await form.locator('#cmd-ArrangeMeeting-venue_site').fill('Établissement de Collins Bay');
      await form.locator('#cmd-ArrangeMeeting-privateAndUninterrupted-true').check();
      await form.locator('#cmd-ArrangeMeeting-notRecordedOrOverheard-true').check();
      // Two of the protocols' rules broken at once: each said beside the field it is about, both in the summary.
      await form.locator('#cmd-ArrangeMeeting-room').selectOption('visitsAndCorrespondenceArea');
      await form.locator('#cmd-ArrangeMeeting-entryDocumentsArranged').selectOption('false');
      await form.getByRole('button', { name: arrange }).click();
      for (const field of ['room', 'entryDocumentsArranged']) await expectVisible(form.locator(`#cmd-ArrangeMeeting-${field}-error`));
      expect(await form.locator('.error-summary li a').count()).toBe(2);
      expect(await form.locator('#cmd-ArrangeMeeting-room').getAttribute('aria-invalid')).toBe('true');
      expect(await axeViolations(page)).toEqual([]);
      await form.locator('#cmd-ArrangeMeeting-room').selectOption('chapel');
      await form.locator('#cmd-ArrangeMeeting-entryDocumentsArranged').selectOption('true');
      // The victim and the offender attend as parties: the support persons to pick are those all participants agreed to, not everyone the case names.
      const supportPersons = form.locator('#cmd-ArrangeMeeting-supportPersonIds input[type="checkbox"]');
      expect(await supportPersons.count()).toBe(1);
      const offered = form.locator('#cmd-ArrangeMeeting-supportPersonIds label');
      expect(await offered.textContent()).toContain('Alex Tremblay');
      await supportPersons.first().check();
      await form.getByRole('button', { name: arrange }).click();
      await expectVisible(page.locator('.notice[role="status"]'));
      expect(bodies.at(-1)).not.toHaveProperty('exceptionalCircumstances');
      expect(bodies.at(-1)!['supportPersonIds']).toEqual([expect.any(String)]);
    } finally {
      await page.close();
    }
  });

  it('(fr) a representative is picked by name, and a clock by its name among those the step acts on', async () => {
    const cohort = await suite.supervisor.post('/cases', { workflow: 'defence-cohort', command: 'FormCohort', data: example('defence-cohort', 'FormCohort') });
    expect(cohort.status).toBe(201);
    const cohortId = cohort.body.caseId as string;
    const complaint = await suite.supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: complaintData() });
    expect(complaint.status).toBe(201);
    const complaintId = complaint.body.caseId as string;
    await run(suite.supervisor, complaintId, 'AssignHandler', { handlerId: 'practitioner-1' });
    await run(suite.supervisor, complaintId, 'AcknowledgeComplaint', { method: 'email' });

    const page = await suite.browser.signedIn('supervisor', 'supervisor-1');
    const bodies = sent(page);
    try {
      await chooseLanguage(page, 'fr');
      await page.goto(`${suite.running.baseUrl}/#/cases/${cohortId}`);
      const withdraw = defenceCohortLabels.commands['WithdrawRepresentative']!.fr;
      await page.getByRole('button', { name: withdraw, exact: true }).click();
      const form = page.getByRole('form', { name: withdraw });
      const representative = form.locator('#cmd-WithdrawRepresentative-representativeId');
      expect(await representative.evaluate((el) => el.tagName)).toBe('SELECT');
      const options = await representative.locator('option').allTextContents();
      expect(options.some((o) => o.startsWith('Cpl Alex Martin'))).toBe(true);
      expect(options.join(' ')).not.toMatch(/rep-\d/);
      await representative.selectOption({ label: options.find((o) => o.startsWith('Cpl Alex Martin'))! });
      await form.locator('#cmd-WithdrawRepresentative-reason').selectOption('postingOrDeployment');
      await form.getByRole('button', { name: withdraw }).click();
      await expectVisible(page.locator('.notice[role="status"]'));
      expect(bodies.at(-1)).toMatchObject({ representativeId: 'rep-1' });
      // Who left stays among the cohort's people, marked as gone and listed after those who stay, and no form offers them again.
      const alex = page.locator('.person').filter({ hasText: 'Cpl Alex Martin' });
      await expectVisible(alex.locator('.status-line').getByText(defenceCohortLabels.events['RepresentativeWithdrawn']!.fr));
      expect(await page.locator('.person.ended').count()).toBe(1);
      expect(await page.locator('.person').last().textContent()).toContain('Cpl Alex Martin');
      await page.getByRole('button', { name: withdraw, exact: true }).click();
      const remaining = await form.locator('#cmd-WithdrawRepresentative-representativeId option').allTextContents();
      expect({ left: remaining.filter((o) => o.startsWith('Cpl Alex Martin')), offered: remaining.length }).toEqual({ left: [], offered: options.length - 1 });
      await page.getByRole('button', { name: withdraw, exact: true, expanded: true }).click();

      await page.goto(`${suite.running.baseUrl}/#/cases/${complaintId}`);
      const pause = complaintLabels.commands['PauseClock']!.fr;
      await page.getByRole('button', { name: pause, exact: true }).click();
      const pauseForm = page.getByRole('form', { name: pause });
      const clock = pauseForm.locator('#cmd-PauseClock-clock');
      expect(await clock.evaluate((el) => el.tagName)).toBe('SELECT');
      const clocks = (await clock.locator('option').allTextContents()).slice(1);
      expect(clocks).toEqual(['Réponse, palier 1 — en cours']);
      await clock.selectOption({ label: clocks[0]! });
      await pauseForm.locator('#cmd-PauseClock-reason').fill('En attente des disponibilités de la personne.');
      await pauseForm.getByRole('button', { name: pause }).click();
      await expectVisible(page.locator('.notice[role="status"]'));
      expect(bodies.at(-1)).toMatchObject({ clock: 'response-1' });

      const resume = complaintLabels.commands['ResumeClock']!.fr;
      await page.getByRole('button', { name: resume, exact: true }).click();
      const resumeForm = page.getByRole('form', { name: resume });
      expect((await resumeForm.locator('#cmd-ResumeClock-clock option').allTextContents()).slice(1)).toEqual(['Réponse, palier 1 — suspendu']);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('(fr) a step that hands the case on is confirmed by the case’s reference, with the way back, and nothing is read that would be refused', async () => {
    const complaint = await suite.supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: complaintData() });
    const complaintId = complaint.body.caseId as string;
    const reference = complaint.body.reference as string;
    await run(suite.supervisor, complaintId, 'AssignHandler', { handlerId: 'practitioner-1' });
    const handler = await suite.running.as('practitioner', 'practitioner-1');
    await run(handler, complaintId, 'AcknowledgeComplaint', { method: 'email' });
    await run(handler, complaintId, 'Respond', example('complaint', 'Respond'));

    const page = await suite.browser.signedIn('practitioner', 'practitioner-1');
    const refused: string[] = [];
    page.on('response', (response) => {
      if (response.status() === 403) refused.push(response.url());
    });
    try {
      await chooseLanguage(page, 'fr');
      await page.goto(`${suite.running.baseUrl}/#/cases/${complaintId}`);
      const review = complaintLabels.commands['RequestReview']!.fr;
      await page.getByRole('button', { name: review, exact: true }).click();
      await page.getByRole('form', { name: review }).getByRole('button', { name: review }).click();
      const notice = page.locator('.notice[role="status"]');
      await expectVisible(notice);
      const said = (await notice.textContent())!;
      expect(said).toContain(reference);
      expect(said).toContain('ne figure plus dans vos dossiers');
      expect(said).not.toMatch(UUID);
      expect(await page.locator('main').textContent()).not.toContain(complaintId);
      await expectVisible(page.getByRole('link', { name: '← Retour à mes dossiers' }));
      expect(await page.evaluate<string>('document.activeElement?.className ?? ""')).toContain('notice');

      // Opening a case that will be assigned later: told so, and the case is not read.
      await page.goto(`${suite.running.baseUrl}/#/open/information-session`);
      const requestSession = page.getByRole('form');
      const reads: string[] = [];
      page.on('request', (request) => {
        if (request.method() === 'GET' && /\/cases\/[^/?]+/.test(new URL(request.url()).pathname)) reads.push(request.url());
      });
      await requestSession.locator('#cmd-RequestInformationSession-audience').selectOption('classMembers');
      await requestSession.locator('#cmd-RequestInformationSession-topics-smsrcServices').check();
      await requestSession.locator('button[type="submit"]').click();
      await expectVisible(page.getByText('Il apparaîtra dans vos dossiers une fois qu’il vous aura été attribué.'));
      await page.waitForTimeout(300);
      expect(reads).toEqual([]);
      expect(refused).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('(fr) an anonymous client’s support timeline names them by their part, shows no minted id, and a refused step clears the last notice', async () => {
    const opened = await suite.supervisor.post('/cases', {
      workflow: 'support-coordination',
      command: 'RecordOptIn',
      data: { channel: 'supportLine', region: 'ON', client: { anonymous: true, contact: 'anonyme@example.org', location: 'outsideCanada' }, language: 'fr' },
    });
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId as string;
    await run(suite.supervisor, caseId, 'AssignCoordinator', { coordinatorId: 'practitioner-1', timeZone: 'America/Toronto' });
    const coordinator = await suite.running.as('practitioner', 'practitioner-1');
    await run(coordinator, caseId, 'RecordFirstContact', { method: 'phone' });
    await run(coordinator, caseId, 'MakeReferral', { to: 'mplo', clientConsented: true, anonymous: true });

    const page = await suite.browser.signedIn('practitioner', 'practitioner-1');
    try {
      await chooseLanguage(page, 'fr');
      await page.goto(`${suite.running.baseUrl}/#/cases/${caseId}`);
      const timeline = page.locator('ol.timeline');
      await timeline.waitFor();
      for (const summary of await timeline.locator('details summary').all()) await summary.click();
      expect(await timeline.textContent()).not.toMatch(UUID);

      const service = supportCoordinationLabels.commands['RecordService']!.fr;
      await page.getByRole('button', { name: service, exact: true }).click();
      let form = page.getByRole('form', { name: service });
      await form.locator('#cmd-RecordService-service').selectOption('advocacy');
      await form.locator('#cmd-RecordService-providedOn').fill('2026-03-02');
      await form.getByRole('button', { name: service }).click();
      await expectVisible(page.locator('.notice[role="status"]'));
      await page.getByRole('button', { name: service, exact: true }).click();
      form = page.getByRole('form', { name: service });
      await form.getByRole('button', { name: service }).click();
      await form.getByRole('alert').waitFor();
      expect(await page.locator('.notice[role="status"]').count()).toBe(0);
    } finally {
      await page.close();
    }
  });

  it('(fr) a reassignment from the SLA dashboard closes its form and says what it recorded, by the case’s reference', async () => {
    const complaint = await suite.supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: complaintData() });
    expect(complaint.status).toBe(201);
    const reference = complaint.body.reference as string;
    const page = await suite.browser.signedIn('supervisor', 'supervisor-1');
    try {
      await chooseLanguage(page, 'fr');
      await page.getByRole('button', { name: `Réattribuer le dossier ${reference}` }).first().click();
      const assign = complaintLabels.commands['AssignHandler']!.fr;
      const form = page.getByRole('form', { name: assign });
      const handler = form.locator('#cmd-AssignHandler-handlerId');
      await handler.waitFor();
      if ((await handler.evaluate((el) => el.tagName)) === 'SELECT') await handler.selectOption('practitioner-2');
      else await handler.fill('practitioner-2');
      await form.getByRole('button', { name: assign }).click();
      const notice = page.locator('.notice[role="status"]');
      await expectVisible(notice);
      expect(await notice.textContent()).toContain(reference);
      expect(await notice.textContent()).toContain('enregistrée');
      expect(await page.getByRole('form', { name: assign }).count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  // Last: the people it adds to the staff directory would change what the pickers above offer.
  it('(en) an intake officer is picked from the Restorative Justice Unit, a mediator from the mediators, and the CSC staff member who referred is typed', async () => {
    const admin = await suite.running.as('admin', 'admin-1');
    for (const person of [
      { staffId: 'rju-1', displayName: 'Sasha Bouchard', role: 'rju', region: 'ON', languages: ['en', 'fr'] },
      { staffId: 'mediator-1', displayName: 'Robin Taylor', role: 'mediator', region: 'ON', languages: ['en'] },
      { staffId: 'practitioner-7', displayName: 'Alex Martin', role: 'practitioner', region: 'ON', languages: ['en'] },
    ]) {
      // 409 where a first run of this test added them.
      expect([201, 409]).toContain((await admin.post('/staff', person)).status);
    }
    const referral = await roCase([]);
    const assessedCase = await roCase(assessed.slice(0, 2));
    expect((await rju.get(`/staff?minPosition=${await suite.running.store.headPosition()}`)).status).toBe(200);
    const page = await suite.browser.signedIn('rju', 'rju-1');
    const offered = async (command: string, field: string, value: string): Promise<string[]> => {
      await page.locator('.command-list').getByRole('button', { name: ro.commands[command]!.en, exact: true }).click();
      const picker = page.getByRole('form', { name: ro.commands[command]!.en }).locator(`#cmd-${command}-${field}`);
      await picker.locator(`option[value="${value}"]`).waitFor({ state: 'attached' });
      return (await picker.locator('option').evaluateAll((options) => options.map((o) => o.getAttribute('value') ?? ''))).filter((v) => v !== '');
    };
    try {
      await chooseLanguage(page, 'en');
      await page.goto(`${suite.running.baseUrl}/#/cases/${referral}`);
      expect(await offered('BeginIntakeAssessment', 'intakeOfficerId', 'rju-1')).toEqual(['rju-1']);
      await page.goto(`${suite.running.baseUrl}/#/cases/${assessedCase}`);
      expect(await offered('AssignMediator', 'mediatorId', 'mediator-1')).toEqual(['mediator-1']);
      expect((await offered('ReassignCase', 'assigneeId', 'mediator-1')).sort()).toEqual(['mediator-1', 'rju-1']);
      // Either may be given the case there: each is named with their role.
      expect(await page.locator('#cmd-ReassignCase-assigneeId option[value="rju-1"]').textContent()).toMatch(/^Sasha Bouchard, Restorative Justice Unit — /);
      // Marked as no longer taking cases while the form was open: the refusal is told beside the pick.
      await offered('AssignMediator', 'mediatorId', 'mediator-1');
      expect((await admin.post('/staff/mediator-1', { active: false })).status).toBe(200);
      const assign = page.getByRole('form', { name: ro.commands['AssignMediator']!.en });
      await assign.locator('#cmd-AssignMediator-mediatorId').selectOption('mediator-1');
      await assign.getByRole('button', { name: ro.commands['AssignMediator']!.en }).click();
      await expectVisible(assign.locator('#cmd-AssignMediator-mediatorId-error', { hasText: 'Robin Taylor (mediator-1) no longer takes cases' }));
      // With no mediator left in the directory, the form says how one is given the case: an admin adds them first.
      await page.reload();
      await page.locator('.command-list').getByRole('button', { name: ro.commands['AssignMediator']!.en, exact: true }).click();
      await expectVisible(page.getByRole('form', { name: ro.commands['AssignMediator']!.en }).getByText(/an administrator adds the person first, on the Staff page/));
      expect((await admin.post('/staff/mediator-1', { active: true })).status).toBe(200);

      await page.goto(`${suite.running.baseUrl}/#/open/restorative-opportunities`);
      const form = page.getByRole('form', { name: ro.commands['ReceiveReferral']!.en });
      await form.locator('#cmd-ReceiveReferral-source').selectOption('institutional');
      const referrer = form.locator('#cmd-ReceiveReferral-referredBy_staffId');
      await referrer.waitFor();
      expect(await referrer.evaluate((el) => `${el.tagName} ${el.getAttribute('type')}`)).toBe('INPUT text');
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
