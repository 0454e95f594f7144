import type { Actor, PersonRole } from '../../domain/roles';
import { MIN_POSITION_WAIT_MS, ProjectionsService } from '../../src/projections/projections.service';
import type { ProjectionRunner } from '../../src/projections/projection-runner';
import { complaintWorkflow } from '../../workflows/complaint';
import { startApp, type HttpClient, type RunningApp } from '../support/app';
import { HttpTraffic } from '../support/http-traffic';
import { Random } from '../support/random';

const ITERATIONS = 30;

const example = (command: string) => ({ ...complaintWorkflow.commands.find((c) => c.type === command)!.example });

describe('read your writes with ?minPosition=', () => {
  let running: RunningApp;
  let supervisor: HttpClient;

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-10T15:00:00Z' });
    supervisor = await running.as('supervisor');
  });

  afterAll(async () => running.close());

  it('shows every command at once in the case view, in lists and in the caseload, while other clients keep the projection busy', async () => {
    let stop = false;
    const background = new HttpTraffic({
      baseUrl: () => running.baseUrl,
      token: (actor: Actor) => running.token(actor.role as PersonRole, actor.id),
      random: new Random(7),
    });
    const load = background.run(2, () => stop);
    const seen: string[] = [];
    try {
      for (let i = 0; i < ITERATIONS; i++) {
        running.clock.advance(1000);
        const handler = `practitioner-ryw-${i}`;
        let caseId = '';
        const commands: [string, Record<string, unknown>][] = [
          ['ReceiveComplaint', example('ReceiveComplaint')],
          ['AcknowledgeComplaint', example('AcknowledgeComplaint')],
          ['AssignHandler', { handlerId: handler }],
          ['PauseClock', example('PauseClock')],
        ];
        for (const [command, data] of commands) {
          const written =
            command === 'ReceiveComplaint'
              ? await supervisor.post('/cases', { workflow: 'complaint', command, data })
              : await supervisor.post(`/cases/${caseId}/commands/${command}`, data);
          expect({ command, status: written.status }).toEqual({ command, status: command === 'ReceiveComplaint' ? 201 : 200 });
          caseId = written.body.caseId;
          const { position, revision, state, updatedAt } = written.body;

          const view = await supervisor.get(`/cases/${caseId}?minPosition=${position}`);
          expect(view.status).toBe(200);
          expect({ revision: view.body.revision, state: view.body.state }).toEqual({ revision, state });
          expect(view.headers.get('etag')).toBe(`"${revision}"`);

          const list = await supervisor.get(`/cases?minPosition=${position}&workflow=complaint&updatedSince=${encodeURIComponent(updatedAt)}&limit=200`);
          expect(list.status).toBe(200);
          const listed = (list.body.items as { caseId: string; revision: number; state: string }[]).find((item) => item.caseId === caseId);
          expect(listed && { revision: listed.revision, state: listed.state }).toEqual({ revision, state });

          if (command !== 'ReceiveComplaint' && command !== 'AcknowledgeComplaint') {
            const caseload = await supervisor.get(`/caseload/${handler}?minPosition=${position}`);
            expect(caseload.status).toBe(200);
            expect(caseload.body.items.map((item: { caseId: string; revision: number }) => [item.caseId, item.revision])).toEqual([[caseId, revision]]);
          }
          seen.push(state);
        }
      }
    } finally {
      stop = true;
      await load;
    }
    expect(seen).toHaveLength(ITERATIONS * 4);
    expect(background.stats.serverErrors).toEqual([]);
    expect(background.stats.acknowledged).toBeGreaterThan(0);
  }, 240_000);

  /** Opens a complaint with the cases projection held still, as a projection far behind a burst of writes would be. */
  async function withCasesHeld(then: (opened: { caseId: string; written: number }) => Promise<void>): Promise<void> {
    const cases = (running.app.get(ProjectionsService) as unknown as { runner(name: string): ProjectionRunner }).runner('cases');
    await cases.stop();
    try {
      const opened = await supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: example('ReceiveComplaint') });
      expect(opened.status).toBe(201);
      await then({ caseId: opened.body.caseId, written: opened.body.position });
    } finally {
      cases.start();
    }
  }

  it('answers 503 PROJECTION.BEHIND with Retry-After once the bounded wait for a written position runs out', async () => {
    await withCasesHeld(async ({ caseId, written }) => {
      for (const path of [`/cases?minPosition=${written}`, `/cases/${caseId}?minPosition=${written}`]) {
        const started = performance.now();
        const response = await supervisor.get(path, { 'accept-language': 'fr-CA' });
        expect(performance.now() - started).toBeGreaterThanOrEqual(MIN_POSITION_WAIT_MS - 50);
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toBe('1');
        expect(response.body).toMatchObject({ code: 'PROJECTION.BEHIND' });
        expect(response.body.message).toContain(String(written));
        expect(response.body.message).toContain('Réessayez');
      }
    });
  }, 60_000);

  it('waits for every read model an answer is read from: a staff list’s caseloads and a clock’s reference come from the cases one', async () => {
    await withCasesHeld(async ({ written }) => {
      const answers = await Promise.all([`/staff?minPosition=${written}`, `/sla/clocks?minPosition=${written}`].map((path) => supervisor.get(path)));
      expect(answers.map((response) => ({ status: response.status, code: response.body.code, message: response.body.message }))).toEqual(
        Array.from({ length: 2 }, () => ({ status: 503, code: 'PROJECTION.BEHIND', message: `The cases read model has not reached position ${written} yet. Retry shortly.` })),
      );
    });
  });

  it('refuses at once a position past the end of the log, which no retry would reach', async () => {
    const head = await running.store.headPosition();
    const far = head + 1_000_000;
    for (const path of [`/cases?minPosition=${far}`, `/cases/00000000-0000-4000-8000-000000000000?minPosition=${far}`, `/complaints/board?minPosition=${far}`]) {
      const response = await supervisor.get(path, { 'accept-language': 'fr-CA' });
      expect({ path, status: response.status, code: response.body.code, retryAfter: response.headers.get('retry-after') }).toEqual({
        path,
        status: 400,
        code: 'PROJECTION.POSITION_NOT_WRITTEN',
        retryAfter: null,
      });
      // Where the log ends is not said: it moves with what other people do, in cases the caller may not know of.
      expect(response.body.message).toBe(`minPosition ${far} est au-delà de la fin du journal\u00a0: indiquez la position qu’une écriture a renvoyée.`);
      expect(Object.keys(response.body as object).sort()).toEqual(['code', 'message']);
    }
  });

  it.each(['abc', '-1', '1.5', '1e400'])('refuses minPosition=%s with a 400 naming the parameter', async (value) => {
    const caseId = '00000000-0000-4000-8000-000000000000';
    for (const path of [`/cases?minPosition=${value}`, `/cases/${caseId}?minPosition=${value}`, `/caseload/practitioner-1?minPosition=${value}`, `/complaints/board?minPosition=${value}`]) {
      const response = await supervisor.get(path);
      expect({ path, status: response.status, code: response.body.code }).toEqual({ path, status: 400, code: 'VALIDATION.INVALID_INPUT' });
      expect(JSON.stringify(response.body.details)).toContain('minPosition');
    }
  });
});
