/**
 * How fast `mend projections rebuild` goes over a store of ~200k events, and its peak memory.
 * A measurement, not a test: `node -r ./test/support/register.js test/projections/rebuild-rate.bench.ts [events] [--cpu-prof]`.
 * Rates are given per second of wall time and per second of CPU (steadier on a shared machine).
 *
 * The store is filled fast: a few hundred realistic cases are written through Mend's own case
 * repository (commands planned and decided by the workflows), then their streams are copied under
 * new case ids, hash chains recomputed, and appended directly in large group commits.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { eventHash, GENESIS_HASH } from '../../src/event-store/hash-chain';
import { EVENT_STORE, type EventStore, type EventToAppend, type RecordedEvent } from '../../src/event-store/event-store';
import { ProjectionsService } from '../../src/projections/projections.service';
import { Random } from '../support/random';
import { cliContext, writeCases } from '../support/store-writer';

const TARGET = Number(process.argv[2] ?? 200_000);
const PROFILE = process.argv.includes('--cpu-prof');
const SEED_CASES = 400;
const ROOT = join(__dirname, '..', '..');

/** The events of a stream under another case id, chained again (the stream id is part of each hash). */
function copyStream(events: readonly RecordedEvent[], streamId: string): EventToAppend[] {
  let prevHash = GENESIS_HASH;
  return events.map((event) => {
    const { prevHash: _p, hash: _h, ...business } = event.metadata;
    const hash = eventHash(prevHash, { streamId, revision: event.revision, type: event.type, data: event.data, metadata: business });
    const metadata = { ...business, prevHash, hash };
    prevHash = hash;
    return { id: uuidv7(), type: event.type, data: event.data, metadata };
  });
}

async function fill(dataDir: string): Promise<number> {
  const context = await cliContext(dataDir);
  try {
    const random = new Random(42);
    const started = performance.now();
    const seeded = await writeCases(context, { random, cases: SEED_CASES });
    console.log(`seeded ${SEED_CASES} cases, ${seeded.events} events, in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const store = context.get<EventStore>(EVENT_STORE);
    const streams = new Map<string, RecordedEvent[]>();
    for (const event of await store.readAll({ fromPosition: 0 })) {
      if (!event.metadata['workflow']) continue;
      streams.set(event.streamId, [...(streams.get(event.streamId) ?? []), event]);
    }
    let total = await store.headPosition();
    const copying = performance.now();
    while (total < TARGET) {
      const appends = [...streams.entries()].map(([streamId, events]) => {
        const copy = `${streamId.slice(0, streamId.indexOf('-'))}-${random.uuid()}`;
        total += events.length;
        return store.append(copy, copyStream(events, copy), { expectedRevision: 'no_stream' });
      });
      await Promise.all(appends);
    }
    const head = await store.headPosition();
    console.log(`copied up to ${head} events in ${((performance.now() - copying) / 1000).toFixed(1)} s`);
    return head;
  } finally {
    await context.close();
  }
}

/** In a fresh process: rebuild every projection as `mend projections rebuild` does, timing wall and CPU. */
async function rebuildOnly(dataDir: string): Promise<void> {
  const context = await cliContext(dataDir);
  try {
    const service = context.get(ProjectionsService);
    for (const name of service.names()) {
      const cpu = process.cpuUsage();
      const result = await service.rebuild(name);
      const used = process.cpuUsage(cpu);
      const cpuSeconds = (used.user + used.system) / 1e6;
      console.log(
        `${name}: ${result.events} events in ${result.seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU: ` +
          `${Math.round(result.events / result.seconds)} events/s wall, ${Math.round(result.events / cpuSeconds)} events/s of CPU`,
      );
    }
  } finally {
    await context.close();
  }
  console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mend-rebuild-bench-'));
  try {
    await fill(dataDir);
    const args = [
      ...(PROFILE ? ['--cpu-prof', '--cpu-prof-dir', join(dataDir, 'profile')] : []),
      '-r',
      join(ROOT, 'test', 'support', 'register.js'),
      __filename,
      '--rebuild-only',
      dataDir,
    ];
    const run = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'inherit', 'inherit'] });
    if (run.status !== 0) console.log(`the rebuild exited with ${run.status}`);
  } finally {
    if (PROFILE) console.log(`profile in ${join(dataDir, 'profile')}: ${readdirSync(join(dataDir, 'profile')).join(', ')}`);
    else rmSync(dataDir, { recursive: true, force: true });
  }
}

const only = process.argv.indexOf('--rebuild-only');
void (only >= 0 ? rebuildOnly(process.argv[only + 1]!) : main());
