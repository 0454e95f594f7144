import { assertEvent, assign, setup, type SnapshotFrom } from 'xstate';
import type { ClockEvent } from '../../domain/clocks/events';
import { acceptClockEvents } from '../../domain/clocks/machine';
import type { MachineEvent } from '../../domain/envelope';
import { DEFAULT_REGION, type RegionCode } from '../../domain/regions';
import type { CohortDelivery, CohortFormat } from './commands';
import type { DefenceCohortEvent } from './events';

/** A representative as guards, `decide` and `summarize` need them: an opaque subject id, never a name. */
export interface RepresentativeFacts {
  readonly id: string;
  readonly status: 'active' | 'withdrawn';
  /** When their joining was recorded: they cannot have left before it. */
  readonly joinedAt: string;
  /** The day they were nominated (a local date): a cohort does not start before its members were nominated. */
  readonly nominatedOn: string;
}

/** Folded from event data. No personal information: representatives appear as subject ids only. */
export interface DefenceCohortContext {
  readonly region: RegionCode;
  readonly format?: CohortFormat;
  readonly delivery?: CohortDelivery;
  /** The two restorative practitioners guiding the cohort now. */
  readonly practitionerIds: readonly string[];
  /** Its size bounds, as recorded when it was formed. */
  readonly minimumRepresentatives: number;
  readonly maximumRepresentatives: number;
  readonly representatives: readonly RepresentativeFacts[];
  readonly startedOn?: string;
  readonly plannedEndOn?: string;
  readonly sessions: Readonly<Record<'learning' | 'reflection' | 'planningForAction', number>>;
  readonly engagementSessions: number;
  /** The Restorative Engagement cases that took part in an engagement session, each once. */
  readonly engagementCaseIds: readonly string[];
  readonly committedIds: readonly string[];
}

export type DefenceCohortMachineEvent = (DefenceCohortEvent | ClockEvent) & { readonly meta: MachineEvent['meta'] };

export const activeRepresentatives = (context: DefenceCohortContext): string[] =>
  context.representatives.filter((r) => r.status === 'active').map((r) => r.id);

const initialContext: DefenceCohortContext = {
  region: DEFAULT_REGION,
  practitionerIds: [],
  minimumRepresentatives: 0,
  maximumRepresentatives: 0,
  representatives: [],
  sessions: { learning: 0, reflection: 0, planningForAction: 0 },
  engagementSessions: 0,
  engagementCaseIds: [],
  committedIds: [],
};

/**
 * A cohort of Defence representatives (seed 000): formed with its representatives and two
 * practitioners -> started (planned end recorded) -> sessions and engagement sessions -> completed
 * with each representative's commitments. Representatives join before the start and leave at any
 * time; a supervisor may disband the cohort.
 */
export const defenceCohortMachine = setup({
  types: {
    context: {} as DefenceCohortContext,
    events: {} as DefenceCohortMachineEvent,
  },
  actions: {
    recordFormation: assign(({ event }) => {
      assertEvent(event, 'CohortFormed');
      const { region, format, delivery, practitionerIds, minimumRepresentatives, maximumRepresentatives } = event.data;
      return { region, format, delivery, practitionerIds, minimumRepresentatives, maximumRepresentatives };
    }),
    recordJoin: assign(({ context, event }) => {
      assertEvent(event, 'RepresentativeJoined');
      const { subjectId: id, nominatedOn } = event.data.representative;
      const joined = { id, status: 'active' as const, joinedAt: event.data.joinedAt, nominatedOn };
      return { representatives: [...context.representatives, joined] };
    }),
    recordWithdrawal: assign(({ context, event }) => {
      assertEvent(event, 'RepresentativeWithdrawn');
      const id = event.data.representativeId;
      return { representatives: context.representatives.map((r) => (r.id === id ? { ...r, status: 'withdrawn' as const } : r)) };
    }),
    recordReplacement: assign(({ context, event }) => {
      assertEvent(event, 'PractitionerReplaced');
      const { previousPractitionerId, practitionerId } = event.data;
      return { practitionerIds: context.practitionerIds.map((p) => (p === previousPractitionerId ? practitionerId : p)) };
    }),
    recordStart: assign(({ event }) => {
      assertEvent(event, 'CohortStarted');
      return { startedOn: event.data.startedOn, plannedEndOn: event.data.plannedEndOn };
    }),
    recordSession: assign(({ context, event }) => {
      assertEvent(event, 'CohortSessionHeld');
      return { sessions: { ...context.sessions, [event.data.kind]: context.sessions[event.data.kind] + 1 } };
    }),
    recordEngagementSession: assign(({ context, event }) => {
      assertEvent(event, 'EngagementSessionHeld');
      return {
        engagementSessions: context.engagementSessions + 1,
        engagementCaseIds: [...new Set([...context.engagementCaseIds, ...event.data.engagementCaseIds])],
      };
    }),
    recordCommitments: assign(({ context, event }) => {
      assertEvent(event, 'RepresentativeCommitted');
      return { committedIds: [...context.committedIds, event.data.representativeId] };
    }),
  },
}).createMachine({
  id: 'defenceCohort',
  context: initialContext,
  initial: 'new',
  on: { ...acceptClockEvents },
  states: {
    new: {
      on: { CohortFormed: { target: 'forming', actions: 'recordFormation' } },
    },
    /** Representatives join and leave; the cohort has not met yet. */
    forming: {
      on: {
        RepresentativeJoined: { actions: 'recordJoin' },
        RepresentativeWithdrawn: { actions: 'recordWithdrawal' },
        CohortBelowMinimum: { actions: () => undefined },
        PractitionerReplaced: { actions: 'recordReplacement' },
        CohortStarted: { target: 'running', actions: 'recordStart' },
        CohortDisbanded: { target: 'disbanded' },
      },
    },
    /** The cohort meets: sessions, and engagement sessions with class members. */
    running: {
      on: {
        RepresentativeWithdrawn: { actions: 'recordWithdrawal' },
        CohortBelowMinimum: { actions: () => undefined },
        PractitionerReplaced: { actions: 'recordReplacement' },
        CohortSessionHeld: { actions: 'recordSession' },
        EngagementSessionHeld: { actions: 'recordEngagementSession' },
        RepresentativeCommitted: { actions: 'recordCommitments' },
        CohortCompleted: { target: 'completed' },
        CohortDisbanded: { target: 'disbanded' },
      },
    },
    completed: { type: 'final' },
    disbanded: { type: 'final' },
  },
});

export type DefenceCohortSnapshot = SnapshotFrom<typeof defenceCohortMachine>;
