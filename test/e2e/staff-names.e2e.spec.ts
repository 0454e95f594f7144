import { complaintWorkflow } from '../../workflows/complaint';
import { defenceCohortWorkflow } from '../../workflows/defence-cohort';
import { ComplaintBoardSchema } from '../../src/projections/projections.schemas';
import { run } from '../sla/sla-support';
import { caughtUpWith, waitForProjections } from '../support/projection-status';
import { startApp, type HttpClient, type RunningApp } from '../support/app';

const example = (command: string) => ({ ...(defenceCohortWorkflow.commands.find((c) => c.type === command)!.example as Record<string, unknown>) });

/**
 * A case's history names the staff it shows, from the staff directory, to every role that reads the
 * case: a practitioner names their co-facilitator, an auditor who recorded each step, without
 * reading the directory (GET /staff is for supervisors, the RJU and admins).
 */
describe('the staff a case’s history names', () => {
  let running: RunningApp;
  let supervisor: HttpClient;
  let cohortId: string;

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-02T16:00:00Z' });
    supervisor = await running.as('supervisor', 'supervisor-1');
    const admin = await running.as('admin', 'admin-1');
    for (const person of [
      { staffId: 'supervisor-1', displayName: 'Dominique Gagnon', role: 'supervisor', region: 'ON', languages: ['en', 'fr'] },
      { staffId: 'camille.roy', displayName: 'Camille Roy', role: 'practitioner', region: 'ON', languages: ['fr', 'en'] },
      { staffId: 'sam.lee', displayName: 'Sam Lee', role: 'practitioner', region: 'BC', languages: ['en'] },
      { staffId: 'kim.other', displayName: 'Kim Other', role: 'practitioner', region: 'ON', languages: ['en'] },
    ]) {
      expect((await admin.post('/staff', person)).status).toBe(201);
    }
    await waitForProjections(supervisor, caughtUpWith(await running.store.headPosition()));
    const formed = await supervisor.post('/cases', { workflow: 'defence-cohort', command: 'FormCohort', data: { ...example('FormCohort'), practitionerIds: ['camille.roy', 'sam.lee'] } });
    expect(formed.status).toBe(201);
    cohortId = formed.body.caseId as string;
    await run(await running.as('practitioner', 'camille.roy'), cohortId, 'StartCohort', example('StartCohort'));
    // Someone who has left still named in what they did.
    expect((await admin.post('/staff/sam.lee', { active: false })).status).toBe(200);
    await waitForProjections(supervisor, caughtUpWith(await running.store.headPosition()));
  });
  afterAll(async () => running.close());

  it('names who recorded each step and the staff its data names, to a practitioner who may not read the directory', async () => {
    const camille = await running.as('practitioner', 'camille.roy');
    expect((await camille.get('/staff')).status).toBe(403);
    const history = await camille.get(`/cases/${cohortId}/history`);
    expect(history.status).toBe(200);
    expect(history.body.staff).toEqual({ 'supervisor-1': 'Dominique Gagnon', 'camille.roy': 'Camille Roy', 'sam.lee': 'Sam Lee' });
  });

  it('names to an auditor too, and only the staff of the page asked for', async () => {
    const auditor = await running.as('auditor', 'auditor-1');
    const first = await auditor.get(`/cases/${cohortId}/history?limit=1`);
    expect(first.status).toBe(200);
    expect(first.body.items.map((item: { type: string }) => item.type)).toEqual(['CohortFormed']);
    expect(first.body.staff).toEqual({ 'supervisor-1': 'Dominique Gagnon', 'camille.roy': 'Camille Roy', 'sam.lee': 'Sam Lee' });
    const all = await auditor.get(`/cases/${cohortId}/history`);
    const started = all.body.items.find((item: { type: string }) => item.type === 'CohortStarted');
    expect(started.actor.id).toBe('camille.roy');
    const last = await auditor.get(`/cases/${cohortId}/history?fromRevision=${started.revision}&limit=1`);
    expect(last.body.staff).toEqual({ 'camille.roy': 'Camille Roy' });
  });

  it('names the assignees of a page of cases, in lists, caseloads and search, to roles that do not read the directory', async () => {
    const auditor = await running.as('auditor', 'auditor-1');
    const listed = await auditor.get('/cases?workflow=defence-cohort');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((c: { caseId: string }) => c.caseId)).toEqual([cohortId]);
    expect(listed.body.staff).toEqual({ 'camille.roy': 'Camille Roy', 'sam.lee': 'Sam Lee' });
    const camille = await running.as('practitioner', 'camille.roy');
    const caseload = await camille.get('/caseload/camille.roy');
    expect(caseload.body.staff).toEqual({ 'camille.roy': 'Camille Roy', 'sam.lee': 'Sam Lee' });
    const reference = (await camille.get(`/cases/${cohortId}`)).body.reference as string;
    const found = await auditor.get(`/search?q=${reference}`);
    expect(found.body).toMatchObject({ matchedBy: 'reference', total: 1, staff: { 'camille.roy': 'Camille Roy', 'sam.lee': 'Sam Lee' } });
    // Nothing listed, no one named.
    expect((await auditor.get('/cases?workflow=information-session')).body).toEqual({ items: [], total: 0, staff: {} });
  });

  it('leaves out ids the directory does not hold, and names no one to a reader the case is not theirs', async () => {
    const complaint = await supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: complaintWorkflow.commands.find((c) => c.type === 'ReceiveComplaint')!.example });
    expect(complaint.status).toBe(201);
    const complaintId = complaint.body.caseId as string;
    await run(supervisor, complaintId, 'AssignHandler', { handlerId: 'kim.other' });
    const history = await supervisor.get(`/cases/${complaintId}/history`);
    expect(history.body.staff).toEqual({ 'supervisor-1': 'Dominique Gagnon', 'kim.other': 'Kim Other' });
    const camille = await running.as('practitioner', 'camille.roy');
    const refused = await camille.get(`/cases/${complaintId}/history`);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).not.toContain('Kim Other');
    // An actor the directory does not hold (a login known from its token only) is left for the reader to show by id.
    const outsider = await running.as('supervisor', 'supervisor-9');
    await run(outsider, complaintId, 'AssignHandler', { handlerId: 'camille.roy' });
    const after = await supervisor.get(`/cases/${complaintId}/history`);
    expect(after.body.staff).toEqual({ 'supervisor-1': 'Dominique Gagnon', 'kim.other': 'Kim Other', 'camille.roy': 'Camille Roy' });
  });

  it('refuses an inbox or a caseload of someone the directory does not hold and no case names (404), in the caller’s language', async () => {
    for (const path of ['/inbox?assignee=nobody.here', '/caseload/nobody.here']) {
      const refused = await supervisor.get(path, { 'accept-language': 'fr-CA' });
      expect(refused.status).toBe(404);
      expect(refused.body).toMatchObject({ code: 'STAFF.NOT_FOUND', message: 'Personne ne porte l’identifiant nobody.here dans le répertoire du personnel.' });
      expect((await supervisor.get(path)).body.message).toBe('No one with the id nobody.here is in the staff directory.');
    }
    // Someone who has left is still answered; a login known from its token only reads its own.
    expect((await supervisor.get('/caseload/sam.lee')).body.items.map((c: { caseId: string }) => c.caseId)).toEqual([cohortId]);
    expect((await supervisor.get('/inbox?assignee=sam.lee')).status).toBe(200);
    const outsider = await running.as('supervisor', 'supervisor-8');
    expect((await outsider.get('/inbox')).body).toEqual({ assignee: 'supervisor-8', items: [] });
    expect((await outsider.get('/caseload/supervisor-8')).status).toBe(200);
    expect((await supervisor.get('/caseload/supervisor-8')).status).toBe(404);
  });

  it('names the handlers on the complaint board, and gives each complaint its reference', async () => {
    const received = await supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: complaintWorkflow.commands.find((c) => c.type === 'ReceiveComplaint')!.example });
    expect(received.status).toBe(201);
    const assigned = await run(supervisor, received.body.caseId, 'AssignHandler', { handlerId: 'camille.roy' });
    const board = await supervisor.get(`/complaints/board?minPosition=${assigned.position}`);
    expect(board.status).toBe(200);
    const parsed = ComplaintBoardSchema.parse(board.body);
    const item = parsed.levels.flatMap((level) => level.items).find((i) => i.caseId === received.body.caseId);
    expect(item).toMatchObject({ reference: received.body.reference, handlerId: 'camille.roy' });
    expect(parsed.staff['camille.roy']).toBe('Camille Roy');
    // Only the handlers on the board are named.
    const handlers = new Set(parsed.levels.flatMap((level) => level.items.flatMap((i) => (i.handlerId ? [i.handlerId] : []))));
    expect(Object.keys(parsed.staff).every((id) => handlers.has(id))).toBe(true);
    expect(parsed.staff).not.toHaveProperty('supervisor-1');
  });

  it('says by name the staff a refusal names, in English and French, every rule of it', async () => {
    const received = await supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: complaintWorkflow.commands.find((c) => c.type === 'ReceiveComplaint')!.example });
    await run(supervisor, received.body.caseId, 'AssignHandler', { handlerId: 'kim.other' });
    const again = { english: await supervisor.post(`/cases/${received.body.caseId}/commands/AssignHandler`, { handlerId: 'kim.other' }) };
    expect({ status: again.english.status, code: again.english.body.code, message: again.english.body.message }).toEqual({
      status: 422,
      code: 'COMPLAINT.ALREADY_ASSIGNED',
      message: 'The complaint is already assigned to Kim Other at level 1.',
    });
    // Several rules at once, a list of staff among them: each said by name; an id the directory does not hold, as it is.
    const replaced = await supervisor.post(
      `/cases/${cohortId}/commands/ReplacePractitioner`,
      { practitionerId: 'someone.else', replacementId: 'camille.roy', reason: 'availability' },
      { 'accept-language': 'fr' },
    );
    expect({ status: replaced.status, code: replaced.body.code }).toEqual({ status: 422, code: 'COMMAND.RULES_BROKEN' });
    expect(replaced.body.details.rules.map((rule: { message: string }) => rule.message)).toEqual([
      'someone.else ne guide pas cette cohorte\u00a0; elle est guidée par Camille Roy et Sam Lee.',
      'Camille Roy guide déjà cette cohorte.',
    ]);
    expect(replaced.body.message).toContain('Camille Roy et Sam Lee');
    expect(JSON.stringify(replaced.body)).not.toContain('camille.roy');
  });
});
