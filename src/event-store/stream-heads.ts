/**
 * The last revision of streams this SQLite connection appended to, valid until another connection
 * commits to the file (`PRAGMA data_version` tells: it changes only on other connections' commits).
 * A read of a stream after its known head is then answered with nothing, without a query: the read
 * a case load makes before each command (its cached fold is usually current) costs at most one
 * pragma per turn of the event loop instead of two index searches in a fresh read transaction.
 */
export class StreamHeads {
  private readonly heads = new Map<string, number>();
  private version: number | undefined;
  private checkedThisTurn = false;
  private committing: [string, number][] = [];

  /** `dataVersion` reads `PRAGMA data_version` of the connection. */
  constructor(
    private readonly dataVersion: () => number,
    private readonly limit = 10_000,
  ) {}

  /**
   * The stream's last revision if known and no other connection had committed when this turn of
   * the event loop first asked; else undefined. A commit by another process later in the turn goes
   * unseen until the next: a load then folds a case one append behind, and its append is refused
   * for the wrong expected revision, which the command pipeline retries on a fresh load.
   */
  head(streamId: string): number | undefined {
    if (!this.checkedThisTurn) {
      this.checkedThisTurn = true;
      setImmediate(() => (this.checkedThisTurn = false));
      const version = this.dataVersion();
      if (version !== this.version) {
        this.heads.clear();
        this.version = version;
      }
    }
    return this.heads.get(streamId);
  }

  /** In an append's savepoint, once its events are inserted: the stream's new head, if the commit goes through. */
  appended(streamId: string, revision: number): void {
    this.committing.push([streamId, revision]);
  }

  /** The transaction committed: what its appends made the heads. */
  committed(): void {
    for (const [streamId, revision] of this.committing) {
      this.heads.delete(streamId);
      this.heads.set(streamId, revision);
    }
    this.committing = [];
    while (this.heads.size > this.limit) this.heads.delete(this.heads.keys().next().value!);
  }

  /** The transaction rolled back: its appends made nothing. */
  rolledBack(): void {
    this.committing = [];
  }
}
