import { mermaidDiagram } from '../../src/workflows/diagram';
import { workflowDefinitions } from '../../workflows/registry';
import { ensureConsoleBuilt, openBrowser } from '../console/browser';
import { startApp, type RunningApp } from '../support/app';
import { conformanceSpec } from './conformance';
import { informationRequestWorkflow as fixture } from './fixture-workflow';

/**
 * The proof that a workflow is one folder: test/workflows/fixture-workflow/ is registered in this
 * test's app only, and runs end to end with nothing outside its folder naming it.
 */
describe('a fourth workflow, added as one folder', () => {
  conformanceSpec([fixture]);

  let running: RunningApp;
  beforeAll(async () => {
    ensureConsoleBuilt();
    running = await startApp({ workflows: [...workflowDefinitions, fixture] });
  }, 120_000);
  afterAll(async () => running.close());

  it('is opened and advanced over HTTP, with its grants enforced at every step', async () => {
    const practitioner = await running.as('practitioner', 'practitioner-1');
    const other = await running.as('practitioner', 'practitioner-2');
    const supervisor = await running.as('supervisor');
    const auditor = await running.as('auditor');
    const opening = (client: typeof practitioner) =>
      client.post('/cases', { workflow: fixture.name, command: fixture.openingCommand, data: fixture.commands[0]!.example });

    expect((await opening(auditor)).status).toBe(403);
    const opened = await opening(practitioner);
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ workflow: fixture.name, workflowVersion: 1, state: 'received' });
    const caseId = opened.body.caseId as string;
    const run = (client: typeof practitioner, command: string, data: unknown = {}) => client.post(`/cases/${caseId}/commands/${command}`, data);

    expect((await run(practitioner, 'AssignOfficer', { officerId: 'practitioner-1' })).body.code).toBe('ACCESS.ROLE_FORBIDDEN');
    const assigned = await run(supervisor, 'AssignOfficer', { officerId: 'practitioner-1' });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ state: 'assigned', assignees: ['practitioner-1'] });

    expect((await run(other, 'AnswerRequest', { answer: 'Not mine to answer.' })).body.code).toBe('ACCESS.NOT_ASSIGNED');
    expect((await run(supervisor, 'AnswerRequest', { answer: 'Not mine either.' })).body.code).toBe('ACCESS.ROLE_FORBIDDEN');
    expect((await run(practitioner, 'AnswerRequest', {})).status).toBe(400);
    const answered = await run(practitioner, 'AnswerRequest', { answer: 'A practitioner will call you this week.' });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ state: 'answered', allowedCommands: ['CloseRequest'] });

    expect((await run(auditor, 'CloseRequest')).status).toBe(403);
    const closed = await run(practitioner, 'CloseRequest');
    expect(closed.body).toMatchObject({ state: 'closed', status: 'closed', allowedCommands: [] });

    // The requester's contact details corrected after closing, by the one line in its folder that offers it.
    const requesterId = (await practitioner.get(`/cases/${caseId}/history`)).body.items[0].data.requester.subjectId as string;
    expect((await run(other, 'CorrectPersonalInformation', { subjectId: requesterId, changes: { contact: 'kim.new@example.org' }, reason: 'A new address.' })).body.code).toBe('ACCESS.NOT_ASSIGNED');
    const corrected = await run(practitioner, 'CorrectPersonalInformation', { subjectId: requesterId, changes: { contact: 'kim.new@example.org' }, reason: 'A new address.' });
    expect(corrected.body).toMatchObject({ state: 'closed', revision: closed.body.revision + 1 });

    const history = await auditor.get(`/cases/${caseId}/history`);
    expect(history.body.items.map((e: { type: string }) => e.type)).toEqual(['RequestReceived', 'OfficerAssigned', 'RequestAnswered', 'RequestClosed', 'PersonalInformationCorrected']);
    // Its personal data is declared in its folder, so an auditor sees it redacted like any other workflow's.
    expect(JSON.stringify(history.body)).not.toContain('kim@example.org');
    expect(JSON.stringify(history.body)).not.toContain('kim.new@example.org');
    expect((await practitioner.get(`/cases?workflow=${fixture.name}&status=closed&minPosition=${closed.body.position}`)).body.items).toHaveLength(1);
  });

  it('is listed in /workflows, in both languages, with its diagram generated from its machine', async () => {
    const client = await running.as('practitioner');
    for (const language of ['en', 'fr'] as const) {
      const listed = (await client.get('/workflows', { 'accept-language': language })).body.find((w: { name: string }) => w.name === fixture.name);
      expect(listed).toMatchObject({
        title: fixture.labels.title[language],
        stateLabels: { answered: fixture.labels.states['answered']![language] },
        fieldLabels: { 'requester.contact': fixture.labels.fields['requester.contact']![language] },
        valueLabels: { complaints: fixture.labels.values['complaints']![language] },
      });
      expect(listed.diagram).toBe(mermaidDiagram(fixture));
      expect(listed.diagram).toContain('received --> assigned');
      expect(listed.commands.find((c: { name: string }) => c.name === 'AssignOfficer')).toMatchObject({ assigns: true });
    }
  });

  it('has its forms drawn by the console in Chromium, from its schemas, and advances through them', async () => {
    const browser = await openBrowser(running);
    try {
      const practitioner = await running.as('practitioner', 'practitioner-1');
      const opened = await practitioner.post('/cases', { workflow: fixture.name, command: fixture.openingCommand, data: fixture.commands[0]!.example });
      const caseId = opened.body.caseId as string;
      const page = await browser.signedIn('supervisor', 'supervisor-1');
      await page.goto(`${running.baseUrl}/#/cases/${caseId}`);
      await page.getByTestId('case-state').getByText('Received').waitFor();
      await page.getByRole('button', { name: 'Assign an officer', exact: true }).click();
      const form = page.getByRole('form', { name: 'Assign an officer' });
      await form.getByLabel(/^Officer/).fill('practitioner-1');
      await form.getByRole('button', { name: 'Assign an officer' }).click();
      await page.getByTestId('case-state').getByText('Assigned').waitFor();
      const view = await practitioner.get(`/cases/${caseId}`);
      expect(view.body).toMatchObject({ state: 'assigned', assignees: ['practitioner-1'] });
    } finally {
      await browser.close();
    }
  }, 120_000);

  it('is documented in /openapi.json: its opening body, its command paths and the ?workflow= filter', async () => {
    const document = (await (await fetch(`${running.baseUrl}/openapi.json`)).json()) as any;
    for (const command of fixture.commands.filter((c) => c.type !== fixture.openingCommand)) {
      expect(document.paths[`/cases/{id}/commands/${command.type}`]?.post).toBeDefined();
    }
    const openings = document.paths['/cases'].post.requestBody.content['application/json'].schema.oneOf;
    expect(openings.map((o: any) => o.properties.workflow.const)).toContain(fixture.name);
    const filter = document.paths['/cases'].get.parameters.find((p: any) => p.name === 'workflow');
    expect(filter.schema.enum).toContain(fixture.name);
  });
});
