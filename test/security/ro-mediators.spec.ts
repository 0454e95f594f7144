import { randomUUID } from 'node:crypto';
import { workflowDefinitions } from '../../workflows/registry';
import { startApp, type HttpClient, type RunningApp } from '../support/app';

const ro = workflowDefinitions.find((d) => d.name === 'restorative-opportunities')!;
const example = (workflow: string, command: string) =>
  workflowDefinitions.find((d) => d.name === workflow)!.commands.find((c) => c.type === command)!.example;

/**
 * Mediators are users, on a need-to-know basis: a mediator sees and acts on only the RO cases
 * assigned to them. Every other case — another mediator's, one taken from them, any case of another
 * program — answers as a case that does not exist, in reads, lists, counts, cursors, caseloads,
 * history, exports and commands. The Restorative Justice Unit keeps the whole unit's view.
 */
describe('RO mediators see and act on only the cases assigned to them', () => {
  let running: RunningApp;
  let rju: HttpClient;
  let mediatorA: HttpClient;
  let position = 0;
  const cases: Record<'a1' | 'a2' | 'b' | 'unassigned' | 'complaint', string> = { a1: '', a2: '', b: '', unassigned: '', complaint: '' };
  const absent = randomUUID();

  const run = async (http: HttpClient, caseId: string, command: string, data: unknown) => {
    const response = await http.post(`/cases/${caseId}/commands/${command}`, data);
    if (response.status === 200) position = Math.max(position, response.body.position);
    return response;
  };

  /** An RO case taken by the unit to the stage where a mediator is assigned (or not). */
  async function roCase(mediatorId?: string): Promise<string> {
    const opened = await rju.post('/cases', { workflow: ro.name, command: 'ReceiveReferral', data: example(ro.name, 'ReceiveReferral') });
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId as string;
    position = Math.max(position, opened.body.position);
    expect((await run(rju, caseId, 'BeginIntakeAssessment', { intakeOfficerId: 'rju-1' })).status).toBe(200);
    expect((await run(rju, caseId, 'AssessIntake', example(ro.name, 'AssessIntake'))).status).toBe(200);
    if (mediatorId) expect((await run(rju, caseId, 'AssignMediator', { mediatorId })).status).toBe(200);
    return caseId;
  }

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-02T15:00:00Z' });
    rju = await running.as('rju', 'rju-1');
    mediatorA = await running.as('mediator', 'mediator-a');
    cases.a1 = await roCase('mediator-a');
    cases.a2 = await roCase('mediator-a');
    cases.b = await roCase('mediator-b');
    cases.unassigned = await roCase();
    const supervisor = await running.as('supervisor', 'supervisor-1');
    const complaint = await supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: example('complaint', 'ReceiveComplaint') });
    expect(complaint.status).toBe(201);
    cases.complaint = complaint.body.caseId;
    position = Math.max(position, complaint.body.position);
  });
  afterAll(async () => running.close());

  /** The answer for a case that does not exist, the same to the byte but for the id. */
  async function answersAsAbsent(http: HttpClient, caseId: string, path: (id: string) => string, method: 'GET' | 'POST' = 'GET') {
    const send = (id: string) => (method === 'GET' ? http.get(path(id)) : http.post(path(id), {}));
    const [hidden, none] = [await send(caseId), await send(absent)];
    expect({ status: hidden.status, code: hidden.body.code }).toEqual({ status: 404, code: 'CASE.NOT_FOUND' });
    expect(String(hidden.body.message).replace(caseId, 'ID')).toBe(String(none.body.message).replace(absent, 'ID'));
    expect(JSON.stringify(hidden.body)).not.toContain('restorative');
  }

  it('reads their own case, offered only the mediation steps', async () => {
    const view = await mediatorA.get(`/cases/${cases.a1}?minPosition=${position}`);
    expect(view.status).toBe(200);
    expect(view.body.assignees).toContain('mediator-a');
    expect(view.body.allowedCommands).toContain('RecordPreparation');
    // Assignments, conditions and the end of the case stay with the unit.
    for (const command of ['AssignMediator', 'ReassignCase', 'RecordNoContactCondition', 'DetermineNotSuitable']) {
      expect(view.body.allowedCommands).not.toContain(command);
    }
    const unit = await rju.get(`/cases/${cases.a1}?minPosition=${position}`);
    expect(unit.body.allowedCommands).toEqual(expect.arrayContaining(['RecordPreparation', 'ReassignCase', 'DetermineNotSuitable']));
  });

  it('records the mediation on their own case, and is refused the unit’s steps with a 403', async () => {
    const prepared = await run(mediatorA, cases.a1, 'RecordPreparation', example(ro.name, 'RecordPreparation'));
    expect(prepared.status).toBe(200);
    expect(prepared.body.state).toBe('preparation');
    const history = await mediatorA.get(`/cases/${cases.a1}/history`);
    expect(history.body.items.at(-1)).toMatchObject({ type: 'PreparationSessionHeld', actor: { id: 'mediator-a', role: 'mediator' } });
    const reassign = await mediatorA.post(`/cases/${cases.a1}/commands/ReassignCase`, example(ro.name, 'ReassignCase'));
    expect({ status: reassign.status, code: reassign.body.code }).toEqual({ status: 403, code: 'ACCESS.ROLE_FORBIDDEN' });
  });

  it('reads the history of their own case with the parties’ personal information, as the unit does', async () => {
    const history = await mediatorA.get(`/cases/${cases.a1}/history`);
    expect(history.status).toBe(200);
    const referral = history.body.items.find((item: { type: string }) => item.type === 'ReferralReceived');
    const victim = (example(ro.name, 'ReceiveReferral') as { victim: { name: string } }).victim.name;
    expect(referral.data.victim.name).toBe(victim);
    expect((await mediatorA.get(`/cases/${cases.a1}/state?revision=0`)).status).toBe(200);
    expect((await mediatorA.get(`/cases/${cases.a1}/export?format=csv`)).status).toBe(200);
  });

  it.each(['b', 'unassigned', 'complaint'] as const)('a case not theirs (%s) answers everywhere as a case that does not exist', async (which) => {
    const caseId = cases[which];
    await answersAsAbsent(mediatorA, caseId, (id) => `/cases/${id}?minPosition=${position}`);
    await answersAsAbsent(mediatorA, caseId, (id) => `/cases/${id}/history`);
    await answersAsAbsent(mediatorA, caseId, (id) => `/cases/${id}/state?revision=0`);
    await answersAsAbsent(mediatorA, caseId, (id) => `/cases/${id}/export?format=ndjson`);
    await answersAsAbsent(mediatorA, caseId, (id) => `/cases/${id}/commands/RecordPreparation`, 'POST');
    await answersAsAbsent(mediatorA, caseId, (id) => `/cases/${id}/commands/CloseCase`, 'POST');
  });

  it('lists, counts and pages only their cases, whatever the filter', async () => {
    const all = await mediatorA.get(`/cases?minPosition=${position}&limit=200`);
    expect(all.status).toBe(200);
    expect(all.body.items.map((c: { caseId: string }) => c.caseId).sort()).toEqual([cases.a1, cases.a2].sort());
    expect(all.body.total).toBe(2);
    const ro_ = await mediatorA.get(`/cases?workflow=${ro.name}&minPosition=${position}`);
    expect(ro_.body.total).toBe(2);
    expect((await mediatorA.get(`/cases?workflow=complaint&minPosition=${position}`)).body).toMatchObject({ items: [], total: 0 });
    expect((await mediatorA.get(`/cases?assignee=mediator-b&minPosition=${position}`)).body).toMatchObject({ items: [], total: 0 });
    expect((await mediatorA.get(`/cases?assignee=rju-1&minPosition=${position}`)).body).toMatchObject({ items: [], total: 0 });
    // Page by page: two pages of one, then no cursor.
    const seen: string[] = [];
    let path: string | null = `/cases?limit=1&minPosition=${position}`;
    while (path) {
      const page: { status: number; body: { items: { caseId: string }[]; nextCursor?: string; total: number } } = await mediatorA.get(path);
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(2);
      seen.push(...page.body.items.map((c) => c.caseId));
      path = page.body.nextCursor ? `/cases?limit=1&cursor=${encodeURIComponent(page.body.nextCursor)}&minPosition=${position}` : null;
    }
    expect(seen.sort()).toEqual([cases.a1, cases.a2].sort());
    // The unit sees the whole unit's cases.
    const unit = await rju.get(`/cases?workflow=${ro.name}&minPosition=${position}`);
    expect(unit.body.total).toBe(4);
  });

  it('sees their own caseload, and no one else’s', async () => {
    const own = await mediatorA.get(`/caseload/mediator-a?minPosition=${position}`);
    expect(own.status).toBe(200);
    expect(own.body.items.map((c: { caseId: string }) => c.caseId).sort()).toEqual([cases.a1, cases.a2].sort());
    const other = await mediatorA.get('/caseload/mediator-b', { 'accept-language': 'fr' });
    expect({ status: other.status, code: other.body.code }).toEqual({ status: 403, code: 'ACCESS.OTHER_CASELOAD' });
    expect(other.body.message).toContain('médiateur');
    const unit = await rju.get(`/caseload/mediator-b?minPosition=${position}`);
    expect(unit.body.items.map((c: { caseId: string }) => c.caseId)).toEqual([cases.b]);
  });

  it('has no view over every clock or every stream: /sla and /audit refuse the role', async () => {
    for (const path of ['/sla/clocks', '/sla/summary', '/sla/stream', '/audit/verify', `/audit/verify?caseId=${cases.a1}`, '/audit/access']) {
      const response = await mediatorA.get(path);
      expect({ path, status: response.status, code: response.body.code }).toEqual({ path, status: 403, code: 'ACCESS.ROLE_FORBIDDEN' });
    }
  });

  it('loses sight of a case once it is reassigned to another mediator; the new one gains it', async () => {
    const reassigned = await run(rju, cases.a2, 'ReassignCase', { assignment: 'mediator', assigneeId: 'mediator-c', reason: 'Caseload rebalanced after a leave.' });
    expect(reassigned.status).toBe(200);
    await answersAsAbsent(mediatorA, cases.a2, (id) => `/cases/${id}?minPosition=${position}`);
    await answersAsAbsent(mediatorA, cases.a2, (id) => `/cases/${id}/history`);
    const list = await mediatorA.get(`/cases?minPosition=${position}`);
    expect(list.body.items.map((c: { caseId: string }) => c.caseId)).toEqual([cases.a1]);
    const mediatorC = await running.as('mediator', 'mediator-c');
    expect((await mediatorC.get(`/cases/${cases.a2}?minPosition=${position}`)).status).toBe(200);
    expect((await mediatorC.get(`/cases?minPosition=${position}`)).body.total).toBe(1);
  });
});
