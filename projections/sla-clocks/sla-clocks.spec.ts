import { dueClockEvents } from '../../domain/clocks';
import { SCHEMA_VERSION } from '../../domain/envelope';
import { CaseHistory, Log } from '../../test/support/projection-history';
import { complaintWorkflow } from '../../workflows/complaint';
import type { ProjectionEvent } from '../projection';
import { COUNTER_COLUMNS, countsOf, projectSlaClock, toClockState, utc, weekDeltas, weekOf, type SlaAlertRow, type SlaClockRow, type SlaCounts } from './index';

const CASE_ID = '0190f3a0-0000-7000-8000-0000000000d1';
const SUPERVISOR = { id: 'supervisor-1', role: 'supervisor' } as const;
// Received Monday 2 March 2026, 09:00 in Ottawa: acknowledgement due Wednesday 17:00, after 28
// business hours; its warnings at 50% (Tuesday 13:00) and 80% (Wednesday 11:24).
const RECEIVED = '2026-03-02T14:00:00.000Z';
const ACK_DUE = '2026-03-04T22:00:00.000Z';
const ACK_50 = '2026-03-03T18:00:00.000Z';
const ACK_80 = '2026-03-04T16:24:00.000Z';

/** A complaint's clocks as the sla-clocks projection folds them, with what the scheduler would record at any time. */
function clocks() {
  const log = new Log();
  const history = new CaseHistory(complaintWorkflow, CASE_ID, log);
  const rows = new Map<string, SlaClockRow>();
  const alerts: SlaAlertRow[] = [];
  const counts: SlaCounts = { running: 0, warned: 0, paused: 0, breached: 0, met: 0, met_on_time: 0, cancelled: 0 };
  const project = (events: readonly ProjectionEvent[]) => {
    for (const event of events) {
      const key = (event.data as { clock?: string }).clock;
      const change = projectSlaClock(key === undefined ? undefined : rows.get(key), event);
      if (!change) continue;
      rows.set(change.row.clock, change.row);
      if (change.alert) alerts.push(change.alert);
      for (const column of COUNTER_COLUMNS) counts[column] += change.delta[column];
    }
  };
  const run = (command: string, data: Record<string, unknown>, at: string) => project(history.run(command, data, { at, actor: SUPERVISOR }));
  /** What the scheduler records at `at`, computed from the rows themselves. */
  const sweep = (at: string) => {
    const state = Object.fromEntries([...rows.values()].map((row) => [row.clock, toClockState(row)]));
    project(
      dueClockEvents(state, new Date(at)).map((event, i) => ({
        caseId: CASE_ID,
        streamId: history.streamId,
        position: log.next(),
        revision: 100 + i,
        type: event.type,
        data: event.data,
        metadata: {
          actor: { id: 'sla-scheduler', role: 'system' },
          correlationId: 'sweep',
          causationId: 'sweep',
          occurredAt: at,
          workflow: complaintWorkflow.name,
          workflowVersion: complaintWorkflow.version,
          schemaVersion: SCHEMA_VERSION,
        },
        recordedAt: at,
        definition: complaintWorkflow,
      })),
    );
  };
  run('ReceiveComplaint', { ...complaintWorkflow.commands[0]!.example, receivedAt: RECEIVED }, RECEIVED);
  return { rows, alerts, counts, run, sweep, row: (clock: string) => rows.get(clock)! };
}

