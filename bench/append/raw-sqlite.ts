import Database from 'better-sqlite3';
import type { SqliteDurability } from '../../src/event-store/sqlite-event-store';
import type { Workload } from './workloads';

/**
 * The physical limit: the same rows inserted with better-sqlite3 into a table of the event store's
 * shape (its keys and unique constraints), with the same pragmas, one transaction per commit group.
 * No revision checks, no idempotency lookups, no promises.
 */
export class RawEventsTable {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement<[string, string, number, string, string, string, number]>;
  private readonly commit: (workload: Workload['groups'][number]) => void;

  constructor(filename: string, durability: SqliteDurability) {
    this.db = new Database(filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${durability === 'normal' ? 'NORMAL' : 'FULL'}`);
    this.db.exec(`CREATE TABLE events (
      position    INTEGER PRIMARY KEY,
      id          TEXT    NOT NULL UNIQUE,
      stream_id   TEXT    NOT NULL,
      revision    INTEGER NOT NULL CHECK (revision >= 0),
      type        TEXT    NOT NULL,
      data        TEXT    NOT NULL,
      metadata    TEXT    NOT NULL,
      recorded_at INTEGER NOT NULL,
      UNIQUE (stream_id, revision)
    )`);
    this.insert = this.db.prepare('INSERT INTO events (id, stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.commit = this.db.transaction((group) => {
      const recordedAt = Date.now();
      for (const call of group) {
        let revision = call.previousRevision;
        for (const event of call.events) {
          this.insert.run(event.id, call.streamId, ++revision, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata), recordedAt);
        }
      }
    });
  }

  run(workload: Workload): void {
    for (const group of workload.groups) this.commit(group);
  }

  close(): void {
    this.db.close();
  }
}
