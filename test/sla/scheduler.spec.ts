import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CommandBus } from '@nestjs/cqrs';
import { ChainVerifier } from '../../src/audit/chain-verifier';
import { ExecuteCommand } from '../../src/cases/execute-command.command';
import { CLOCK, ManualClock } from '../../src/clock/clock';
import { loadConfig, MEND_CONFIG } from '../../src/config/config';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '../../src/event-store/event-store';
import { SqliteEventStore } from '../../src/event-store/sqlite-event-store';
import { ProjectionsService } from '../../src/projections/projections.service';
import { SlaQueries } from '../../src/sla/sla-queries';
import { createApp } from '../../src/app';
import { dueClockEventId, type DueClockEvent } from '../../src/sla/due-clocks';
import { SlaScheduler } from '../../src/sla/sla-scheduler.service';
import { ReadinessIndicators } from '../../src/health/readiness.indicators';
import { startApp, type RunningApp } from '../support/app';
import { seedComplaints } from './seed';
import { allEvents, drain, eventually, receiveComplaint, scheduler } from './sla-support';

/** Received Monday 2 March 2026, 09:00 in Ottawa; both clocks are long due by June. */
const RECEIVED_AT = '2026-03-02T14:00:00.000Z';
const LATER = '2026-06-01T14:00:00.000Z';
/** One warning per clock keeps the stores small; the counting is the same with more. */
const ONE_WARNING = { MEND_SLA_WARNING_THRESHOLDS: '0.5', MEND_SQLITE_DURABILITY: 'normal' };
/**
 * Complaints with two due clocks each: 4,000 clocks make eight 500-row batches per scheduler, so
 * batches resume where the last ended and the three schedulers contend on every one.
 * MEND_SLA_TEST_COMPLAINTS=5000 for the 10,000 clocks the test ran before.
 */
const COMPLAINTS = Number(process.env['MEND_SLA_TEST_COMPLAINTS'] ?? 2000);
const CLOCKS = COMPLAINTS * 2;

const byScheduler = (events: readonly RecordedEvent[]) =>
  events.filter((e) => (e.metadata['actor'] as { id: string }).id === 'sla-scheduler');

const dueOf = (events: readonly RecordedEvent[]) =>
  new Map(
    events
      .filter((e) => e.type === 'ClockStarted')
      .map((e) => [`${e.streamId} ${(e.data as { clock: string }).clock}`, (e.data as { dueAt: string }).dueAt]),
  );

/** Every warning and breach once, with its deterministic id and its true instant; every chain intact. */
function expectRecordedOnce(events: readonly RecordedEvent[], clocks: number): void {
  const recorded = byScheduler(events);
  const breaches = recorded.filter((e) => e.type === 'ClockBreached');
  const warnings = recorded.filter((e) => e.type === 'ClockWarned');
  expect({ breaches: breaches.length, warnings: warnings.length }).toEqual({ breaches: clocks, warnings: clocks });
  expect(new Set(breaches.map((e) => `${e.streamId} ${(e.data as { clock: string }).clock}`)).size).toBe(clocks);
  expect(recorded.filter((e) => e.id !== dueClockEventId(e.streamId, { type: e.type, data: e.data } as DueClockEvent))).toEqual([]);
  const due = dueOf(events);
  expect(breaches.filter((e) => (e.data as { at: string }).at !== due.get(`${e.streamId} ${(e.data as { clock: string }).clock}`))).toEqual([]);
  const verifier = new ChainVerifier();
  events.forEach((e) => verifier.add(e));
  expect(verifier.result()).toMatchObject({ ok: true });
}

