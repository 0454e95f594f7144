import { frenchTypographyFaults } from '../support/french-typography';
import Database from 'better-sqlite3';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VerificationSchema, type ChainProblem } from '../../src/audit/audit.schemas';
import { eventHash } from '../../src/event-store/hash-chain';
import { startApp } from '../support/app';
import { driveComplaint, eventsFile, runCli } from './audit-support';

interface Row {
  position: number;
  id: string;
  revision: number;
}

/**
 * Tampering is done the way an insider would: straight in the SQLite file, with the app closed.
 * Each case gets its own copy of one recorded store.
 */
describe('hash-chain verification names the tampered event', () => {
  const root = mkdtempSync(join(tmpdir(), 'mend-tamper-'));
  const original = join(root, 'original');
  let caseId: string;
  let streamId: string;
  let rows: Row[];
  let streams: number;
  let events: number;

  beforeAll(async () => {
    const running = await startApp({ start: '2026-03-02T14:00:00Z', dataDir: original });
    ({ caseId } = await driveComplaint(running));
    await driveComplaint(running);
    const supervisor = await running.as('supervisor', 'supervisor-1');
    expect((await supervisor.get(`/cases/${caseId}/history`)).status).toBe(200);
    await running.close();
    const db = new Database(eventsFile(original), { readonly: true });
    streamId = `complaint-${caseId}`;
    rows = db.prepare<[string], Row>('SELECT position, id, revision FROM events WHERE stream_id = ? ORDER BY revision').all(streamId);
    ({ streams, events } = db
      .prepare<[], { streams: number; events: number }>('SELECT COUNT(DISTINCT stream_id) AS streams, COUNT(*) AS events FROM events')
      .get()!);
    db.close();
    expect(streams).toBe(7); // two cases, their two case-id and two reference reservations, and one access log
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** A copy of the recorded store, changed by `tamper` through better-sqlite3. */
  function tampered(name: string, tamper: (db: Database.Database) => void): string {
    const dir = join(root, name);
    cpSync(original, dir, { recursive: true });
    const db = new Database(eventsFile(dir));
    tamper(db);
    db.close();
    return dir;
  }

  /** The verdict over HTTP (whole store and the one case) and from `mend audit verify`. */
  async function verdicts(dataDir: string) {
    const running = await startApp({ dataDir });
    try {
      const auditor = await running.as('auditor', 'auditor-1');
      const all = await auditor.get('/audit/verify');
      const one = await auditor.get(`/audit/verify?caseId=${caseId}`);
      const french = await auditor.get('/audit/verify', { 'accept-language': 'fr-CA' });
      expect(all.status).toBe(200);
      expect(one.status).toBe(200);
      return {
        all: VerificationSchema.parse(all.body),
        one: VerificationSchema.parse(one.body),
        fr: VerificationSchema.parse(french.body),
        cli: await runCli(['audit', 'verify'], dataDir),
      };
    } finally {
      await running.close();
    }
  }

  async function expectNamed(dataDir: string, expected: Omit<ChainProblem, 'detail'>, detail: RegExp) {
    const { all, one, fr, cli } = await verdicts(dataDir);
    // In French, every sentence of it: the verdict, and the problem's detail.
    expect(fr.problems).toEqual([{ ...all.problems[0], detail: expect.any(String) }]);
    expect(fr.problems[0]!.detail).not.toBe(all.problems[0]!.detail);
    expect(fr.message).toMatch(new RegExp(`^altéré\u00a0: 1 flux sur ${streams} \\(\\d+ événements vérifiés\\)\\. Premier problème\u00a0: flux ${expected.streamId}, version`));
    expect(frenchTypographyFaults(`${fr.message} ${fr.problems[0]!.detail}`)).toEqual([]);
    for (const verdict of [all, one]) {
      expect(verdict.ok).toBe(false);
      expect(verdict.tamperedStreams).toBe(1);
      expect(verdict.problems).toHaveLength(1);
      expect(verdict.problems[0]).toMatchObject(expected);
      expect(verdict.problems[0]!.detail).toMatch(detail);
    }
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain(`TAMPERED: 1 of ${streams} streams`);
    expect(cli.stdout).toContain(
      `stream ${expected.streamId}, revision ${expected.revision} (position ${expected.position}, event ${expected.eventId}): ${expected.problem}`,
    );
    expect(cli.stderr).toContain('tampered');
  }

  it('verifies an untouched store clean, over HTTP and from the CLI', async () => {
    const { all, one, fr, cli } = await verdicts(original);
    expect(fr.message).toBe(`les ${streams} flux sont vérifiés (${events} événements)`);
    expect(all).toEqual({
      ok: true,
      verdict: 'verified',
      streams,
      events,
      problems: [],
      tamperedStreams: 0,
      checkpoint: null,
      checkpointProblems: [],
      message: `all ${streams} streams verified (${events} events)`,
    });
    expect(one.ok).toBe(true);
    expect(one.streams).toBe(2);
    expect(cli.code).toBe(0);
    expect(cli.stdout.trim()).toBe(`all ${streams} streams verified (${events} events)`);
    expect(cli.stderr).toContain('no signed checkpoint');
  });

  it('names an event whose data was altered: hash mismatch', async () => {
    const target = rows[3]!;
    const dir = tampered('altered', (db) =>
      db.prepare(`UPDATE events SET data = json_set(data, '$.method', 'phone') WHERE id = ?`).run(target.id),
    );
    await expectNamed(dir, { streamId, revision: 3, position: target.position, eventId: target.id, problem: 'hash mismatch' }, /hashes to/);
  });

  it('names an event whose recorded hash was rewritten to match: its successor’s link breaks', async () => {
    const [target, next] = [rows[3]!, rows[4]!];
    const dir = tampered('rehashed', (db) => {
      const row = db.prepare<[string], { metadata: string }>('SELECT metadata FROM events WHERE id = ?').get(target.id)!;
      const metadata = JSON.parse(row.metadata) as Record<string, unknown>;
      metadata.correlationId = 'forged';
      // The forger recomputes the forged event's own hash; only the next event's link can tell.
      const data = JSON.parse(db.prepare<[string], { data: string }>('SELECT data FROM events WHERE id = ?').get(target.id)!.data) as unknown;
      metadata.hash = eventHash(String(metadata.prevHash), { streamId, revision: 3, type: 'ComplaintAcknowledged', data, metadata });
      db.prepare('UPDATE events SET metadata = ? WHERE id = ?').run(JSON.stringify(metadata), target.id);
    });
    await expectNamed(dir, { streamId, revision: 4, position: next.position, eventId: next.id, problem: 'broken link' }, /prevHash/);
  });

  it('names the first of two events whose revisions were swapped: revision out of order', async () => {
    const [a, b] = [rows[5]!, rows[6]!];
    const dir = tampered('swapped', (db) => {
      const move = db.prepare('UPDATE events SET revision = ? WHERE id = ?');
      db.transaction(() => {
        move.run(1_000_000, a.id);
        move.run(a.revision, b.id);
        move.run(b.revision, a.id);
      })();
    });
    await expectNamed(
      dir,
      { streamId, revision: b.revision, position: a.position, eventId: a.id, problem: 'revision out of order' },
      new RegExp(`revision ${b.revision} is stored before revision ${a.revision}`),
    );
  });

  it('names the event after a deleted one: revision gap', async () => {
    const [deleted, next] = [rows[4]!, rows[5]!];
    const dir = tampered('deleted', (db) => db.prepare('DELETE FROM events WHERE id = ?').run(deleted.id));
    await expectNamed(
      dir,
      { streamId, revision: next.revision, position: next.position, eventId: next.id, problem: 'revision gap' },
      /revision 4 is missing: revision 3 is followed by revision 5/,
    );
  });

  it('refuses a malformed case id with a 400 naming it', async () => {
    const running = await startApp({ dataDir: original });
    try {
      const auditor = await running.as('auditor', 'auditor-1');
      const response = await auditor.get('/audit/verify?caseId=nope');
      expect(response.status).toBe(400);
      expect(response.body.message).toContain('caseId');
      const practitioner = await running.as('practitioner', 'practitioner-1');
      expect((await practitioner.get('/audit/verify')).status).toBe(403);
    } finally {
      await running.close();
    }
  });
});
