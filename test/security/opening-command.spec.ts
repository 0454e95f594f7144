import { startApp, type HttpClient, type HttpResponse, type RunningApp } from '../support/app';
import { openingRequest as opening } from '../support/openings';

const withoutId = (response: HttpResponse<any>, caseId: string) => ({
  status: response.status,
  body: JSON.parse(JSON.stringify(response.body).replaceAll(caseId, '<id>').replaceAll(/run “[^”]+”|read this case/g, '<action>').replaceAll(/exécuter la commande «[^»]+»|consulter ce dossier/g, '<action>')),
});

/**
 * The opening command sent to an existing case a practitioner is not assigned to used to answer
 * 409 with the case's state and allowed commands. It now gets the answer of any command on a case
 * they may not act on, and nothing is stored.
 */
describe('the opening command on an existing case', () => {
  let running: RunningApp;
  let supervisor: HttpClient;
  let practitioner: HttpClient;

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-03T15:00:00Z' });
    supervisor = await running.as('supervisor');
    practitioner = await running.as('practitioner', 'practitioner-7');
  });
  afterAll(() => running.close());

  it.each(['complaint', 'restorative-engagement'])('%s: tells an unassigned practitioner nothing of the case', async (workflow) => {
    const opened = await supervisor.post('/cases', opening(workflow));
    expect(opened.status).toBe(201);
    const caseId: string = opened.body.caseId;
    const head = await running.store.headPosition();

    const { command, data } = opening(workflow);
    const again = await practitioner.post(`/cases/${caseId}/commands/${command}`, data);
    const read = await practitioner.get(`/cases/${caseId}`);
    expect(again.status).toBe(403);
    expect(again.body.code).toBe('ACCESS.NOT_ASSIGNED');
    expect(JSON.stringify(again.body)).not.toMatch(/allowedCommands|state/);
    // The same answer as reading the case: not assigned to you.
    expect(withoutId(again, caseId)).toEqual(withoutId(read, caseId));
    expect(await running.store.headPosition()).toBe(head);

    // Whoever may read the case still learns why the command is refused.
    const bySupervisor = await supervisor.post(`/cases/${caseId}/commands/${command}`, data);
    expect(bySupervisor.status).toBe(409);
    expect(bySupervisor.body.code).toBe('COMMAND.NOT_ALLOWED');
  });
});
