import { complaintWorkflow } from '../../workflows/complaint';
import { startApp, type HttpClient, type HttpResponse, type RunningApp } from '../support/app';

type Document = { paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>> };

/**
 * A 404 or a 409 means something of its own on each route (no such workflow, no such person, an id
 * taken): /openapi.json says what, naming the error code the route answers with, as it answers.
 */
describe('/openapi.json describes each route’s 404 and 409 with the codes it answers', () => {
  let running: RunningApp;
  let document: Document;
  let admin: HttpClient;
  let supervisor: HttpClient;

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-02T16:00:00Z' });
    document = (await (await fetch(`${running.baseUrl}/openapi.json`)).json()) as Document;
    admin = await running.as('admin', 'admin-1');
    supervisor = await running.as('supervisor', 'supervisor-1');
    const added = await admin.post('/staff', { staffId: 'practitioner-1', displayName: 'Alex Martin', role: 'practitioner', region: 'ON', languages: ['en'] });
    expect(added.status).toBe(201);
  });
  afterAll(async () => running.close());

  /** The answer's status and code, and what the document says of that status on the operation. */
  const documented = (method: string, template: string, answer: HttpResponse<{ code?: string }>) => ({
    status: answer.status,
    code: answer.body.code,
    named: document.paths[template]?.[method]?.responses[String(answer.status)]?.description.includes(`\`${answer.body.code}\``),
  });

  it('GET /workflows/{name}: an unknown name is WORKFLOW.NOT_FOUND', async () => {
    expect(documented('get', '/workflows/{name}', await supervisor.get('/workflows/no-such-workflow'))).toEqual({ status: 404, code: 'WORKFLOW.NOT_FOUND', named: true });
  });

  it('the staff directory: STAFF.NOT_FOUND, STAFF.ALREADY_EXISTS and STAFF.REVISION_CONFLICT where each is answered', async () => {
    const again = await admin.post('/staff', { staffId: 'practitioner-1', displayName: 'Someone Else', role: 'practitioner', region: 'QC', languages: ['fr'] });
    expect(documented('post', '/staff', again)).toEqual({ status: 409, code: 'STAFF.ALREADY_EXISTS', named: true });
    expect(documented('get', '/staff/{id}', await admin.get('/staff/nobody'))).toEqual({ status: 404, code: 'STAFF.NOT_FOUND', named: true });
    expect(documented('post', '/staff/{id}', await admin.post('/staff/nobody', { region: 'QC' }))).toEqual({ status: 404, code: 'STAFF.NOT_FOUND', named: true });
    const stale = await admin.post('/staff/practitioner-1', { region: 'QC' }, { 'if-match': '"7"' });
    expect(documented('post', '/staff/{id}', stale)).toEqual({ status: 409, code: 'STAFF.REVISION_CONFLICT', named: true });
    const stranger = await running.as('practitioner', 'not-in-the-directory');
    expect(documented('get', '/staff/me', await stranger.get('/staff/me'))).toEqual({ status: 404, code: 'STAFF.NOT_FOUND', named: true });
    expect(documented('get', '/caseload/{practitionerId}', await supervisor.get('/caseload/nobody'))).toEqual({ status: 404, code: 'STAFF.NOT_FOUND', named: true });
    expect(documented('get', '/inbox', await supervisor.get('/inbox?assignee=nobody'))).toEqual({ status: 404, code: 'STAFF.NOT_FOUND', named: true });
  });

  it('cases: CASE.ALREADY_EXISTS on opening, and the shared CASE.NOT_FOUND and CASE.REVISION_CONFLICT', async () => {
    const opening = { workflow: 'complaint', command: 'ReceiveComplaint', data: { ...complaintWorkflow.commands.find((c) => c.type === 'ReceiveComplaint')!.example } };
    const opened = await supervisor.post('/cases', opening);
    expect(opened.status).toBe(201);
    const taken = await supervisor.post('/cases', { ...opening, caseId: opened.body.caseId });
    expect(documented('post', '/cases', taken)).toEqual({ status: 409, code: 'CASE.ALREADY_EXISTS', named: true });
    expect((await supervisor.post(`/cases/${opened.body.caseId}/commands/AcknowledgeComplaint`, {})).status).toBe(200);
    const stale = await supervisor.post(`/cases/${opened.body.caseId}/commands/WithdrawComplaint`, {}, { 'if-match': `"${opened.body.revision}"` });
    expect(documented('post', '/cases/{id}/commands/WithdrawComplaint', stale)).toEqual({ status: 409, code: 'CASE.REVISION_CONFLICT', named: true });
    const missing = await supervisor.get('/cases/c0ffee00-0000-4000-8000-000000000099');
    expect(documented('get', '/cases/{id}', missing)).toEqual({ status: 404, code: 'CASE.NOT_FOUND', named: true });
    const unknownReference = await supervisor.get('/cases/by-reference/CMP-2026-99999');
    expect(documented('get', '/cases/by-reference/{reference}', unknownReference)).toEqual({ status: 404, code: 'CASE.REFERENCE_NOT_FOUND', named: true });
  });
});
