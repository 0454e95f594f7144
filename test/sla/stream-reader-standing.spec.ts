import { startApp, type HttpClient, type RunningApp } from '../support/app';
import { drain, openStream, receiveComplaint, scheduler } from './sla-support';

const WEEK_MS = 7 * 24 * 3600 * 1000;

/**
 * An SLA stream is authorized once, when it opens; every other request is authorized afresh. So a
 * stream ends when the staff directory marks its reader inactive, or gives them another role (what
 * it hides was fixed when it opened), and the client reconnects to be authorized again — long
 * before the token expires or a heartbeat is due.
 */
describe('an SLA stream whose reader the staff directory changes', () => {
  let running: RunningApp;
  let admin: HttpClient;
  let desk: HttpClient;

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-02T14:00:00Z' });
    admin = await running.as('admin', 'admin-1');
    desk = await running.as('supervisor', 'desk-1');
  });
  afterAll(async () => running.close());

  const addSupervisor = async (staffId: string) => {
    const added = await admin.post('/staff', { staffId, displayName: `Person ${staffId}`, role: 'supervisor', region: 'ON', languages: ['en', 'fr'] });
    expect(added.status).toBe(201);
  };

  const openAs = async (staffId: string) => {
    const stream = await openStream(running.baseUrl, await running.token('supervisor', staffId), '/sla/stream');
    expect(stream.response.status).toBe(200);
    await stream.greeting();
    return stream;
  };

  /** A complaint received now whose clocks run out three weeks on: the scheduler records its warnings and breaches. */
  const recordAlerts = async () => {
    await receiveComplaint(desk, running.clock.now().toISOString(), 'ON');
    running.clock.advance(3 * WEEK_MS);
    await drain(scheduler(running));
  };

  /** How a stream stands a few seconds on (its heartbeat is 15 s away): 'the stream ended' or 'still open'. */
  const endsWithin = async (stream: Awaited<ReturnType<typeof openAs>>, ms = 5_000) =>
    Promise.race([
      (async () => {
        try {
          for (;;) await stream.take(stream.events.length + 1);
        } catch (error) {
          return (error as Error).message;
        }
      })(),
      new Promise<string>((resolve) => setTimeout(() => resolve('still open'), ms).unref()),
    ]);

  it('ends when the reader is marked inactive, sends nothing recorded after, and a reconnect is refused', async () => {
    await addSupervisor('fuzz-sup-3');
    await addSupervisor('fuzz-sup-9');
    const stream = await openAs('fuzz-sup-3');
    const bystander = await openAs('fuzz-sup-9');
    try {
      const left = await admin.post('/staff/fuzz-sup-3', { active: false });
      expect({ status: left.status, active: left.body.active }).toEqual({ status: 200, active: false });
      await recordAlerts();
      // Alerts were recorded and streamed, to the one still active.
      const alerts = await bystander.take(1);
      expect(JSON.parse(alerts[0]!.data!)).toMatchObject({ caseId: expect.any(String), reference: expect.any(String), region: 'ON' });
      expect(await endsWithin(stream)).toBe('the stream ended');
      expect(stream.events).toEqual([]);
      expect(stream.comments.join('\n')).toContain('you are marked inactive in the staff directory; reconnect to be authorized afresh');
      expect(await endsWithin(bystander, 500)).toBe('still open');

      const again = await fetch(`${running.baseUrl}/sla/stream`, { headers: { authorization: `Bearer ${await running.token('supervisor', 'fuzz-sup-3')}` } });
      expect(again.status).toBe(403);
      expect(((await again.json()) as { code: string }).code).toBe('ACCESS.STAFF_INACTIVE');
    } finally {
      stream.close();
      bystander.close();
    }
  });

  it('ends when the directory gives the reader another role, and for no other change to the directory', async () => {
    await addSupervisor('fuzz-sup-4');
    const stream = await openAs('fuzz-sup-4');
    try {
      // Another field of theirs, someone else's entry: the stream stays open and streams what is recorded.
      expect((await admin.post('/staff/fuzz-sup-4', { displayName: 'Renamed Person' })).status).toBe(200);
      expect((await admin.post('/staff/fuzz-sup-9', { role: 'auditor' })).status).toBe(200);
      await addSupervisor('fuzz-sup-5');
      await recordAlerts();
      expect(await stream.take(1)).toHaveLength(1);
      expect(await endsWithin(stream, 1_000)).toBe('still open');

      expect((await admin.post('/staff/fuzz-sup-4', { role: 'auditor' })).status).toBe(200);
      expect(await endsWithin(stream)).toBe('the stream ended');
      expect(stream.comments.join('\n')).toContain('your role in the staff directory changed; reconnect to be authorized afresh');
    } finally {
      stream.close();
    }
    // Reconnected, it is authorized afresh, and stays open under the role it opened with.
    const again = await openStream(running.baseUrl, await running.token('auditor', 'fuzz-sup-4'), '/sla/stream');
    try {
      expect(again.response.status).toBe(200);
      await again.greeting();
      expect(await endsWithin(again, 1_000)).toBe('still open');
    } finally {
      again.close();
    }
  });
});
