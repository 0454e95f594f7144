import { CaseViewSchema } from '../../src/http/response-schemas';
import { nextLevelContact } from '../sla/sla-support';
import { startApp, type HttpClient, type RunningApp } from '../support/app';
import { openingRequest } from '../support/openings';

/**
 * A case view answers, for each command the reader may run now, the fields of its data that the
 * case's state requires though its schema leaves them optional (`requiredNow`), and those it refuses
 * though its schema allows them (`refusedNow`): a complaint's response names who it can be elevated
 * to below the last level of review, and no one at the last.
 */
describe('GET /cases/:id: the fields a command needs, or refuses, in the case’s state', () => {
  let running: RunningApp;
  let supervisor: HttpClient;
  let auditor: HttpClient;
  let caseId: string;

  const view = async (reader: HttpClient) => {
    const read = await reader.get(`/cases/${caseId}?minPosition=${await running.store.headPosition()}`);
    expect(read.status).toBe(200);
    return CaseViewSchema.parse(read.body);
  };
  const run = async (http: HttpClient, command: string, data: Record<string, unknown> = {}) =>
    expect((await http.post(`/cases/${caseId}/commands/${command}`, data)).status).toBe(200);

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-03T15:00:00Z' });
    supervisor = await running.as('supervisor', 'supervisor-1');
    auditor = await running.as('auditor', 'auditor-1');
    const opened = await supervisor.post('/cases', openingRequest('complaint'));
    expect(opened.status).toBe(201);
    caseId = opened.body.caseId;
    await run(supervisor, 'AcknowledgeComplaint', { method: 'email' });
    await run(supervisor, 'AssignHandler', { handlerId: 'practitioner-7' });
  });
  afterAll(() => running.close());

  it('are documented in the OpenAPI document as every case view’s', async () => {
    const openapi = (await (await fetch(`${running.baseUrl}/openapi.json`)).json()) as { components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[] }> } };
    const caseView = openapi.components.schemas['CaseView']!;
    expect(caseView.properties['requiredNow']).toMatchObject({ type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } });
    expect(caseView.properties['refusedNow']).toMatchObject({ type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } });
    expect(caseView.required).toEqual(expect.arrayContaining(['requiredNow', 'refusedNow']));
  });

  it('below the last level, Respond requires the next level, for those who may respond only', async () => {
    const handler = await running.as('practitioner', 'practitioner-7');
    const byHandler = await view(handler);
    expect(byHandler.allowedCommands).toContain('Respond');
    expect(byHandler.requiredNow).toEqual({ Respond: ['nextLevel'] });
    expect(byHandler.refusedNow).toEqual({});
    // Someone who may run none of the case's commands is told of none.
    const byAuditor = await view(auditor);
    expect(byAuditor.nextSteps).toContain('Respond');
    expect(byAuditor).toMatchObject({ allowedCommands: [] });
    expect([byAuditor.requiredNow, byAuditor.refusedNow]).toEqual([{}, {}]);
    // The case as it stood at a moment, to whoever may read it: the same rule.
    const now = byHandler.updatedAt as string;
    const stoodByAuditor = await auditor.get(`/cases/${caseId}/state?asOf=${encodeURIComponent(now)}`);
    expect(stoodByAuditor.status).toBe(200);
    expect(stoodByAuditor.body).toMatchObject({ state: byHandler.state, allowedCommands: [] });
    expect([stoodByAuditor.body.requiredNow, stoodByAuditor.body.refusedNow]).toEqual([{}, {}]);
    expect((await handler.get(`/cases/${caseId}/state?asOf=${encodeURIComponent(now)}`)).body.requiredNow).toEqual({ Respond: ['nextLevel'] });
    // And the command answers the same view: once answered, nothing is required of the steps left.
    const responded = await handler.post(`/cases/${caseId}/commands/Respond`, { response: 'We rebooked your meeting.', nextLevel: nextLevelContact });
    expect(responded.status).toBe(200);
    expect(responded.body).toMatchObject({ state: 'responded' });
    expect([responded.body.requiredNow, responded.body.refusedNow]).toEqual([{}, {}]);
  });

  it('at the last level, Respond requires it no more, and refuses it', async () => {
    await run(supervisor, 'RequestReview', { grounds: 'Still no reason given.' });
    await run(supervisor, 'AssignHandler', { handlerId: 'practitioner-8' });
    const second = await running.as('practitioner', 'practitioner-8');
    expect((await view(second)).requiredNow).toEqual({ Respond: ['nextLevel'] });
    await run(second, 'Respond', { response: 'The decision stands.', nextLevel: nextLevelContact });
    await run(supervisor, 'RequestReview', {});
    await run(supervisor, 'AssignHandler', { handlerId: 'practitioner-9' });
    const last = await view(await running.as('practitioner', 'practitioner-9'));
    expect(last.details).toMatchObject({ lastLevel: true });
    expect(last.allowedCommands).toContain('Respond');
    expect(last.requiredNow).toEqual({});
    expect(last.refusedNow).toEqual({ Respond: ['nextLevel'] });
  });
});
