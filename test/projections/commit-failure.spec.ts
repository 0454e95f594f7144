import { READ_MODELS } from '../../src/projections/projections.tokens';
import { ProjectionsService } from '../../src/projections/projections.service';
import type { ReadModelDatabase } from '../../src/projections/read-model.database';
import { workflowDefinitions } from '../../workflows/registry';
import { startApp, type HttpClient, type RunningApp } from '../support/app';
import { eventually } from '../sla/sla-support';

const receiveComplaint = (supervisor: HttpClient) =>
  supervisor.post('/cases', {
    workflow: 'complaint',
    command: 'ReceiveComplaint',
    data: workflowDefinitions.find((d) => d.name === 'complaint')!.commands.find((c) => c.type === 'ReceiveComplaint')!.example,
  });

/**
 * A read-model transaction whose COMMIT fails (a full disk, here a deferred constraint the test
 * sets on the cases projection's checkpoint) is rolled back whole: the runner must apply the batch
 * again, not go on from the checkpoint it failed to store, which would leave acknowledged cases out
 * of every list and search for good.
 */
describe('a projection whose commit fails', () => {
  let running: RunningApp;
  let supervisor: HttpClient;

  beforeAll(async () => {
    running = await startApp({ start: '2026-06-01T15:00:00Z' });
    supervisor = await running.as('supervisor');
  });
  afterAll(() => running.close());

  it('applies the batch again once commits succeed, and loses no case', async () => {
    const first = await receiveComplaint(supervisor);
    await running.app.get(ProjectionsService).awaitPosition('cases', first.body.position);

    const db = running.app.get<ReadModelDatabase>(READ_MODELS).db;
    // The furthest checkpoint a failed commit tried to store: kept outside the transaction, which the failure rolls back.
    let attempted = 0;
    db.function('mend_test_commit_attempt', (checkpoint: number) => (attempted = Math.max(attempted, checkpoint)));
    db.pragma('foreign_keys = ON');
    db.exec(`
      CREATE TEMP TABLE commit_gate (id INTEGER PRIMARY KEY);
      CREATE TEMP TABLE commit_blocker (gate INTEGER REFERENCES commit_gate(id) DEFERRABLE INITIALLY DEFERRED);
      CREATE TEMP TRIGGER fail_cases_commit AFTER UPDATE OF checkpoint ON main.projection_state WHEN NEW.name = 'cases'
      BEGIN
        SELECT mend_test_commit_attempt(NEW.checkpoint);
        INSERT INTO commit_blocker VALUES (1);
      END;
    `);

    const second = await receiveComplaint(supervisor);
    expect(second.status).toBe(201);
    // Every batch up to the new case's opening was tried, and its commit failed.
    await eventually(async () => (attempted >= second.body.position ? true : undefined), 'a failed commit of the new case');
    const listed = async () => ((await supervisor.get('/cases?workflow=complaint')).body.items as { caseId: string }[]).map((item) => item.caseId);
    expect(await listed()).toEqual([first.body.caseId]);
    const cases = running.app.get(ProjectionsService).reports().find((r) => r.name === 'cases')!;
    expect(cases).toMatchObject({ status: 'running', retrying: 'FOREIGN KEY constraint failed' });
    expect(cases.checkpoint).toBeLessThan(second.body.position);
    const ready = await fetch(`${running.baseUrl}/ready`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { message: string }).message).toBe(
      'Mend is not ready to serve: projections (cases cannot store what it reads (FOREIGN KEY constraint failed) and is trying again).',
    );

    db.exec('DROP TRIGGER temp.fail_cases_commit');
    db.pragma('foreign_keys = OFF');
    await running.app.get(ProjectionsService).awaitPosition('cases', second.body.position, 10_000);
    expect((await listed()).sort()).toEqual([first.body.caseId, second.body.caseId].sort());
    expect(running.app.get(ProjectionsService).reports().find((r) => r.name === 'cases')!.retrying).toBeUndefined();
    expect((await fetch(`${running.baseUrl}/ready`)).status).toBe(200);
  });
});
