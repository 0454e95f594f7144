import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { EVENTS_FILE } from '../../src/event-store/event-store.factory';
import { complaintWorkflow } from '../../workflows/complaint';
import { MendServer, runCli } from '../support/mend-process';

const START = '2026-03-02T15:00:00.000Z';
const DRILL = { MEND_CLOCK_START: START };
const receive = { workflow: 'complaint', command: 'ReceiveComplaint', data: complaintWorkflow.commands.find((c) => c.type === 'ReceiveComplaint')!.example };

/**
 * A drill or a demo on a clock of its own (MEND_CLOCK_START): the demo seeded on that clock and the
 * service started on it, then started again on the same log, record in the order they wrote. The
 * demo used to be recorded at the machine's time (months later) and each start of the service
 * began again at the drill's first instant, so that recorded time ran backwards and an as-of on it
 * found cases not yet recorded. A CLI verb recorded at the machine's time too, and the service
 * started after it breached every clock of the demo at once.
 */
describe('recorded time on a drill’s clock', () => {
  jest.setTimeout(240_000);
  let dataDir: string;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'mend-drill-clock-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('never runs backwards: a demo seeded on the drill’s clock, a CLI verb, then the service started on it twice', async () => {
    const seeded = await runCli(dataDir, ['seed-demo'], 120_000, DRILL);
    expect(seeded.code).toBe(0);
    // A verb that records (a directory change), on the drill's log: on its clock, not the machine's.
    const renamed = await runCli(dataDir, ['staff', 'update', 'demo-practitioner-1', '--name', 'Alex Renamed', '--by', 'demo-admin-1'], 60_000, DRILL);
    expect({ code: renamed.code, stderr: renamed.stderr }).toEqual({ code: 0, stderr: '' });
    for (let start = 0; start < 2; start++) {
      const server = await MendServer.start(dataDir, DRILL);
      try {
        const opened = await (await server.as('supervisor', 'demo-supervisor-1')).post('/cases', receive);
        expect({ status: opened.status, body: opened.body }).toMatchObject({ status: 201 });
      } finally {
        await server.stop();
      }
    }
    const db = new Database(join(dataDir, EVENTS_FILE), { readonly: true });
    const recorded = db.prepare<[], { recorded_at: number }>('SELECT recorded_at FROM events ORDER BY position').all().map((row) => row.recorded_at);
    db.close();
    expect(recorded.length).toBeGreaterThan(200);
    const backwards = recorded.flatMap((at, i) => (i > 0 && at < recorded[i - 1]! ? [i] : []));
    expect(backwards).toEqual([]);
    // On the drill's clock, from its first instant: not the machine's.
    expect(recorded[0]).toBeGreaterThanOrEqual(Date.parse(START));
    expect(recorded.at(-1)! - Date.parse(START)).toBeLessThan(10 * 60_000);
  });
});
