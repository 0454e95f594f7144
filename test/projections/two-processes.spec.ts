import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor, PersonRole } from '../../domain/roles';
import { READ_MODELS_FILE } from '../../src/projections/read-model.database';
import { workflowDefinitions } from '../../workflows/registry';
import { storeHead, streamHeads } from '../support/event-file';
import { HttpTraffic } from '../support/http-traffic';
import { MendServer } from '../support/mend-process';
import { caughtUpWith, waitForProjections } from '../support/projection-status';
import { Random } from '../support/random';
import { differences, rebuiltReadModels, snapshotReadModels } from '../support/read-models';

const COMMANDS = 600;

/**
 * Two Mend servers on one data directory (two instances behind a load balancer, or a second
 * `mend serve` started by mistake): both run every projection over the same read-model file.
 */
describe('two Mend processes on one data directory', () => {
  let dataDir: string;
  const servers: MendServer[] = [];

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'mend-two-'));
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => server.kill()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('project every event exactly once between them', async () => {
    servers.push(await MendServer.start(dataDir), await MendServer.start(dataDir));
    const traffic = servers.map(
      (server, i) =>
        new HttpTraffic({
          baseUrl: () => server.baseUrl,
          token: (actor: Actor) => server.token(actor.role as PersonRole, actor.id),
          random: new Random(31 + i),
        }),
    );
    const acknowledged = () => traffic.reduce((sum, t) => sum + t.stats.acknowledged, 0);
    await Promise.all(traffic.map((t) => t.run(3, () => acknowledged() >= COMMANDS)));
    expect(traffic.flatMap((t) => t.stats.serverErrors)).toEqual([]);

    const head = storeHead(dataDir);
    for (const server of servers) await waitForProjections(await server.as('supervisor'), caughtUpWith(head));

    // Each case's row is at its stream's last event: no event was skipped or applied twice.
    const heads = streamHeads(dataDir);
    const categories = new Set(workflowDefinitions.map((d) => d.category));
    const caseStreams = [...heads.entries()].filter(([streamId]) => categories.has(streamId.slice(0, streamId.indexOf('-'))));
    const rows = snapshotReadModels(join(dataDir, READ_MODELS_FILE)).tables['cases']!.map(
      (row) => JSON.parse(row) as { stream_id: string; revision: number; position: number },
    );
    expect(rows.map((r) => [r.stream_id, r.revision, r.position]).sort()).toEqual(caseStreams.map(([id, h]) => [id, h.revision, h.position]).sort());
    expect(differences(snapshotReadModels(join(dataDir, READ_MODELS_FILE)), await rebuiltReadModels(dataDir))).toEqual([]);
  }, 300_000);
});
