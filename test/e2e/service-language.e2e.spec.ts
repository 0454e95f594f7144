import { complaintWorkflow } from '../../workflows/complaint';
import { informationSessionWorkflow } from '../../workflows/information-session';
import { restorativeEngagementWorkflow } from '../../workflows/restorative-engagement';
import { supportCoordinationWorkflow } from '../../workflows/support-coordination';
import { CaseViewSchema } from '../../src/http/response-schemas';
import { run } from '../sla/sla-support';
import { caughtUpWith, waitForProjections } from '../support/projection-status';
import { startApp, type HttpClient, type RunningApp } from '../support/app';

const example = (definition: { commands: readonly { type: string; example: unknown }[] }, command: string) =>
  ({ ...(definition.commands.find((c) => c.type === command)!.example as Record<string, unknown>) });

/**
 * A client is served in the official language of their choice (Official Languages Act, Part IV):
 * once the case records it, only people who work in it, as the staff directory records, are
 * assigned; anyone else is refused with a 422 naming the person and the language, in the caller's
 * language, and nothing is recorded.
 */
describe('assigning a case served in an official language', () => {
  let running: RunningApp;
  let admin: HttpClient;
  let supervisor: HttpClient;

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-02T16:00:00Z' });
    admin = await running.as('admin', 'admin-1');
    supervisor = await running.as('supervisor', 'supervisor-1');
    for (const person of [
      { staffId: 'camille.roy', displayName: 'Camille Roy', role: 'practitioner', region: 'QC', languages: ['fr', 'en'] },
      { staffId: 'sam.lee', displayName: 'Sam Lee', role: 'practitioner', region: 'BC', languages: ['en'] },
      { staffId: 'elie.morin', displayName: 'Élie Morin', role: 'practitioner', region: 'QC', languages: ['fr'] },
    ]) {
      expect((await admin.post('/staff', person)).status).toBe(201);
    }
    await waitForProjections(supervisor, caughtUpWith(await running.store.headPosition()));
  });
  afterAll(async () => running.close());

  /** A class member's case, confirmed in `language`, awaiting a practitioner. */
  const engagement = async (language: 'en' | 'fr'): Promise<string> => {
    const opened = await supervisor.post('/cases', {
      workflow: 'restorative-engagement',
      command: 'ReceiveOptIn',
      data: { ...example(restorativeEngagementWorkflow, 'ReceiveOptIn'), officialLanguage: language },
    });
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId as string;
    await run(supervisor, caseId, 'ConfirmParticipation', { officialLanguage: language });
    return caseId;
  };
  const revision = async (caseId: string) => (await supervisor.get(`/cases/${caseId}`)).body.revision as number;

  it.each([
    ['en', 'Sam Lee (sam.lee) does not work in French, as the staff directory records, and this case is served in French. Pick someone who works in French.'],
    ['fr', 'Selon le répertoire du personnel, Sam Lee (sam.lee) ne travaille pas en français, la langue de service de ce dossier. Choisissez une personne qui travaille en français.'],
  ])('refuses an English-only practitioner for a class member served in French (%s), at the field naming them, recording nothing', async (language, message) => {
    const caseId = await engagement('fr');
    const before = await revision(caseId);
    const refused = await supervisor.post(`/cases/${caseId}/commands/AssignPractitioner`, { practitionerIds: ['camille.roy', 'sam.lee'] }, { 'accept-language': language });
    expect({ status: refused.status, code: refused.body.code, message: refused.body.message }).toEqual({ status: 422, code: 'STAFF.DOES_NOT_WORK_IN_LANGUAGE', message });
    expect(refused.body.details).toEqual({ issues: [{ path: 'data.practitionerIds[1]', message }] });
    expect(await revision(caseId)).toBe(before);
    expect((await supervisor.get(`/cases/${caseId}`)).body.assignees).toEqual([]);
  });

  it('assigns people who work in the case’s language, and says the language in the case view', async () => {
    const caseId = await engagement('fr');
    const view = CaseViewSchema.parse((await supervisor.get(`/cases/${caseId}`)).body);
    expect(view.serviceLanguage).toBe('fr');
    const assigned = await run(supervisor, caseId, 'AssignPractitioner', { practitionerIds: ['elie.morin', 'camille.roy'] });
    expect({ assignees: assigned.assignees, serviceLanguage: assigned.serviceLanguage }).toEqual({ assignees: ['elie.morin', 'camille.roy'], serviceLanguage: 'fr' });
  });

  it('refuses a French-only practitioner for a class member served in English', async () => {
    const caseId = await engagement('en');
    const refused = await supervisor.post(`/cases/${caseId}/commands/AssignPractitioner`, { practitionerIds: ['elie.morin'] });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 422, code: 'STAFF.DOES_NOT_WORK_IN_LANGUAGE' });
    expect(refused.body.message).toContain('Élie Morin (elie.morin) does not work in English');
    await run(supervisor, caseId, 'AssignPractitioner', { practitionerIds: ['sam.lee'] });
  });

  it('refuses a support client’s coordinator who does not work in the language the client chose', async () => {
    const opened = await supervisor.post('/cases', {
      workflow: 'support-coordination',
      command: 'RecordOptIn',
      data: { ...example(supportCoordinationWorkflow, 'RecordOptIn'), language: 'fr' },
    });
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId as string;
    expect(opened.body.serviceLanguage).toBe('fr');
    const refused = await supervisor.post(`/cases/${caseId}/commands/AssignCoordinator`, { ...example(supportCoordinationWorkflow, 'AssignCoordinator'), coordinatorId: 'sam.lee' }, { 'accept-language': 'fr' });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 422, code: 'STAFF.DOES_NOT_WORK_IN_LANGUAGE' });
    expect(refused.body.details.issues[0].path).toBe('data.coordinatorId');
    await run(supervisor, caseId, 'AssignCoordinator', { ...example(supportCoordinationWorkflow, 'AssignCoordinator'), coordinatorId: 'camille.roy' });
  });

  /** An information session requested, not yet scheduled: no presenter, no language yet. */
  const session = async (): Promise<string> => {
    const opened = await supervisor.post('/cases', { workflow: 'information-session', command: 'RequestInformationSession', data: example(informationSessionWorkflow, 'RequestInformationSession') });
    expect(opened.status).toBe(201);
    expect(opened.body.serviceLanguage).toBeNull();
    return opened.body.caseId as string;
  };
  const schedule = (presenterId: string, language = 'bilingual') => ({ ...example(informationSessionWorkflow, 'ScheduleInformationSession'), language, presenterId });

  it.each([
    [
      'en',
      'Sam Lee (sam.lee) does not work in both English and French, as the staff directory records, and this case is served in both official languages. Pick someone who works in English and in French.',
    ],
    [
      'fr',
      'Selon le répertoire du personnel, Sam Lee (sam.lee) ne travaille pas à la fois en français et en anglais, les deux langues de service de ce dossier. Choisissez une personne qui travaille en français et en anglais.',
    ],
  ])('refuses an English-only presenter for a bilingual session (%s), at the presenter field, recording nothing', async (language, message) => {
    const caseId = await session();
    const before = await revision(caseId);
    const refused = await supervisor.post(`/cases/${caseId}/commands/ScheduleInformationSession`, schedule('sam.lee'), { 'accept-language': language });
    expect({ status: refused.status, code: refused.body.code, message: refused.body.message }).toEqual({ status: 422, code: 'STAFF.DOES_NOT_WORK_IN_LANGUAGE', message });
    expect(refused.body.details).toEqual({ issues: [{ path: 'data.presenterId', message }] });
    expect(await revision(caseId)).toBe(before);
    expect((await supervisor.get(`/cases/${caseId}`)).body).toMatchObject({ state: 'requested', assignees: [], serviceLanguage: null });
  });

  it('refuses a French-only presenter for a bilingual session, and schedules it with one who works in both, saying it is served in both', async () => {
    const caseId = await session();
    const refused = await supervisor.post(`/cases/${caseId}/commands/ScheduleInformationSession`, schedule('elie.morin'));
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 422, code: 'STAFF.DOES_NOT_WORK_IN_LANGUAGE' });
    expect(refused.body.message).toContain('Élie Morin (elie.morin) does not work in both English and French');
    const scheduled = await run(supervisor, caseId, 'ScheduleInformationSession', schedule('camille.roy'));
    expect({ assignees: scheduled.assignees, serviceLanguage: scheduled.serviceLanguage }).toEqual({ assignees: ['camille.roy'], serviceLanguage: 'bilingual' });
    expect(CaseViewSchema.parse((await supervisor.get(`/cases/${caseId}`)).body).serviceLanguage).toBe('bilingual');
  });

  it('gives a session in one official language to someone who works in that one only', async () => {
    const caseId = await session();
    const scheduled = await run(supervisor, caseId, 'ScheduleInformationSession', schedule('sam.lee', 'en'));
    expect({ assignees: scheduled.assignees, serviceLanguage: scheduled.serviceLanguage }).toEqual({ assignees: ['sam.lee'], serviceLanguage: 'en' });
  });

  it('says no language for a case whose workflow records none, nor one not yet known, and assigns it to anyone', async () => {
    const complaint = await supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: example(complaintWorkflow, 'ReceiveComplaint') });
    expect(complaint.body.serviceLanguage).toBeNull();
    await run(supervisor, complaint.body.caseId as string, 'AssignHandler', { handlerId: 'elie.morin' });
    const { officialLanguage: _unknown, ...optIn } = example(restorativeEngagementWorkflow, 'ReceiveOptIn');
    const unknown = await supervisor.post('/cases', { workflow: 'restorative-engagement', command: 'ReceiveOptIn', data: optIn });
    expect(CaseViewSchema.parse(unknown.body).serviceLanguage).toBeNull();
  });
});
