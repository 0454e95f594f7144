import { processCommand } from '../../domain/process';
import { CaseAsOfSchema } from '../../src/audit/audit.schemas';
import { CaseRepository } from '../../src/cases/case-repository';
import { decideContext } from '../support/case-driver';
import { startApp, type HttpClient, type RunningApp } from '../support/app';
import { drain, receiveComplaint, scheduler } from '../sla/sla-support';

/**
 * As of by business time (issue 14, item 7): the case as it stood at an instant by occurredAt, the
 * events entered later marked, and a clock whose due time had passed shown breached as of then
 * even though the scheduler recorded the breach later.
 */
describe('GET /cases/:id/state on both axes of time', () => {
  let running: RunningApp;
  let auditor: HttpClient;
  let caseId: string;
  const ACK_DUE = '2026-03-04T22:00:00.000Z'; // Wednesday 17:00 in Ottawa
  const FRIDAY = '2026-03-06T15:00:00.000Z';
  const MONDAY_LATE = '2026-03-02T16:00:00.000Z';

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-02T14:00:00Z' });
    const supervisor = await running.as('supervisor', 'supervisor-1');
    caseId = await receiveComplaint(supervisor, '2026-03-02T09:00:00-05:00');
    // Entered on Tuesday, dated Monday 11:00 (business time): an assignment made by phone, written down the next day.
    running.clock.set('2026-03-03T15:00:00Z');
    const repository = running.app.get(CaseRepository);
    const loaded = await repository.load(caseId);
    const ctx = decideContext(new Date(MONDAY_LATE), { id: 'supervisor-1', role: 'supervisor' });
    const decision = processCommand(loaded.definition, loaded.state, { type: 'AssignHandler', data: { handlerId: 'p1' } }, ctx);
    await repository.append(loaded, decision.events, decision.state, ctx, { correlationId: 'late-entry', causationId: 'late-entry' });
    // The scheduler was down until Friday: it records the warnings and the breach then.
    running.clock.set(FRIDAY);
    await drain(scheduler(running));
    auditor = await running.as('auditor', 'auditor-1');
  });
  afterAll(async () => running.close());

  const asOf = async (instant: string, axis?: string) => {
    const response = await auditor.get(`/cases/${caseId}/state?asOf=${encodeURIComponent(instant)}${axis ? `&axis=${axis}` : ''}`);
    expect(response.status).toBe(200);
    return CaseAsOfSchema.parse(response.body);
  };
  const acknowledgement = (view: AsOfView) => view.clocks.find((c) => c.clock === 'acknowledgement')!;
  type AsOfView = ReturnType<typeof CaseAsOfSchema.parse>;

  it('before the due time, shows the clock running', async () => {
    const view = await asOf('2026-03-03T15:00:00Z');
    expect(view.axis).toBe('business');
    expect(acknowledgement(view)).toMatchObject({ status: 'running', dueAt: ACK_DUE });
    expect(acknowledgement(view).breachDerived).toBeUndefined();
    expect(view.revision).toBeLessThan(view.lastRevision);
  });

  it('after the due time, shows it breached as of then, and says the breach was recorded later', async () => {
    const view = await asOf('2026-03-05T15:00:00Z');
    const history = (await auditor.get(`/cases/${caseId}/history`)).body.items as { revision: number; type: string; occurredAt: string; recordedAt: string }[];
    const breach = history.find((event) => event.type === 'ClockBreached' && (event as unknown as { data: { clock: string } }).data.clock === 'acknowledgement')!;
    expect(breach.occurredAt).toBe(FRIDAY);
    expect(view.revision).toBeLessThan(breach.revision);
    expect(acknowledgement(view)).toMatchObject({
      status: 'breached',
      breachedAt: ACK_DUE,
      breachDerived: { occurredAt: FRIDAY, recordedAt: breach.recordedAt },
    });
    expect(acknowledgement(view)).not.toHaveProperty('nextWarningAt');
    // The response clock is not due for weeks: untouched.
    expect(view.clocks.find((c) => c.clock === 'response-1')).toMatchObject({ status: 'running' });
    expect(view.clocks.find((c) => c.clock === 'response-1')!.breachDerived).toBeUndefined();
  });

  it('does not foretell: a due time still to come shows no breach now, and a moment to come is refused', async () => {
    const view = await asOf(running.clock.now().toISOString());
    expect(view.clocks.find((c) => c.clock === 'response-1')).toMatchObject({ status: 'running', dueAt: '2026-04-15T21:00:00.000Z' });
    const later = await auditor.get(`/cases/${caseId}/state?asOf=${encodeURIComponent('2026-06-01T15:00:00Z')}`);
    expect({ status: later.status, code: later.body.code }).toEqual({ status: 400, code: 'AUDIT.AS_OF_IN_FUTURE' });
  });

  it('once the breach is recorded, shows it as recorded', async () => {
    const view = await asOf(FRIDAY);
    expect(acknowledgement(view)).toMatchObject({ status: 'breached', breachedAt: ACK_DUE });
    expect(acknowledgement(view).breachDerived).toBeUndefined();
    expect(view.revision).toBe(view.lastRevision);
  });

  it('shows the warnings whose instant had passed as given, each with when it was recorded later', async () => {
    type Warned = { revision: number; type: string; recordedAt: string; data: { clock: string; threshold: number; at: string } };
    const history = (await auditor.get(`/cases/${caseId}/history`)).body.items as Warned[];
    const warnings = history.filter((e) => e.type === 'ClockWarned' && e.data.clock === 'acknowledgement');
    expect(warnings.length).toBeGreaterThanOrEqual(2);
    const [first, second] = warnings as [Warned, Warned];
    expect(first.data.at < ACK_DUE).toBe(true);

    // At the first warning's instant: it is shown given, the next one is still to come.
    const then = await asOf(first.data.at);
    expect(then.revision).toBeLessThan(first.revision);
    expect(acknowledgement(then)).toMatchObject({
      status: 'running',
      warnedThresholds: [first.data.threshold],
      nextWarningAt: second.data.at,
      warningsDerived: [{ threshold: first.data.threshold, at: first.data.at, occurredAt: FRIDAY, recordedAt: first.recordedAt }],
    });
    // A moment before it: nothing derived.
    const before = await asOf(new Date(Date.parse(first.data.at) - 60_000).toISOString());
    expect(acknowledgement(before).warningsDerived).toBeUndefined();
    expect(acknowledgement(before).warnedThresholds).toEqual([]);
    // After the due time: every warning, then the breach.
    const late = acknowledgement(await asOf('2026-03-05T15:00:00Z'));
    expect(late.warnedThresholds).toEqual(warnings.map((w) => w.data.threshold));
    expect(late.warningsDerived?.map((w) => w.recordedAt)).toEqual(warnings.map((w) => w.recordedAt));
    // Once the scheduler recorded them, nothing is derived.
    expect(acknowledgement(await asOf(FRIDAY)).warningsDerived).toBeUndefined();
    expect(acknowledgement(await asOf(FRIDAY)).warnedThresholds).toEqual(warnings.map((w) => w.data.threshold));
  });

  it('marks the events that occurred by then but were recorded after it', async () => {
    const history = (await auditor.get(`/cases/${caseId}/history`)).body.items as { revision: number; type: string; occurredAt: string; recordedAt: string }[];
    const assigned = history.find((e) => e.type === 'HandlerAssigned')!;
    expect(assigned).toMatchObject({ occurredAt: MONDAY_LATE, recordedAt: '2026-03-03T15:00:00.000Z' });
    const monday = await asOf('2026-03-02T18:00:00Z');
    expect(monday.assignees).toEqual(['p1']);
    expect(monday.enteredLater).toEqual([assigned.revision]);
    expect((await asOf('2026-03-03T16:00:00Z')).enteredLater).toEqual([]);
    // What the log held on Monday evening: no assignment yet.
    const held = await asOf('2026-03-02T18:00:00Z', 'recorded');
    expect(held.assignees).toEqual([]);
    expect(held.revision).toBeLessThan(assigned.revision);
  });

  it('on the recorded axis, shows what the log held then, and refuses an instant before it held the case', async () => {
    const history = (await auditor.get(`/cases/${caseId}/history`)).body.items as { recordedAt: string }[];
    const recorded = await asOf(history.at(-1)!.recordedAt, 'recorded');
    expect(recorded).toMatchObject({ axis: 'recorded', enteredLater: [] });
    expect(recorded.revision).toBe(recorded.lastRevision);
    const before = new Date(Date.parse(history[0]!.recordedAt) - 60_000).toISOString();
    const refused = await auditor.get(`/cases/${caseId}/state?asOf=${encodeURIComponent(before)}&axis=recorded`, { 'accept-language': 'fr' });
    expect(refused.status).toBe(404);
    expect(refused.body.code).toBe('AUDIT.CASE_NOT_YET_RECORDED');
    expect(refused.body.message).toContain('enregistré');
    const bad = await auditor.get(`/cases/${caseId}/state?asOf=${encodeURIComponent(FRIDAY)}&axis=sideways`);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('axis');
  });

  it('accepts, on either axis, a moment the log already holds though the service’s clock reads earlier (a node whose clock runs behind)', async () => {
    // Entered on Saturday, dated Thursday: the latest moment the log holds is a recording, at which nothing occurred.
    const SATURDAY = '2026-03-07T15:00:00.000Z';
    running.clock.set(SATURDAY);
    const repository = running.app.get(CaseRepository);
    const loaded = await repository.load(caseId);
    const ctx = decideContext(new Date('2026-03-05T15:00:00Z'), { id: 'supervisor-1', role: 'supervisor' });
    const decision = processCommand(loaded.definition, loaded.state, { type: 'AssignHandler', data: { handlerId: 'p2' } }, ctx);
    await repository.append(loaded, decision.events, decision.state, ctx, { correlationId: 'later-entry', causationId: 'later-entry' });
    // The service's clock reads Friday: the log's Saturday has passed all the same.
    running.clock.set(FRIDAY);
    const state = (instant: string, axis: string) => auditor.get(`/cases/${caseId}/state?asOf=${encodeURIComponent(instant)}&axis=${axis}`);
    expect((await state(SATURDAY, 'business')).status).toBe(200);
    expect((await state(SATURDAY, 'recorded')).status).toBe(200);
    // Past all the log holds, it is still to come.
    expect((await state('2026-03-07T15:00:01Z', 'business')).body.code).toBe('AUDIT.AS_OF_IN_FUTURE');
  });
});

