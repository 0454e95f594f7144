import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workflowDefinitions } from '../../workflows/registry';
import { startApp, type RunningApp } from '../support/app';
import { conformanceSpec } from './conformance';
import { informationRequestWorkflow as v1 } from './fixture-workflow';
import { informationRequestWorkflowV2 as v2 } from './fixture-workflow/v2';

/**
 * A program change, rolled out: version 2 of the fixture workflow (a state added, a rule changed)
 * is registered beside version 1. A case opened on version 1 keeps deciding, replaying, projecting
 * and showing its past on version 1; new cases open on version 2.
 */
describe('two versions of a workflow, side by side', () => {
  conformanceSpec([v2]);

  const dataDir = mkdtempSync(join(tmpdir(), 'mend-versions-'));
  let running: RunningApp;
  let oldCase: string;
  afterAll(async () => {
    await running?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const open = async (app: RunningApp) =>
    (await app.as('practitioner', 'practitioner-1')).post('/cases', { workflow: v1.name, command: v1.openingCommand, data: v1.commands[0]!.example });

  it('opens a case on version 1 while only version 1 exists', async () => {
    const before = await startApp({ dataDir, workflows: [...workflowDefinitions, v1] });
    const opened = await open(before);
    expect(opened.body).toMatchObject({ workflowVersion: 1, state: 'received' });
    oldCase = opened.body.caseId;
    const supervisor = await before.as('supervisor', 'supervisor-1');
    expect((await supervisor.post(`/cases/${oldCase}/commands/AssignOfficer`, { officerId: 'practitioner-1' })).status).toBe(200);
    await before.close();
    // Version 2 is rolled out the next day.
    running = await startApp({ dataDir, start: '2026-03-03T14:00:00Z', workflows: [...workflowDefinitions, v1, v2] });
  });

  it('lists both versions in /workflows, each with its own states', async () => {
    const listed = (await (await running.as('practitioner')).get('/workflows')).body.filter((w: { name: string }) => w.name === v1.name);
    expect(listed.map((w: { version: number }) => w.version)).toEqual([1, 2]);
    expect(listed[0].states).not.toContain('reviewed');
    expect(listed[1].states).toContain('reviewed');
    expect((await (await running.as('practitioner')).get(`/workflows/${v1.name}`)).body.version).toBe(2);
  });

  it('opens new cases on version 2, with its new rule', async () => {
    const practitioner = await running.as('practitioner', 'practitioner-1');
    const supervisor = await running.as('supervisor', 'supervisor-1');
    const opened = await open(running);
    expect(opened.body).toMatchObject({ workflowVersion: 2, state: 'received' });
    const caseId = opened.body.caseId as string;
    await supervisor.post(`/cases/${caseId}/commands/AssignOfficer`, { officerId: 'practitioner-1' });
    const answered = await practitioner.post(`/cases/${caseId}/commands/AnswerRequest`, { answer: 'Here is the answer.' });
    expect(answered.body).toMatchObject({ state: 'answered', allowedCommands: [] });
    const early = await practitioner.post(`/cases/${caseId}/commands/CloseRequest`, {});
    expect(early.status).toBe(409);
    expect((await supervisor.post(`/cases/${caseId}/commands/ReviewAnswer`, {})).body).toMatchObject({ state: 'reviewed', workflowVersion: 2 });
    expect((await practitioner.post(`/cases/${caseId}/commands/CloseRequest`, {})).body).toMatchObject({ state: 'closed' });
  });

  it('keeps the case opened on version 1 deciding, projecting, replaying and showing its past on version 1', async () => {
    const practitioner = await running.as('practitioner', 'practitioner-1');
    const auditor = await running.as('auditor');
    const answered = await practitioner.post(`/cases/${oldCase}/commands/AnswerRequest`, { answer: 'Here is the answer.' });
    expect(answered.body).toMatchObject({ workflowVersion: 1, state: 'answered', allowedCommands: ['CloseRequest'] });
    const review = await (await running.as('supervisor', 'supervisor-1')).post(`/cases/${oldCase}/commands/ReviewAnswer`, {});
    expect(review.status).toBe(400);
    const closed = await practitioner.post(`/cases/${oldCase}/commands/CloseRequest`, {});
    expect(closed.body).toMatchObject({ workflowVersion: 1, state: 'closed' });

    const listed = await practitioner.get(`/cases?workflow=${v1.name}&status=closed&minPosition=${closed.body.position}`);
    expect(listed.body.items.map((c: { caseId: string; workflowVersion: number }) => [c.caseId === oldCase, c.workflowVersion]).sort()).toEqual([
      [false, 2],
      [true, 1],
    ]);
    const history = await auditor.get(`/cases/${oldCase}/history`);
    expect(history.body.items.map((e: { workflowVersion: number }) => e.workflowVersion)).toEqual([1, 1, 1, 1]);
    const asOf = await auditor.get(`/cases/${oldCase}/state?asOf=${encodeURIComponent('2026-03-02T20:00:00Z')}`);
    // What version 1 allowed then, whoever could take it (an auditor, who writes nothing, is offered none of it).
    expect(asOf.body).toMatchObject({ workflowVersion: 1, state: 'assigned', nextSteps: ['AssignOfficer', 'AnswerRequest'], allowedCommands: [] });
    const byRevision = await auditor.get(`/cases/${oldCase}/state?revision=2`);
    expect(byRevision.body).toMatchObject({ workflowVersion: 1, state: 'answered', nextSteps: ['CloseRequest'], allowedCommands: [] });
  });
});
