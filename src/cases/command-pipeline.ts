import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import type { CalendarProvider } from '../../domain/calendar/types';
import { CLOCK_EVENT_TYPES, type ClockEventType } from '../../domain/clocks';
import { workflowFacts, type DecideContext, type WorkflowFacts } from '../../domain/decide-context';
import type { EventMetadata, NewEvent } from '../../domain/envelope';
import { CaseBusy, RevisionConflict, RevisionNotReached } from '../../domain/errors';
import type { Decision } from '../../domain/process';
import type { Actor } from '../../domain/roles';
import type { MendSettings } from '../../domain/settings';
import type { AnyWorkflowDefinition } from '../../domain/workflow';
import { CLOCK, type Clock } from '../clock/clock';
import { DuplicateEventIdError } from '../event-store/event-store';
import { MendMetrics } from '../metrics/mend-metrics';
import type { KeyStore } from '../privacy/key-store';
import { KEY_STORE } from '../privacy/personal-data.codec';
import { SLA_SCHEDULER_ACTOR } from '../sla/due-clocks';
import { CALENDARS, SETTINGS } from '../workflows/tokens';
import { WorkflowRegistry } from '../workflows/workflow-registry';
import { CaseRepository, type LoadedCase } from './case-repository';
import { createdIds, type CreatedId } from './created-ids';

/**
 * What is decided on a case: a workflow command a person sends over HTTP, or the warnings and
 * breaches the SLA scheduler records. Both run through the one pipeline below.
 */
export interface CaseStep {
  /** Throws (403) when the actor may not take this step on this case. */
  authorize(loaded: LoadedCase, actor: Actor): void;
  /** Pure: the events to record, each accepted by the machine, and the case after them (none: nothing to record). */
  decide(loaded: LoadedCase, ctx: DecideContext): Decision;
  /** Checks the decision against what the case does not hold (the staff directory); throws to record nothing. */
  check?(loaded: LoadedCase, decision: Decision): Promise<void>;
  /** Whether the decision reads which of the case's people were erased (`DecideContext.erased`): their keys are then read first. */
  readsErasures?(loaded: LoadedCase): boolean;
  /**
   * Deterministic ids for the decided events, so that any number of writers deciding the same
   * events store them once. Fresh UUIDv7s when absent.
   */
  eventIds?(loaded: LoadedCase, events: readonly NewEvent[]): readonly string[];
}

export interface CaseRequest {
  readonly caseId: string;
  /** Set to open a new case of this workflow; otherwise the case must exist. */
  readonly open?: AnyWorkflowDefinition;
  readonly actor: Actor;
  /**
   * From `If-Match`: the revision the client saw. A mismatch is a conflict, unless everything
   * recorded since is the SLA scheduler's clock events (see `onlyScheduledSince`).
   */
  readonly expectedRevision?: number;
  readonly correlationId: string;
  readonly causationId: string;
}

export interface CommandOutcome {
  /** The case after the step. */
  readonly loaded: LoadedCase;
  /** The events the step decided at its last attempt. */
  readonly decided: readonly NewEvent[];
  /**
   * How many of them this call stored: all of them, or none when another writer had stored them
   * under the same deterministic ids first.
   */
  readonly appended: number;
  /** The ids the decision minted (`ctx.newId`) for what it created, each with where it is recorded. */
  readonly created: readonly CreatedId[];
}

/**
 * How often a step is decided when another writer moved the case in between: each conflict
 * reloads the case and decides again on the fresh state, unless the case is being opened. With
 * If-Match, only while what was recorded since that revision is the scheduler's clock events.
 */
export const COMMAND_ATTEMPTS = 5;

/**
 * Waits after attempt `attempt` lost to another writer, before the case is reloaded for the next.
 * Without a pause, writers that collided reloaded in step and collided again, each round letting
 * one through: of 20 concurrent writers on one case, 15 were refused CASE.BUSY, of 50, 45.
 */
export type ConflictPause = (attempt: number) => Promise<void>;

/**
 * The longest pause after attempt `attempt`: 25, 50, 100, 200 ms, so a step that loses every
 * attempt waits at most 375 ms in all, and one that loses once 12 ms on average. Writers reload at
 * different times only if the window is as long as their queue takes to clear (about 1 ms a
 * command on one node): with 5, 10, 20, 40 ms, about a third of 20 writers and three quarters of
 * 50 were still refused.
 */
export const pauseBound = (attempt: number): number => Math.min(25 * 2 ** (attempt - 1), 200);

/** A random pause up to `pauseBound` ("full jitter"): writers that collided come back at different times. */
export const jitteredPause: ConflictPause = (attempt) => new Promise((resolve) => setTimeout(resolve, Math.random() * pauseBound(attempt)));

/**
 * How many events since an If-Match revision are looked at to tell whether they are all the
 * scheduler's: a case gets at most a few warnings and a breach per clock, so more than this is
 * someone else's work, answered 409 without reading further.
 */
