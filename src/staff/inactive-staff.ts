import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { InactiveSubjects } from '../auth/inactive-subjects';
import { RUN_MODE, type RunMode } from '../core/core.module';
import { StaffQueries } from './staff.queries';

/**
 * How often the server reads again the entries of the staff read model changed since. Another
 * process may project a change into the read-model file this server shares (a second server on
 * the same data directory, `mend staff list` catching up): this server's projector then never sees
 * that event.
 */
export const INACTIVE_STAFF_RELOAD_MS = 5_000;

/**
 * The people the staff directory marks inactive, held in memory for the AuthGuard: every
 * authenticated request asks, and none pays for SQL. Filled from the staff read model at start
 * and kept current by what changes an entry — this node's directory writes at once, the staff
 * projector for every other node's (each node projects the whole log) — and by a reload every few
 * seconds for what another process projected into a shared read-model file.
 *
 * Each person's state is kept with the log position it is as of, and an older one never replaces
 * it: a read model still behind this node's write, or a rebuild replaying the past, cannot undo a
 * newer change.
 */
@Injectable()
export class InactiveStaff implements InactiveSubjects, OnApplicationBootstrap, OnModuleDestroy {
  private readonly known = new Map<string, { active: boolean; position: number }>();
  private readonly inactive = new Set<string>();
  /** The last position read from the read model: the projection writes in log order, so a row changed since has a later one. */
  private read = -1;
  private timer: NodeJS.Timeout | undefined;
  /** Set once this process follows the directory (a server); a CLI verb does not. */
  private following = false;

  constructor(
    private readonly queries: StaffQueries,
    @Inject(RUN_MODE) private readonly mode: RunMode,
  ) {}

  onApplicationBootstrap(): void {
    // A CLI verb answers no request.
    if (this.mode !== 'server') return;
    this.reload();
    this.following = true;
    this.timer = setInterval(() => this.reload(), INACTIVE_STAFF_RELOAD_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Whether the directory holds this person and marks them inactive (someone it does not hold is not). */
  has(staffId: string): boolean {
    return this.inactive.has(staffId);
  }

  /**
   * Whether the directory holds anyone, as this process has seen it (asked before every recorded
   * step, so it must cost no SQL); undefined where this process does not follow the directory.
   */
  holdsAnyone(): boolean | undefined {
    return this.following ? this.known.size > 0 : undefined;
  }

  /** A person's state as of a position of the log. */
  note(staffId: string, active: boolean, position: number): void {
    const known = this.known.get(staffId);
    if (known && known.position > position) return;
    this.known.set(staffId, { active, position });
    if (active) this.inactive.delete(staffId);
    else this.inactive.add(staffId);
  }

  /** The entries of the read model changed since it was last read. */
  reload(): void {
    for (const row of this.queries.changedSince(this.read)) {
      this.note(row.staff_id, row.active === 1, row.position);
      this.read = Math.max(this.read, row.position);
    }
  }
}
