import { attentionFields } from '../../domain/attention';
import { workflowDefinitions } from '../../workflows/registry';
import { run } from '../sla/sla-support';
import { startApp, type HttpClient, type RunningApp } from '../support/app';

const example = (workflow: string, command: string) =>
  ({ ...(workflowDefinitions.find((d) => d.name === workflow)!.commands.find((c) => c.type === command)!.example as Record<string, unknown>) });

/**
 * Cases a fact of their details marks as calling for a supervisor's attention (a cohort left with
 * fewer representatives than its minimum): `GET /cases?attention=true`, within what the role may list.
 */
describe('GET /cases?attention=true', () => {
  let running: RunningApp;
  let supervisor: HttpClient;
  let flagged: string;
  let full: string;

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-02T16:00:00Z' });
    supervisor = await running.as('supervisor', 'supervisor-1');
    const form = async () => {
      const opened = await supervisor.post('/cases', { workflow: 'defence-cohort', command: 'FormCohort', data: example('defence-cohort', 'FormCohort') });
      expect(opened.status).toBe(201);
      return opened.body.caseId as string;
    };
    flagged = await form();
    full = await form();
    await run(supervisor, flagged, 'WithdrawRepresentative', example('defence-cohort', 'WithdrawRepresentative'));
    const complaint = await supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: example('complaint', 'ReceiveComplaint') });
    expect(complaint.status).toBe(201);
  });
  afterAll(async () => running.close());

  it('is declared by the workflow: the cohort’s belowMinimum, published as x-mend-attention', async () => {
    expect(Object.fromEntries(workflowDefinitions.map((d) => [d.name, attentionFields(d)]))).toMatchObject({ 'defence-cohort': ['belowMinimum'], complaint: [] });
    const cohort = (await supervisor.get('/workflows/defence-cohort')).body;
    expect(cohort.details.properties.belowMinimum).toMatchObject({ type: 'boolean', 'x-mend-attention': true });
  });

  it('lists the cohort left with five representatives, not the full one nor a complaint, and counts it', async () => {
    const page = await supervisor.get(`/cases?attention=true&minPosition=${await running.store.headPosition()}`);
    expect(page.status).toBe(200);
    expect({ ids: page.body.items.map((c: { caseId: string }) => c.caseId), total: page.body.total }).toEqual({ ids: [flagged], total: 1 });
    expect(page.body.items[0].details).toMatchObject({ representatives: 5, belowMinimum: true });
    const all = await supervisor.get('/cases?workflow=defence-cohort');
    expect(all.body.items.map((c: { caseId: string }) => c.caseId).sort()).toEqual([flagged, full].sort());
  });

  it('is narrowed like any list: the cohort’s practitioner sees it, a practitioner it is not assigned to and the RJU do not', async () => {
    const [assigned] = example('defence-cohort', 'FormCohort')['practitionerIds'] as string[];
    const mine = await (await running.as('practitioner', assigned!)).get('/cases?attention=true');
    expect(mine.body.items.map((c: { caseId: string }) => c.caseId)).toEqual([flagged]);
    for (const [role, id] of [['practitioner', 'practitioner-99'], ['rju', 'rju-1']] as const) {
      const page = await (await running.as(role, id)).get('/cases?attention=true');
      expect({ role, status: page.status, total: page.body.total }).toEqual({ role, status: 200, total: 0 });
    }
  });

  it('refuses any other value with a 400 naming the parameter', async () => {
    const refused = await supervisor.get('/cases?attention=yes', { 'accept-language': 'fr' });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('query.attention');
  });
});
