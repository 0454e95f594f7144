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

export interface SseEvent {
  id?: string;
  event?: string;
  data?: string;
}

/** A Server-Sent Events client over fetch, as a console would use one (it can send the bearer token). */
export async function openStream(baseUrl: string, token: string, path: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers }, signal: controller.signal });
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const pump = async () => {
    const { value, done } = await reader.read();
    if (done) throw new Error('the stream ended');
    buffer += decoder.decode(value, { stream: true });
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const event: SseEvent = {};
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) comments.push(line.slice(1).trim());
        else if (line.startsWith('id: ')) event.id = line.slice(4);
        else if (line.startsWith('event: ')) event.event = line.slice(7);
        else if (line.startsWith('data: ')) event.data = line.slice(6);
      }
      if (event.data !== undefined) events.push(event);
    }
  };
  return {
    response,
    events,
    comments,
    /** Reads until `count` events have arrived. */
    async take(count: number): Promise<SseEvent[]> {
      while (events.length < count) await pump();
      return events.slice(0, count);
    },
    async greeting(): Promise<string> {
      while (comments.length === 0) await pump();
      return comments[0]!;
    },
    close: () => controller.abort(),
  };
}
