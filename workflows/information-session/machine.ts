import { assertEvent, assign, setup } from 'xstate';
import { acceptClockEvents } from '../../domain/clocks/machine';
import type { ClockEvent } from '../../domain/clocks/events';
import type { MachineEvent } from '../../domain/envelope';
import { DEFAULT_REGION, type RegionCode } from '../../domain/regions';
import type { Audience, SessionFormat, SessionLanguage } from './commands';
import type { InformationSessionEvent } from './events';

/** What guards, `decide` and `summarize` need, folded from event data. No personal information. */
export interface InformationSessionContext {
  readonly region: RegionCode;
  readonly audience?: Audience;
  readonly requestedAt?: string;
  readonly presenterId?: string;
  readonly startsAt?: string;
  readonly format?: SessionFormat;
  readonly language?: SessionLanguage;
  readonly capacity?: number;
  /** Ids of the registrations standing. */
  readonly registrations: readonly string[];
  /** Every registration id ever used, cancelled ones included, so none is reused. */
  readonly registrationIds: readonly string[];
  /** The data subject each registration id was taken for, cancelled ones included: a person holds one seat. */
  readonly registeredSubjects: Readonly<Record<string, string>>;
  readonly attendance?: number;
}

export type InformationSessionMachineEvent = (InformationSessionEvent | ClockEvent) & { readonly meta: MachineEvent['meta'] };

const initialContext: InformationSessionContext = { region: DEFAULT_REGION, registrations: [], registrationIds: [], registeredSubjects: {} };

/** Sessions for class members and future Defence representatives take registrations; a unit brings its own people. */
export const takesRegistrations = (context: InformationSessionContext): boolean => context.audience !== 'unitPresentation';

/**
 * An information session (seeds 000, 004): requested (by a unit, or planned by the program) ->
 * scheduled (and moved, with registrations) -> held with its attendance, or cancelled.
 */
export const informationSessionMachine = setup({
  types: {
    context: {} as InformationSessionContext,
    events: {} as InformationSessionMachineEvent,
  },
  guards: {
    takesRegistrations: ({ context }) => takesRegistrations(context),
    hasRegistrations: ({ context }) => context.registrations.length > 0,
  },
  actions: {
    recordRequest: assign(({ event }) => {
      assertEvent(event, 'InformationSessionRequested');
      return { audience: event.data.audience, region: event.data.region, requestedAt: event.data.requestedAt };
    }),
    recordSchedule: assign(({ event }) => {
      assertEvent(event, 'InformationSessionScheduled');
      const d = event.data;
      return { startsAt: d.startsAt, format: d.format, language: d.language, presenterId: d.presenterId, capacity: d.capacity };
    }),
    recordRegistration: assign(({ context, event }) => {
      assertEvent(event, 'AttendeeRegistered');
      return {
        registrations: [...context.registrations, event.data.registrationId],
        registrationIds: [...context.registrationIds, event.data.registrationId],
        registeredSubjects: { ...context.registeredSubjects, [event.data.registrationId]: event.data.attendee.subjectId },
      };
    }),
    recordCancelledRegistration: assign(({ context, event }) => {
      assertEvent(event, 'RegistrationCancelled');
      return { registrations: context.registrations.filter((id) => id !== event.data.registrationId) };
    }),
    recordAttendance: assign(({ event }) => {
      assertEvent(event, 'InformationSessionHeld');
      return { attendance: event.data.attendance };
    }),
  },
}).createMachine({
  id: 'information-session',
  context: initialContext,
  initial: 'new',
  on: { ...acceptClockEvents },
  states: {
    new: {
      on: { InformationSessionRequested: { target: 'requested', actions: 'recordRequest' } },
    },
    requested: {
      on: {
        InformationSessionScheduled: { target: 'scheduled', actions: 'recordSchedule' },
        InformationSessionCancelled: { target: 'cancelled' },
      },
    },
    scheduled: {
      on: {
        InformationSessionScheduled: { actions: 'recordSchedule' },
        AttendeeRegistered: { guard: 'takesRegistrations', actions: 'recordRegistration' },
        RegistrationCancelled: { guard: 'hasRegistrations', actions: 'recordCancelledRegistration' },
        InformationSessionHeld: { target: 'held', actions: 'recordAttendance' },
        InformationSessionCancelled: { target: 'cancelled' },
      },
    },
    held: { type: 'final' },
    cancelled: { type: 'final' },
  },
});
