import { assertNever } from '../../domain/assert-never';
import type { DecideContext } from '../../domain/decide-context';
import type { NewEvent } from '../../domain/envelope';
import { beyondPlanningHorizon, refusalAtField } from '../../domain/errors';
import { enforceRules, type RuleCheck } from '../../domain/rules';
import type { CaseState } from '../../domain/workflow';
import type { InformationSessionCommand } from './commands';
import type { Role } from '../../domain/roles';
import {
  AlreadyRegistered,
  CapacityBelowRegistrations,
  HeldBeforeStart,
  NotStartedYet,
  PresenterChangeRequiresSupervisor,
  RegistrationIdTaken,
  SessionFull,
  STARTS_BEFORE_REQUEST_AT_FIELD,
  StartsBeforeRequest,
  TimeInFuture,
  TooFarAhead,
  UnknownRegistration,
} from './errors';
import type { InformationSessionEvent } from './events';
import type { InformationSessionContext } from './machine';

type Command<T extends InformationSessionCommand['type']> = Extract<InformationSessionCommand, { type: T }>;

const MINUTE = 60_000;
/** Roles that may give a session to another presenter. */
const REASSIGNING_ROLES: ReadonlySet<Role> = new Set<Role>(['supervisor', 'admin']);

export function informationSessionContext(state: CaseState): InformationSessionContext {
  return state.snapshot.context as InformationSessionContext;
}

/** The command's data was parsed by its schema before `decide` runs (domain/process.ts). */
export function decide(command: NewEvent, state: CaseState, ctx: DecideContext): NewEvent[] {
  const cmd = command as InformationSessionCommand;
  const context = informationSessionContext(state);
  switch (cmd.type) {
    case 'RequestInformationSession':
      return [request(cmd, ctx)];
    case 'ScheduleInformationSession':
      return [schedule(cmd, context, ctx)];
    case 'RegisterAttendee':
      return [register(cmd, context, ctx)];
    case 'CancelRegistration': {
      const { registrationId } = cmd.data;
      if (!context.registrations.includes(registrationId)) throw UnknownRegistration({ registrationId });
      return [{ type: 'RegistrationCancelled', data: { registrationId, cancelledAt: ctx.now.toISOString() } }];
    }
    case 'RecordSessionHeld':
      return [held(cmd, context, ctx)];
    case 'CancelInformationSession':
      return [
        {
          type: 'InformationSessionCancelled',
          data: { cancelledAt: ctx.now.toISOString(), reason: cmd.data.reason, registrationsAffected: context.registrations.length },
        },
      ];
    default:
      return assertNever(cmd);
  }
}

function notLaterThanNow(given: string, field: string, ctx: DecideContext): Date {
  enforceRules([inTheFuture(given, field, ctx)]);
  return new Date(given);
}

/** The rule that a reported time is not later than now. */
function inTheFuture(given: string, field: string, ctx: DecideContext): RuleCheck {
  return Date.parse(given) > ctx.now.getTime() && TimeInFuture({ field, value: given });
}

function request(cmd: Command<'RequestInformationSession'>, ctx: DecideContext): InformationSessionEvent {
  const d = cmd.data;
  const requestedAt = d.requestedAt !== undefined ? notLaterThanNow(d.requestedAt, 'requestedAt', ctx) : ctx.now;
  return {
    type: 'InformationSessionRequested',
    data: {
      audience: d.audience,
      requestedAt: requestedAt.toISOString(),
      region: d.region,
      ...(d.requester ? { requester: { ...d.requester, subjectId: d.requester.subjectId ?? ctx.newId() } } : {}),
      ...(d.preferredFormat !== undefined ? { preferredFormat: d.preferredFormat } : {}),
      ...(d.preferredLanguage !== undefined ? { preferredLanguage: d.preferredLanguage } : {}),
      ...(d.expectedAttendees !== undefined ? { expectedAttendees: d.expectedAttendees } : {}),
      topics: [...new Set(d.topics)],
    },
  };
}

