import { WorkloadSchema } from '../../src/projections/work.schemas';
import { complaintWorkflow } from '../../workflows/complaint';
import { restorativeEngagementWorkflow } from '../../workflows/restorative-engagement';
import { run } from '../sla/sla-support';
import { startApp, type HttpClient, type RunningApp } from '../support/app';

const example = (definition: { commands: readonly { type: string; example: unknown }[] }, command: string) =>
  ({ ...(definition.commands.find((c) => c.type === command)!.example as Record<string, unknown>) });

/**
 * A person who leaves, or whose role changes, keeps the cases given to them until someone gives
 * them to another: the directory cannot refuse a departure. The supervisor's workload says, for
 * each person, how many of their open cases they can no longer work, judged case by case.
 */
describe('cases held by someone who can no longer work them', () => {
  let running: RunningApp;
  let admin: HttpClient;
  let supervisor: HttpClient;
  const workload = async () => {
    const response = await supervisor.get(`/workload?minPosition=${await running.store.headPosition()}`);
    expect(response.status).toBe(200);
    const people = WorkloadSchema.parse(response.body).people;
    return Object.fromEntries(people.map((row) => [row.assignee ?? '(nobody)', { open: row.openCases, cannotWork: row.cannotWork }]));
  };
  const complaint = async (handlerId?: string): Promise<string> => {
    const opened = await supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: example(complaintWorkflow, 'ReceiveComplaint') });
    expect(opened.status).toBe(201);
    if (handlerId) await run(supervisor, opened.body.caseId, 'AssignHandler', { handlerId });
    return opened.body.caseId as string;
  };

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-02T16:00:00Z' });
    admin = await running.as('admin', 'admin-1');
    supervisor = await running.as('supervisor', 'supervisor-1');
    for (const [staffId, displayName] of [
      ['ana.leaves', 'Ana Leaves'],
      ['ben.audits', 'Ben Moves'],
      ['chloe.leads', 'Chloé Leads'],
      ['dev.stays', 'Dev Stays'],
    ] as const) {
      expect((await admin.post('/staff', { staffId, displayName, role: 'practitioner', region: 'ON', languages: ['en'] })).status).toBe(201);
    }
    await complaint('ana.leaves');
    await complaint('ana.leaves');
    await complaint('ben.audits');
    await complaint('chloe.leads');
    await complaint('dev.stays');
    await complaint();
    const engagement = await supervisor.post('/cases', { workflow: 'restorative-engagement', command: 'ReceiveOptIn', data: example(restorativeEngagementWorkflow, 'ReceiveOptIn') });
    expect(engagement.status).toBe(201);
    await run(supervisor, engagement.body.caseId, 'ConfirmParticipation', { officialLanguage: 'en' });
    await run(supervisor, engagement.body.caseId, 'AssignPractitioner', { practitionerIds: ['chloe.leads'] });
  });
  afterAll(async () => running.close());

  it('counts none while everyone can work what they hold', async () => {
    expect(await workload()).toEqual({
      'ana.leaves': { open: 2, cannotWork: 0 },
      'chloe.leads': { open: 2, cannotWork: 0 },
      'ben.audits': { open: 1, cannotWork: 0 },
      'dev.stays': { open: 1, cannotWork: 0 },
      '(nobody)': { open: 1, cannotWork: 0 },
    });
  });

  it('counts every case of someone who left, the cases a new role cannot work, and only those', async () => {
    expect((await admin.post('/staff/ana.leaves', { active: false })).status).toBe(200);
    expect((await admin.post('/staff/ben.audits', { role: 'auditor' })).status).toBe(200);
    // A supervisor handles complaints but cannot take an engagement practitioner's steps.
    expect((await admin.post('/staff/chloe.leads', { role: 'supervisor' })).status).toBe(200);
    expect(await workload()).toEqual({
      'ana.leaves': { open: 2, cannotWork: 2 },
      'chloe.leads': { open: 2, cannotWork: 1 },
      'ben.audits': { open: 1, cannotWork: 1 },
      'dev.stays': { open: 1, cannotWork: 0 },
      '(nobody)': { open: 1, cannotWork: 0 },
    });
  });

  it('counts them no more once they are given to someone else, or the person comes back', async () => {
    const held = (await supervisor.get('/cases?assignee=ben.audits&status=open')).body.items as { caseId: string }[];
    expect(held).toHaveLength(1);
    await run(supervisor, held[0]!.caseId, 'AssignHandler', { handlerId: 'dev.stays' });
    expect((await admin.post('/staff/ana.leaves', { active: true })).status).toBe(200);
    const after = await workload();
    expect(after['ana.leaves']).toEqual({ open: 2, cannotWork: 0 });
    expect(after['ben.audits']).toBeUndefined();
    expect(after['dev.stays']).toEqual({ open: 2, cannotWork: 0 });
  });
});