describe('an event recorded in the normal course, milliseconds after its decision', () => {
  it('is not marked entered later at the moment it occurred; one recorded two seconds after is', async () => {
    const running = await startApp({ start: '2026-03-02T14:00:00Z' });
    try {
      const supervisor = await running.as('supervisor', 'supervisor-1');
      const caseId = await receiveComplaint(supervisor, '2026-03-02T09:00:00-05:00');
      const repository = running.app.get(CaseRepository);
      const record = async (decidedAt: string, recordedAt: string, command: { type: string; data: unknown }) => {
        running.clock.set(recordedAt);
        const loaded = await repository.load(caseId);
        const ctx = decideContext(new Date(decidedAt), { id: 'supervisor-1', role: 'supervisor' });
        const decision = processCommand(loaded.definition, loaded.state, command, ctx);
        return (await repository.append(loaded, decision.events, decision.state, ctx, { correlationId: decidedAt, causationId: decidedAt })).loaded.state.revision;
      };
      const assigned = await record('2026-03-02T15:00:00.000Z', '2026-03-02T15:00:00.004Z', { type: 'AssignHandler', data: { handlerId: 'p1' } });
      const late = await record('2026-03-02T16:00:00.000Z', '2026-03-02T16:00:02.000Z', { type: 'AcknowledgeComplaint', data: { method: 'email' } });
      const auditor = await running.as('auditor', 'auditor-1');
      const enteredLater = async (instant: string) => CaseAsOfSchema.parse((await auditor.get(`/cases/${caseId}/state?asOf=${encodeURIComponent(instant)}`)).body).enteredLater;
      expect(await enteredLater('2026-03-02T15:00:00.000Z')).toEqual([]);
      // The acknowledgement and the clock it stops, both recorded two seconds late; not the assignment.
      expect(await enteredLater('2026-03-02T16:00:00.000Z')).toEqual([late - 1, late]);
      expect(late - 1).toBeGreaterThan(assigned);
    } finally {
      await running.close();
    }
  });
});
