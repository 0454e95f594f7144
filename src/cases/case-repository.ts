import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { referenceYear } from '../../domain/case-reference';
import type { DecideContext } from '../../domain/decide-context';
import { SCHEMA_VERSION, type EventMetadata, type MachineEvent, type NewEvent } from '../../domain/envelope';
import { CaseAlreadyExists, CaseNotFound, RevisionConflict } from '../../domain/errors';
import { evolveCase, initialCaseState } from '../../domain/fold';
import type { AnyWorkflowDefinition, CaseState } from '../../domain/workflow';
import { ChainedStreamWriter, EMPTY_CHAIN } from '../event-store/chained-stream-writer';
import {
  EVENT_STORE,
  StreamNotFoundError,
  WrongExpectedRevisionError,
  type EventStore,
  type EventToAppend,
  type RecordedEvent,
} from '../event-store/event-store';
import { MendMetrics } from '../metrics/mend-metrics';
import { PersonalDataCodec } from '../privacy/personal-data.codec';
import { WorkflowRegistry } from '../workflows/workflow-registry';
import type { CaseAccessFacts } from '../security/policy.service';
import { CaseReferences } from './case-references';

/** A case folded from its stream, with what the next append needs. */
export interface LoadedCase {
  readonly caseId: string;
  readonly streamId: string;
  readonly definition: AnyWorkflowDefinition;
  readonly state: CaseState;
  /** Hash of the last event, the next event's `prevHash`. */
  readonly lastHash: string;
  /** Position of the last event; 0 before the first. */
  readonly position: number;
  readonly openedAt: string;
  readonly updatedAt: string;
  /** The human reference its opening event carries (`CMP-2026-00042`); null for cases opened before references. */
  readonly reference: string | null;
}

export interface AppendOptions {
  readonly correlationId: string;
  readonly causationId: string;
  /**
   * Event ids to use instead of fresh UUIDv7s: deterministic ids, which another writer may have
   * stored first (then the store keeps its events and this append writes none).
   */
  readonly eventIds?: readonly string[];
}

/** A case after an append. */
export interface AppendedCase {
  readonly loaded: LoadedCase;
  /** How many of the events this append stored: fewer only when chosen ids were stored by another writer first. */
  readonly written: number;
}

const CACHE_LIMIT = 10_000;

/** What authorisation needs to know of a loaded case. */
export function accessFacts(loaded: LoadedCase): CaseAccessFacts {
  const summary = loaded.definition.summarize(loaded.state);
  return {
    caseId: loaded.caseId,
    reference: loaded.reference,
    workflow: loaded.definition.name,
    workflowVersion: loaded.definition.version,
    assignees: summary.assignees,
    ...(summary.readAs !== undefined ? { readAs: summary.readAs } : {}),
  };
}

export const streamIdOf = (definition: AnyWorkflowDefinition, caseId: string) => `${definition.category}-${caseId}`;

/**
 * The category of the streams that reserve case ids. A case's stream is named after its workflow
 * (`complaint-<id>`), so nothing in the names stops two workflows from holding streams under one
 * id. Before a case's first event is appended, its id is reserved by appending one event to
 * `caseid-<id>` with the expected revision "no stream": every store (SQLite, PostgreSQL, KurrentDB)
 * already guarantees that exactly one of two concurrent appends with that expectation succeeds, so
 * the reservation is race-free without any store-specific index, and an id belongs to one case
 * whatever its workflow. No workflow may use this category.
 */
export const CASE_ID_CATEGORY = 'caseid';
export const CASE_ID_RESERVED = 'CaseIdReserved';
const reservationStreamOf = (caseId: string) => `${CASE_ID_CATEGORY}-${caseId}`;

/** Turns a stored event into what the machine folds. */
export function toMachineEvent(event: RecordedEvent): MachineEvent {
  const metadata = event.metadata as unknown as EventMetadata;
  return { type: event.type, data: event.data, meta: { occurredAt: metadata.occurredAt, actor: metadata.actor } };
}

/**
 * Loads cases from their streams and appends their new events. Folded cases are cached by stream,
 * and a load reads only the events after the cached revision, so a case is never replayed whole
 * twice and is never stale.
 */
