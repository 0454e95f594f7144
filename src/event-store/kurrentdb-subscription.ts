import { START, type AllStreamResolvedEvent, type AllStreamSubscription, type ReadPosition } from '@kurrent/kurrentdb-client';
import type { AllSubscription, RecordedEvent } from './event-store';
import { isSystemEvent, isTransient, toRecordedEvent, toStoreError } from './kurrentdb-mapping';

/** Opens a KurrentDB $all subscription delivering the events after `from` (exclusive). */
export type OpenAllSubscription = (from: ReadPosition) => AllStreamSubscription;

const FIRST_RETRY_MS = 250;
const MAX_RETRY_MS = 5_000;
const UNSUBSCRIBE_WAIT_MS = 2_000;

/**
 * The port's catch-up-then-live subscription over KurrentDB's subscribeToAll.
 *
 * Batches: the client's subscription is an object-mode Readable; each turn takes, with `read()`,
 * what is already buffered (at most `maxBatchSize` events) and yields it as one batch, and waits
 * for `readable` only when nothing is buffered. So a batch is never empty and catch-up arrives in
 * large batches while live traffic arrives as it comes. Not reading leaves the buffer full, which
 * backpressures the gRPC stream.
 *
 * Drops: when the server or the network drops the subscription for a transient reason (node down,
 * leader change, deadline), it is reopened after a backoff from the exact position of the last
 * event received, so the consumer sees neither a gap nor a duplicate. Other failures end the
 * iteration with the mapped error.
 */
export class KurrentDbAllSubscription implements AllSubscription {
  private source: AllStreamSubscription | undefined;
  private detachListeners: (() => void) | undefined;
  private sourceEnded = false;
  private sourceFailure: { error: unknown } | undefined;
  private wake: (() => void) | undefined;
  private closed = false;
  private closing: Promise<void> | undefined;
  /** The server's own position of the last event received, so a reopened subscription resumes exactly there. */
  private resumeFrom: ReadPosition = START;
  /** Settles once the start position is known and the first source attached. */
  private readonly started: Promise<void>;

  /**
   * `from` may be a promise (the store resolving `'end'` to the log's last position): the
   * subscription starts as soon as it settles, before the first iteration, so that `'end'` means
   * the end when subscribeAll was called, and a drop before the first event resumes from there.
   */
  constructor(
    private readonly open: OpenAllSubscription,
    from: ReadPosition | Promise<ReadPosition>,
    private readonly maxBatchSize: number,
    private readonly onClosed: (subscription: KurrentDbAllSubscription) => void,
  ) {
    const attachAt = (position: ReadPosition) => {
      this.resumeFrom = position;
      if (!this.closed) this.attach();
    };
    if (from instanceof Promise) {
      this.started = from.then(attachAt);
      // Reported by the iteration; not an unhandled rejection meanwhile.
      this.started.catch(() => undefined);
    } else {
      attachAt(from);
      this.started = Promise.resolve();
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<readonly RecordedEvent[]> {
    let retries = 0;
    try {
      await this.started;
      while (!this.closed) {
        const batch = this.drain();
        if (batch.length > 0) {
          retries = 0;
          yield batch;
          continue;
        }
        if (this.sourceFailure !== undefined || this.sourceEnded) {
          const failure = this.sourceFailure;
          if (failure !== undefined && !isTransient(failure.error)) throw toStoreError(failure.error);
          void this.detach();
          await this.pause(Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** retries));
          retries += 1;
          if (!this.closed) this.attach();
          continue;
        }
        await this.pause();
      }
    } finally {
      await this.close();
    }
  }

  close(): Promise<void> {
    if (!this.closing) {
      this.closed = true;
      this.wake?.();
      this.onClosed(this);
      this.closing = this.detach();
    }
    return this.closing;
  }

  private attach(): void {
    const source = this.open(this.resumeFrom);
    this.source = source;
    this.sourceEnded = false;
    this.sourceFailure = undefined;
    const poke = () => this.wake?.();
    const ended = () => {
      this.sourceEnded = true;
      poke();
    };
    const failed = (error: unknown) => {
      this.sourceFailure = { error };
      poke();
    };
    source.on('readable', poke);
    source.on('end', ended);
    source.on('close', ended);
    source.on('error', failed);
    this.detachListeners = () => {
      source.removeListener('readable', poke);
      source.removeListener('end', ended);
      source.removeListener('close', ended);
      source.removeListener('error', failed);
    };
  }

  /** Stops the current source; waits a bounded time so that closing never hangs on an unreachable cluster. */
  private async detach(): Promise<void> {
    const source = this.source;
    if (!source) return;
    this.source = undefined;
    this.detachListeners?.();
    this.detachListeners = undefined;
    // A cancelled stream may still emit an error; without a listener it would crash the process.
    source.on('error', () => undefined);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      source.unsubscribe().catch(() => undefined),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, UNSUBSCRIBE_WAIT_MS);
        timer.unref();
      }),
    ]);
    clearTimeout(timer);
  }

  private drain(): RecordedEvent[] {
    const batch: RecordedEvent[] = [];
    const source = this.source;
    if (!source) return batch;
    while (batch.length < this.maxBatchSize) {
      const resolved = source.read() as AllStreamResolvedEvent | null;
      if (resolved === null) break;
      const event = resolved.event;
      if (!event) continue;
      this.resumeFrom = event.position;
      if (!isSystemEvent(event)) batch.push(toRecordedEvent(event));
    }
    return batch;
  }

  /** Resolves on the next signal from the source or on close(), or after `ms` when given. */
  private pause(ms?: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(() => this.wake?.(), ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
  }
}
