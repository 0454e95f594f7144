/** A commit waiting to be on disk: its first position (when it stored events) and what to tell its appends. */
export interface CommitToSync {
  readonly first: number | undefined;
  done(): void;
  failed(error: unknown): void;
}

/**
 * Group commit with the sync off the event loop. SQLite commits with `synchronous = NORMAL` (the
 * commit's frames are written to the WAL file, not synced); the WAL is then synced here, in
 * libuv's thread pool, and a commit's appends are answered only once a sync that started after the
 * commit has ended. Commits made while one sync runs share the next. So an acknowledged append is
 * on disk exactly as with `synchronous = FULL`, but the event loop serves other requests during
 * the sync instead of blocking in it.
 *
 * Events committed but not yet synced must not reach a read model (a power loss would take them
 * from the log and leave them in the read model): `bound` is the last position readers of the log
 * may be given.
 */
export class GroupSync {
  private queued: CommitToSync[] = [];
  private syncing: CommitToSync[] = [];
  private running: Promise<void> | undefined;
  private failure: Error | undefined;

  constructor(private readonly sync: () => Promise<void>) {}

  /** The last position readers may see: just before the first commit not yet on disk. */
  get bound(): number {
    for (const commit of this.syncing) if (commit.first !== undefined) return commit.first - 1;
    for (const commit of this.queued) if (commit.first !== undefined) return commit.first - 1;
    return Number.MAX_SAFE_INTEGER;
  }

  /** Why the log can no longer be synced, once a sync has failed. */
  get failed(): Error | undefined {
    return this.failure;
  }

  /** Answers the commit's appends after the next sync to start. */
  after(commit: CommitToSync): void {
    if (this.failure) {
      commit.failed(this.failure);
      return;
    }
    this.queued.push(commit);
    this.running ??= this.drain();
  }

  /** Resolves once every commit so far is synced or failed. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.queued.length > 0) {
      this.syncing = this.queued;
      this.queued = [];
      try {
        await this.sync();
      } catch (error) {
        // The kernel may have dropped what it could not write: nothing after this is acknowledged,
        // and the unsynced events stay hidden from readers (bound) until a restart recovers the log.
        this.failure = error as Error;
        for (const commit of [...this.syncing, ...this.queued]) commit.failed(error);
        this.queued = [];
        break;
      }
      const synced = this.syncing;
      this.syncing = [];
      for (const commit of synced) commit.done();
    }
    this.running = undefined;
  }
}
