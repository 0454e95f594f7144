import type { IEventHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import type { ProjectionDefinition, ProjectionEvent, StoredEvent } from '../../projections/projection';
import { physicalName } from './read-model.database';

/** How a projector reads and writes one kind of row, for a RowCache. */
export interface RowStore<T> {
  load(key: string): T | undefined;
  /** Writes `value`; `stored` is what the tables held before (as loaded or last saved). */
  save(key: string, value: T, stored: T | undefined): void;
}

interface CachedRow<T> {
  value: T | undefined;
  /** What the tables hold: as loaded, or as last written. */
  stored: T | undefined;
  dirty: boolean;
  /** The transaction (counted in flushes) that last read or wrote it. */
  used: number;
}

/**
 * Rows a projector reads and writes by key, kept in memory while a transaction is open and written
 * once when it ends, however many of its events touched them: a case with five events in a batch is
 * read once and written once. Within a rebuild, whose tables no other writer sees until they are
 * swapped in, rows stay cached across transactions (up to a bound); a live runner's cache lasts one
 * transaction, since another process may write the same tables between two of its transactions.
 */
export class RowCache<T> {
  private readonly rows = new Map<string, CachedRow<T>>();
  /** The rows changed since the last flush: a flush does not walk every row a rebuild keeps cached. */
  private changed: [string, CachedRow<T>][] = [];
  private flushes = 0;

  /**
   * @param written over tables that started empty and that only this cache writes (a rebuild's new
   * generation): the keys it has written, so that a key it never wrote is not looked up.
   */
  constructor(
    private readonly store: RowStore<T>,
    private readonly written?: WrittenKeys,
  ) {}

  get(key: string): T | undefined {
    let entry = this.rows.get(key);
    if (!entry) {
      const stored = this.load(key);
      entry = { value: stored, stored, dirty: false, used: this.flushes };
      this.rows.set(key, entry);
    }
    entry.used = this.flushes;
    return entry.value;
  }

  set(key: string, value: T): void {
    let entry = this.rows.get(key);
    if (!entry) {
      entry = { value, stored: this.load(key), dirty: false, used: this.flushes };
      this.rows.set(key, entry);
    }
    entry.value = value;
    entry.used = this.flushes;
    if (!entry.dirty) {
      entry.dirty = true;
      this.changed.push([key, entry]);
    }
  }

  /** Writes what changed. */
  flush(): void {
    for (const [key, entry] of this.changed) {
      if (entry.stored === undefined) this.written?.add(key);
      this.store.save(key, entry.value!, entry.stored);
      entry.stored = entry.value;
      entry.dirty = false;
    }
    this.changed = [];
    this.flushes++;
  }

  /** After a flush: forgets the rows that no event of the transaction just written read or wrote (the tables hold them). */
  forgetIdle(): void {
    for (const [key, entry] of this.rows) if (entry.used < this.flushes - 1) this.rows.delete(key);
  }

  get size(): number {
    return this.rows.size;
  }

  private load(key: string): T | undefined {
    return this.written && !this.written.mayHold(key) ? undefined : this.store.load(key);
  }

  clear(): void {
    this.rows.clear();
    this.changed = [];
  }
}

/** Bits in each filter of WrittenKeys: 256 KiB. */
const FILTER_BITS = 2 ** 21;
/** Keys per filter: about 21 bits a key, so that about 1 in 1,000 keys never written is looked up anyway. */
const FILTER_KEYS = 100_000;

/**
 * The keys a row cache has written into tables that started empty: a Bloom filter, which never
 * answers no for a key it was given and rarely yes for one it was not. A rebuild's projections
 * mostly ask for rows that do not exist yet (every case's first event, every clock's start); this
 * answers those without a lookup in SQLite. When a filter holds its share of keys another is
 * started, so it grows with the log in 256 KiB steps (about 2.6 bytes a key), keeping no key.
 */
export class WrittenKeys {
  private readonly filters: Int32Array[] = [];
  private inNewest = FILTER_KEYS;

  add(key: string): void {
    if (this.inNewest === FILTER_KEYS) {
      this.filters.push(new Int32Array(FILTER_BITS / 32));
      this.inNewest = 0;
    }
    const filter = this.filters[this.filters.length - 1]!;
    hashes(key);
    for (let i = 0; i < HASHES; i++) {
      const bit = (positions[0]! + i * positions[1]!) & (FILTER_BITS - 1);
      filter[bit >>> 5]! |= 1 << (bit & 31);
    }
    this.inNewest++;
  }

  /** False only for a key never added. */
  mayHold(key: string): boolean {
    if (this.filters.length === 0) return false;
    hashes(key);
    for (const filter of this.filters) {
      let all = true;
      for (let i = 0; i < HASHES && all; i++) {
        const bit = (positions[0]! + i * positions[1]!) & (FILTER_BITS - 1);
        all = (filter[bit >>> 5]! & (1 << (bit & 31))) !== 0;
      }
      if (all) return true;
    }
    return false;
  }
}

const HASHES = 4;
const positions = new Int32Array(2);

/**
 * Two 32-bit hashes of `key`, FNV-1a and djb2 (made odd), the bits of a key being their first
 * `HASHES` combinations. Shifts and adds, not `Math.imul`: under jest the global `Math` belongs to
 * another realm, and a call to it is not inlined (40 times slower there).
 */
function hashes(key: string): void {
  let a = 0x811c9dc5;
  let b = 5381;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    a ^= code;
    a = (a + (a << 1) + (a << 4) + (a << 7) + (a << 8) + (a << 24)) | 0;
    b = ((b << 5) + b + code) | 0;
  }
  positions[0] = a;
  positions[1] = b | 1;
}

