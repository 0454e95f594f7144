import type { RecordedEvent } from '../../src/event-store/event-store';
import { SlaScheduler, type SweepReport } from '../../src/sla/sla-scheduler.service';
import type { HttpClient, RunningApp } from '../support/app';

/** A complaint received by email at a given instant, in a region. */
export function complaintData(receivedAt: string, region = 'ON') {
  return {
    channel: 'electronic',
    receivedAt,
    region,
    complainant: { name: 'Robin', pseudonym: true, contact: 'robin@example.org' },
    text: 'My preparation meeting was cancelled twice without notice.',
  };
}

export const nextLevelContact = {
  name: 'Alex Tremblay',
  role: 'Program manager',
  contact: 'alex.tremblay@example.gc.ca',
};

/** Opens a complaint over HTTP and returns its id. */
export async function receiveComplaint(http: HttpClient, receivedAt: string, region = 'ON'): Promise<string> {
  const opened = await http.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: complaintData(receivedAt, region) });
  expect(opened.status).toBe(201);
  return opened.body.caseId as string;
}

export async function run(http: HttpClient, caseId: string, command: string, data: Record<string, unknown> = {}) {
  const response = await http.post(`/cases/${caseId}/commands/${command}`, data);
  expect({ command, status: response.status, body: response.body }).toMatchObject({ command, status: 200 });
  return response.body;
}

export const scheduler = (running: Pick<RunningApp, 'app'>) => running.app.get(SlaScheduler);

/** Sweeps until nothing is due: what the interval would do over a few ticks. */
export async function drain(target: Pick<SlaScheduler, 'sweep'>, limit?: number): Promise<SweepReport[]> {
  const reports: SweepReport[] = [];
  for (;;) {
    const report = await target.sweep(limit === undefined ? {} : { limit });
    reports.push(report);
    if (report.dueRows === 0) return reports;
    if (reports.length > 10_000) throw new Error('the sweeps never drained');
  }
}

/** Every event of the store, oldest first. */
export async function allEvents(running: Pick<RunningApp, 'store'>): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (let from = 0; ; ) {
    const page = await running.store.readAll({ fromPosition: from, maxCount: 5000 });
    events.push(...page);
    if (page.length < 5000) return events;
    from = page[page.length - 1]!.position + 1;
  }
}

/** The clock events the scheduler recorded on one case's stream, as (type, clock, threshold, at). */
export async function scheduledOn(running: Pick<RunningApp, 'store'>, caseId: string) {
  const events = (await allEvents(running)).filter((e) => e.streamId === `complaint-${caseId}` && (e.metadata['actor'] as { id: string }).id === 'sla-scheduler');
  return events.map((e) => {
    const data = e.data as { clock: string; threshold?: number; at: string };
    return { type: e.type, clock: data.clock, threshold: data.threshold ?? null, at: data.at, occurredAt: e.metadata['occurredAt'] };
  });
}

/** Polls until `check` returns a value (the scheduler's interval runs on real timers). */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, attempts = 200): Promise<T> {
  for (let i = 0; i < attempts; i++) {
    const value = await check();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
