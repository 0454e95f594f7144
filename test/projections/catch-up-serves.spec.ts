import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { READ_MODELS_FILE } from '../../src/projections/read-model.database';
import { startApp, type RunningApp } from '../support/app';
import { caughtUpWith, waitForProjections, type ProjectionReport } from '../support/projection-status';
import { Random } from '../support/random';
import { writeCases } from '../support/store-writer';

jest.setTimeout(240_000);

/**
 * A server whose read models must catch up a long log at start (a projection of a new version, a
 * lost read-model file) serves while they do: /health answers, /projections shows them behind, and
 * /ready says not ready until they reach the log. It used to answer nothing, /health included,
 * until the last batch (25–49 s on a five-year store), so an orchestrator killed it before it got there.
 */
describe('a server whose projections catch up a long log at start', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mend-catch-up-'));
  let running: RunningApp | undefined;
  afterAll(async () => {
    await running?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers /health and /projections before they have caught up, and /ready once they have', async () => {
    const first = await startApp({ dataDir, start: '2026-03-12T15:00:00Z' });
    await writeCases(first.app, { random: new Random(31), cases: 800, clock: first.clock });
    const head = await first.store.headPosition();
    await first.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, `${READ_MODELS_FILE}${suffix}`), { force: true });

    // /ready holds a projection more than this many events behind as not ready.
    running = await startApp({ dataDir, start: '2026-03-12T15:00:00Z', env: { MEND_PROJECTION_LAG_LIMIT: '100' } });
    const supervisor = await running.as('supervisor');
    const health = await fetch(`${running.baseUrl}/health`);
    const reports = (await supervisor.get<ProjectionReport[]>('/projections')).body;
    const ready = await fetch(`${running.baseUrl}/ready`);

    expect(health.status).toBe(200);
    expect(reports.some((report) => report.checkpoint < head)).toBe(true);
    expect(ready.status).toBe(503);
    await waitForProjections(supervisor, caughtUpWith(head), 120_000);
    expect((await fetch(`${running.baseUrl}/ready`)).status).toBe(200);
  });
});
