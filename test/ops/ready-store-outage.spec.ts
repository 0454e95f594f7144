import { complaintWorkflow } from '../../workflows/complaint';
import { startApp, type HttpClient, type RunningApp } from '../support/app';
import { describeWithPostgres, dropSchema, freshSchema } from '../support/postgres';
import { Relay } from '../support/tcp-relay';

interface NotReady {
  code: string;
  message: string;
  details: { details: Record<string, { status: 'up' | 'down'; message?: string }> };
}

/**
 * With the event store's PostgreSQL out of reach, /ready answers what it documents: 503
 * HEALTH.NOT_READY naming each check that failed, the store first. The projections' check reads
 * their lag from the store, and its failure once escaped the probe, which then answered a bare
 * SERVICE.UNAVAILABLE that named no check.
 */
describeWithPostgres('/ready while the event store cannot be reached', (url) => {
  const schema = freshSchema('mend_ready');
  const relay = new Relay({ host: new URL(url).hostname, port: Number(new URL(url).port) });
  let running: RunningApp;
  let supervisor: HttpClient;

  beforeAll(async () => {
    await relay.open();
    const through = new URL(url);
    through.port = String(relay.port);
    running = await startApp({ start: '2026-06-01T15:00:00Z', env: { MEND_STORE: 'postgres', MEND_POSTGRES_URL: through.toString(), MEND_POSTGRES_SCHEMA: schema } });
    supervisor = await running.as('supervisor');
    const data = complaintWorkflow.commands.find((c) => c.type === 'ReceiveComplaint')!.example;
    expect((await supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data })).status).toBe(201);
    expect((await fetch(`${running.baseUrl}/ready`)).status).toBe(200);
  });
  afterAll(async () => {
    await running?.close();
    await relay.cut();
    await dropSchema(url, schema);
  });

  it('answers 503 HEALTH.NOT_READY naming the store and the projections that cannot tell their lag, in both languages', async () => {
    await relay.cut();
    for (const [language, start] of [
      ['en', 'Mend is not ready to serve: eventStore ('],
      ['fr', 'Mend n’est pas prêt à servir\u00a0: eventStore ('],
    ] as const) {
      const ready = await fetch(`${running.baseUrl}/ready`, { headers: { 'accept-language': language } });
      expect(ready.status).toBe(503);
      const body = (await ready.json()) as NotReady;
      expect(body.code).toBe('HEALTH.NOT_READY');
      expect(body.message.startsWith(start)).toBe(true);
      expect(body.details.details['eventStore']).toMatchObject({ status: 'down' });
      expect(body.details.details['projections']).toMatchObject({ status: 'down' });
      expect(body.details.details['projections']!.message).toMatch(/^cases cannot tell how far behind it is \(/);
    }
    // The process itself is alive: a restart would not bring the store back.
    expect((await fetch(`${running.baseUrl}/health`)).status).toBe(200);
  });

  it('is ready again once the store can be reached', async () => {
    await relay.open();
    let status = 0;
    for (let attempt = 0; attempt < 50 && status !== 200; attempt++) {
      status = (await fetch(`${running.baseUrl}/ready`)).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(200);
  });
});