describe('the SLA scheduler', () => {
  it(`three schedulers over one store record exactly one breach for each of ${CLOCKS.toLocaleString('en-US')} due clocks`, async () => {
    const running = await startApp({ start: LATER, env: ONE_WARNING });
    try {
      await seedComplaints(running.app, { count: COMPLAINTS, receivedAt: RECEIVED_AT });
      const schedulers = [scheduler(running), anotherScheduler(running.app), anotherScheduler(running.app)];

      const reports = (await Promise.all(schedulers.map((s) => drain(s)))).flat();

      const events = await allEvents(running);
      expectRecordedOnce(events, CLOCKS);
      // What each sweep says it recorded adds up: no scheduler counts another's append as its own.
      expect(reports.reduce((n, r) => n + r.breaches, 0)).toBe(CLOCKS);
      const supervisor = await running.as('supervisor');
      const summary = await supervisor.get(`/sla/summary?minPosition=${await running.store.headPosition()}`);
      expect(summary.body.overall).toMatchObject({ running: 0, overdue: 0, breached: CLOCKS, onTimeRate: 0 });
    } finally {
      await running.close();
    }
  }, 300_000);

  it('three nodes with their own read models over one store record each event once, and the cases stay writable', async () => {
    const nodes = await startNodes(3);
    try {
      const caseIds = await seedComplaints(nodes.apps[0]!, { count: 150, receivedAt: RECEIVED_AT });
      const head = await nodes.store.headPosition();
      await Promise.all(nodes.apps.map((app) => app.get(ProjectionsService).awaitPosition('sla-clocks', head, 60_000)));

      await Promise.all(nodes.apps.map((app) => drain(app.get(SlaScheduler), 40)));
      // Users act on the cases through every node after the schedulers did, so each node's own
      // repository appends after events another node's scheduler stored.
      await Promise.all(
        caseIds.map((caseId, i) =>
          nodes.apps[i % 3]!.get(CommandBus).execute(
            new ExecuteCommand({
              caseId,
              command: 'AcknowledgeComplaint',
              data: { method: 'email' },
              actor: { id: 'supervisor-1', role: 'supervisor' },
              correlationId: `ack-${i}`,
              causationId: `ack-${i}`,
            }),
          ),
        ),
      );

      expectRecordedOnce(await nodes.store.readAll(), 300);
    } finally {
      await nodes.close();
    }
  }, 120_000);

  it('on a node whose clock is a minute ahead of the shared store’s, records nothing and says why on /ready; in step again, it sweeps', async () => {
    // PostgreSQL's clock cannot be set here: the store's server clock is the system's, held a minute back.
    let behindMs = 60_000;
    const nodes = await startNodes(1, (store) => ({ ...unclosable(store), serverTime: async () => new Date(Date.now() - behindMs) }), {
      MEND_SCHEDULER: 'on',
      MEND_SCHEDULER_INTERVAL_MS: '50',
    });
    try {
      const app = nodes.apps[0]!;
      await seedComplaints(app, { count: 3, receivedAt: RECEIVED_AT });
      const skewed = app.get(SlaScheduler);
      await expect(skewed.sweep()).rejects.toThrow("this node's clock is 60.0 s ahead of the event store's (the limit is 2.0 s, MEND_MAX_CLOCK_SKEW_MS)");
      expect(skewed.liveness()).toMatchObject({ clockSkewMs: expect.any(Number), lastError: { message: expect.stringMatching(/^this node's clock is 60\.0 s ahead/) } });
      expect(skewed.liveness().clockSkewMs).toBeGreaterThan(59_000);
      expect(byScheduler(await nodes.store.readAll())).toEqual([]);
      // After three intervals and the grace, /ready says why it stalled.
      (app.get(CLOCK) as ManualClock).advance(31_000);
      // (A sweep under way counts as alive: read again once none is.)
      const ready = await eventually(async () => {
        const result = app.get(ReadinessIndicators).slaScheduler();
        return result['slaScheduler']!.status === 'down' ? result : undefined;
      }, '/ready down');
      expect(ready['slaScheduler']).toMatchObject({ status: 'down', clockSkewMs: expect.any(Number) });
      expect(String(ready['slaScheduler']!['message'])).toMatch(/last error: this node's clock is 60\.0 s ahead of the event store's/);

      behindMs = 0;
      await eventually(async () => ((await nodes.store.readAll()).some((e) => e.type === 'ClockBreached') ? true : undefined), 'a breach recorded');
      expect(Math.abs(skewed.liveness().clockSkewMs!)).toBeLessThan(2_000);
    } finally {
      await nodes.close();
    }
  }, 60_000);

  it('sweeps only once its read model has every clock started before the sweep', async () => {
    // Commits close together reach the read models up to a second apart.
    const running = await startApp({ start: RECEIVED_AT, env: { MEND_SQLITE_WAKE_MS: '1000' } });
    try {
      const supervisor = await running.as('supervisor');
      const first = await receiveComplaint(supervisor, RECEIVED_AT);
      // Within a second of the first commit: its clocks are in the log, not yet in the read model.
      const second = await receiveComplaint(supervisor, RECEIVED_AT);
      running.clock.set(new Date(LATER));
      const [report] = await drain(scheduler(running));
      expect(report).toMatchObject({ cases: 2, breaches: 4 });
      const breached = byScheduler(await allEvents(running)).filter((e) => e.type === 'ClockBreached');
      expect(new Set(breached.map((e) => e.streamId.slice(e.streamId.indexOf('-') + 1)))).toEqual(new Set([first, second]));
    } finally {
      await running.close();
    }
  });

  it('after downtime, records by itself each breach with the time it fell due', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mend-sla-'));
    let running: RunningApp | undefined = await startApp({ dataDir, start: RECEIVED_AT });
    try {
      const caseId = await receiveComplaint(await running.as('supervisor'), RECEIVED_AT);
      await running.close();

      // Back up three months later, with the scheduler on.
      running = await startApp({ dataDir, start: LATER, env: { MEND_SCHEDULER: 'on', MEND_SCHEDULER_INTERVAL_MS: '50' } });
      const supervisor = await running.as('supervisor');
      const clocks = await eventually(async () => {
        const view = await supervisor.get(`/cases/${caseId}`);
        const found = view.body.clocks as { clock: string; status: string; dueAt: string; breachedAt?: string }[];
        return found.every((c) => c.status === 'breached') ? found : undefined;
      }, 'both clocks breached');
      expect(clocks.map((c) => c.breachedAt)).toEqual(clocks.map((c) => c.dueAt));

      const breaches = byScheduler(await allEvents(running)).filter((e) => e.type === 'ClockBreached');
      expect(breaches.map((e) => (e.data as { at: string }).at)).toEqual(clocks.map((c) => c.dueAt));
      // Recorded when the scheduler saw them: after the restart, not when they fell due.
      for (const breach of breaches) expect(Date.parse(breach.metadata['occurredAt'] as string)).toBeGreaterThanOrEqual(Date.parse(LATER));
      expect(running.app.get(SlaScheduler).liveness()).toMatchObject({ enabled: true, totals: { breaches: 2 } });
    } finally {
      await running?.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

/** A second scheduler in the same process, over the same store and read model. */
function anotherScheduler(app: INestApplicationContext): SlaScheduler {
  return new SlaScheduler(app.get(SlaQueries), app.get(CommandBus), app.get(ProjectionsService), app.get(CLOCK), app.get(MEND_CONFIG), 'cli', app.get(EVENT_STORE));
}

/** The store as a node sees it: closed by the test once every node has stopped, not by the first node to stop. */
function unclosable(store: EventStore): EventStore {
  return {
    engine: store.engine,
    append: (streamId, events, options) => store.append(streamId, events, options),
    readStream: (streamId, options) => store.readStream(streamId, options),
    readAll: (options) => store.readAll(options),
    subscribeAll: (options) => store.subscribeAll(options),
    headPosition: () => store.headPosition(),
    close: async () => undefined,
  };
}

/**
 * `count` Mend nodes over one event store, as several API nodes over one KurrentDB cluster: each
 * with its own data directory, read models, repository and scheduler. Only the clock is shared.
 */
async function startNodes(count: number, asSeen: (store: EventStore) => EventStore = unclosable, env: Record<string, string> = {}) {
  const root = mkdtempSync(join(tmpdir(), 'mend-nodes-'));
  const clock = new ManualClock(LATER);
  const store = new SqliteEventStore({ filename: join(root, 'events.sqlite'), durability: 'normal', now: () => clock.now().getTime() });
  const apps: NestFastifyApplication[] = [];
  for (let i = 0; i < count; i++) {
    const config = loadConfig({ ...ONE_WARNING, MEND_DATA_DIR: join(root, `node-${i}`), MEND_LOG_LEVEL: 'silent', MEND_SCHEDULER: 'off', ...env });
    const app = await createApp({ config, clock, store: asSeen(store) });
    await app.init();
    apps.push(app);
  }
  return {
    apps,
    store,
    close: async () => {
      for (const app of apps) await app.close();
      await store.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
