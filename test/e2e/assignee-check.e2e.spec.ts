import { complaintWorkflow } from '../../workflows/complaint';
import { restorativeOpportunitiesWorkflow } from '../../workflows/restorative-opportunities';
import { supportCoordinationWorkflow } from '../../workflows/support-coordination';
import { run } from '../sla/sla-support';
import { caughtUpWith, waitForProjections } from '../support/projection-status';
import { startApp, type HttpClient, type RunningApp } from '../support/app';

const example = (definition: { commands: readonly { type: string; example: unknown }[] }, command: string) =>
  ({ ...(definition.commands.find((c) => c.type === command)!.example as Record<string, unknown>) });

/**
 * Whom a case is given to: once a deployment keeps a staff directory, someone in it, who still
 * takes cases, and whose role can work the case; refused with a 422 naming the person, in the
 * caller's language, and nothing recorded. Without a directory, any login.
 */
describe('assigning a case to someone of the staff directory', () => {
  let running: RunningApp;
  let admin: HttpClient;
  let supervisor: HttpClient;

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-02T16:00:00Z' });
    admin = await running.as('admin', 'admin-1');
    supervisor = await running.as('supervisor', 'supervisor-1');
  });
  afterAll(async () => running.close());

  const complaint = async (): Promise<string> => {
    const opened = await supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: example(complaintWorkflow, 'ReceiveComplaint') });
    expect(opened.status).toBe(201);
    return opened.body.caseId as string;
  };
  const revision = async (caseId: string) => (await running.store.readStream(`complaint-${caseId}`)).length;

  it('assigns any login while no one is in the directory (staff known from their tokens only)', async () => {
    const caseId = await complaint();
    await run(supervisor, caseId, 'AssignHandler', { handlerId: 'someone-from-the-idp' });
  });

  describe('once the directory has people', () => {
    beforeAll(async () => {
      for (const person of [
        { staffId: 'camille.roy', displayName: 'Camille Roy', role: 'practitioner', region: 'ON', languages: ['fr', 'en'] },
        { staffId: 'sam.lee', displayName: 'Sam Lee', role: 'practitioner', region: 'BC', languages: ['en'] },
        { staffId: 'pat.audits', displayName: 'Pat Audits', role: 'auditor', region: 'ON', languages: ['en'] },
        { staffId: 'robin.mediates', displayName: 'Robin Taylor', role: 'mediator', region: 'ON', languages: ['en'] },
        { staffId: 'sasha.rju', displayName: 'Sasha Bouchard', role: 'rju', region: 'ON', languages: ['en', 'fr'] },
      ]) {
        expect((await admin.post('/staff', person)).status).toBe(201);
      }
      expect((await admin.post('/staff/sam.lee', { active: false })).status).toBe(200);
      await waitForProjections(supervisor, caughtUpWith(await running.store.headPosition()));
    });

    it.each([
      ['a login it does not have', 'camile.roy', 'en', 'STAFF.NOT_IN_DIRECTORY', 'No one with the id camile.roy is in the staff directory'],
      ['a login it does not have', 'camile.roy', 'fr', 'STAFF.NOT_IN_DIRECTORY', 'Personne ne porte l’identifiant camile.roy dans le répertoire du personnel'],
      ['someone who no longer takes cases', 'sam.lee', 'en', 'STAFF.INACTIVE', 'Sam Lee (sam.lee) no longer takes cases'],
      ['an auditor', 'pat.audits', 'fr', 'STAFF.CANNOT_WORK_CASE', 'Pat Audits (pat.audits) a le rôle «\u00a0vérificatrice ou vérificateur\u00a0», qui ne permet pas de traiter les dossiers du processus «\u00a0Plainte\u00a0»'],
      ['an RO mediator, who may not know complaints exist', 'robin.mediates', 'en', 'STAFF.CANNOT_WORK_CASE', 'Robin Taylor (robin.mediates) holds the Restorative Opportunities mediator role, which cannot work'],
    ])('refuses a complaint handler who is %s (%s, %s) with 422, recording nothing', async (_who, handlerId, language, code, message) => {
      const caseId = await complaint();
      const before = await revision(caseId);
      const refused = await supervisor.post(`/cases/${caseId}/commands/AssignHandler`, { handlerId }, { 'accept-language': language });
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 422, code });
      expect(refused.body.message).toContain(message);
      // Told beside the field that names the person too: a form shows it there.
      expect(refused.body.details).toEqual({ issues: [{ path: 'data.handlerId', message: refused.body.message }] });
      expect(await revision(caseId)).toBe(before);
    });

    it('assigns an active practitioner of the directory, one added a moment ago too (read from their stream, not the read model)', async () => {
      const caseId = await complaint();
      await run(supervisor, caseId, 'AssignHandler', { handlerId: 'camille.roy' });
      expect((await admin.post('/staff', { staffId: 'alex.new', displayName: 'Alex New', role: 'practitioner', region: 'ON', languages: ['en'] })).status).toBe(201);
      await run(supervisor, caseId, 'AssignHandler', { handlerId: 'alex.new' });
      // Keeping someone already assigned is not a new assignment: no check stands in the way of the case's work,
      // though the person marked inactive is cut off themselves.
      expect((await admin.post('/staff/alex.new', { active: false })).status).toBe(200);
      await run(supervisor, caseId, 'AcknowledgeComplaint', { method: 'email' });
      const cutOff = await (await running.as('practitioner', 'alex.new')).get(`/cases/${caseId}`);
      expect({ status: cutOff.status, code: cutOff.body.code }).toEqual({ status: 403, code: 'ACCESS.STAFF_INACTIVE' });
    });

    it('says in the case which roles it could be given to: exactly those whose people an assignment accepts', async () => {
      const caseId = await complaint();
      const view = await supervisor.get(`/cases/${caseId}`);
      expect(view.body.assignableRoles).toEqual(expect.arrayContaining(['practitioner', 'supervisor']));
      expect(view.body.assignableRoles).not.toContain('rju');
      for (const [handlerId, role] of [
        ['pat.audits', 'auditor'],
        ['robin.mediates', 'mediator'],
        ['sasha.rju', 'rju'],
        ['camille.roy', 'practitioner'],
      ] as const) {
        const assigned = await supervisor.post(`/cases/${caseId}/commands/AssignHandler`, { handlerId });
        expect({ role, status: assigned.status }).toEqual({ role, status: view.body.assignableRoles.includes(role) ? 200 : 422 });
      }
    });

    it('refuses a supervisor as a support client’s coordinator: they could take none of the coordinator’s steps, and the case would stall', async () => {
      const opened = await supervisor.post('/cases', { workflow: 'support-coordination', command: 'RecordOptIn', data: example(supportCoordinationWorkflow, 'RecordOptIn') });
      expect(opened.status).toBe(201);
      const caseId = opened.body.caseId as string;
      expect(opened.body.assignableRoles).toEqual(['practitioner']);
      expect((await admin.post('/staff', { staffId: 'lee.supervises', displayName: 'Lee Park', role: 'supervisor', region: 'ON', languages: ['en'] })).status).toBe(201);
      const before = (await supervisor.get(`/cases/${caseId}`)).body.revision;
      const refused = await supervisor.post(`/cases/${caseId}/commands/AssignCoordinator`, { ...example(supportCoordinationWorkflow, 'AssignCoordinator'), coordinatorId: 'lee.supervises' }, { 'accept-language': 'fr' });
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 422, code: 'STAFF.CANNOT_WORK_CASE' });
      expect(refused.body.message).toContain('Lee Park (lee.supervises) a le rôle «\u00a0superviseure ou superviseur\u00a0», qui ne permet pas de traiter les dossiers du processus');
      expect(refused.body.message).toContain('en tant que personne affectée au dossier');
      expect((await supervisor.get(`/cases/${caseId}`)).body.revision).toBe(before);
      await run(supervisor, caseId, 'AssignCoordinator', { ...example(supportCoordinationWorkflow, 'AssignCoordinator'), coordinatorId: 'camille.roy' });
    });

    it('gives an RO case to an RJU intake officer and a mediator, and refuses an auditor as its mediator', async () => {
      const rju = await running.as('rju', 'sasha.rju');
      const opened = await rju.post('/cases', { workflow: 'restorative-opportunities', command: 'ReceiveReferral', data: example(restorativeOpportunitiesWorkflow, 'ReceiveReferral') });
      expect(opened.status).toBe(201);
      const caseId = opened.body.caseId as string;
      await run(rju, caseId, 'BeginIntakeAssessment', { intakeOfficerId: 'sasha.rju' });
      await run(rju, caseId, 'AssessIntake', { outcome: 'suitable', offenderAcceptedResponsibility: true, safetyConcerns: 'none', noContactConditions: [] });
      const auditor = await rju.post(`/cases/${caseId}/commands/AssignMediator`, { mediatorId: 'pat.audits' });
      expect({ status: auditor.status, code: auditor.body.code }).toEqual({ status: 422, code: 'STAFF.CANNOT_WORK_CASE' });
      await run(rju, caseId, 'AssignMediator', { mediatorId: 'robin.mediates' });
    });
  });
});
