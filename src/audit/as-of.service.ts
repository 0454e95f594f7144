import { Inject, Injectable } from '@nestjs/common';
import { buildCaseView, withAllowedCommands, type CaseView } from '../../domain/case-view';
import type { EventMetadata } from '../../domain/envelope';
import { isClockEventType } from '../../domain/fold';
import type { Actor } from '../../domain/roles';
import { CaseRepository, type LoadedCase } from '../cases/case-repository';
import { CLOCK, type Clock } from '../clock/clock';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '../event-store/event-store';
import { PolicyService } from '../security/policy.service';
import { AsOfInFuture, CaseNotYetOpened, CaseNotYetRecorded, RevisionNotFound } from './audit-errors';
import { AuditReader } from './audit-reader.service';
import { streamPages } from './stream-pages';

/** A moment in a case's life: a business time, or the revision of one of its events. */
export type PointInTime = { readonly asOf: string } | { readonly revision: number };

/**
 * The two axes of time an auditor moves along: business time (`occurredAt`: when things happened,
 * what the case was then) and recorded time (`recordedAt`: what the log held then).
 */
export type TimeAxis = 'business' | 'recorded';

/** A clock whose due time had passed by the moment of the view although its breach is not among the events then. */
export interface DerivedBreach {
  /** When the breach was recorded later (its ClockBreached event's occurredAt and recordedAt); null: not recorded yet. */
  readonly occurredAt: string | null;
  readonly recordedAt: string | null;
}

/** A warning whose instant had passed by the moment of the view although it is not among the events then. */
export interface DerivedWarning extends DerivedBreach {
  readonly threshold: number;
  readonly at: string;
}

export type ClockAsOf = CaseView['clocks'][number] & { readonly breachDerived?: DerivedBreach; readonly warningsDerived?: readonly DerivedWarning[] };

export type CaseViewAsOf = Omit<CaseView, 'clocks'> & {
  readonly asOf: string;
  readonly axis: TimeAxis;
  readonly clocks: readonly ClockAsOf[];
  /** Revisions of the events this view includes that were recorded more than a second after `asOf` (business axis: entered later). */
  readonly enteredLater: readonly number[];
  /** The case's last revision today, so a reader knows what came after. */
  readonly lastRevision: number;
};

/** One step of a case's history: the event, the case just before it and right after it. */
export interface TimelineStep {
  readonly event: RecordedEvent;
  readonly before: LoadedCase;
  readonly after: LoadedCase;
}

const occurredAt = (event: RecordedEvent) => (event.metadata as unknown as EventMetadata).occurredAt;

/**
 * How long recording an event takes in the normal course (its decision's time to its commit, a few
 * milliseconds): an event recorded within it after the moment asked for was not entered later.
 */
const RECORDING_MS = 1_000;

/**
 * The case as it stood at a point in time, replayed from a prefix of its stream with the workflow
 * version it runs on (CaseRepository folds with the definition its opening event names).
 */
