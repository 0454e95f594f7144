/** The service's clock. Injected everywhere time is read, so tests and drills can drive time. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('Clock');

export const systemClock: Clock = { now: () => new Date() };

/** A clock that starts at a chosen instant and runs at real speed (`MEND_CLOCK_START`, for drills and demos). */
export class DrillClock implements Clock {
  private offset: number;

  constructor(
    start: Date,
    private readonly real: Clock = systemClock,
  ) {
    this.offset = start.getTime() - real.now().getTime();
  }

  now(): Date {
    return new Date(this.real.now().getTime() + this.offset);
  }

  /**
   * Moves the clock on to `instant` if it is behind it, and runs on from there: a drill started
   * again on the same log, or a demo seeded on its clock, never records before what is recorded.
   */
  catchUp(instant: Date): void {
    const behind = instant.getTime() - this.now().getTime();
    if (behind > 0) this.offset += behind;
  }
}

export function clockStartingAt(start: Date, real: Clock = systemClock): DrillClock {
  return new DrillClock(start, real);
}

/** A clock that moves only when told to: tests run months of business time in milliseconds. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date | string): void {
    this.current = new Date(instant).getTime();
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