describe('sla-clocks: a complaint’s clocks', () => {
  it('starts each clock running, due at its deadline, next acted on at its first warning', () => {
    const { row, counts } = clocks();
    expect(row('acknowledgement')).toMatchObject({
      case_id: CASE_ID,
      stream_id: `complaint-${CASE_ID}`,
      workflow: 'complaint',
      region: 'ON',
      level: 1,
      name: 'Acknowledgement',
      basis: 'business',
      days: 2,
      status: 'running',
      warned: 0,
      started_at: RECEIVED,
      due_at: ACK_DUE,
      next_deadline_at: ACK_50,
      breached_at: null,
      on_time: null,
    });
    expect(row('response-1')).toMatchObject({ status: 'running', due_at: '2026-04-15T21:00:00.000Z', days: 30 });
    expect(counts).toMatchObject({ running: 2, warned: 0 });
  });

  it('moves the next deadline from warning to warning, then to the due time', () => {
    const { row, alerts, counts, sweep } = clocks();
    sweep(ACK_50);
    expect(row('acknowledgement')).toMatchObject({ status: 'running', warned: 1, warned_thresholds: '[0.5]', next_deadline_at: ACK_80 });
    expect(alerts).toEqual([
      expect.objectContaining({ type: 'ClockWarned', clock: 'acknowledgement', threshold: 0.5, at: ACK_50, due_at: ACK_DUE, occurred_at: ACK_50 }),
    ]);
    expect(counts).toMatchObject({ running: 2, warned: 1 });
    sweep(ACK_80);
    expect(row('acknowledgement').next_deadline_at).toBe(ACK_DUE);
  });

  it('records a breach at the due time however late it is seen, and leaves nothing for the scheduler', () => {
    const { row, alerts, counts, sweep } = clocks();
    sweep('2026-03-10T15:00:00.000Z');
    expect(row('acknowledgement')).toMatchObject({ status: 'breached', breached_at: ACK_DUE, next_deadline_at: null });
    expect(alerts.map((a) => [a.type, a.threshold, a.at])).toEqual([
      ['ClockWarned', 0.5, ACK_50],
      ['ClockWarned', 0.8, ACK_80],
      ['ClockBreached', null, ACK_DUE],
    ]);
    expect(alerts[2]).toMatchObject({ due_at: ACK_DUE, occurred_at: '2026-03-10T15:00:00.000Z' });
    expect(counts).toMatchObject({ running: 1, warned: 0, breached: 1 });
  });

  it('keeps a breached clock breached when it is met late', () => {
    const { row, counts, sweep, run } = clocks();
    sweep('2026-03-10T15:00:00.000Z');
    run('AcknowledgeComplaint', {}, '2026-03-10T16:00:00.000Z');
    expect(row('acknowledgement')).toMatchObject({ status: 'breached', met_at: '2026-03-10T16:00:00.000Z', on_time: 0 });
    expect(counts).toMatchObject({ breached: 1, met: 0 });
  });

  it('reads met on time a clock met by its due time but entered after its breach was recorded, and moves its week’s outcome', () => {
    const { row, counts, sweep, run } = clocks();
    sweep('2026-03-10T15:00:00.000Z');
    const breached = row('acknowledgement');
    expect(breached).toMatchObject({ status: 'breached', breached_at: ACK_DUE });
    // Acknowledged on the Tuesday, within its two business days; entered the next week.
    run('AcknowledgeComplaint', { acknowledgedAt: '2026-03-03T15:00:00.000Z' }, '2026-03-10T16:00:00.000Z');
    expect(row('acknowledgement')).toMatchObject({ status: 'met', met_at: '2026-03-03T15:00:00.000Z', on_time: 1, breached_at: ACK_DUE });
    expect(counts).toMatchObject({ breached: 0, met: 1, met_on_time: 1 });
    expect(weekDeltas(breached, row('acknowledgement'))).toEqual([
      expect.objectContaining({ week: '2026-03-02', breached: -1, met_on_time: 0 }),
      expect.objectContaining({ week: '2026-03-02', breached: 0, met_on_time: 1 }),
    ]);
  });

  it('counts a clock met on time as met, and one met late before the scheduler recorded its breach as breached', () => {
    const { row, counts, run } = clocks();
    run('AcknowledgeComplaint', {}, '2026-03-03T15:00:00.000Z');
    expect(row('acknowledgement')).toMatchObject({ status: 'met', on_time: 1, next_deadline_at: null });
    expect(counts).toMatchObject({ running: 1, met: 1, met_on_time: 1 });

    const late = clocks();
    late.run('AcknowledgeComplaint', {}, '2026-03-05T15:00:00.000Z');
    expect(late.row('acknowledgement')).toMatchObject({ status: 'breached', breached_at: '2026-03-04T22:00:00.000Z', on_time: 0 });
    expect(late.counts).toMatchObject({ met: 0, met_on_time: 0, breached: 1 });
  });

  it('has no next deadline while paused, and resumes with its deadlines pushed back', () => {
    const { row, counts, run } = clocks();
    // Monday 9 March, 09:00 in Ottawa (summer time began the day before).
    run('PauseClock', { clock: 'response-1', reason: 'Awaiting documents.' }, '2026-03-09T13:00:00.000Z');
    expect(row('response-1')).toMatchObject({ status: 'paused', paused_at: '2026-03-09T13:00:00.000Z', next_deadline_at: null });
    expect(counts).toMatchObject({ running: 1, paused: 1 });
    const before = JSON.parse(row('response-1').pending_warnings) as { at: string }[];
    // Two weeks later, Monday 09:00: ten business days, so due ten business days later.
    run('ResumeClock', { clock: 'response-1' }, '2026-03-23T13:00:00.000Z');
    const resumed = row('response-1');
    expect(resumed).toMatchObject({ status: 'running', paused_at: null, due_at: '2026-04-29T21:00:00.000Z' });
    const pending = JSON.parse(resumed.pending_warnings) as { at: string }[];
    expect(resumed.next_deadline_at).toBe(pending[0]!.at);
    expect(Date.parse(pending[0]!.at)).toBeGreaterThan(Date.parse(before[0]!.at));
    expect(counts).toMatchObject({ running: 2, paused: 0 });
  });

  it('cancels the open clocks of a withdrawn complaint', () => {
    const { rows, counts, run, sweep } = clocks();
    sweep(ACK_50);
    run('WithdrawComplaint', {}, '2026-03-03T19:00:00.000Z');
    expect([...rows.values()].map((r) => [r.clock, r.status, r.next_deadline_at])).toEqual([
      ['acknowledgement', 'cancelled', null],
      ['response-1', 'cancelled', null],
    ]);
    expect(counts).toEqual({ running: 0, warned: 0, paused: 0, breached: 0, met: 0, met_on_time: 0, cancelled: 2 });
  });

  it('keeps its counters equal to what the rows add up to', () => {
    const { rows, counts, run, sweep } = clocks();
    sweep(ACK_50);
    run('AcknowledgeComplaint', {}, '2026-03-03T19:00:00.000Z');
    run('AssignHandler', { handlerId: 'handler-1' }, '2026-03-04T14:00:00.000Z');
    sweep('2026-05-01T14:00:00.000Z');
    const total = [...rows.values()].map(countsOf).reduce((sum, c) => {
      for (const column of COUNTER_COLUMNS) sum[column] += c[column];
      return sum;
    });
    expect(counts).toEqual(total);
    expect(counts).toMatchObject({ met: 1, met_on_time: 1, breached: 1 });
  });

  it('ignores events that are not about a clock', () => {
    const history = new CaseHistory(complaintWorkflow, CASE_ID);
    const [received] = history.run('ReceiveComplaint', { ...complaintWorkflow.commands[0]!.example, receivedAt: RECEIVED }, { at: RECEIVED });
    expect(projectSlaClock(undefined, received!)).toBeUndefined();
  });
});