function schedule(cmd: Command<'ScheduleInformationSession'>, context: InformationSessionContext, ctx: DecideContext): InformationSessionEvent {
  const d = cmd.data;
  // A session given already may be recorded after the fact, so a start now past is allowed; one before the request is not,
  // nor one years ahead (a mistyped year).
  const requestedAt = context.requestedAt;
  enforceRules([
    beyondPlanningHorizon(d.startsAt, ctx.now) && TooFarAhead({ field: 'startsAt', value: d.startsAt }),
    requestedAt !== undefined &&
      Date.parse(d.startsAt) < Date.parse(requestedAt) &&
      refusalAtField(StartsBeforeRequest, { startsAt: d.startsAt, requestedAt }, 'data.startsAt', STARTS_BEFORE_REQUEST_AT_FIELD),
    context.presenterId !== undefined &&
      context.presenterId !== d.presenterId &&
      !REASSIGNING_ROLES.has(ctx.actor.role) &&
      PresenterChangeRequiresSupervisor({ presenterId: context.presenterId }),
    d.capacity !== undefined &&
      d.capacity < context.registrations.length &&
      CapacityBelowRegistrations({ capacity: d.capacity, registered: context.registrations.length }),
  ]);
  const startsAt = new Date(d.startsAt);
  return {
    type: 'InformationSessionScheduled',
    data: {
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + d.durationMinutes * MINUTE).toISOString(),
      format: d.format,
      language: d.language,
      presenterId: d.presenterId,
      ...(d.capacity !== undefined ? { capacity: d.capacity } : {}),
      scheduledAt: ctx.now.toISOString(),
      ...(context.startsAt !== undefined ? { previousStartsAt: context.startsAt } : {}),
    },
  };
}

function register(cmd: Command<'RegisterAttendee'>, context: InformationSessionContext, ctx: DecideContext): InformationSessionEvent {
  const registrationId = cmd.data.registrationId ?? ctx.newId();
  const { subjectId, ...attendee } = cmd.data.attendee;
  enforceRules([
    context.capacity !== undefined && context.registrations.length >= context.capacity && SessionFull({ capacity: context.capacity }),
    context.registrationIds.includes(registrationId) && RegistrationIdTaken({ registrationId }),
    alreadyRegistered(subjectId, registrationId, context),
  ]);
  return {
    type: 'AttendeeRegistered',
    data: { registrationId, attendee: { subjectId: subjectId ?? ctx.newId(), ...attendee }, registeredAt: ctx.now.toISOString() },
  };
}

/**
 * The rule that a person holds one seat: a registration of theirs stands under another id (under the
 * same id, it is a retry, refused as an id taken). A subject minted now has none.
 */
function alreadyRegistered(subjectId: string | undefined, registrationId: string, context: InformationSessionContext): RuleCheck {
  if (subjectId === undefined) return undefined;
  const standing = context.registrations.find((id) => id !== registrationId && context.registeredSubjects[id] === subjectId);
  return standing !== undefined && refusalAtField(AlreadyRegistered, { subjectId, registrationId: standing }, 'data.attendee.subjectId');
}

function held(cmd: Command<'RecordSessionHeld'>, context: InformationSessionContext, ctx: DecideContext): InformationSessionEvent {
  const startsAt = context.startsAt!;
  const heldAt = new Date(cmd.data.heldAt ?? startsAt);
  enforceRules([
    // No time given: held at its scheduled start, which may not have come yet (a time no one typed is not said to be in the future).
    cmd.data.heldAt === undefined ? Date.parse(startsAt) > ctx.now.getTime() && NotStartedYet({ startsAt }) : inTheFuture(cmd.data.heldAt, 'heldAt', ctx),
    heldAt.getTime() < Date.parse(startsAt) && HeldBeforeStart({ heldAt: heldAt.toISOString(), startsAt }),
  ]);
  return {
    type: 'InformationSessionHeld',
    data: { heldAt: heldAt.toISOString(), attendance: cmd.data.attendance, registered: context.registrations.length },
  };
}
