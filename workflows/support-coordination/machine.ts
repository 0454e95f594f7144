import { assertEvent, assign, setup } from 'xstate';
import { acceptClockEvents } from '../../domain/clocks/machine';
import type { ClockEvent } from '../../domain/clocks/events';
import type { MachineEvent } from '../../domain/envelope';
import { DEFAULT_REGION, type RegionCode } from '../../domain/regions';
import type { ClosureOutcome, FormalComplaint, OfficialLanguage, OptInChannel } from './commands';
import type { CoordinatorTimeZone } from './coordinator-zones';
import type { SupportCoordinationEvent } from './events';

/** What guards, `decide` and `summarize` need, folded from event data. No personal information. */
export interface SupportCoordinationContext {
  /** The case's region: the intake office's, then the coordinator's. */
  readonly region: RegionCode;
  readonly channel?: OptInChannel;
  readonly language?: OfficialLanguage;
  readonly anonymous?: boolean;
  /** The client's data subject id (opaque). */
  readonly clientId?: string;
  readonly optedInAt?: string;
  readonly coordinatorId?: string;
  readonly timeZone?: CoordinatorTimeZone;
  readonly firstContactAt?: string;
  readonly formalComplaint: FormalComplaint;
  readonly services: readonly string[];
  readonly referrals: number;
  readonly outcome?: ClosureOutcome;
}

export type SupportCoordinationMachineEvent = (SupportCoordinationEvent | ClockEvent) & { readonly meta: MachineEvent['meta'] };

const initialContext: SupportCoordinationContext = { region: DEFAULT_REGION, formalComplaint: 'none', services: [], referrals: 0 };

const noteFormalComplaint = { FormalComplaintNoted: { guard: 'complaintNotRegistered', actions: 'recordFormalComplaint' } } as const;
const reassign = { CoordinatorReassigned: { actions: 'recordCoordinator' } } as const;

/** The order in which a formal complaint is noted: intended, then registered. */
export const FORMAL_COMPLAINT_ORDER: readonly FormalComplaint[] = ['none', 'intended', 'registered'];

/**
 * Response and Support Coordination (seeds 001, 004): opt-in -> a dedicated coordinator ->
 * first contact within business hours -> services and referrals -> closed with an outcome. The
 * client may withdraw at any time.
 */
export const supportCoordinationMachine = setup({
  types: {
    context: {} as SupportCoordinationContext,
    events: {} as SupportCoordinationMachineEvent,
  },
  guards: {
    optedIn: ({ context }) => context.clientId !== undefined,
    // Guards see the case, not the event's data: `decide` checks the status moves forward.
    complaintNotRegistered: ({ context }) => context.formalComplaint !== 'registered',
  },
  actions: {
    recordOptIn: assign(({ event }) => {
      assertEvent(event, 'OptInRecorded');
      const d = event.data;
      return {
        region: d.region,
        channel: d.channel,
        language: d.language,
        anonymous: d.client.anonymous,
        clientId: d.client.subjectId,
        optedInAt: d.optedInAt,
        formalComplaint: d.formalComplaint,
      };
    }),
    recordCoordinator: assign(({ event }) => {
      assertEvent(event, ['CoordinatorAssigned', 'CoordinatorReassigned']);
      return { coordinatorId: event.data.coordinatorId, timeZone: event.data.timeZone, region: event.data.region };
    }),
    recordFirstContact: assign(({ event }) => {
      assertEvent(event, 'FirstContactMade');
      return { firstContactAt: event.data.contactedAt };
    }),
    recordService: assign(({ context, event }) => {
      assertEvent(event, 'ServiceRecorded');
      return { services: [...context.services, event.data.service] };
    }),
    recordReferral: assign(({ context }) => ({ referrals: context.referrals + 1 })),
    recordFormalComplaint: assign(({ event }) => {
      assertEvent(event, 'FormalComplaintNoted');
      return { formalComplaint: event.data.status };
    }),
    recordClosure: assign(({ event }) => {
      assertEvent(event, 'SupportClosed');
      return { outcome: event.data.outcome };
    }),
  },
}).createMachine({
  id: 'support-coordination',
  context: initialContext,
  initial: 'new',
  on: {
    ...acceptClockEvents,
    // "Those who join the program can withdraw from it at any time."
    ClientWithdrew: { guard: 'optedIn', target: '.withdrawn' },
  },
  states: {
    new: {
      on: { OptInRecorded: { target: 'awaitingAssignment', actions: 'recordOptIn' } },
    },
    awaitingAssignment: {
      on: {
        CoordinatorAssigned: { target: 'awaitingFirstContact', actions: 'recordCoordinator' },
        ...noteFormalComplaint,
      },
    },
    awaitingFirstContact: {
      on: {
        ...reassign,
        FirstContactMade: { target: 'active', actions: 'recordFirstContact' },
        ...noteFormalComplaint,
        SupportClosed: { target: 'closed', actions: 'recordClosure' },
      },
    },
    active: {
      on: {
        ...reassign,
        ServiceRecorded: { actions: 'recordService' },
        ReferralMade: { actions: 'recordReferral' },
        ...noteFormalComplaint,
        SupportClosed: { target: 'closed', actions: 'recordClosure' },
      },
    },
    closed: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});