const SCHEDULED_GAP_LIMIT = 50;

/**
 * The one decision pipeline (DESIGN.md §2): load and fold the case, authorize, decide purely, check
 * every new event against the machine (in the step's decision), append with the expected revision
 * through the chained-stream writer; on a conflict, the one retry policy above, after a pause.
 */
@Injectable()
export class CommandPipeline {
  /** The pause after a lost attempt (a test replaces it to count the pauses without waiting). */
  private readonly pause: ConflictPause = jitteredPause;

  constructor(
    private readonly cases: CaseRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CALENDARS) private readonly calendars: CalendarProvider,
    @Inject(SETTINGS) private readonly settings: MendSettings,
    registry: WorkflowRegistry,
    private readonly metrics: MendMetrics,
    @Inject(KEY_STORE) private readonly keys: KeyStore,
  ) {
    this.workflows = workflowFacts(registry.latest());
  }

  private readonly workflows: readonly WorkflowFacts[];

  async run(request: CaseRequest, step: CaseStep): Promise<CommandOutcome> {
    const attempts = request.open ? 1 : COMMAND_ATTEMPTS;
    for (let attempt = 1; ; attempt++) {
      const loaded = request.open ? this.cases.fresh(request.open, request.caseId) : await this.cases.load(request.caseId);
      step.authorize(loaded, request.actor);
      if (request.expectedRevision !== undefined && !(await this.onlyScheduledSince(loaded, request.expectedRevision))) {
        this.metrics.staleIfMatch.inc();
        if (request.expectedRevision > loaded.state.revision) {
          throw RevisionNotReached(
            { expected: request.expectedRevision, actual: loaded.state.revision },
            { expectedRevision: request.expectedRevision, actualRevision: loaded.state.revision },
          );
        }
        throw RevisionConflict(
          { expected: String(request.expectedRevision), actual: String(loaded.state.revision) },
          { expectedRevision: request.expectedRevision, actualRevision: loaded.state.revision },
        );
      }
      // The ids this attempt mints: returned to the caller, who has no other way to name what it created.
      const minted: string[] = [];
      const newId = () => {
        const id = uuidv7();
        minted.push(id);
        return id;
      };
      const erased = step.readsErasures?.(loaded) ? await this.erasedPeople(loaded) : undefined;
      const ctx: DecideContext = {
        now: this.clock.now(),
        actor: request.actor,
        newId,
        calendars: this.calendars,
        settings: this.settings,
        workflows: this.workflows,
        ...(erased ? { erased } : {}),
      };
      const decision = step.decide(loaded, ctx);
      await step.check?.(loaded, decision);
      try {
        const appended = await this.cases.append(loaded, decision.events, decision.state, ctx, {
          correlationId: request.correlationId,
          causationId: request.causationId,
          ...(step.eventIds ? { eventIds: step.eventIds(loaded, decision.events) } : {}),
        });
        return { loaded: appended.loaded, decided: decision.events, appended: appended.written, created: createdIds(decision.events, minted) };
      } catch (error) {
        // A duplicate id: deterministic ids stored in part by a writer that decided fewer events; the fresh state shows them.
        const retryable = RevisionConflict.is(error) || error instanceof DuplicateEventIdError;
        if (attempt < attempts && retryable) {
          await this.pause(attempt);
          continue;
        }
        // Without If-Match the revision the store names is this pipeline's own last reload, not one the client read.
        if (retryable && !request.open && request.expectedRevision === undefined) throw CaseBusy({ attempts });
        throw error;
      }
    }
  }

  /** The people of the case whose key is gone: erased (a person's key is made when the case first records them). */
  private async erasedPeople(loaded: LoadedCase): Promise<ReadonlySet<string>> {
    const people = Object.keys(loaded.state.people ?? {});
    const kept = await this.keys.keys(people);
    return new Set(people.filter((subjectId) => !kept.has(subjectId)));
  }

  /**
   * Whether the case at `loaded` is the one the client saw at `expected`, but for warnings and
   * breaches the SLA scheduler recorded since: those change no decision a person made, so the
   * command is decided on the fresh state rather than refused as a conflict the person could only
   * resolve by sending the same thing again. Anything else recorded since (by a person, or a
   * revision the case has not reached) is a conflict.
   */
  private async onlyScheduledSince(loaded: LoadedCase, expected: number): Promise<boolean> {
    const actual = loaded.state.revision;
    if (expected === actual) return true;
    if (expected > actual || expected < 0 || actual - expected > SCHEDULED_GAP_LIMIT) return false;
    const since = await this.cases.eventsBetween(loaded, expected + 1, actual);
    return (
      since.length === actual - expected &&
      since.every((event) => {
        const { actor } = event.metadata as unknown as EventMetadata;
        return CLOCK_EVENT_TYPES.includes(event.type as ClockEventType) && actor.id === SLA_SCHEDULER_ACTOR.id && actor.role === SLA_SCHEDULER_ACTOR.role;
      })
    );
  }
}
