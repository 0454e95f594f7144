import { Injectable } from '@nestjs/common';

export type Wake = 'alert' | 'timeout' | 'closed';

/**
 * Wakes the SSE streams when the projector has written a warning or a breach. The projector runs
 * inside the runner's transaction, so listeners are called on the next turn of the event loop,
 * once the batch is committed and the rows can be read.
 */
@Injectable()
export class SlaAlertsNotifier {
  private readonly listeners = new Set<() => void>();
  private scheduled = false;

  recorded(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      for (const listener of [...this.listeners]) listener();
    });
  }

  /** Resolves at the next recorded alert, after `timeoutMs`, or when `closed` settles, whichever comes first. */
  next(timeoutMs: number, closed: Promise<void>): Promise<Wake> {
    return new Promise<Wake>((resolve) => {
      const done = (wake: Wake) => {
        clearTimeout(timer);
        this.listeners.delete(onAlert);
        resolve(wake);
      };
      const onAlert = () => done('alert');
      const timer = setTimeout(() => done('timeout'), timeoutMs);
      this.listeners.add(onAlert);
      void closed.then(() => done('closed'));
    });
  }
}
