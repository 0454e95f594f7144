import { startApp, type HttpClient, type RunningApp } from '../support/app';
import { openingRequest } from '../support/openings';

/**
 * A case view answers `allowedCommands`, what the reader may run now, and `nextSteps`, what the
 * case's state allows whoever may run it: a reader who may take no step learns what the case waits for.
 */
describe('GET /cases/:id: the next steps of a case, whoever may take them', () => {
  let running: RunningApp;
  let supervisor: HttpClient;
  let handler: HttpClient;
  let auditor: HttpClient;
  let caseId: string;

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-03T15:00:00Z' });
    supervisor = await running.as('supervisor', 'supervisor-1');
    handler = await running.as('practitioner', 'practitioner-7');
    auditor = await running.as('auditor', 'auditor-1');
    const opened = await supervisor.post('/cases', openingRequest('complaint'));
    expect(opened.status).toBe(201);
    caseId = opened.body.caseId;
    expect((await supervisor.post(`/cases/${caseId}/commands/AssignHandler`, { handlerId: 'practitioner-7' })).status).toBe(200);
  });
  afterAll(() => running.close());

  it('are the same for every reader, and hold each reader’s own commands', async () => {
    const views = await Promise.all([supervisor, handler, auditor].map((reader) => reader.get(`/cases/${caseId}`)));
    for (const view of views) expect(view.status).toBe(200);
    const [bySupervisor, byHandler, byAuditor] = views.map((view) => view.body);
    expect(byHandler.nextSteps).toEqual(bySupervisor.nextSteps);
    expect(byAuditor.nextSteps).toEqual(bySupervisor.nextSteps);
    for (const view of [bySupervisor, byHandler]) expect(view.nextSteps).toEqual(expect.arrayContaining(view.allowedCommands));
    // The handler responds; only a supervisor (or the unit) hands the case to someone else; an auditor takes no step.
    expect(byHandler.allowedCommands).toContain('AcknowledgeComplaint');
    expect(byHandler.allowedCommands).not.toContain('AssignHandler');
    expect(byHandler.nextSteps).toContain('AssignHandler');
    expect(byAuditor.allowedCommands).toEqual([]);
    expect(byAuditor.nextSteps).toEqual(expect.arrayContaining(['AcknowledgeComplaint', 'AssignHandler', 'WithdrawComplaint']));
  });

  it('are none once the case is closed, and none for a reader the case is not assigned to, who reads nothing of it', async () => {
    const stranger = await running.as('practitioner', 'practitioner-9');
    const refused = await stranger.get(`/cases/${caseId}`);
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).not.toMatch(/nextSteps|allowedCommands/);

    expect((await handler.post(`/cases/${caseId}/commands/WithdrawComplaint`, {})).status).toBe(200);
    const closed = await auditor.get(`/cases/${caseId}`);
    expect(closed.body).toMatchObject({ status: 'closed', allowedCommands: [], nextSteps: [] });
  });
});