@Injectable()
export class CaseRepository {
  private readonly cache = new Map<string, LoadedCase>();
  private readonly categoryOf = new Map<string, AnyWorkflowDefinition>();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly writer: ChainedStreamWriter,
    private readonly registry: WorkflowRegistry,
    private readonly codec: PersonalDataCodec,
    private readonly metrics: MendMetrics,
    private readonly references: CaseReferences,
  ) {}

  /** A case that does not exist yet, to be opened with `definition`. */
  fresh(definition: AnyWorkflowDefinition, caseId: string): LoadedCase {
    return {
      caseId,
      streamId: streamIdOf(definition, caseId),
      definition,
      state: initialCaseState(definition),
      lastHash: EMPTY_CHAIN.hash,
      position: 0,
      openedAt: '',
      updatedAt: '',
      reference: null,
    };
  }

  /** Which workflow's stream holds this case, or undefined. */
  async locate(caseId: string): Promise<AnyWorkflowDefinition | undefined> {
    const known = this.categoryOf.get(caseId);
    if (known) return known;
    for (const definition of this.registry.latest()) {
      try {
        const [first] = await this.store.readStream(streamIdOf(definition, caseId), { maxCount: 1 });
        if (!first) continue;
        const metadata = first.metadata as unknown as EventMetadata;
        const opened = this.registry.version(metadata.workflow, metadata.workflowVersion);
        this.categoryOf.set(caseId, opened);
        return opened;
      } catch (error) {
        if (!(error instanceof StreamNotFoundError)) throw error;
      }
    }
    return undefined;
  }

  /** The case folded to its latest event; CASE.NOT_FOUND if it does not exist. */
  async load(caseId: string): Promise<LoadedCase> {
    const definition = await this.locate(caseId);
    if (!definition) throw CaseNotFound({ caseId });
    const streamId = streamIdOf(definition, caseId);
    const cached = this.cache.get(streamId);
    const events = await this.store.readStream(streamId, { fromRevision: cached ? cached.state.revision + 1 : 0 });
    const loaded = this.fold(cached ?? this.fresh(definition, caseId), events);
    this.remember(loaded);
    return loaded;
  }

  /**
   * The revision of the case as this process last loaded or wrote it, without reading the store;
   * undefined when it holds none. A read model row older than this misses a write made here.
   */
  knownRevision(caseId: string): number | undefined {
    const definition = this.categoryOf.get(caseId);
    return definition ? this.cache.get(streamIdOf(definition, caseId))?.state.revision : undefined;
  }

  /** The stored events of the case from revision `from` to `to`, both included, as stored (sealed). */
  async eventsBetween(loaded: LoadedCase, from: number, to: number): Promise<RecordedEvent[]> {
    if (to < from) return [];
    const events = await this.store.readStream(loaded.streamId, { fromRevision: from, maxCount: to - from + 1 });
    return events.filter((event) => event.revision <= to);
  }

  /** The case as it stood after a prefix of its history, without touching the cache. */
  fold(start: LoadedCase, events: readonly RecordedEvent[]): LoadedCase {
    let { state, lastHash, position, openedAt, updatedAt, reference } = start;
    for (const event of events) {
      state = evolveCase(start.definition, state, toMachineEvent(event), event.revision);
      const metadata = event.metadata as unknown as EventMetadata;
      lastHash = metadata.hash ?? lastHash;
      position = event.position;
      openedAt ||= metadata.occurredAt;
      updatedAt = metadata.occurredAt;
      reference ??= metadata.reference ?? null;
    }
    return { ...start, state, lastHash, position, openedAt, updatedAt, reference };
  }

  /**
   * Appends the events of a decision after the case's last event, through the chained-stream
   * writer (expected revision and hash chain). WRONG_EXPECTED_REVISION surfaces as
   * CASE.REVISION_CONFLICT (or CASE.ALREADY_EXISTS for an opening command).
   */
  async append(
    loaded: LoadedCase,
    events: readonly NewEvent[],
    next: CaseState,
    ctx: DecideContext,
    options: AppendOptions,
  ): Promise<AppendedCase> {
    if (events.length === 0) return { loaded, written: 0 };
    const occurredAt = ctx.now.toISOString();
    // Written on every event, so that read models, history and audit views apply the case's read scope without folding it.
    const summary = loaded.definition.summarize(next);
    const readAs = summary.readAs;
    const metadata: Omit<EventMetadata, 'prevHash' | 'hash'> = {
      actor: ctx.actor,
      correlationId: options.correlationId,
      causationId: options.causationId,
      occurredAt,
      workflow: loaded.definition.name,
      workflowVersion: loaded.definition.version,
      ...(readAs !== undefined ? { readAs } : {}),
      schemaVersion: SCHEMA_VERSION,
    };
    const sealed = await Promise.all(events.map((event) => this.codec.seal(loaded.definition, event.type, event.data)));
    const tail = { revision: loaded.state.revision, hash: loaded.lastHash };
    let reference = loaded.reference;
    if (tail.revision < 0) {
      await this.reserve(loaded, ctx, options);
      reference = await this.references.reserve({
        prefix: this.referenceSeries(loaded.definition, readAs),
        year: referenceYear(ctx.now, summary.region),
        caseId: loaded.caseId,
        workflow: loaded.definition.name,
        actor: ctx.actor,
        occurredAt,
        correlationId: options.correlationId,
        causationId: options.causationId,
      });
    }
    const toAppend: EventToAppend[] = events.map((event, i) => ({
      id: options.eventIds?.[i] ?? uuidv7(),
      type: event.type,
      data: sealed[i],
      // The opening event names the case's reference: the one place it is written.
      metadata: i === 0 && tail.revision < 0 && reference ? { ...metadata, reference } : metadata,
    }));
    try {
      const result = await this.metrics.observeAppend(
        this.writer.append(loaded.streamId, tail, toAppend, { idsMayBeStored: options.eventIds !== undefined }),
      );
      this.categoryOf.set(loaded.caseId, loaded.definition);
      if (result.written < events.length) {
        // Another writer stored these ids first (a scheduler beside this one): the store kept its events, not these.
        this.cache.delete(loaded.streamId);
        return { loaded: await this.load(loaded.caseId), written: result.written };
      }
      const appended: LoadedCase = {
        ...loaded,
        state: next,
        lastHash: result.tail.hash,
        position: result.position,
        openedAt: loaded.openedAt || occurredAt,
        updatedAt: occurredAt,
        reference,
      };
      this.remember(appended);
      return { loaded: appended, written: result.written };
    } catch (error) {
      if (error instanceof WrongExpectedRevisionError) {
        if (tail.revision < 0) throw CaseAlreadyExists({ caseId: loaded.caseId });
        throw RevisionConflict(
          { expected: String(loaded.state.revision), actual: String(error.actual) },
          { expectedRevision: loaded.state.revision, actualRevision: error.actual },
        );
      }
      throw error;
    }
  }

  /**
   * The series a new case is numbered in: its workflow's prefix, and for a case read as another
   * workflow's, that workflow's too (`CMP-RE-2026-00001`, a complaint about the Restorative
   * Engagement program). Numbered among the rest, the gaps in the numbers a role sees would count
   * the cases hidden from it (complaints about RO cases).
   */
  private referenceSeries(definition: AnyWorkflowDefinition, readAs: string | undefined): string {
    const readAsDefinition = readAs === undefined || readAs === definition.name ? undefined : this.registry.find(readAs);
    return readAsDefinition ? `${definition.referencePrefix}-${readAsDefinition.referencePrefix}` : definition.referencePrefix;
  }

  /**
   * Reserves the case's id for its workflow before the first event is appended, or throws
   * CASE.ALREADY_EXISTS — the same answer whichever workflow holds the id and whether the caller
   * may see that case, so the answer tells nothing of it. A reservation left by an open that failed
   * after it (a crash, a store error) holds the id for the same workflow: retrying the open works.
   */
  private async reserve(loaded: LoadedCase, ctx: DecideContext, options: AppendOptions): Promise<void> {
    const taken = () => CaseAlreadyExists({ caseId: loaded.caseId });
    let holder = await this.reservationOf(loaded.caseId);
    if (holder === undefined) {
      // Cases opened before ids were reserved have no reservation: look for their streams.
      if (await this.locate(loaded.caseId)) throw taken();
      const data = { caseId: loaded.caseId, workflow: loaded.definition.name };
      const metadata = {
        actor: ctx.actor,
        correlationId: options.correlationId,
        causationId: options.causationId,
        occurredAt: ctx.now.toISOString(),
        schemaVersion: SCHEMA_VERSION,
      };
      try {
        await this.writer.append(reservationStreamOf(loaded.caseId), EMPTY_CHAIN, [{ id: uuidv7(), type: CASE_ID_RESERVED, data, metadata }]);
        return;
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        holder = await this.reservationOf(loaded.caseId);
      }
    }
    if (holder !== loaded.definition.name) throw taken();
    // Held for this workflow: by an open that failed after reserving (a retry may go on), or by a case that exists.
    // Checked before a reference is reserved for it, so that refused opens use up no reference.
    if (await this.locate(loaded.caseId)) throw taken();
  }

  /** The workflow the case id is reserved for, or undefined. */
  private async reservationOf(caseId: string): Promise<string | undefined> {
    try {
      const [first] = await this.store.readStream(reservationStreamOf(caseId), { maxCount: 1 });
      return first ? String((first.data as { workflow?: unknown }).workflow) : undefined;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
  }

  private remember(loaded: LoadedCase): void {
    this.cache.delete(loaded.streamId);
    this.cache.set(loaded.streamId, loaded);
    if (this.cache.size > CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
  }
}
