/**
 * How long a sweep takes with 10k, 100k and 1M running clocks of which 1,000 are due.
 *
 *   node -r ./test/support/register.js test/sla/sweep.bench.ts [sizes…]
 *
 * 1,000 due clocks are real (500 complaints long past both deadlines, written through the case
 * repository and projected); the other running clocks, due in the future, are rows written straight
 * into the sla_clocks table. Prints the time of the due-rows query alone, of a sweep that records
 * the 1,000 breaches, and of a sweep with nothing due.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import { toSlaClockRow, type SlaClockRow } from '../../projections/sla-clocks';
import { createApp } from '../../src/app';
import { AppModule } from '../../src/app.module';
import { ManualClock } from '../../src/clock/clock';
import { loadConfig } from '../../src/config/config';
import { ProjectionsService } from '../../src/projections/projections.service';
import { READ_MODELS } from '../../src/projections/projections.tokens';
import { physicalName, type ReadModelDatabase } from '../../src/projections/read-model.database';
import { SlaScheduler } from '../../src/sla/sla-scheduler.service';
import { seedComplaints } from './seed';

const RECEIVED_AT = '2026-03-02T14:00:00.000Z';
const NOW = '2026-06-01T14:00:00.000Z';
const DUE = 1000;

async function measure(total: number): Promise<Record<string, number | string>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mend-sweep-bench-'));
  const env = { MEND_DATA_DIR: dataDir, MEND_LOG_LEVEL: 'silent', MEND_SCHEDULER: 'off' };
  try {
    const seeding = await NestFactory.createApplicationContext(
      AppModule.forRoot({ config: loadConfig(env), clock: new ManualClock(RECEIVED_AT), mode: 'cli' }),
      { logger: false },
    );
    await seedComplaints(seeding, { count: DUE / 2, receivedAt: RECEIVED_AT });
    await seeding.close();

    const app = await createApp({ config: loadConfig(env), clock: new ManualClock(NOW) });
    await app.init();
    try {
      await app.get(ProjectionsService).awaitPosition('sla-clocks', DUE * 1.5, 120_000);
      const readModels = app.get<ReadModelDatabase>(READ_MODELS);
      const inserted = fillNotDue(readModels, total - DUE);
      const scheduler = app.get(SlaScheduler);

      const query = readModels.db.prepare(
        `SELECT case_id, next_deadline_at FROM sla_clocks WHERE next_deadline_at IS NOT NULL AND next_deadline_at <= ?
         ORDER BY next_deadline_at, case_id LIMIT ${DUE}`,
      );
      const queryMs = best(20, () => query.all(NOW));
      const due = await scheduler.sweep({ limit: DUE });
      const idle = await scheduler.sweep({ limit: DUE });
      return {
        running: total,
        'fill s': Math.round(inserted / 1000),
        'due query ms': Number(queryMs.toFixed(2)),
        'sweep of 1,000 due ms': due.durationMs,
        breaches: due.breaches,
        'idle sweep ms': idle.durationMs,
      };
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Running clocks due in the future, written straight into the live table. Returns the ms it took. */
function fillNotDue(readModels: ReadModelDatabase, count: number): number {
  const started = performance.now();
  const generation = readModels.state('sla-clocks')!.generation;
  const table = physicalName('sla_clocks', generation);
  const sample = readModels.db.prepare<[], SlaClockRow>('SELECT * FROM sla_clocks LIMIT 1').get()!;
  const columns = Object.keys(sample);
  const insert = readModels.db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
  const start = Date.parse('2026-06-02T14:00:00.000Z');
  readModels.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const startedAt = new Date(start + (i % 100_000) * 60_000).toISOString();
      const dueAt = new Date(start + 42 * 86_400_000 + (i % 100_000) * 60_000).toISOString();
      const row = toSlaClockRow(
        {
          clock: 'response-1',
          name: 'Response, level 1',
          level: 1,
          basis: 'business',
          days: 30,
          region: 'ON',
          status: 'running',
          startedAt,
          dueAt,
          pendingWarnings: [{ threshold: 0.5, at: new Date(start + 21 * 86_400_000 + (i % 100_000) * 60_000).toISOString() }],
          warnedThresholds: [],
        },
        { caseId: `bench-${String(i).padStart(8, '0')}`, streamId: `complaint-bench-${i}`, workflow: 'complaint', readAs: 'complaint', revision: 2, position: 0, updatedAt: startedAt },
      );
      insert.run(row);
    }
  })();
  return performance.now() - started;
}

function best(runs: number, work: () => unknown): number {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

async function main(): Promise<void> {
  const sizes = process.argv.slice(2).map(Number);
  const rows = [];
  for (const total of sizes.length > 0 ? sizes : [10_000, 100_000, 1_000_000]) {
    rows.push(await measure(total));
    console.table(rows);
  }
}

void main();
