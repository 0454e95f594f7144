import { roleLabel } from '../../domain/roles';
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

/**
 * Admins and auditors never write. A command they sent to an existing case answered 403 and to an
 * unknown id 404, so an admin, who may read no case, could learn which ids are cases. Both now
 * get the same 403 before any case is looked at, and nothing is stored.
 */
describe('a role that records no step', () => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-03T15:00:00Z' });
  });
  afterAll(() => running.close());

  it.each(['admin', 'auditor'] as const)('%s: the same answer for a case that exists and one that does not, in both languages', async (role) => {
    const supervisor = await running.as('supervisor');
    const opened = await supervisor.post('/cases', opening('complaint'));
    expect(opened.status).toBe(201);
    const existing: string = opened.body.caseId;
    const unknown = '0190a6c2-7d35-7000-8000-000000000000';
    const client = await running.as(role);
    const head = await running.store.headPosition();

    for (const language of ['en', 'fr']) {
      const headers = { 'accept-language': language };
      const answers = await Promise.all([
        client.post(`/cases/${existing}/commands/AcknowledgeComplaint`, {}, headers),
        client.post(`/cases/${unknown}/commands/AcknowledgeComplaint`, {}, headers),
        client.post('/cases', { ...opening('complaint'), caseId: existing }, headers),
        client.post('/cases', { ...opening('complaint'), caseId: unknown }, headers),
      ]);
      for (const answer of answers) {
        expect(answer.status).toBe(403);
        expect(answer.body.code).toBe('ACCESS.ROLE_FORBIDDEN');
      }
      expect(answers[0]!.body.message).toBe(answers[1]!.body.message);
      expect(answers[2]!.body.message).toBe(answers[3]!.body.message);
    }
    const [en, fr] = await Promise.all(['en', 'fr'].map((language) => client.post(`/cases/${unknown}/commands/AcknowledgeComplaint`, {}, { 'accept-language': language })));
    const label = roleLabel(role);
    expect(en!.body.message).toBe(`The ${label.en} role may not record a step on a case.`);
    expect(fr!.body.message).toBe(`Le rôle «\u00a0${label.fr}\u00a0» ne permet pas de consigner une étape dans un dossier.`);
    expect(await running.store.headPosition()).toBe(head);
  });
});
