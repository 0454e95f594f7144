import { assertNever } from '../../domain/assert-never';
import { cancelOpenClocks, clockName, meetClock, startBusinessClock, type ClockEvent } from '../../domain/clocks';
import type { DecideContext } from '../../domain/decide-context';
import type { NewEvent } from '../../domain/envelope';
import { refusalAtField } from '../../domain/errors';
import { enforceRules, type RuleCheck } from '../../domain/rules';
import type { RegionCode } from '../../domain/regions';
import type { CaseState } from '../../domain/workflow';
import { FIRST_CONTACT_CLOCK, firstContactClock } from './clocks';
import type { SupportCoordinationCommand } from './commands';
import { checkWindow, localTimeIn, ZONE_REGIONS, type CoordinatorTimeZone } from './coordinator-zones';
import {
  AlreadyCoordinator,
  BEFORE_OPT_IN_AT_FIELD,
  BEFORE_PROGRAM_AT_FIELD,
  BeforeOptIn,
  ClosedBeforeFirstContact,
  CONTACT_BEFORE_OPT_IN_AT_FIELD,
  ContactBeforeOptIn,
  FormalComplaintAlreadyNoted,
  OptInBeforeProgram,
  ReferralWithoutConsent,
  RegionNotInTimeZone,
  TimeInFuture,
} from './errors';
import type { SupportCoordinationEvent } from './events';
import { FORMAL_COMPLAINT_ORDER, type SupportCoordinationContext } from './machine';
import { settingsOf } from './settings';

type Decided = (SupportCoordinationEvent | ClockEvent)[];
type Command<T extends SupportCoordinationCommand['type']> = Extract<SupportCoordinationCommand, { type: T }>;

export function supportCoordinationContext(state: CaseState): SupportCoordinationContext {
  return state.snapshot.context as SupportCoordinationContext;
}

/** The command's data was parsed by its schema before `decide` runs (domain/process.ts). */
export function decide(command: NewEvent, state: CaseState, ctx: DecideContext): NewEvent[] {
  const cmd = command as SupportCoordinationCommand;
  const context = supportCoordinationContext(state);
  switch (cmd.type) {
    case 'RecordOptIn':
      return recordOptIn(cmd, ctx);
    case 'AssignCoordinator': {
      const { coordinatorId, timeZone } = cmd.data;
      return [{ type: 'CoordinatorAssigned', data: { coordinatorId, timeZone, region: stationOf(timeZone, cmd.data.region), assignedAt: ctx.now.toISOString() } }];
    }
    case 'ReassignCoordinator':
      return reassign(cmd, context, ctx);
    case 'RecordFirstContact':
      return recordFirstContact(cmd, state, ctx);
    case 'RecordService':
      return recordService(cmd, context, ctx);
    case 'MakeReferral':
      return makeReferral(cmd, context, ctx);
    case 'NoteFormalComplaint': {
      const { status } = cmd.data;
      if (FORMAL_COMPLAINT_ORDER.indexOf(status) <= FORMAL_COMPLAINT_ORDER.indexOf(context.formalComplaint)) {
        throw FormalComplaintAlreadyNoted({ status: context.formalComplaint });
      }
      return [{ type: 'FormalComplaintNoted', data: { status, notedAt: ctx.now.toISOString() } }];
    }
    case 'CloseSupport':
      return close(cmd, state, ctx);
    case 'RecordWithdrawal':
      return [
        ...cancelOpenClocks(state.clocks, ctx.now, { en: 'The client withdrew from the program.', fr: 'La personne s’est retirée du programme.' }),
        { type: 'ClientWithdrew', data: { withdrawnAt: ctx.now.toISOString() } },
      ];
    default:
      return assertNever(cmd);
  }
}

/**
 * "The SMRC has been delivering the RSC program since 2019" (001:27): no client opted in before
 * its first day, in the region of the office that took the case.
 */
export const PROGRAM_BEGAN_ON = '2019-01-01';

/** The rule that a reported time is not later than now. */
function inTheFuture(given: string | undefined, field: string, ctx: DecideContext): RuleCheck {
  return given !== undefined && Date.parse(given) > ctx.now.getTime() && TimeInFuture({ field, value: given });
}

