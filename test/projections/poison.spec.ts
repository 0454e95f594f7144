import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { eventHash } from '../../src/event-store/hash-chain';
import { EVENTS_FILE } from '../../src/event-store/event-store.factory';
import { SqliteEventStore } from '../../src/event-store/sqlite-event-store';
import { READ_MODELS_FILE } from '../../src/projections/read-model.database';
import { complaintWorkflow } from '../../workflows/complaint';
import { restorativeEngagementWorkflow } from '../../workflows/restorative-engagement';
import type { HttpClient } from '../support/app';
import { storeHead } from '../support/event-file';
import { MendServer } from '../support/mend-process';
import { caughtUpWith, waitForProjections, type ProjectionReport } from '../support/projection-status';
import { differences, rebuiltReadModels, snapshotReadModels } from '../support/read-models';

const example = (definition: typeof complaintWorkflow, command: string) => ({ ...definition.commands.find((c) => c.type === command)!.example });
const re = (command: string) => example(restorativeEngagementWorkflow, command);
const complaint = (command: string) => example(complaintWorkflow, command);

/** Valid envelope, invalid data: `delivery` is not a kind of session, and most fields are missing. */
const POISON_DATA = { sessionId: 'session-poison', delivery: 'carrierPigeon' };
const REPAIRED_DATA = {
  sessionId: 'session-poison',
  heldAt: '2026-03-03T15:00:00.000Z',
  delivery: 'virtual',
  topics: ['programOverview'],
  supportPersonPresent: false,
};

const report = (reports: readonly ProjectionReport[], name: string) => reports.find((r) => r.name === name)!;