describe('sla-clocks: outcomes by week', () => {
  it('names a week by its Monday on the wall calendar of the clock’s region', () => {
    // Sunday 8 March, 23:30 in Vancouver is already Monday 9 March in Ottawa.
    expect(weekOf('2026-03-09T06:30:00.000Z', 'BC')).toBe('2026-03-02');
    expect(weekOf('2026-03-09T06:30:00.000Z', 'ON')).toBe('2026-03-09');
    expect(weekOf('2026-03-02T05:00:00.000Z', 'ON')).toBe('2026-03-02');
  });

  it('counts a clock once, in the week of its outcome: met late and breached move nothing twice', () => {
    const { rows, run, sweep } = clocks();
    const before = rows.get('acknowledgement')!;
    sweep('2026-03-10T15:00:00.000Z');
    const breached = rows.get('acknowledgement')!;
    expect(weekDeltas(before, breached)).toEqual([expect.objectContaining({ week: '2026-03-02', breached: 1, met_on_time: 0 })]);
    run('AcknowledgeComplaint', {}, '2026-03-10T16:00:00.000Z');
    expect(weekDeltas(breached, rows.get('acknowledgement')!)).toEqual([]);
  });
});

describe('sla-clocks: instants as rows store them', () => {
  it('reads any instant as Date does, and one already in UTC form as itself', () => {
    const instants = ['2026-03-02T15:00:00.000Z', '2026-03-02T10:00:00-05:00', '2026-03-02T15:00:00Z', '2026-02-29T12:00:00.000Z', '2026-04-31T10:00:00.000Z', '2026-01-01T24:00:00.000Z', '+002026-01-01T00:00:00.000Z'];
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    // Every month, day, hour, minute and second digit pair that reaches the edges of their ranges.
    for (const month of [1, 2, 4, 9, 10, 12]) {
      for (const day of [1, 9, 10, 19, 20, 28, 29, 30, 31]) {
        for (const [hour, minute, second] of [[0, 0, 0], [9, 59, 59], [10, 30, 1], [19, 5, 9], [20, 0, 10], [23, 59, 59]] as const) {
          instants.push(`${['1999', '2024', '2026'][day % 3]}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}.${pad(day * 7, 3)}Z`);
        }
      }
    }
    for (const instant of instants) expect(utc(instant)).toBe(new Date(instant).toISOString());
    expect(utc('2026-03-02T15:00:00.000Z')).toBe('2026-03-02T15:00:00.000Z');
  });
});
