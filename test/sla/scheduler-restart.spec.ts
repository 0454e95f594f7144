import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { NestFactory } from '@nestjs/core';
import { ChainVerifier } from '../../src/audit/chain-verifier';
import { AppModule } from '../../src/app.module';
import { ManualClock } from '../../src/clock/clock';
import { loadConfig } from '../../src/config/config';
import type { RecordedEvent } from '../../src/event-store/event-store';
import { EVENTS_FILE } from '../../src/event-store/event-store.factory';
import { dueClockEventId, type DueClockEvent } from '../../src/sla/due-clocks';
import { SlaScheduler } from '../../src/sla/sla-scheduler.service';
import type { PersonRole } from '../../domain/roles';
import { createApp } from '../../src/app';
import { localSecret, mintLocalToken } from '../../src/auth/jwt';
import { SqliteEventStore } from '../../src/event-store/sqlite-event-store';
import { seedComplaints } from './seed';
import { openStream } from './sla-support';

const ROOT = join(__dirname, '..', '..');
const RECEIVED_AT = '2026-03-02T14:00:00.000Z';
/** The restarted service's clock starts here, months after every clock fell due, and runs. */
const CLOCK_START = '2026-06-01T14:00:00.000Z';
const COMPLAINTS = 1500;
const CLOCKS = 2 * COMPLAINTS;

/** `mend serve` from the TypeScript sources, with the scheduler sweeping every 50 ms. */
function serve(dataDir: string): { child: ChildProcess; ready: Promise<void>; exited: Promise<void>; output: () => string } {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('MEND_')));
  const child = spawn(process.execPath, ['-r', join(ROOT, 'test', 'support', 'register.js'), join(ROOT, 'src', 'main.ts')], {
    cwd: ROOT,
    env: {
      ...inherited,
      MEND_DATA_DIR: dataDir,
      PORT: '0',
      MEND_LOG_LEVEL: 'warn',
      MEND_SCHEDULER: 'on',
      MEND_SCHEDULER_INTERVAL_MS: '50',
      MEND_CLOCK_START: CLOCK_START,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('Mend is serving on')) resolve();
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    void exited.then(() => reject(new Error(`Mend exited before serving:\n${output}`)));
  });
  return { child, ready, exited, output: () => output };
}

/**
 * A second Mend in this process on the child's data directory: the two share the events and the
 * read models, and whichever projects an event first, this one's console must see it.
 */
async function observe(dataDir: string) {
  const config = loadConfig({ MEND_DATA_DIR: dataDir, MEND_LOG_LEVEL: 'silent', MEND_SCHEDULER: 'off', PORT: '0' });
  const app = await createApp({ config, clock: new ManualClock(CLOCK_START) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  return {
    baseUrl: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    token: (role: PersonRole) => mintLocalToken(localSecret(dataDir).secret, { subject: `${role}-1`, role, ttlSeconds: 600, now: new Date() }),
    close: () => app.close(),
  };
}

/** Every event in the data directory's events file, read beside the running service. */
async function storedEvents(dataDir: string): Promise<RecordedEvent[]> {
  const store = new SqliteEventStore({ filename: join(dataDir, EVENTS_FILE) });
  try {
    return await store.readAll();
  } finally {
    await store.close();
  }
}

function breachesStored(dataDir: string): number {
  const db = new Database(join(dataDir, EVENTS_FILE), { readonly: true, fileMustExist: true });
  try {
    return db.prepare<[], { n: number }>("SELECT count(*) AS n FROM events WHERE type = 'ClockBreached'").get()!.n;
  } finally {
    db.close();
  }
}

async function until(check: () => boolean, what: string, limitMs = 240_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the SLA scheduler across crashes', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mend-sla-restart-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('killed mid-sweep and restarted, it loses and duplicates no warning or breach, and records each at its due time', async () => {
    const config = loadConfig({ MEND_DATA_DIR: dataDir, MEND_LOG_LEVEL: 'silent', MEND_SLA_WARNING_THRESHOLDS: '0.5' });
    const context = await NestFactory.createApplicationContext(
      AppModule.forRoot({ config, clock: new ManualClock(RECEIVED_AT), mode: 'cli' }),
      { logger: false },
    );
    await seedComplaints(context, { count: COMPLAINTS, receivedAt: RECEIVED_AT });
    // MEND_SCHEDULER is on by default, but a CLI command never sweeps.
    expect(context.get(SlaScheduler).liveness()).toMatchObject({ enabled: false, totals: { sweeps: 0 } });
    await context.close();

    const kills: number[] = [];
    for (let round = 0; round < 2; round++) {
      const server = serve(dataDir);
      await server.ready;
      const before = breachesStored(dataDir);
      // SIGKILL as soon as this run has recorded something: in the middle of its sweeps.
      await until(() => breachesStored(dataDir) > before, `round ${round} to record a breach`);
      server.child.kill('SIGKILL');
      await server.exited;
      kills.push(breachesStored(dataDir));
    }
    console.log(`killed with ${kills.join(', then ')} of ${CLOCKS} breaches recorded`);
    expect(kills[kills.length - 1]).toBeLessThan(CLOCKS);

    // Another process on the same data directory: its console sees the breaches the child records.
    const observer = await observe(dataDir);
    const supervisor = await observer.token('supervisor');
    const stream = await openStream(observer.baseUrl, supervisor, `/sla/stream?minPosition=${(await storedEvents(dataDir)).at(-1)!.position + 1}`);
    const server = serve(dataDir);
    await server.ready;
    await until(() => breachesStored(dataDir) >= CLOCKS, 'every breach');
    server.child.kill('SIGTERM');
    await server.exited;
    const seen = (await stream.take(40)).map((e) => JSON.parse(e.data!) as { type: string; recordedAt: string });
    stream.close();
    await observer.close();
    expect(seen.filter((alert) => alert.type === 'ClockBreached').length).toBeGreaterThan(0);
    expect(seen.every((alert) => Date.parse(alert.recordedAt) >= Date.parse(CLOCK_START))).toBe(true);

    const events = await storedEvents(dataDir);
    const recorded = events.filter((e) => (e.metadata['actor'] as { id: string }).id === 'sla-scheduler');
    const key = (e: RecordedEvent) => `${e.streamId} ${e.type} ${JSON.stringify(e.data)}`;
    expect(new Set(recorded.map(key)).size).toBe(recorded.length);
    expect(recorded.filter((e) => e.type === 'ClockBreached')).toHaveLength(CLOCKS);
    expect(recorded.filter((e) => e.type === 'ClockWarned')).toHaveLength(CLOCKS);
    expect(recorded.filter((e) => e.id !== dueClockEventId(e.streamId, { type: e.type, data: e.data } as DueClockEvent))).toEqual([]);

    const due = new Map(
      events.filter((e) => e.type === 'ClockStarted').map((e) => [`${e.streamId} ${(e.data as { clock: string }).clock}`, (e.data as { dueAt: string }).dueAt]),
    );
    for (const breach of recorded.filter((e) => e.type === 'ClockBreached')) {
      expect((breach.data as { at: string }).at).toBe(due.get(`${breach.streamId} ${(breach.data as { clock: string }).clock}`));
      expect(Date.parse(breach.metadata['occurredAt'] as string)).toBeGreaterThanOrEqual(Date.parse(CLOCK_START));
    }
    const verifier = new ChainVerifier();
    events.forEach((e) => verifier.add(e));
    expect(verifier.result()).toMatchObject({ ok: true });
  }, 600_000);
});