@Injectable()
export class CaseAsOf {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly cases: CaseRepository,
    private readonly reader: AuditReader,
    private readonly policy: PolicyService,
  ) {}

  /**
   * As of a time T on an axis: after every event whose `occurredAt` (business axis) or `recordedAt`
   * (recorded axis) is at or before T. Events are appended in both orders, so that is a prefix of
   * the stream; the rest is read only for the warnings and breaches recorded later. A clock whose due time
   * had passed by T is shown breached from its due time even when its breach was recorded later
   * (or not yet): `breachDerived` says so, with when it was recorded; `warningsDerived` does the
   * same for warnings whose instant had passed.
   */
  async view(caseId: string, point: PointInTime, actor: Actor, axis: TimeAxis = 'business'): Promise<CaseViewAsOf> {
    const { streamId, definition } = await this.reader.locate(caseId);
    const timeOf = (event: RecordedEvent) => Date.parse(axis === 'recorded' ? event.recordedAt : occurredAt(event));
    const beyond =
      'asOf' in point ? (event: RecordedEvent) => timeOf(event) > Date.parse(point.asOf) : (event: RecordedEvent) => event.revision > point.revision;
    let loaded = this.cases.fresh(definition, caseId);
    let first: RecordedEvent | undefined;
    let last: RecordedEvent | undefined;
    let lastRevision = -1;
    let latest = -Infinity;
    let ended = false;
    const included: RecordedEvent[] = [];
    // The first warning and breach of each clock recorded after the view's events, keyed `clock` and `clock@threshold`.
    const laterAlerts = new Map<string, RecordedEvent>();
    for await (const page of streamPages(this.store, streamId)) {
      first ??= page[0];
      const end: number = ended ? 0 : page.findIndex(beyond);
      const prefix = ended ? [] : end < 0 ? page : page.slice(0, end);
      loaded = this.cases.fold(loaded, prefix);
      included.push(...prefix.filter((event) => 'asOf' in point && Date.parse(event.recordedAt) > Date.parse(point.asOf) + RECORDING_MS));
      last = prefix[prefix.length - 1] ?? last;
      ended ||= end >= 0;
      for (const event of page.slice(prefix.length)) {
        if (!isClockEventType(event.type) || (event.type !== 'ClockBreached' && event.type !== 'ClockWarned')) continue;
        const { clock, threshold } = event.data as { clock: string; threshold?: number };
        const key = event.type === 'ClockBreached' ? clock : `${clock}@${threshold}`;
        if (!laterAlerts.has(key)) laterAlerts.set(key, event);
      }
      lastRevision = page[page.length - 1]!.revision;
      // Any moment the log already holds, on either axis, has passed: an event entered a moment after it happened says so.
      for (const event of page) latest = Math.max(latest, Date.parse(event.recordedAt), Date.parse(occurredAt(event)));
    }
    let asOf: string;
    if ('asOf' in point) {
      // A moment to come is refused; one a node whose clock runs a little ahead recorded is not.
      const now = this.clock.now();
      if (Date.parse(point.asOf) > Math.max(now.getTime(), latest)) throw AsOfInFuture({ asOf: point.asOf, now: now.toISOString() });
      if (!last) {
        const error = axis === 'recorded' ? CaseNotYetRecorded : CaseNotYetOpened;
        // Named by the reference its opening event carries, as staff know it.
        const named = (first!.metadata as { reference?: string }).reference ?? caseId;
        throw error({ named, asOf: point.asOf, openedAt: axis === 'recorded' ? first!.recordedAt : occurredAt(first!) });
      }
      asOf = point.asOf;
    } else {
      if (loaded.state.revision < point.revision) {
        throw RevisionNotFound({ named: loaded.reference ?? caseId, revision: point.revision, lastRevision: loaded.state.revision });
      }
      asOf = occurredAt(last!);
    }
    const at = Date.parse(asOf);
    // A moment still to come is no evidence that a clock will run out: only due times already past are shown breached.
    const ranOutBy = Math.min(at, this.clock.now().getTime());
    const view = buildCaseView(
      definition,
      loaded.state,
      { caseId, reference: loaded.reference, position: loaded.position, openedAt: loaded.openedAt, updatedAt: loaded.updatedAt },
      { occurredAt: new Date(at).toISOString(), actor },
    );
    const recordedLater = (key: string): DerivedBreach => {
      const recorded = laterAlerts.get(key);
      return { occurredAt: recorded ? occurredAt(recorded) : null, recordedAt: recorded?.recordedAt ?? null };
    };
    // As for breaches, so for the warnings of a running clock: those whose instant had passed are shown given.
    const clocks = view.clocks.map((clock): ClockAsOf => {
      if (clock.status !== 'running') return clock;
      const pending = loaded.state.clocks[clock.clock]?.pendingWarnings ?? [];
      const passed = pending.filter((warning) => Date.parse(warning.at) <= ranOutBy);
      const { nextWarningAt: _next, ...rest } = clock;
      const next = pending[passed.length]?.at;
      const warned: ClockAsOf =
        passed.length === 0
          ? clock
          : {
              ...rest,
              ...(next !== undefined ? { nextWarningAt: next } : {}),
              warnedThresholds: [...clock.warnedThresholds, ...passed.map((warning) => warning.threshold)],
              warningsDerived: passed.map((warning) => ({ threshold: warning.threshold, at: warning.at, ...recordedLater(`${clock.clock}@${warning.threshold}`) })),
            };
      if (Date.parse(clock.dueAt) > ranOutBy) return warned;
      const { nextWarningAt: _none, ...breached } = warned;
      return { ...breached, status: 'breached', breachedAt: clock.dueAt, breachDerived: recordedLater(clock.clock) };
    });
    // As the live view offers them (CaseViews): only the commands this reader could have run on the case as it stood then.
    const readAs = loaded.definition.summarize(loaded.state).readAs;
    const facts = { caseId, workflow: view.workflow, workflowVersion: view.workflowVersion, assignees: view.assignees, ...(readAs !== undefined ? { readAs } : {}) };
    return {
      ...withAllowedCommands(view, this.policy.commandsFor(actor, facts, view.allowedCommands)),
      nextSteps: this.policy.stepsKnownTo(actor, facts, view.nextSteps),
      clocks,
      asOf,
      axis,
      enteredLater: included.map((event) => event.revision),
      lastRevision,
    };
  }

  /** Every event of the case with the case before and after it, oldest first. */
  async *timeline(caseId: string): AsyncGenerator<TimelineStep> {
    const { streamId, definition } = await this.reader.locate(caseId);
    let before = this.cases.fresh(definition, caseId);
    for await (const page of streamPages(this.store, streamId)) {
      for (const event of page) {
        const after = this.cases.fold(before, [event]);
        yield { event, before, after };
        before = after;
      }
    }
  }
}
