import { startApp, type HttpClient, type RunningApp } from '../support/app';
import { allEvents, drain, receiveComplaint, run, scheduledOn, scheduler } from './sla-support';

/**
 * The scheduler was off (MEND_SCHEDULER=off, as startApp boots) while clocks ran out; people went
 * on working the cases. Whatever they decided, each warning and breach is recorded once, at its
 * true instant, and the live views, the case as of a past moment and the sweep that follows agree.
 */
describe('SLA: decisions taken while the scheduler was down', () => {
  let running: RunningApp;
  let supervisor: HttpClient;

  afterEach(async () => running.close());

  const boot = async (start: string) => {
    running = await startApp({ start });
    supervisor = await running.as('supervisor');
  };
  const head = async () => running.store.headPosition();
  const clocksOf = async (caseId: string) => {
    const response = await supervisor.get(`/sla/clocks?caseId=${caseId}&minPosition=${await head()}`);
    expect(response.status).toBe(200);
    return Object.fromEntries((response.body.items as { clock: string }[]).map((item) => [item.clock, item])) as Record<string, Record<string, unknown>>;
  };
  /** The warnings and breaches on a case's stream, whoever recorded them. */
  const alertsOn = async (caseId: string) =>
    (await allEvents(running))
      .filter((e) => e.streamId === `complaint-${caseId}` && (e.type === 'ClockWarned' || e.type === 'ClockBreached'))
      .map((e) => {
        const data = e.data as { clock: string; threshold?: number; at: string };
        return [e.type, data.clock, data.threshold ?? null, data.at, (e.metadata['actor'] as { id: string }).id];
      });

  it('refuses to pause a clock that ran out during the downtime, and the sweep records its breach at its due time', async () => {
    // Ottawa, Wednesday 15 December 2027, 10:00: the acknowledgement is due Friday 17 December, 17:00.
    await boot('2027-12-15T15:00:00Z');
    const caseId = await receiveComplaint(supervisor, '2027-12-15T10:00:00-05:00', 'ON');
    running.clock.set('2027-12-23T21:30:00Z');

    const pause = await supervisor.post(`/cases/${caseId}/commands/PauseClock`, { clock: 'acknowledgement', reason: 'Awaiting the complainant.' });
    expect(pause.status).toBe(409);
    expect(pause.body).toMatchObject({ code: 'CLOCK.NOT_RUNNING', message: 'The clock “Acknowledgement” is breached, not running.' });
    expect((await clocksOf(caseId))['acknowledgement']).toMatchObject({ status: 'running', overdue: true, dueAt: '2027-12-17T22:00:00.000Z' });

    await drain(scheduler(running));
    expect((await clocksOf(caseId))['acknowledgement']).toMatchObject({ status: 'breached', overdue: false, breachedAt: '2027-12-17T22:00:00.000Z', pausedAt: null });
    expect((await scheduledOn(running, caseId)).filter((e) => e.type === 'ClockBreached')).toEqual([
      { type: 'ClockBreached', clock: 'acknowledgement', threshold: null, at: '2027-12-17T22:00:00.000Z', occurredAt: '2027-12-23T21:30:00.000Z' },
    ]);
  });

  it('stops offering PauseClock once every running clock has run out, and still names the clock when it is sent', async () => {
    // Ottawa, Wednesday 15 December 2027, 10:00; acknowledged at once, the response is due 30 business days later.
    await boot('2027-12-15T15:00:00Z');
    const caseId = await receiveComplaint(supervisor, '2027-12-15T10:00:00-05:00', 'ON');
    await run(supervisor, caseId, 'AcknowledgeComplaint', { method: 'email' });
    const offered = async () => (await supervisor.get(`/cases/${caseId}`)).body.allowedCommands as string[];
    expect(await offered()).toContain('PauseClock');

    // Six weeks on, in March 2028: the response clock, the only one running, ran out in February.
    running.clock.set('2028-03-01T15:00:00Z');
    expect((await clocksOf(caseId))['response-1']).toMatchObject({ status: 'running', overdue: true });
    expect(await offered()).not.toContain('PauseClock');
    const pause = await supervisor.post(`/cases/${caseId}/commands/PauseClock`, { clock: 'response-1', reason: 'Awaiting the complainant.' });
    expect(pause.status).toBe(409);
    expect(pause.body).toMatchObject({ code: 'CLOCK.NOT_RUNNING', message: 'The clock “Response, level 1” is breached, not running.' });
    const fr = await supervisor.post(`/cases/${caseId}/commands/PauseClock`, { clock: 'response-1', reason: 'En attente.' }, { 'accept-language': 'fr' });
    expect(fr.body.message).toMatch(/^Le délai «\u00a0Réponse, palier 1\u00a0» /);
  });

  it('records at the pause the warnings that fell due, which the scheduler then never records again', async () => {
    await boot('2027-12-15T15:00:00Z');
    const caseId = await receiveComplaint(supervisor, '2027-12-15T10:00:00-05:00', 'ON');
    // Acknowledged at once: the response clock runs its 30 business days (the acknowledgement's cannot be paused).
    await run(supervisor, caseId, 'AcknowledgeComplaint');
    // Monday 24 January, 12:00: both warnings passed unrecorded.
    running.clock.set('2028-01-24T17:00:00Z');
    await run(supervisor, caseId, 'PauseClock', { clock: 'response-1', reason: 'Awaiting the complainant.' });
    await drain(scheduler(running));
    // Tuesday 12:00, one business day later; the due time moves by one business day.
    running.clock.set('2028-01-25T17:00:00Z');
    await run(supervisor, caseId, 'ResumeClock', { clock: 'response-1' });
    running.clock.set('2028-02-02T15:00:00Z');
    await drain(scheduler(running));

    expect(await alertsOn(caseId)).toEqual([
      ['ClockWarned', 'response-1', 0.5, '2028-01-10T18:30:00.000Z', 'supervisor-1'],
      ['ClockWarned', 'response-1', 0.8, '2028-01-21T20:36:00.000Z', 'supervisor-1'],
      ['ClockBreached', 'response-1', null, '2028-02-01T22:00:00.000Z', 'sla-scheduler'],
    ]);
    expect((await clocksOf(caseId))['response-1']).toMatchObject({ status: 'breached', warnedThresholds: [0.5, 0.8], breachedAt: '2028-02-01T22:00:00.000Z' });
  });

  it('keeps, when a complaint is withdrawn after the downtime, the breach of the clock that ran out, in the live view, the summary and the case as of then', async () => {
    // Quebec, Monday 3 January 2028, 10:00: the acknowledgement is due Thursday 6 January, 17:00 (22:00 UTC).
    await boot('2028-01-03T15:00:00Z');
    const caseId = await receiveComplaint(supervisor, '2028-01-03T10:00:00-05:00', 'QC');
    running.clock.set('2028-01-10T15:00:00Z');
    await run(supervisor, caseId, 'WithdrawComplaint');

    const clocks = await clocksOf(caseId);
    expect(clocks['acknowledgement']).toMatchObject({ status: 'breached', breachedAt: '2028-01-06T22:00:00.000Z', cancelledAt: '2028-01-10T15:00:00.000Z' });
    expect(clocks['response-1']).toMatchObject({ status: 'cancelled', breachedAt: null });
    const summary = await supervisor.get(`/sla/summary?region=QC&minPosition=${await head()}`);
    expect(summary.body.overall).toMatchObject({ breached: 1, cancelled: 1, overdue: 0, met: 0, onTimeRate: 0 });

    const live = await supervisor.get(`/cases/${caseId}?minPosition=${await head()}`);
    const during = await supervisor.get(`/cases/${caseId}/state?asOf=2028-01-07T12:00:00Z`);
    // After the withdrawal: now (a moment still to come is refused).
    const after = await supervisor.get(`/cases/${caseId}/state?asOf=${encodeURIComponent(running.clock.now().toISOString())}`);
    const acknowledgement = (view: { body: { clocks: { clock: string }[] } }) => view.body.clocks.find((c) => c.clock === 'acknowledgement');
    expect(acknowledgement(live)).toMatchObject({ status: 'breached', breachedAt: '2028-01-06T22:00:00.000Z' });
    expect(acknowledgement(during)).toMatchObject({ status: 'breached', breachedAt: '2028-01-06T22:00:00.000Z', breachDerived: { occurredAt: '2028-01-10T15:00:00.000Z' } });
    expect(acknowledgement(after)).toMatchObject({ status: 'breached', breachedAt: '2028-01-06T22:00:00.000Z' });

    await drain(scheduler(running));
    expect(await scheduledOn(running, caseId)).toEqual([]);
    expect(await alertsOn(caseId)).toEqual([['ClockBreached', 'acknowledgement', null, '2028-01-06T22:00:00.000Z', 'supervisor-1']]);
  });
});
