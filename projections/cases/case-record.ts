import type { StateValue } from 'xstate';
import { canonicalJson, canonicalJsonWith } from '../../domain/canonical-json';
import { clockView, type ClockView } from '../../domain/case-view';
import type { Clocks } from '../../domain/clocks/state';
import { isOpen } from '../../domain/clocks/state';
import { caseStatus, evolveCase, initialCaseState, stateName } from '../../domain/fold';
import type { RegionCode } from '../../domain/regions';
import type { CaseState, AnyWorkflowDefinition } from '../../domain/workflow';
import type { ProjectionEvent } from '../projection';

/** What a case projection remembers of a case between events, so it never replays a stream. */
export interface PersistedCase {
  readonly value: StateValue;
  readonly context: unknown;
  readonly clocks: Clocks;
}

/** A case as the read model holds it: the view of the case plus the folded state to continue from. */
export interface CaseRecord {
  readonly caseId: string;
  /** The human reference the opening event carries; null for cases opened before references. */
  readonly reference: string | null;
  readonly streamId: string;
  readonly workflow: string;
  readonly workflowVersion: number;
  /** The workflow whose read scope applies, when not its own (a complaint about an RO case reads as an RO case). */
  readonly readAs?: string;
  readonly state: string;
  readonly status: 'open' | 'closed';
  readonly region: RegionCode;
  readonly assignees: readonly string[];
  readonly details: Readonly<Record<string, string | number | boolean | null>>;
  readonly clocks: readonly ClockView[];
  /** Due time of the earliest open clock, for "what is due next" lists. */
  readonly nextDueAt: string | null;
  readonly revision: number;
  readonly position: number;
  readonly openedAt: string;
  readonly updatedAt: string;
  readonly persisted: PersistedCase;
  /**
   * The folded state `persisted` was written from, while the record stays in memory (a projector's
   * row cache): the next event continues from it without restoring the machine. Never stored.
   */
  readonly folded?: CaseState;
}

/**
 * The clocks of a case in the order they started (then by key): the same whether the state was
 * folded in memory or read back from a row.
 */
function clockViews(clocks: Clocks): ClockView[] {
  return Object.values(clocks)
    .map((clock) => ({ view: clockView(clock), started: Date.parse(clock.startedAt) }))
    .sort((a, b) => a.started - b.started || (a.view.clock < b.view.clock ? -1 : a.view.clock > b.view.clock ? 1 : 0))
    .map(({ view }) => view);
}

/** Restores the folded state of a case from what the read model persisted. */
export function restoreCase(definition: AnyWorkflowDefinition, persisted: PersistedCase, revision: number): CaseState {
  const snapshot = definition.machine.resolveState({ value: persisted.value, context: persisted.context as never });
  return { snapshot, clocks: persisted.clocks, revision };
}

/** What a case record shows of its folded state: its view, worked out from the machine and the clocks. */
interface RecordView {
  readonly state: string;
  readonly status: 'open' | 'closed';
  readonly region: RegionCode;
  readonly assignees: readonly string[];
  readonly details: CaseRecord['details'];
  readonly readAs?: string;
  readonly clocks: readonly ClockView[];
  readonly nextDueAt: string | null;
}

/**
 * The last view worked out, with the machine snapshot and clocks it came from: an event that left
 * one of them as it was (a clock event leaves the machine's state, any other the clocks) reuses what
 * followed from it.
 */
interface ViewSource {
  readonly snapshot: CaseState['snapshot'];
  readonly clockStates: Clocks;
  readonly state: string;
  readonly clocks: readonly ClockView[];
  readonly nextDueAt: string | null;
}

function viewOf(definition: AnyWorkflowDefinition, folded: CaseState, source: ViewSource | undefined): RecordView {
  // The record needs the view's facts, not the commands it offers (which cost a machine check per command).
  const summary = definition.summarize(folded);
  const sameState = source !== undefined && folded.snapshot === source.snapshot;
  const sameClocks = source !== undefined && folded.clocks === source.clockStates;
  const clocks = sameClocks ? source.clocks : clockViews(folded.clocks);
  return {
    state: sameState ? source.state : stateName(folded.snapshot),
    status: caseStatus(folded.snapshot),
    region: summary.region,
    assignees: summary.assignees,
    details: summary.details,
    ...(summary.readAs !== undefined ? { readAs: summary.readAs } : {}),
    clocks,
    // What staff must do next: a clock that is no service standard (a complainant's review window) is not theirs.
    nextDueAt: sameClocks ? source.nextDueAt : (clocks.filter((c) => isOpen(c) && c.standard !== false).map((c) => c.dueAt).sort()[0] ?? null),
  };
}

/**
 * A case record folded in memory, whose view (state name, summary, clock views) is worked out when
 * first read rather than after every event: a row cache writes a case once per transaction however
 * many of its events the transaction folded, so only the view of the last one is ever read.
 */
class FoldedCaseRecord implements CaseRecord {
  private view?: RecordView;
  private persistedState?: PersistedCase;
  private json?: CaseRecordJson;

