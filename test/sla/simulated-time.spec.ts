import { startApp, type HttpClient, type RunningApp } from '../support/app';
import { drain, nextLevelContact, receiveComplaint, run, scheduledOn, scheduler } from './sla-support';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface ClockView {
  clock: string;
  status: string;
  dueAt: string;
  nextWarningAt?: string;
  warnedThresholds: number[];
  breachedAt?: string;
  metAt?: string;
  onTime?: boolean;
  pausedAt?: string;
}

describe('SLA clocks in simulated time: a complaint through two levels of review', () => {
  let running: RunningApp;
  let supervisor: HttpClient;
  let handler1: HttpClient;
  let handler2: HttpClient;

  beforeAll(async () => {
    // Monday 2 March 2026, 09:00 in Ottawa.
    running = await startApp({ start: '2026-03-02T14:00:00Z' });
    supervisor = await running.as('supervisor');
    handler1 = await running.as('practitioner', 'practitioner-1');
    handler2 = await running.as('practitioner', 'practitioner-2');
  });
  afterAll(async () => running.close());

  const clocksOf = async (caseId: string): Promise<Record<string, ClockView>> => {
    const view = await supervisor.get(`/cases/${caseId}?minPosition=${await running.store.headPosition()}`);
    expect(view.status).toBe(200);
    return Object.fromEntries((view.body.clocks as ClockView[]).map((c) => [c.clock, c]));
  };
  const sweep = () => drain(scheduler(running));

  it('records each warning and the breach once, at their true instants, and shows them in the case and the summary', async () => {
    const caseId = await receiveComplaint(supervisor, '2026-03-02T09:00:00-05:00');
    let clocks = await clocksOf(caseId);
    // Received Monday 09:00: acknowledgement due the second business day after, Wednesday 17:00.
    expect(clocks['acknowledgement']).toMatchObject({ status: 'running', dueAt: '2026-03-04T22:00:00.000Z' });
    // 30 business days after Monday 2 March, with Good Friday (3 April) and Easter Monday (6 April) off.
    expect(clocks['response-1']).toMatchObject({ status: 'running', dueAt: '2026-04-15T21:00:00.000Z' });

    // Half of the acknowledgement's 28 business hours: Tuesday 13:00.
    expect(clocks['acknowledgement']!.nextWarningAt).toBe('2026-03-03T18:00:00.000Z');
    running.clock.set('2026-03-03T17:59:59.999Z');
    expect((await sweep()).reduce((n, r) => n + r.warnings, 0)).toBe(0);
    running.clock.set('2026-03-03T18:00:00.000Z');
    expect((await sweep())[0]).toMatchObject({ warnings: 1, breaches: 0 });
    expect((await sweep())[0]).toMatchObject({ dueRows: 0, warnings: 0 });
    expect((await clocksOf(caseId))['acknowledgement']).toMatchObject({ status: 'running', warnedThresholds: [0.5] });

    await run(supervisor, caseId, 'AcknowledgeComplaint', { method: 'email' });
    await run(supervisor, caseId, 'AssignHandler', { handlerId: 'practitioner-1' });

    // Weeks later, past 80% of the level-1 response time: both warnings, each at its own instant.
    running.clock.set('2026-04-10T15:00:00Z');
    const [level1] = await sweep();
    expect(level1).toMatchObject({ warnings: 2, breaches: 0 });
    clocks = await clocksOf(caseId);
    expect(clocks['response-1']).toMatchObject({ status: 'running', warnedThresholds: [0.5, 0.8] });
    await run(handler1, caseId, 'Respond', { response: 'We rebooked your meeting.', nextLevel: nextLevelContact });
    expect((await clocksOf(caseId))['response-1']).toMatchObject({ status: 'met', onTime: true });

    // The complainant asks for a review: a new 30-business-day clock at level 2.
    running.clock.set('2026-04-13T14:00:00Z');
    await run(supervisor, caseId, 'RequestReview', { grounds: 'Still no explanation.' });
    await run(supervisor, caseId, 'AssignHandler', { handlerId: 'practitioner-2' });
    const level2Due = (await clocksOf(caseId))['response-2']!.dueAt;

    // Paused two weeks awaiting the complainant (ten business days), then resumed.
    running.clock.set('2026-04-20T13:00:00Z');
    await run(supervisor, caseId, 'PauseClock', { clock: 'response-2', reason: 'Awaiting the complainant’s availability.' });
    running.clock.advance(14 * DAY);
    expect((await sweep()).reduce((n, r) => n + r.warnings + r.breaches, 0)).toBe(0);
    await run(supervisor, caseId, 'ResumeClock', { clock: 'response-2' });
    const pushed = (await clocksOf(caseId))['response-2']!;
    expect(pushed.status).toBe('running');
    expect(Date.parse(pushed.dueAt) - Date.parse(level2Due)).toBe(14 * DAY);

    // Nobody answers at level 2: the breach is recorded at the pushed due time, once.
    running.clock.set(new Date(Date.parse(pushed.dueAt) - 1));
    const beforeDue = await sweep();
    expect(beforeDue.reduce((n, r) => n + r.breaches, 0)).toBe(0);
    running.clock.set(new Date(Date.parse(pushed.dueAt) + 3 * HOUR));
    expect((await sweep())[0]).toMatchObject({ breaches: 1 });
    expect((await sweep())[0]).toMatchObject({ dueRows: 0, breaches: 0 });
    expect((await clocksOf(caseId))['response-2']).toMatchObject({ status: 'breached', breachedAt: pushed.dueAt });

    // The late response meets the clock late; it stays breached.
    await run(handler2, caseId, 'Respond', { response: 'Here is the explanation.', nextLevel: nextLevelContact });
    expect((await clocksOf(caseId))['response-2']).toMatchObject({ status: 'breached', onTime: false });

    const recorded = await scheduledOn(running, caseId);
    expect(recorded.map(({ type, clock, threshold }) => `${type} ${clock} ${threshold ?? ''}`.trim())).toEqual([
      'ClockWarned acknowledgement 0.5',
      'ClockWarned response-1 0.5',
      'ClockWarned response-1 0.8',
      'ClockWarned response-2 0.5',
      'ClockWarned response-2 0.8',
      'ClockBreached response-2',
    ]);
    const breach = recorded[recorded.length - 1]!;
    expect(breach.at).toBe(pushed.dueAt);
    expect(breach.occurredAt).toBe(new Date(Date.parse(pushed.dueAt) + 3 * HOUR).toISOString());

    const summary = await supervisor.get(`/sla/summary?minPosition=${await running.store.headPosition()}`);
    expect(summary.status).toBe(200);
    expect(summary.body.overall).toMatchObject({ running: 0, met: 2, metOnTime: 2, breached: 1, onTimeRate: 0.6667 });
    expect(summary.body.byLevel).toEqual([
      expect.objectContaining({ level: 1, met: 2, breached: 0, onTimeRate: 1 }),
      expect.objectContaining({ level: 2, met: 0, breached: 1, onTimeRate: 0 }),
    ]);
  });
});
