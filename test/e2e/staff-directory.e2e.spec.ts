import { StaffListSchema, StaffMemberSchema, StaffEntrySchema } from '../../src/staff/staff.schemas';
import { complaintWorkflow } from '../../workflows/complaint';
import { restorativeOpportunitiesWorkflow } from '../../workflows/restorative-opportunities';
import { startApp, type HttpClient, type RunningApp } from '../support/app';

const example = (definition: typeof complaintWorkflow, command: string) => ({ ...definition.commands.find((c) => c.type === command)!.example });

describe('the staff directory', () => {
  let running: RunningApp;
  let admin: HttpClient;
  let supervisor: HttpClient;

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-02T16:00:00Z' });
    admin = await running.as('admin', 'admin-1');
    supervisor = await running.as('supervisor');
  });
  afterAll(async () => running.close());

  const add = (body: Record<string, unknown>) => admin.post('/staff', body);

  it('is kept by admins in one stream per person, and refuses a second entry for one id', async () => {
    const added = await add({ staffId: 'practitioner-1', displayName: 'Alex Martin', role: 'practitioner', region: 'ON', languages: ['en', 'fr'] });
    expect(added.status).toBe(201);
    expect(StaffMemberSchema.parse(added.body)).toMatchObject({ staffId: 'practitioner-1', displayName: 'Alex Martin', active: true, revision: 0 });
    expect(added.headers.get('location')).toBe('/staff/practitioner-1');
    const stream = await running.store.readStream('staff-practitioner-1');
    expect(stream.map((e) => [e.type, e.metadata['actor']])).toEqual([['StaffMemberAdded', { id: 'admin-1', role: 'admin' }]]);

    const again = await add({ staffId: 'practitioner-1', displayName: 'Someone Else', role: 'practitioner', region: 'QC', languages: ['fr'] });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('STAFF.ALREADY_EXISTS');
  });

  it('updates only the fields given, honours If-Match, and records nothing when nothing changes', async () => {
    await add({ staffId: 'practitioner-2', displayName: 'Camille Roy', role: 'practitioner', region: 'ON', languages: ['fr'] });
    const moved = await admin.post('/staff/practitioner-2', { region: 'QC' }, { 'if-match': '"0"' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ displayName: 'Camille Roy', region: 'QC', languages: ['fr'], revision: 1 });
    const stale = await admin.post('/staff/practitioner-2', { region: 'ON' }, { 'if-match': '"0"', 'accept-language': 'fr' });
    expect({ status: stale.status, code: stale.body.code, details: stale.body.details }).toEqual({
      status: 409,
      code: 'STAFF.REVISION_CONFLICT',
      details: { expectedRevision: 0, actualRevision: 1 },
    });
    expect(stale.body.message).toBe('La fiche de practitioner-2 a changé depuis votre lecture (version attendue 0, version actuelle 1). Rechargez-la et réessayez.');
    const same = await admin.post('/staff/practitioner-2', { region: 'QC' });
    expect(same.body.revision).toBe(1);
    expect((await running.store.readStream('staff-practitioner-2')).length).toBe(2);
  });

  it('refuses bad input with a 400 naming the field, in French when asked, and stores nothing', async () => {
    const bad = await admin.post('/staff', { staffId: 'has space', displayName: '', role: 'wizard', region: 'XX', languages: [] }, { 'accept-language': 'fr' });
    expect(bad.status).toBe(400);
    for (const field of ['staffId', 'displayName', 'role', 'region', 'languages']) expect(bad.body.message).toContain(field);
    expect(bad.body.message).toContain('jeton');
    const nothing = await admin.post('/staff/practitioner-1', {});
    expect(nothing.status).toBe(400);
    const unknown = await admin.post('/staff/nobody', { region: 'QC' });
    expect(unknown).toMatchObject({ status: 404, body: { code: 'STAFF.NOT_FOUND' } });
    expect(await running.store.readStream('staff-has space').catch(() => [])).toEqual([]);
  });

  it('lets only admins write it, and only supervisors, the RJU and admins list it', async () => {
    const body = { staffId: 'x-1', displayName: 'X', role: 'practitioner', region: 'ON', languages: ['en'] };
    for (const role of ['supervisor', 'practitioner', 'auditor', 'rju'] as const) {
      expect((await (await running.as(role)).post('/staff', body)).status).toBe(403);
    }
    for (const role of ['practitioner', 'auditor'] as const) expect((await (await running.as(role)).get('/staff')).status).toBe(403);
    for (const role of ['supervisor', 'rju', 'admin'] as const) expect((await (await running.as(role)).get('/staff')).status).toBe(200);
  });

  it('offers pickers the people of a role and region with their open cases, counting only the cases the reader may know of', async () => {
    await add({ staffId: 'practitioner-3', displayName: 'Dana Singh', role: 'practitioner', region: 'ON', languages: ['en'] });
    const rm = await add({ staffId: 'rju-officer-1', displayName: 'Jo Tremblay', role: 'rju', region: 'ON', languages: ['en', 'fr'] });
    // Two complaints assigned to practitioner-1, one closed; an RO case whose intake officer is rju-officer-1.
    for (const close of [false, true]) {
      const opened = await supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: example(complaintWorkflow, 'ReceiveComplaint') });
      await supervisor.post(`/cases/${opened.body.caseId}/commands/AcknowledgeComplaint`, {});
      await supervisor.post(`/cases/${opened.body.caseId}/commands/AssignHandler`, { handlerId: 'practitioner-1' });
      if (close) await supervisor.post(`/cases/${opened.body.caseId}/commands/WithdrawComplaint`, {});
    }
    const rju = await running.as('rju', 'rju-officer-1');
    const referral = await rju.post('/cases', { workflow: 'restorative-opportunities', command: 'ReceiveReferral', data: example(restorativeOpportunitiesWorkflow as never, 'ReceiveReferral') });
    const intake = await rju.post(`/cases/${referral.body.caseId}/commands/BeginIntakeAssessment`, { intakeOfficerId: 'rju-officer-1' });
    expect(intake.status).toBe(200);
    const position = Math.max(await running.store.headPosition(), rm.body.position);

    const picker = StaffListSchema.parse((await supervisor.get(`/staff?role=practitioner&region=ON&minPosition=${position}`)).body);
    expect(picker.items.map((p) => [p.staffId, p.displayName, p.caseload])).toEqual([
      ['practitioner-1', 'Alex Martin', 1],
      ['practitioner-3', 'Dana Singh', 0],
    ]);
    const french = StaffListSchema.parse((await supervisor.get('/staff?language=fr')).body);
    expect(french.items.map((p) => p.staffId)).toEqual(['practitioner-1', 'practitioner-2', 'rju-officer-1']);
    // The RO case counts for the RJU, and is not there for a supervisor to count.
    const officer = (all: { items: { staffId: string; caseload: number }[] }) => all.items.find((p) => p.staffId === 'rju-officer-1')!.caseload;
    expect(officer((await supervisor.get('/staff?role=rju')).body)).toBe(0);
    expect(officer((await rju.get('/staff?role=rju')).body)).toBe(1);
    expect((await supervisor.get('/staff/rju-officer-1')).body.caseload).toBe(0);
    // An administrator reads no case, yet sees who holds open ones before marking them inactive; not the RJU's.
    const counted = (await admin.get('/staff')).body.items.map((p: { staffId: string; caseload: number }) => [p.staffId, p.caseload]);
    expect(counted).toEqual(expect.arrayContaining([['practitioner-1', 1], ['rju-officer-1', 0]]));
    expect((await admin.get('/staff/practitioner-1')).body.caseload).toBe(1);

    const me = await rju.get('/staff/me');
    expect(StaffEntrySchema.parse(me.body)).toMatchObject({ staffId: 'rju-officer-1', displayName: 'Jo Tremblay', caseload: 1 });
    // A practitioner's own open cases, though they read only those assigned to them.
    const own = await (await running.as('practitioner', 'practitioner-1')).get('/staff/me');
    expect(StaffEntrySchema.parse(own.body)).toMatchObject({ staffId: 'practitioner-1', caseload: 1 });
    expect((await (await running.as('auditor', 'auditor-9')).get('/staff/me')).status).toBe(404);
  });

  it('lists former staff apart once an admin marks them inactive', async () => {
    await add({ staffId: 'practitioner-4', displayName: 'Eli Moreau', role: 'practitioner', region: 'NS', languages: ['en'] });
    const left = await admin.post('/staff/practitioner-4', { active: false });
    const position = left.body.position;
    expect((await supervisor.get(`/staff?region=NS&minPosition=${position}`)).body.items).toEqual([]);
    expect((await supervisor.get('/staff?region=NS&active=false')).body.items.map((p: { staffId: string }) => p.staffId)).toEqual(['practitioner-4']);
  });
});