/**
 * Additions to counter rows (a group's key, its columns and the amounts to add), summed in memory
 * while a transaction is open and written once per group when it ends: a page of clock events adds
 * to a few summary rows, not one upsert per event. Nothing stays after the transaction.
 */
export class PendingSums<T extends object> {
  private readonly pending = new Map<string, T>();

  /**
   * @param amounts the columns of `T` that are added up; the others name the group.
   * @param write adds one group's summed amounts to its row.
   */
  constructor(
    private readonly amounts: readonly (keyof T)[],
    private readonly write: (sum: T) => void,
  ) {}

  add(key: string, addition: T): void {
    const sum = this.pending.get(key) as Record<keyof T, number> | undefined;
    if (!sum) {
      this.pending.set(key, { ...addition });
      return;
    }
    for (const column of this.amounts) sum[column] += (addition as Record<keyof T, number>)[column];
  }

  /** Writes every group added to (a sum of zero included: its row exists, as one upsert per event would have made it). */
  flush(): void {
    for (const sum of this.pending.values()) this.write(sum);
    this.pending.clear();
  }

  clear(): void {
    this.pending.clear();
  }
}

/**
 * Rows a rebuild keeps cached across its transactions, per cache: beyond it, the rows the last
 * transaction did not touch are forgotten, which keeps the memory of a long rebuild level.
 */
const MAX_CACHED_ROWS = 5_000;

/**
 * The tables of one generation of a projection, written inside the runner's open transaction.
 * Statements are prepared once per generation.
 */
export class ProjectionTables {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly caches = new Map<string, RowCache<unknown>>();
  private readonly sums = new Map<string, PendingSums<object>>();

  /**
   * @param exclusive the tables were created empty for this writer, and are its alone until it
   * swaps them in (a rebuild): row caches may outlive a transaction, and know which rows exist.
   */
  constructor(
    private readonly db: Database.Database,
    readonly generation: number,
    readonly exclusive = false,
  ) {}

  /** The row cache named `name` of these tables (one per kind of row), created with `store` on first use. */
  rows<T>(name: string, store: RowStore<T>): RowCache<T> {
    let cache = this.caches.get(name);
    if (!cache) {
      cache = new RowCache(store as RowStore<unknown>, this.exclusive ? new WrittenKeys() : undefined);
      this.caches.set(name, cache);
    }
    return cache as RowCache<T>;
  }

  /** The pending sums named `name` of these tables (one per counter table), created on first use. */
  added<T extends object>(name: string, amounts: readonly (keyof T)[], write: (sum: T) => void): PendingSums<T> {
    let sums = this.sums.get(name);
    if (!sums) {
      sums = new PendingSums(amounts as readonly (keyof object)[], write as (sum: object) => void);
      this.sums.set(name, sums);
    }
    return sums as unknown as PendingSums<T>;
  }

  /** Before the transaction commits: writes every cached row that changed, and every pending sum. */
  flush(): void {
    for (const cache of this.caches.values()) {
      cache.flush();
      if (!this.exclusive) cache.clear();
      else if (cache.size > MAX_CACHED_ROWS) cache.forgetIdle();
    }
    for (const sums of this.sums.values()) sums.flush();
  }

  /** After a transaction rolled back: what the caches and sums hold was never written. */
  discard(): void {
    for (const cache of this.caches.values()) cache.clear();
    for (const sums of this.sums.values()) sums.clear();
  }

  /** A prepared statement; `{table}` placeholders name this generation's tables. */
  statement<P extends unknown[] = unknown[], R = unknown>(sql: string): Database.Statement<P, R> {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql.replace(/\{(\w+)\}/g, (_, name: string) => physicalName(name, this.generation)));
      this.statements.set(sql, prepared);
    }
    return prepared as Database.Statement<P, R>;
  }
}

/** What a projector receives: one event its projection reads, and the tables to write it into. */
export class ProjectedEvent {
  constructor(
    readonly event: ProjectionEvent,
    readonly tables: ProjectionTables,
  ) {}
}

/**
 * Base of every projector: an `@EventsHandler(ProjectedEvent)` class of @nestjs/cqrs that keeps one
 * projection. The runner does not publish on the EventBus, which would hand every event to every
 * projector through rxjs and log and swallow their errors: it calls `handle` of its own
 * projection's projectors, synchronously inside its transaction, with only the events that
 * projection reads. A projector's outcome is its return or its throw: a throw stops the projection
 * at that event (a poison event), nothing is skipped.
 */
export abstract class Projector implements IEventHandler<ProjectedEvent> {
  abstract readonly projection: ProjectionDefinition;
  abstract handle(published: ProjectedEvent): void;
  /** An event of a stream category the projection names in `categories` (not a case event), as stored. */
  handleRecord?(event: StoredEvent, tables: ProjectionTables): void;
}
