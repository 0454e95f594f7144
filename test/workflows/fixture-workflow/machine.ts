import { assertEvent, assign, setup } from 'xstate';
import { acceptClockEvents } from '../../../domain/clocks/machine';
import type { ClockEvent } from '../../../domain/clocks/events';
import type { MachineEvent } from '../../../domain/envelope';
import { DEFAULT_REGION, type RegionCode } from '../../../domain/regions';
import type { InformationRequestEvent } from './events';

/** What decide and summarize need: no personal information. */
export interface InformationRequestContext {
  readonly region: RegionCode;
  readonly officerId?: string;
  /** The requester's data subject id (opaque). */
  readonly requesterId?: string;
}

type Event = (InformationRequestEvent | ClockEvent) & { readonly meta: MachineEvent['meta'] };

/** A request for information about the programs: received, given to an officer, answered, closed. */
export const informationRequestMachine = setup({
  types: { context: {} as InformationRequestContext, events: {} as Event },
  actions: {
    recordReceipt: assign(({ event }) => {
      assertEvent(event, 'RequestReceived');
      return { region: event.data.region, requesterId: event.data.requester.subjectId };
    }),
    recordOfficer: assign(({ event }) => {
      assertEvent(event, 'OfficerAssigned');
      return { officerId: event.data.officerId };
    }),
  },
}).createMachine({
  id: 'informationRequest',
  context: { region: DEFAULT_REGION },
  initial: 'new',
  on: { ...acceptClockEvents },
  states: {
    new: { on: { RequestReceived: { target: 'received', actions: 'recordReceipt' } } },
    received: { on: { OfficerAssigned: { target: 'assigned', actions: 'recordOfficer' } } },
    assigned: { on: { RequestAnswered: { target: 'answered' }, OfficerAssigned: { actions: 'recordOfficer' } } },
    answered: { on: { RequestClosed: { target: 'closed' } } },
    closed: { type: 'final' },
  },
});