describe('a poison event in a case stream', () => {
  let dataDir: string;
  let server: MendServer | undefined;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'mend-poison-'));
  });

  afterAll(async () => {
    await server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Appends an event to a stream as Mend would (metadata and hash chain), but with whatever data it is given. */
  async function appendRaw(streamId: string, type: string, data: unknown): Promise<{ position: number; revision: number }> {
    const store = new SqliteEventStore({ filename: join(dataDir, EVENTS_FILE) });
    try {
      const [last] = await store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
      const { prevHash: _p, hash: _h, ...business } = last!.metadata as Record<string, unknown>;
      const metadata = { ...business, correlationId: 'poison', causationId: 'poison', occurredAt: '2026-03-03T15:00:00.000Z' };
      const prevHash = last!.metadata['hash'] as string;
      const hash = eventHash(prevHash, { streamId, revision: last!.revision + 1, type, data, metadata });
      const result = await store.append(streamId, [{ id: uuidv7(), type, data, metadata: { ...metadata, prevHash, hash } }], {
        expectedRevision: last!.revision,
      });
      return { position: result.position, revision: result.nextExpectedRevision };
    } finally {
      await store.close();
    }
  }

  /** Repairs a stored event in place: new data, and its hash recomputed so the chain still verifies. */
  function repair(position: number, data: unknown): void {
    const db = new Database(join(dataDir, EVENTS_FILE));
    try {
      const row = db.prepare<[number], { stream_id: string; revision: number; type: string; metadata: string }>('SELECT * FROM events WHERE position = ?').get(position)!;
      const metadata = JSON.parse(row.metadata) as Record<string, unknown>;
      const hash = eventHash(metadata['prevHash'] as string, { streamId: row.stream_id, revision: row.revision, type: row.type, data, metadata });
      db.prepare('UPDATE events SET data = ?, metadata = ? WHERE position = ?').run(JSON.stringify(data), JSON.stringify({ ...metadata, hash }), position);
    } finally {
      db.close();
    }
  }

  it('stops the projections that read it at exactly its position, leaves the others running, skips nothing, and resumes once repaired', async () => {
    server = await MendServer.start(dataDir);
    let supervisor: HttpClient = await server.as('supervisor');

    // Before the poison: a restorative engagement case in phase 1, and a complaint.
    const engagement = await supervisor.post('/cases', { workflow: restorativeEngagementWorkflow.name, command: 'ReceiveOptIn', data: re('ReceiveOptIn') });
    expect(engagement.status).toBe(201);
    const engagementId: string = engagement.body.caseId;
    expect((await supervisor.post(`/cases/${engagementId}/commands/ConfirmParticipation`, re('ConfirmParticipation'))).status).toBe(200);
    const assigned = await supervisor.post(`/cases/${engagementId}/commands/AssignPractitioner`, { practitionerIds: ['practitioner-1'] });
    expect(assigned.status).toBe(200);
    const first = await supervisor.post('/cases', { workflow: complaintWorkflow.name, command: 'ReceiveComplaint', data: complaint('ReceiveComplaint') });
    expect(first.status).toBe(201);
    await waitForProjections(supervisor, caughtUpWith(storeHead(dataDir)));

    const poison = await appendRaw(`${restorativeEngagementWorkflow.category}-${engagementId}`, 'PreparationSessionHeld', POISON_DATA);
    expect(poison.revision).toBe(assigned.body.revision + 1);

    // After the poison: another complaint, and a command on the first.
    const second = await supervisor.post('/cases', { workflow: complaintWorkflow.name, command: 'ReceiveComplaint', data: complaint('ReceiveComplaint') });
    expect(second.status).toBe(201);
    const acknowledged = await supervisor.post(`/cases/${first.body.caseId}/commands/AcknowledgeComplaint`, complaint('AcknowledgeComplaint'));
    expect(acknowledged.status).toBe(200);
    const head = storeHead(dataDir);
    expect(head).toBeGreaterThan(poison.position);

    const stopped = (reports: readonly ProjectionReport[]) =>
      report(reports, 'cases')?.status === 'failed' && (report(reports, 'complaint-board')?.checkpoint ?? 0) >= head;
    let reports = await waitForProjections(supervisor, stopped);
    expect(report(reports, 'cases')).toMatchObject({ status: 'failed', checkpoint: poison.position - 1, errorPosition: poison.position });
    expect(report(reports, 'cases').error).toContain(`position ${poison.position}`);
    expect(report(reports, 'cases').error).toContain('PreparationSessionHeld');
    expect(report(reports, 'cases').error).toContain('delivery');
    // The complaint board reads no restorative-engagement event: the poison is not its concern.
    expect(report(reports, 'complaint-board')).toMatchObject({ status: 'running', checkpoint: head });

    // A clear error in the log, naming the position.
    const logged = JSON.parse(await server.waitFor(new RegExp(`^(\\{.*Projection stopped at position ${poison.position} .*\\})$`), 10_000)) as { level: number; msg: string };
    expect(logged.level).toBeGreaterThanOrEqual(50);
    expect(logged.msg).toContain(engagementId);

    // The events before it were projected; nothing after it was: the case stays at the revision before.
    const view = await supervisor.get(`/cases/${engagementId}`);
    expect(view.body).toMatchObject({ revision: assigned.body.revision, state: 'phase1' });
    const list = await supervisor.get('/cases?limit=200');
    expect(list.body.items.map((c: { caseId: string }) => c.caseId).sort()).toEqual([engagementId, first.body.caseId].sort());
    expect(list.body.items.find((c: { caseId: string }) => c.caseId === first.body.caseId).state).toBe('received');
    expect((await supervisor.get(`/cases?minPosition=${head}`)).status).toBe(503);
    // …while the board, unaffected, has both complaints.
    const board = await supervisor.get(`/complaints/board?minPosition=${head}`);
    expect(board.status).toBe(200);
    const onBoard = board.body.levels.flatMap((level: { items: { caseId: string; state: string }[] }) => level.items);
    expect(onBoard.map((c: { caseId: string; state: string }) => [c.caseId, c.state]).sort()).toEqual(
      [
        [first.body.caseId, 'acknowledged'],
        [second.body.caseId, 'received'],
      ].sort(),
    );

    // A restart does not get past it either.
    await server.stop();
    server = await MendServer.start(dataDir);
    supervisor = await server.as('supervisor');
    reports = await waitForProjections(supervisor, (r) => report(r, 'cases')?.errorPosition === poison.position && stopped(r));
    expect(report(reports, 'cases')).toMatchObject({ status: 'failed', checkpoint: poison.position - 1 });

    // Repaired in the file, the projection resumes from the poison's position and catches up.
    await server.stop();
    repair(poison.position, REPAIRED_DATA);
    server = await MendServer.start(dataDir);
    supervisor = await server.as('supervisor');
    reports = await waitForProjections(supervisor, caughtUpWith(head));
    expect(report(reports, 'cases').error).toBeUndefined();
    const resumed = await supervisor.get(`/cases?minPosition=${head}&limit=200`);
    expect(resumed.status).toBe(200);
    expect(resumed.body.total).toBe(3);
    expect((await supervisor.get(`/cases/${engagementId}?minPosition=${head}`)).body).toMatchObject({ revision: poison.revision, state: 'phase1' });
    expect(differences(snapshotReadModels(join(dataDir, READ_MODELS_FILE)), await rebuiltReadModels(dataDir))).toEqual([]);
    await server.stop();
  }, 180_000);
});