function recordOptIn(cmd: Command<'RecordOptIn'>, ctx: DecideContext): Decided {
  const d = cmd.data;
  const given = d.optedInAt;
  enforceRules([
    inTheFuture(given, 'optedInAt', ctx),
    given !== undefined &&
      ctx.calendars.forRegion(d.region).localDate(new Date(given)) < PROGRAM_BEGAN_ON &&
      refusalAtField(OptInBeforeProgram, { field: 'optedInAt', value: given, began: PROGRAM_BEGAN_ON.slice(0, 4) }, 'data.optedInAt', BEFORE_PROGRAM_AT_FIELD),
  ]);
  const optedInAt = given === undefined ? ctx.now : new Date(given);
  const { subjectId, anonymous, name, contact, affiliation, location } = d.client;
  return [
    {
      type: 'OptInRecorded',
      data: {
        optedInAt: optedInAt.toISOString(),
        channel: d.channel,
        region: d.region,
        client: {
          subjectId: subjectId ?? ctx.newId(),
          anonymous,
          ...(name !== undefined ? { name } : {}),
          ...(contact !== undefined ? { contact } : {}),
          affiliation,
          ...(location !== undefined ? { location } : {}),
        },
        language: d.language,
        formalComplaint: d.formalComplaint,
        ...(d.needs !== undefined ? { needs: d.needs } : {}),
      },
    },
    startBusinessClock(ctx, {
      clock: FIRST_CONTACT_CLOCK,
      name: clockName(firstContactClock),
      region: d.region,
      startedAt: optedInAt,
      days: settingsOf(ctx).firstContactBusinessDays,
    }),
  ];
}

/** The coordinator's region: given, it must lie in their time zone; else the zone's first. */
function stationOf(timeZone: CoordinatorTimeZone, region: RegionCode | undefined): RegionCode {
  enforceRules([stationRule(timeZone, region)]);
  return region ?? ZONE_REGIONS[timeZone][0]!;
}

/** The rule that a coordinator's region, when given, lies in their time zone. */
function stationRule(timeZone: CoordinatorTimeZone, region: RegionCode | undefined): RuleCheck {
  const regions = ZONE_REGIONS[timeZone];
  return region !== undefined && !regions.includes(region) && RegionNotInTimeZone({ region, timeZone, regions: regions.join(', ') });
}

function reassign(cmd: Command<'ReassignCoordinator'>, context: SupportCoordinationContext, ctx: DecideContext): Decided {
  const { coordinatorId, timeZone, reason } = cmd.data;
  const previous = requireCoordinator(context);
  enforceRules([previous === coordinatorId && AlreadyCoordinator({ coordinatorId }), stationRule(timeZone, cmd.data.region)]);
  return [
    {
      type: 'CoordinatorReassigned',
      data: { coordinatorId, previousCoordinatorId: previous, timeZone, region: stationOf(timeZone, cmd.data.region), reason, reassignedAt: ctx.now.toISOString() },
    },
  ];
}

