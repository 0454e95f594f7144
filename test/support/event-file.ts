import Database from 'better-sqlite3';
import { join } from 'node:path';
import { EVENTS_FILE } from '../../src/event-store/event-store.factory';

/** Reads the SQLite events file of a data directory directly, beside a running Mend. */
function withEvents<T>(dataDir: string, read: (db: Database.Database) => T): T {
  const db = new Database(join(dataDir, EVENTS_FILE), { fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Position of the last stored event (0 when there is none). */
export function storeHead(dataDir: string): number {
  return withEvents(dataDir, (db) => db.prepare<[], { head: number | null }>('SELECT max(position) AS head FROM events').get()!.head ?? 0);
}

/** The last revision of every stream. */
export function streamRevisions(dataDir: string): Map<string, number> {
  return new Map([...streamHeads(dataDir)].map(([streamId, head]) => [streamId, head.revision]));
}

/** The revision and position of the last event of every stream. */
export function streamHeads(dataDir: string): Map<string, { revision: number; position: number }> {
  return withEvents(
    dataDir,
    (db) =>
      new Map(
        db
          .prepare<[], { stream_id: string; revision: number; position: number }>(
            'SELECT stream_id, max(revision) AS revision, max(position) AS position FROM events GROUP BY stream_id',
          )
          .all()
          .map((row) => [row.stream_id, { revision: row.revision, position: row.position }]),
      ),
  );
}

/** Every stored event's position, id, stream and revision, in position order (up to `toPosition`). */
export function storedEvents(dataDir: string, toPosition = Number.MAX_SAFE_INTEGER): { position: number; id: string; streamId: string; revision: number }[] {
  return withEvents(dataDir, (db) =>
    db
      .prepare<[number], { position: number; id: string; streamId: string; revision: number }>(
        'SELECT position, id, stream_id AS streamId, revision FROM events WHERE position <= ? ORDER BY position',
      )
      .all(toPosition),
  );
}