  constructor(
    private readonly definition: AnyWorkflowDefinition,
    readonly caseId: string,
    readonly reference: string | null,
    readonly streamId: string,
    readonly revision: number,
    readonly position: number,
    readonly openedAt: string,
    readonly updatedAt: string,
    readonly folded: CaseState,
    /** The view last worked out along this case's folds (undefined for a new case); let go once this record's own is. */
    private inherited: ViewSource | undefined,
  ) {}

  get workflow(): string {
    return this.definition.name;
  }
  get workflowVersion(): number {
    return this.definition.version;
  }
  get readAs(): string | undefined {
    return this.worked().readAs;
  }
  get state(): string {
    return this.worked().state;
  }
  get status(): 'open' | 'closed' {
    return this.worked().status;
  }
  get region(): RegionCode {
    return this.worked().region;
  }
  get assignees(): readonly string[] {
    return this.worked().assignees;
  }
  get details(): CaseRecord['details'] {
    return this.worked().details;
  }
  get clocks(): readonly ClockView[] {
    return this.worked().clocks;
  }
  get nextDueAt(): string | null {
    return this.worked().nextDueAt;
  }
  get persisted(): PersistedCase {
    this.persistedState ??= { value: this.folded.snapshot.value, context: this.folded.snapshot.context, clocks: this.folded.clocks };
    return this.persistedState;
  }

  /** Its JSON members as rows store them, written once for every row that stores them (the cases list and the board). */
  written(): CaseRecordJson {
    this.json ??= writeCaseRecordJson(this);
    return this.json;
  }

  /** The view to reuse from for the record of the next event. */
  source(): ViewSource | undefined {
    const view = this.view;
    if (!view) return this.inherited;
    return { snapshot: this.folded.snapshot, clockStates: this.folded.clocks, state: view.state, clocks: view.clocks, nextDueAt: view.nextDueAt };
  }

  private worked(): RecordView {
    if (!this.view) {
      this.view = viewOf(this.definition, this.folded, this.inherited);
      this.inherited = undefined;
    }
    return this.view;
  }
}

/**
 * Folds one event into a case record: restore (unless the record holds its folded state), evolve
 * through the machine. Pure; the same function serves the live runner and rebuilds. The record's
 * view is worked out when first read (see FoldedCaseRecord); `plainCaseRecord` gives it whole.
 */
export function foldCaseRecord(previous: CaseRecord | undefined, event: ProjectionEvent): CaseRecord {
  const { definition } = event;
  let before: CaseState;
  let source: ViewSource | undefined;
  if (previous instanceof FoldedCaseRecord) {
    before = previous.folded;
    source = previous.source();
  } else if (previous) {
    before = previous.folded ?? restoreCase(definition, previous.persisted, previous.revision);
    source = { snapshot: before.snapshot, clockStates: before.clocks, state: previous.state, clocks: previous.clocks, nextDueAt: previous.nextDueAt };
  } else {
    before = initialCaseState(definition);
  }
  const state = evolveCase(definition, before, { type: event.type, data: event.data, meta: { occurredAt: event.metadata.occurredAt, actor: event.metadata.actor } }, event.revision);
  return new FoldedCaseRecord(
    definition,
    event.caseId,
    previous ? previous.reference : (event.metadata.reference ?? null),
    event.streamId,
    event.revision,
    event.position,
    previous?.openedAt ?? event.metadata.occurredAt,
    event.metadata.occurredAt,
    state,
    source,
  );
}

/** A case record as a plain object, without its folded state: what a row stores of it. */
export function plainCaseRecord(record: CaseRecord): Omit<CaseRecord, 'folded'> {
  return {
    caseId: record.caseId,
    reference: record.reference,
    streamId: record.streamId,
    workflow: record.workflow,
    workflowVersion: record.workflowVersion,
    ...(record.readAs !== undefined ? { readAs: record.readAs } : {}),
    state: record.state,
    status: record.status,
    region: record.region,
    assignees: record.assignees,
    details: record.details,
    clocks: record.clocks,
    nextDueAt: record.nextDueAt,
    revision: record.revision,
    position: record.position,
    openedAt: record.openedAt,
    updatedAt: record.updatedAt,
    persisted: record.persisted,
  };
}

/** The members of a case record that rows store as JSON, written as canonical JSON. */
export interface CaseRecordJson {
  readonly details: string;
  readonly clocks: string;
  readonly persisted: string;
}

function writeCaseRecordJson(record: CaseRecord): CaseRecordJson {
  return { details: canonicalJson(record.details), clocks: canonicalJson(record.clocks), persisted: canonicalJson(record.persisted) };
}

/**
 * The JSON members of a case record, as canonical JSON (keys sorted): a state folded in memory and
 * the same state read back from a row serialise alike, whatever order their keys were written in.
 * A record folded in memory writes them once, however many rows store them.
 */
export function caseRecordJson(record: CaseRecord): CaseRecordJson {
  return record instanceof FoldedCaseRecord ? record.written() : writeCaseRecordJson(record);
}

/** The canonical JSON of a whole case record, without its folded state. */
export function storedCaseRecordJson(record: CaseRecord): string {
  const { details: _details, clocks: _clocks, persisted: _persisted, ...rest } = plainCaseRecord(record);
  return canonicalJsonWith(rest, { ...caseRecordJson(record) });
}

