import type { StateValue } from 'xstate';
import { clockView, type ClockView } from '../../domain/case-view';
import type { Clocks } from '../../domain/clocks/state';
import { isOpen } from '../../domain/clocks/state';
import { evolveCase, initialCaseState, stateName } from '../../domain/fold';
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

/**
 * Folds one event into a case record: restore, evolve through the machine, summarise. Pure; the
 * same function serves the live runner and rebuilds.
 */
export function foldCaseRecord(previous: CaseRecord | undefined, event: ProjectionEvent): CaseRecord {
  const { definition } = event;
  const before = previous
    ? (previous.folded ?? restoreCase(definition, previous.persisted, previous.revision))
    : initialCaseState(definition);
  const state = evolveCase(definition, before, { type: event.type, data: event.data, meta: { occurredAt: event.metadata.occurredAt, actor: event.metadata.actor } }, event.revision);
  // The record needs the view's facts, not the commands it offers (which cost a machine check per command).
  const summary = definition.summarize(state);
  // A clock event leaves the machine's state as it was, any other event the clocks: what follows from them is the
  // record's before.
  const sameState = previous !== undefined && state.snapshot === before.snapshot;
  const sameClocks = previous !== undefined && state.clocks === before.clocks;
  const view = {
    state: sameState ? previous.state : stateName(state.snapshot),
    status: state.snapshot.status === 'active' ? ('open' as const) : ('closed' as const),
    region: summary.region,
    assignees: summary.assignees,
    details: summary.details,
    clocks: sameClocks ? previous.clocks : clockViews(state.clocks),
    openedAt: previous?.openedAt ?? event.metadata.occurredAt,
    updatedAt: event.metadata.occurredAt,
  };
  // What staff must do next: a clock that is no service standard (a complainant's review window) is not theirs.
  const nextDueAt = sameClocks ? previous.nextDueAt : (view.clocks.filter((c) => isOpen(c) && c.standard !== false).map((c) => c.dueAt).sort()[0] ?? null);
  return {
    caseId: event.caseId,
    reference: previous ? previous.reference : (event.metadata.reference ?? null),
    streamId: event.streamId,
    workflow: definition.name,
    workflowVersion: definition.version,
    ...(summary.readAs !== undefined ? { readAs: summary.readAs } : {}),
    state: view.state,
    status: view.status,
    region: view.region,
    assignees: view.assignees,
    details: view.details,
    clocks: view.clocks,
    nextDueAt,
    revision: event.revision,
    position: event.position,
    openedAt: view.openedAt,
    updatedAt: view.updatedAt,
    persisted: { value: state.snapshot.value, context: state.snapshot.context, clocks: state.clocks },
    folded: state,
  };
}
