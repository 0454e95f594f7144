import { assertEvent, assign, setup } from 'xstate';
import { acceptClockEvents } from '../../domain/clocks/machine';
import type { ClockEvent } from '../../domain/clocks/events';
import type { MachineEvent } from '../../domain/envelope';
import { DEFAULT_REGION, type RegionCode } from '../../domain/regions';
import type { EscalationLevel } from '../../domain/settings';
import type { Channel, Kind } from './commands';
import type { ComplaintEvent } from './events';

/** What the guards, `decide` and `summarize` need, folded from event data. No personal information. */
export interface ComplaintContext {
  readonly region: RegionCode;
  readonly kind: Kind;
  readonly channel?: Channel;
  readonly program?: string;
  /** The registered workflow whose read scope applies to this complaint, when not its own. */
  readonly readAs?: string;
  readonly acknowledged: boolean;
  /** The complainant's data subject id (opaque). */
  readonly complainantId?: string;
  /** The escalation chain recorded at receipt, lowest level first; empty before receipt. */
  readonly chain: readonly EscalationLevel[];
  /** The level the complaint is at now (0 before receipt). */
  readonly level: number;
  /** Who reviews the complaint at the current level. */
  readonly handlerId?: string;
  /** Every assignment so far, for the independence of reviews. */
  readonly assignments: readonly { readonly level: number; readonly handlerId: string }[];
  readonly reviewsRequested: number;
}

export type ComplaintMachineEvent = (ComplaintEvent | ClockEvent) & { readonly meta: MachineEvent['meta'] };

const initialContext: ComplaintContext = {
  region: DEFAULT_REGION,
  kind: 'complaint',
  acknowledged: false,
  chain: [],
  level: 0,
  assignments: [],
  reviewsRequested: 0,
};

export function levelIndex(context: ComplaintContext): number {
  return context.chain.findIndex((l) => l.level === context.level);
}

/** The level the complaint is at, or undefined before receipt. */
export function currentLevel(context: ComplaintContext): EscalationLevel | undefined {
  return context.chain[levelIndex(context)];
}

/** The level a review would go to, or undefined at the last level of the chain. */
export function nextLevel(context: ComplaintContext): EscalationLevel | undefined {
  const index = levelIndex(context);
  return index < 0 ? undefined : context.chain[index + 1];
}

/**
 * The complaint's lifecycle (DESIGN.md §4): received -> acknowledged -> underReview at the lowest
 * level -> responded -> resolved, or reviewRequested -> underReview at the next level -> … ->
 * closed. A case is under review exactly when it is acknowledged and someone is assigned at its
 * level ("we will ensure that the complaint is sent to the appropriate person"). Responded, it
 * waits for the complainant: accepted, withdrawn, a review requested, or closed when the review
 * window passes (or, at the last level, by the handler). Feedback is noted and closed.
 */
export const complaintMachine = setup({
  types: {
    context: {} as ComplaintContext,
    events: {} as ComplaintMachineEvent,
  },
  guards: {
    wasReceived: ({ context }) => context.chain.length > 0,
    hasHandler: ({ context }) => context.handlerId !== undefined,
    isFeedback: ({ event }) => event.type === 'ComplaintReceived' && event.data.kind === 'feedback',
    notAcknowledged: ({ context }) => !context.acknowledged,
  },
  actions: {
    recordReceipt: assign(({ event }) => {
      assertEvent(event, 'ComplaintReceived');
      const d = event.data;
      return {
        region: d.region,
        kind: d.kind ?? 'complaint',
        channel: d.channel,
        ...(d.concerns ? { program: d.concerns.program } : {}),
        ...(d.readAs !== undefined ? { readAs: d.readAs } : {}),
        complainantId: d.complainant.subjectId,
        chain: d.escalationChain,
        level: d.level,
      };
    }),
    recordAssignment: assign(({ context, event }) => {
      assertEvent(event, 'HandlerAssigned');
      return {
        handlerId: event.data.handlerId,
        assignments: [...context.assignments, { level: event.data.level, handlerId: event.data.handlerId }],
      };
    }),
    recordAcknowledgement: assign({ acknowledged: true }),
    recordReviewRequest: assign(({ context, event }) => {
      assertEvent(event, 'ReviewRequested');
      return { level: event.data.level, handlerId: undefined, reviewsRequested: context.reviewsRequested + 1 };
    }),
  },
}).createMachine({
  id: 'complaint',
  context: initialContext,
  initial: 'new',
  on: {
    ...acceptClockEvents,
    // "You can change your mind about participating at any time."
    ComplaintWithdrawn: { guard: 'wasReceived', target: '.withdrawn' },
  },
  states: {
    new: {
      on: {
        ComplaintReceived: [
          { guard: 'isFeedback', target: 'feedback', actions: 'recordReceipt' },
          { target: 'received', actions: 'recordReceipt' },
        ],
      },
    },
    feedback: {
      on: {
        ComplaintAcknowledged: { guard: 'notAcknowledged', actions: 'recordAcknowledgement' },
        HandlerAssigned: { actions: 'recordAssignment' },
        ComplaintClosed: { target: 'closed' },
      },
    },
    received: {
      on: {
        ComplaintAcknowledged: [
          { guard: 'hasHandler', target: 'underReview', actions: 'recordAcknowledgement' },
          { target: 'acknowledged', actions: 'recordAcknowledgement' },
        ],
        HandlerAssigned: { actions: 'recordAssignment' },
      },
    },
    acknowledged: {
      on: { HandlerAssigned: { target: 'underReview', actions: 'recordAssignment' } },
    },
    underReview: {
      on: {
        HandlerAssigned: { actions: 'recordAssignment' },
        ComplaintResponded: { target: 'responded' },
      },
    },
    responded: {
      on: {
        HandlerAssigned: { actions: 'recordAssignment' },
        ResponseAccepted: { target: 'resolved' },
        ReviewRequested: { target: 'reviewRequested', actions: 'recordReviewRequest' },
        ComplaintClosed: { target: 'closed' },
      },
    },
    reviewRequested: {
      on: { HandlerAssigned: { target: 'underReview', actions: 'recordAssignment' } },
    },
    resolved: { type: 'final' },
    closed: { type: 'final' },
    withdrawn: { type: 'final' },
  },
});
