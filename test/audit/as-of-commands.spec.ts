import { complaintWorkflow } from '../../workflows/complaint';
import { startApp, type RunningApp } from '../support/app';
import { driveComplaint, type Step } from './audit-support';

/** The complaint's commands the assigned practitioner may run, and no other practitioner. */
const ASSIGNED_ONLY = complaintWorkflow.commands.filter((c) => c.grants?.practitioner === 'assigned').map((c) => c.type);

/**
 * The case as it stood then offers a reader the commands they could have run on it then, filtered
 * by the same permission rules as the case today: an auditor, who never writes, is offered none;
 * a practitioner not yet assigned, none of those for the assigned practitioner.
 */
describe('GET /cases/:id/state: the commands it offers', () => {
  let running: RunningApp;
  let caseId: string;
  let steps: Step[];

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-02T14:00:00Z' });
    ({ caseId, steps } = await driveComplaint(running));
  });
  afterAll(async () => running.close());

  const asOf = async (role: 'auditor' | 'supervisor' | 'practitioner', step: Step) => {
    const response = await (await running.as(role, `${role}-1`)).get(`/cases/${caseId}/state?asOf=${encodeURIComponent(step.at)}`);
    expect(response.status).toBe(200);
    return response.body.allowedCommands as string[];
  };

  it('offers an auditor none, at every moment, as the case today does', async () => {
    expect((await (await running.as('auditor', 'auditor-1')).get(`/cases/${caseId}`)).body.allowedCommands).toEqual([]);
    for (const step of steps) expect({ at: step.at, offered: await asOf('auditor', step) }).toEqual({ at: step.at, offered: [] });
  });

  it('offers a supervisor, as of the last step, what the case today offers them', async () => {
    const today = (await (await running.as('supervisor', 'supervisor-1')).get(`/cases/${caseId}`)).body.allowedCommands as string[];
    expect(today.length).toBeGreaterThan(0);
    expect(await asOf('supervisor', steps[steps.length - 1]!)).toEqual(today);
  });

  it('offers the practitioner the assigned practitioner’s commands only once the case was theirs', async () => {
    const assignedAt = steps.findIndex((step) => step.view.assignees.includes('practitioner-1'));
    expect(ASSIGNED_ONLY.length).toBeGreaterThan(0);
    expect(assignedAt).toBeGreaterThan(0);
    expect((await asOf('practitioner', steps[assignedAt - 1]!)).filter((c) => ASSIGNED_ONLY.includes(c))).toEqual([]);
    expect((await asOf('practitioner', steps[assignedAt]!)).filter((c) => ASSIGNED_ONLY.includes(c)).length).toBeGreaterThan(0);
  });
});
