import { projectionDefinitions } from '../../projections/registry';
import { v7 as uuidv7 } from 'uuid';
import { ProjectionsService } from '../../src/projections/projections.service';
import { READ_MODELS } from '../../src/projections/projections.tokens';
import type { ReadModelDatabase } from '../../src/projections/read-model.database';
import { SlaScheduler } from '../../src/sla/sla-scheduler.service';
import { workflowDefinitions } from '../../workflows/registry';
import { startApp, type RunningApp } from '../support/app';

interface Readiness {
  status: string;
  details: Record<string, { status: 'up' | 'down'; message?: string; [key: string]: unknown }>;
}

interface NotReadyBody {
  code: string;
  message: string;
  details: Readiness;
}

async function ready(running: RunningApp, headers: Record<string, string> = {}) {
  const response = await fetch(`${running.baseUrl}/ready`, { headers });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Readiness & NotReadyBody };
}

async function eventually(check: () => Promise<boolean>, limitMs = 10_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('GET /ready', () => {
  describe('on a healthy instance', () => {
    let running: RunningApp;
    beforeAll(async () => {
      running = await startApp({ start: '2026-03-02T15:00:00Z' });
    });
    afterAll(() => running.close());

    it('answers 200 without a token, with each check up and no case data nor event count', async () => {
      const supervisor = await running.as('supervisor', 'supervisor-1');
      const data = workflowDefinitions.find((d) => d.name === 'complaint')!.commands.find((c) => c.type === 'ReceiveComplaint')!.example;
      expect((await supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data })).status).toBe(201);
      const { status, body } = await ready(running);
      expect(status).toBe(200);
      expect(body.status).toBe('ok');
      expect(body.details['eventStore']).toEqual({ status: 'up', engine: 'sqlite' });
      expect(body.details['keyStore']).toEqual({ status: 'up', engine: 'sqlite' });
      expect(JSON.stringify(body)).not.toMatch(/headPosition|lagEvents|position/i);
      expect(body.details['projections']).toMatchObject({ status: 'up', lagLimit: 10_000 });
      expect((body.details['projections']!['projections'] as { name: string; status: string }[]).map((p) => [p.name, p.status])).toEqual(
        projectionDefinitions.map((projection) => [projection.name, 'running']),
      );
      expect(body.details['slaScheduler']).toEqual({ status: 'up', enabled: false });
    });

    it('turns 503 naming the projection when one has failed, and 200 again once it is rebuilt', async () => {
      const db = running.app.get<ReadModelDatabase>(READ_MODELS).db;
      // Idle first: a batch still to come would write its checkpoint over the row changed below.
      await running.app.get(ProjectionsService).awaitPosition('cases', await running.store.headPosition());
      // What a projection runner records when it stops on an event it cannot apply.
      db.prepare("UPDATE projection_state SET status = 'failed', error = 'cannot be decoded', error_position = 1 WHERE name = 'cases'").run();
      const failed = await ready(running, { 'accept-language': 'fr' });
      expect(failed.status).toBe(503);
      expect(failed.retryAfter).toBe('1');
      expect(failed.body.code).toBe('HEALTH.NOT_READY');
      expect(failed.body.message).toBe("Mend n’est pas prêt à servir\u00a0: projections (cases is failed).");
      expect(failed.body.details.details['projections']).toMatchObject({ status: 'down', message: 'cases is failed' });
      expect(failed.body.details.details['eventStore']!.status).toBe('up');
      expect((await fetch(`${running.baseUrl}/health`)).status).toBe(200);

      await running.app.get(ProjectionsService).rebuild('cases');
      expect((await ready(running)).status).toBe(200);
    });
  });

  it('turns 503 when a projection stops on a poison event', async () => {
    const running = await startApp();
    try {
      const caseId = '0195f3a0-5b1c-7a10-9d2e-3c4b5a690002';
      await running.store.append(`complaint-${caseId}`, [{ id: uuidv7(), type: 'ComplaintReceived', data: { nonsense: true }, metadata: {} }], {
        expectedRevision: 'no_stream',
      });
      await eventually(async () => (await ready(running)).status === 503);
      const { body } = await ready(running);
      expect(body.details.details['projections']!.message).toContain('is failed');
      expect(body.details.details['eventStore']).toEqual({ status: 'up', engine: 'sqlite' });
    } finally {
      await running.close();
    }
  });

  it('turns 503 when the enabled SLA scheduler has not swept for three intervals, and 200 after a sweep', async () => {
    const running = await startApp({ env: { MEND_SCHEDULER: 'on', MEND_SCHEDULER_INTERVAL_MS: '3600000' } });
    try {
      expect((await ready(running)).body.details['slaScheduler']).toMatchObject({ status: 'up', enabled: true, lastSweepAt: null });
      running.clock.advance(3 * 3_600_000 + 60_000);
      const stalled = await ready(running);
      expect(stalled.status).toBe(503);
      expect(stalled.body.details.details['slaScheduler']).toMatchObject({ status: 'down', message: 'no sweep completed in 10860 s' });
      await running.app.get(SlaScheduler, { strict: false }).sweep();
      const swept = await ready(running);
      expect(swept.status).toBe(200);
      expect(swept.body.details['slaScheduler']).toMatchObject({ status: 'up', lastSweepAt: running.clock.now().toISOString() });
    } finally {
      await running.close();
    }
  });
});
