const WINDOW_MS = 60_000;
/** Past this many tracked people, windows that have ended are swept. */
const SWEEP_AT = 10_000;

interface Window {
  start: number;
  count: number;
}

/**
 * Requests per minute per person, keyed on the verified subject of their token: however the
 * Authorization header is spelled, and however many tokens the person holds, they share one count.
 * Fixed one-minute windows, in memory (each node counts its own requests).
 */
export class SubjectRateLimit {
  private readonly windows = new Map<string, Window>();

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts a request; returns the seconds to wait when it is over the limit. */
  take(subject: string): number | undefined {
    const now = this.now();
    let window = this.windows.get(subject);
    if (!window || now - window.start >= WINDOW_MS) {
      if (this.windows.size >= SWEEP_AT) this.sweep(now);
      window = { start: now, count: 0 };
      this.windows.set(subject, window);
    }
    window.count += 1;
    if (window.count <= this.perMinute) return undefined;
    return Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
  }

  private sweep(now: number): void {
    for (const [subject, window] of this.windows) if (now - window.start >= WINDOW_MS) this.windows.delete(subject);
  }
}
