import { join } from 'node:path';
import type { Actor, PersonRole } from '../../domain/roles';
import { READ_MODELS_FILE } from '../../src/projections/read-model.database';
import { startApp, type HttpClient, type RunningApp } from '../support/app';
import { HttpTraffic } from '../support/http-traffic';
import { runCli } from '../support/mend-process';
import { caughtUpWith, waitForProjections, type ProjectionReport } from '../support/projection-status';
import { Random } from '../support/random';
import { differences, rebuiltReadModels, snapshotReadModels, type ReadModelSnapshot } from '../support/read-models';
import { writeCases } from '../support/store-writer';

const FILTERS = ['', 'workflow=complaint', 'status=open', 'state=phase2', 'region=ON', 'assignee=practitioner-1'];

/** The rows of a snapshot that belong to cases outside `changed`, table by table. */
function rowsOfUnchangedCases(snapshot: ReadModelSnapshot, changed: ReadonlySet<string>): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(snapshot.tables).map(([table, rows]) => [
      table,
      rows.filter((row) => {
        const caseId = (JSON.parse(row) as { case_id?: string }).case_id;
        return caseId !== undefined && !changed.has(caseId);
      }),
    ]),
  );
}

describe('mend projections rebuild while Mend serves reads and writes', () => {
  let running: RunningApp;
  let supervisor: HttpClient;

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-12T15:00:00Z' });
    await writeCases(running.app, { random: new Random(23), cases: 500, clock: running.clock });
    supervisor = await running.as('supervisor');
    await waitForProjections(supervisor, caughtUpWith(await running.store.headPosition()));
  }, 180_000);

  afterAll(async () => running.close());

  it('never shows readers a half-built table, keeps read-your-writes, and ends equal to the rows before plus what was written', async () => {
    const before = snapshotReadModels(join(running.dataDir, READ_MODELS_FILE));
    const generations = new Map((await supervisor.get<ProjectionReport[]>('/projections')).body.map((r) => [r.name, r.generation]));
    const totals = new Map<string, number>();
    for (const filter of FILTERS) totals.set(filter, (await supervisor.get(`/cases?${filter}&limit=1`)).body.total);

    const problems: string[] = [];
    let reads = 0;
    let rebuilding = true;
    // Readers: each list's total never drops below what it was before the rebuild; every listed case can be read.
    const reader = async (seed: number) => {
      const random = new Random(seed);
      while (rebuilding) {
        const filter = random.pick(FILTERS);
        const list = await supervisor.get(`/cases?${filter}&limit=50`);
        reads += 1;
        if (list.status !== 200) {
          problems.push(`GET /cases?${filter}: ${list.status} ${JSON.stringify(list.body)}`);
          continue;
        }
        if (list.body.total < totals.get(filter)!) problems.push(`GET /cases?${filter}: total ${list.body.total} < ${totals.get(filter)} before the rebuild`);
        if (list.body.items.length < Math.min(50, totals.get(filter)!)) problems.push(`GET /cases?${filter}: ${list.body.items.length} items`);
        for (const item of [random.pick(list.body.items as { caseId: string; revision: number }[])]) {
          const view = await supervisor.get(`/cases/${item.caseId}`);
          reads += 1;
          if (view.status !== 200 || view.body.revision < item.revision) {
            problems.push(`GET /cases/${item.caseId}: ${view.status}, revision ${view.body.revision} after the list showed ${item.revision}`);
          }
        }
      }
    };
    // Writers: other users keep working, and one checks that each of its writes is read back at once.
    const traffic = new HttpTraffic({
      baseUrl: () => running.baseUrl,
      token: (actor: Actor) => running.token(actor.role as PersonRole, actor.id),
      random: new Random(29),
    });
    let checkedWrites = 0;
    const writerChecks = async () => {
      while (rebuilding) {
        const opened = await supervisor.post('/cases', {
          workflow: 'complaint',
          command: 'ReceiveComplaint',
          data: { channel: 'mail', receivedAt: '2026-03-11T10:00:00-04:00', region: 'ON', complainant: { name: 'R', pseudonym: true }, text: 'Rebuild.' },
        });
        if (opened.status !== 201) {
          problems.push(`POST /cases: ${opened.status} ${JSON.stringify(opened.body)}`);
          continue;
        }
        const view = await supervisor.get(`/cases/${opened.body.caseId}?minPosition=${opened.body.position}`);
        const listed = await supervisor.get(`/cases?minPosition=${opened.body.position}&workflow=complaint&state=received&updatedSince=${encodeURIComponent(opened.body.updatedAt)}&limit=200`);
        if (view.status !== 200 || !listed.body.items?.some((i: { caseId: string }) => i.caseId === opened.body.caseId)) {
          problems.push(`read-your-writes: ${view.status}, listed ${listed.status} ${JSON.stringify(listed.body).slice(0, 200)}`);
        }
        checkedWrites += 1;
      }
    };

    const rebuild = runCli(running.dataDir, ['projections', 'rebuild']).finally(() => {
      rebuilding = false;
    });
    const load = Promise.all([reader(1), reader(2), writerChecks(), traffic.run(2, () => !rebuilding)]);
    const result = await rebuild;
    await load;

    expect(result.stderr).not.toMatch(/Error/);
    expect(result.code).toBe(0);
    for (const name of generations.keys()) expect(result.stdout).toMatch(new RegExp(`${name}: \\d+ events in`));
    expect(problems).toEqual([]);
    expect(reads).toBeGreaterThan(10);
    expect(checkedWrites).toBeGreaterThan(0);
    expect(traffic.stats.serverErrors).toEqual([]);

    const head = await running.store.headPosition();
    const reports = await waitForProjections(supervisor, caughtUpWith(head));
    for (const report of reports) expect(report.generation).toBe(generations.get(report.name)! + 1);

    const after = snapshotReadModels(join(running.dataDir, READ_MODELS_FILE));
    expect(differences(after, await rebuiltReadModels(running.dataDir))).toEqual([]);
    const changed = new Set([...traffic.acknowledged.keys()]);
    const unchangedBefore = rowsOfUnchangedCases(before, changed);
    const unchangedAfter = rowsOfUnchangedCases(after, changed);
    for (const [table, rows] of Object.entries(unchangedBefore)) {
      const kept = new Set(unchangedAfter[table]);
      expect({ table, missing: rows.filter((row) => !kept.has(row)).slice(0, 3) }).toEqual({ table, missing: [] });
    }
  }, 300_000);
});
