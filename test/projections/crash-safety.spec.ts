import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor, PersonRole } from '../../domain/roles';
import { READ_MODELS_FILE } from '../../src/projections/read-model.database';
import { workflowDefinitions } from '../../workflows/registry';
import { storeHead, streamHeads, streamRevisions } from '../support/event-file';
import { HttpTraffic } from '../support/http-traffic';
import { MendServer } from '../support/mend-process';
import { caughtUpWith, waitForProjections } from '../support/projection-status';
import { Random } from '../support/random';
import { differences, rebuiltReadModels, snapshotReadModels } from '../support/read-models';
import { cliContext, writeCases } from '../support/store-writer';

/** Replay a failing run with MEND_TEST_SEED=<the seed it printed>. */
const SEED = Number(process.env['MEND_TEST_SEED'] ?? 20260302);
/**
 * Rounds of kill and restart; MEND_CRASH_ROUNDS=20 for a longer run. Whatever the number and the
 * seed, round 1 restarts onto a backlog written while the server was down (and kills it again
 * while it catches up) and round 2 kills a restart with nothing to catch up on; the other rounds
 * choose at random.
 */
const ROUNDS = Number(process.env['MEND_CRASH_ROUNDS'] ?? 10);
const caseCategories = new Set(workflowDefinitions.map((d) => d.category));
const CLIENTS = 6;

const until = async (condition: () => boolean, limitMs: number, what: string) => {
  const deadline = Date.now() + limitMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

/** The checkpoints the read model holds now (read from its file: the server may be dead). */
const checkpoints = (dataDir: string) => snapshotReadModels(join(dataDir, READ_MODELS_FILE)).checkpoints;

describe('projections through SIGKILL', () => {
  let dataDir: string;
  let server: MendServer | undefined;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'mend-crash-'));
  });

  afterAll(async () => {
    await server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('catch up after every kill to a read model equal, row for row, to a fresh rebuild, and lose no acknowledged write', async () => {
    const random = new Random(SEED);
    let current = await MendServer.start(dataDir);
    server = current;
    const tokens = new Map<string, Promise<string>>();
    const token = (actor: Actor) => {
      const key = `${actor.role}/${actor.id}`;
      if (!tokens.has(key)) tokens.set(key, current.token(actor.role as PersonRole, actor.id));
      return tokens.get(key)!;
    };
    // Separate generators: the rounds' choices stay the same whatever the clients' timing did.
    const traffic = new HttpTraffic({ baseUrl: () => current.baseUrl, token, random: new Random(SEED + 1) });
    const writer = new Random(SEED + 2);
    const report: string[] = [];

    for (let round = 1; round <= ROUNDS; round++) {
      // Kill after a random number of acknowledged commands: requests and projection batches are in flight then.
      const killAfter = random.int(40, 200);
      const acknowledgedBefore = traffic.stats.acknowledged;
      const lostBefore = traffic.stats.lost;
      let stopping = false;
      const started = Date.now();
      const clients = traffic.run(CLIENTS, () => stopping);
      await until(() => traffic.stats.acknowledged - acknowledgedBefore >= killAfter || traffic.stats.serverErrors.length > 0, 120_000, `${killAfter} acknowledged commands`);
      stopping = true;
      await current.kill();
      const killedAt = Date.now() - started;
      await clients;
      const headAtKill = storeHead(dataDir);
      const lagAtKill = Object.values(checkpoints(dataDir)).map((c) => headAtKill - c);

      // Now and then a backlog the projections must catch up on after the restart (written while the
      // server is down, as another Mend process would), and a second kill while they catch up.
      let backlog = 0;
      if (random.chance(0.2) || round === 1) {
        const context = await cliContext(dataDir);
        backlog = (await writeCases(context, { random: writer, cases: random.int(40, 80) })).events;
        await context.close();
      }
      const beforeRestart = Math.max(...Object.values(checkpoints(dataDir)));
      let lagAtSecondKill: number[] | undefined;
      if (backlog > 0 || random.chance(0.2) || round === 2) {
        // Kill again as soon as a projection has committed part of the backlog (or after a moment without one).
        const restarted = MendServer.spawn(dataDir);
        server = restarted;
        const deadline = Date.now() + random.int(300, 1500);
        const headNow = storeHead(dataDir);
        await until(() => (backlog > 0 ? Math.max(...Object.values(checkpoints(dataDir))) > beforeRestart : Date.now() >= deadline), 60_000, 'the catch-up to start');
        await restarted.kill();
        lagAtSecondKill = Object.values(checkpoints(dataDir)).map((c) => headNow - c);
      }
      current = await MendServer.start(dataDir);
      server = current;
      const head = storeHead(dataDir);
      await waitForProjections(await current.as('supervisor'), caughtUpWith(head), 120_000);

      const caughtUpAt = Date.now() - started;
      const live = snapshotReadModels(join(dataDir, READ_MODELS_FILE));
      const rebuilt = await rebuiltReadModels(dataDir);
      const comparedAt = Date.now() - started;
      expect(differences(live, rebuilt)).toEqual([]);
      expect(Object.values(live.checkpoints).every((c) => c === head)).toBe(true);
      // And, independently of the rebuild, every case stream has its row, at the stream's last event.
      const heads = streamHeads(dataDir);
      const rows = live.tables['cases']!.map((row) => JSON.parse(row) as { stream_id: string; revision: number; position: number });
      expect(rows.filter((row) => heads.get(row.stream_id)?.position !== row.position || heads.get(row.stream_id)?.revision !== row.revision)).toEqual([]);
      expect(rows.length).toBe([...heads.keys()].filter((streamId) => caseCategories.has(streamId.slice(0, streamId.indexOf('-')))).length);

      const revisions = streamRevisions(dataDir);
      const lost = [...traffic.acknowledged.values()].filter((ack) => (revisions.get(ack.streamId) ?? -1) < ack.revision);
      expect(lost).toEqual([]);
      expect(traffic.stats.serverErrors).toEqual([]);

      const line =
        `round ${String(round).padStart(2)}: killed after ${traffic.stats.acknowledged - acknowledgedBefore} acknowledged commands, ` +
        `${killedAt} ms into the round; ${traffic.stats.lost - lostBefore} requests cut off; head ${head}; ` +
        `projection lag at the kill ${lagAtKill.join('/')} events` +
        (backlog > 0 ? `; ${backlog} events written while down` : '') +
        (lagAtSecondKill ? `; killed again while catching up, lag ${lagAtSecondKill.join('/')}` : '') +
        `; ${live.tables['cases']?.length ?? 0} cases; caught up at ${caughtUpAt} ms, compared at ${comparedAt} ms`;
      report.push(line);
    }
    console.log(`crash safety, seed ${SEED}: ${traffic.summary()}\n${report.join('\n')}`);
    expect(traffic.stats.acknowledged).toBeGreaterThan(ROUNDS * 40);
    await current.stop();
  }, 600_000);
});