function recordFirstContact(cmd: Command<'RecordFirstContact'>, state: CaseState, ctx: DecideContext): Decided {
  const context = supportCoordinationContext(state);
  const contactedAt = cmd.data.contactedAt === undefined ? ctx.now : new Date(cmd.data.contactedAt);
  const optedInAt = context.optedInAt!;
  const timeZone = context.timeZone as CoordinatorTimeZone;
  const hours = settingsOf(ctx).firstContactHours;
  // "Your assigned … coordinator will make first contact with you on weekdays during business
  // hours: 7 am to 5 pm Atlantic Time, Eastern Time and Pacific Time": the coordinator's zone, and
  // the business days of the federal calendar in the coordinator's region. A contact made outside
  // them happened all the same: it is recorded, with why it was outside them.
  const window = checkWindow(contactedAt, timeZone, ctx.calendars.forRegion(context.region), hours);
  enforceRules([
    inTheFuture(cmd.data.contactedAt, 'contactedAt', ctx),
    contactedAt.getTime() < Date.parse(optedInAt) &&
      refusalAtField(ContactBeforeOptIn, { contactedAt: contactedAt.toISOString(), optedInAt }, 'data.contactedAt', CONTACT_BEFORE_OPT_IN_AT_FIELD),
  ]);
  return [
    {
      type: 'FirstContactMade',
      data: {
        contactedAt: contactedAt.toISOString(),
        localTime: window.localTime,
        timeZone,
        ...(window.outside !== undefined ? { outsideBusinessHours: window.outside } : {}),
        ...(window.holiday ? { holiday: window.holiday.name, holidayFr: window.holiday.nameFr } : {}),
        coordinatorId: requireCoordinator(context),
        method: cmd.data.method,
        clientId: requireClient(context),
        ...(cmd.data.notes !== undefined ? { notes: cmd.data.notes } : {}),
      },
    },
    ...meetClock(state.clocks, FIRST_CONTACT_CLOCK, contactedAt),
  ];
}

/**
 * A service is dated by the day it was provided, in the coordinator's time zone (the clock of the
 * case's region, where the coordinator is stationed): not later than today there, nor before the
 * day the client opted in there.
 */
function recordService(cmd: Command<'RecordService'>, context: SupportCoordinationContext, ctx: DecideContext): Decided {
  const dayOf = (instant: Date) => localTimeIn(context.timeZone!, instant).slice(0, 10);
  const today = dayOf(ctx.now);
  const optedInOn = dayOf(new Date(context.optedInAt!));
  const providedOn = cmd.data.providedOn ?? today;
  enforceRules([
    providedOn > today && TimeInFuture({ field: 'providedOn', value: providedOn }),
    providedOn < optedInOn && refusalAtField(BeforeOptIn, { field: 'providedOn', value: providedOn, optedInOn }, 'data.providedOn', BEFORE_OPT_IN_AT_FIELD),
  ]);
  return [
    {
      type: 'ServiceRecorded',
      data: {
        service: cmd.data.service,
        providedOn,
        recordedAt: ctx.now.toISOString(),
        clientId: requireClient(context),
        ...(cmd.data.note !== undefined ? { note: cmd.data.note } : {}),
      },
    },
  ];
}

function makeReferral(cmd: Command<'MakeReferral'>, context: SupportCoordinationContext, ctx: DecideContext): Decided {
  const d = cmd.data;
  if (!d.clientConsented) throw ReferralWithoutConsent({});
  return [
    {
      type: 'ReferralMade',
      data: {
        referralId: ctx.newId(),
        to: d.to,
        anonymous: d.anonymous,
        referredAt: ctx.now.toISOString(),
        clientId: requireClient(context),
        ...(d.organization !== undefined ? { organization: d.organization } : {}),
        ...(d.note !== undefined ? { note: d.note } : {}),
      },
    },
  ];
}

function close(cmd: Command<'CloseSupport'>, state: CaseState, ctx: DecideContext): Decided {
  const context = supportCoordinationContext(state);
  const { outcome } = cmd.data;
  if (context.firstContactAt === undefined && outcome !== 'unreachable') throw ClosedBeforeFirstContact({ outcome });
  return [
    ...cancelOpenClocks(state.clocks, ctx.now, { en: 'The client’s file was closed.', fr: 'Le dossier de la personne a été fermé.' }),
    {
      type: 'SupportClosed',
      data: {
        closedAt: ctx.now.toISOString(),
        outcome,
        clientId: requireClient(context),
        ...(cmd.data.note !== undefined ? { note: cmd.data.note } : {}),
      },
    },
  ];
}

/** Every command after the opt-in runs on a case with a client. */
function requireClient(context: SupportCoordinationContext): string {
  if (context.clientId === undefined) throw new Error('Support coordination case without a client');
  return context.clientId;
}

/** Commands after the assignment run on a case with a coordinator. */
function requireCoordinator(context: SupportCoordinationContext): string {
  if (context.coordinatorId === undefined) throw new Error('Support coordination case without a coordinator');
  return context.coordinatorId;
}
