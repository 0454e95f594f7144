import { assertNever } from '../../domain/assert-never';
import { cancelOpenClocks } from '../../domain/clocks/decisions';
import type { ClockEvent } from '../../domain/clocks/events';
import { zoneClock } from '../../domain/calendar/time-zone';
import type { DecideContext } from '../../domain/decide-context';
import type { NewEvent } from '../../domain/envelope';
import { beyondPlanningHorizon, refusalAtField } from '../../domain/errors';
import type { RegionCode } from '../../domain/regions';
import { enforceRules, type RuleCheck } from '../../domain/rules';
import type { Bilingual, CaseState } from '../../domain/workflow';
import { FACILITATION_WORDING, FACILITATION_WORDING_FR, type NoContactConditionKind, type Party, type RestorativeOpportunitiesCommand } from './commands';
import {
  AlreadyAssigned,
  BEFORE_PROGRAM_AT_FIELD,
  BEFORE_REFERRAL_AT_FIELD,
  BeforeReferral,
  ConditionNotInPlace,
  ConditionNotRecorded,
  ConsentAlreadyGiven,
  NoAgreementToWithdraw,
  DIALOGUE_BEFORE_MEETING_AT_FIELD,
  DialogueBeforeMeeting,
  EntryDocumentsNotArranged,
  FacilitationWordingMissing,
  MeetingSpaceNotPrivate,
  MeetingWouldBeRecorded,
  ModelAlreadySelected,
  NoConsentToTakeBack,
  NoMediatorAssigned,
  OffenderResponsibilityNotAccepted,
  OffenderSelfReferral,
  ReferralBeforeProgram,
  RepresentativeForUnregisteredVictim,
  SafetyConcernsUnresolved,
  SupportPersonNotAgreed,
  TimeInTheFuture,
  TooFarAhead,
  VisitsAreaNotClosedToOthers,
  VisitsAreaNotExceptional,
} from './errors';
import type { RestorativeOpportunitiesEvent } from './events';
import { MODEL_NEEDS_MEETING, type RestorativeOpportunitiesContext, type RestorativeOpportunitiesSnapshot } from './machine';

type State = CaseState<RestorativeOpportunitiesSnapshot>;
type Decided = (RestorativeOpportunitiesEvent | ClockEvent)[];
type Command<T extends RestorativeOpportunitiesCommand['type']> = Extract<RestorativeOpportunitiesCommand, { type: T }>;
type Data<T extends RestorativeOpportunitiesCommand['type']> = Command<T>['data'];

export const roContext = (state: State): RestorativeOpportunitiesContext => state.snapshot.context;

/**
 * Pure: the events that record a command, or a named rule it breaks. The pipeline has parsed the
 * command's data with its schema and checked that the machine offers it in this state.
 */
export function decide(command: NewEvent, state: State, ctx: DecideContext): Decided {
  const cmd = command as RestorativeOpportunitiesCommand;
  const context = roContext(state);
  switch (cmd.type) {
    case 'ReceiveReferral':
      return receiveReferral(cmd.data, ctx);
    case 'BeginIntakeAssessment':
      return [{ type: 'IntakeAssessmentBegun', data: { intakeOfficerId: cmd.data.intakeOfficerId } }];
    case 'AssessIntake':
      return assessIntake(cmd.data, state, ctx);
    case 'AssignMediator':
      return [{ type: 'MediatorAssigned', data: { mediatorId: cmd.data.mediatorId } }];
    case 'ReassignCase':
      return reassign(cmd.data, context);
    case 'RecordNoContactCondition':
      return recordCondition(cmd.data, context, ctx);
    case 'RecordConditionAmended':
      return amendCondition(cmd.data, context, ctx);
    case 'RecordConditionEnded':
      return endCondition(cmd.data, context, ctx);
    case 'AdviseStaffOfDialogue':
      return adviseStaff(cmd.data, context, ctx);
    case 'RecordPreparation':
      return recordPreparation(cmd.data, context, ctx);
    case 'AgreeSupportPerson':
      return [{ type: 'SupportPersonAgreed', data: { supports: cmd.data.supports, person: withSubject(cmd.data.person, ctx) } }];
    case 'WithdrawSupportPersonAgreement':
      return withdrawSupportPersonAgreement(cmd.data, context);
    case 'SelectModel':
      return selectModel(cmd.data, state);
    case 'ArrangeMeeting':
      return arrangeMeeting(cmd.data, context, ctx);
    case 'RecordDialogue':
      return recordDialogue(cmd.data, context, ctx);
    case 'BeginFollowUp':
      return [{ type: 'FollowUpBegun', data: {} }];
    case 'RecordFollowUp':
      return recordFollowUp(cmd.data, context, ctx);
    case 'CloseCase':
      return [...cancelOpenClocks(state.clocks, ctx.now, { en: 'The case was closed.', fr: 'Le dossier a été fermé.' }), { type: 'CaseClosed', data: {} }];
    case 'DetermineNotSuitable':
      return [
        ...cancelOpenClocks(state.clocks, ctx.now, NOT_SUITABLE),
        { type: 'CaseDeterminedNotSuitable', data: { reason: cmd.data.reason } },
      ];
    case 'Withdraw':
      return withdraw(cmd.data, state, ctx);
    default:
      return assertNever(cmd);
  }
}

/** A participant's data subject id: the one given, or a new one. */
/** Why the clocks stop when the case is found not suitable, in both languages. */
const NOT_SUITABLE = { en: 'The case was found not suitable for mediation.', fr: 'Le dossier a été jugé ne pas convenir à la médiation.' };

/** Why the clocks stop when a party withdraws, in both languages. */
const WITHDRAWN: Readonly<Record<Party, Bilingual>> = {
  victim: { en: 'The victim withdrew from the process.', fr: 'La victime s’est retirée du processus.' },
  offender: { en: 'The offender withdrew from the process.', fr: 'Le délinquant s’est retiré du processus.' },
};

function withSubject<P extends { subjectId?: string }>(person: P, ctx: DecideContext): P & { subjectId: string } {
  return { ...person, subjectId: person.subjectId ?? ctx.newId() };
}

const utc = (instant: string): string => new Date(instant).toISOString();

/** A time recorded as past must be: RO.TIME_IN_THE_FUTURE otherwise. */
export function inTheFuture(field: string, instant: string, ctx: DecideContext): RuleCheck {
  return Date.parse(instant) > ctx.now.getTime() && TimeInTheFuture({ field, value: instant });
}

/**
 * The first day of the Restorative Opportunities program, in the region of the case: no referral
 * to it can have been received earlier. The seeds (002, 003) give no date. CSC says that its
 * victim-offender mediation services, offered in the Pacific region since the early 1990s, "became
 * available nationally through the Restorative Opportunities Program in 2004" (Restorative Justice
 * Services at CSC, csc-scc.gc.ca/restorative-justice/003005-0001-eng.shtml), and marked the
 * program's 20 years in 2024. Only the year is known, so the bound is its first day.
 */
export const PROGRAM_BEGAN_ON = '2004-01-01';

/** An instant as the clock of the case's region shows it, with its offset: 2026-10-20T10:00:00-04:00. */
function asInRegion(instant: string, region: RegionCode, ctx: DecideContext): string {
  const at = Date.parse(instant);
  // In whole minutes: a zone's local mean time of the 1800s is offset by seconds too.
  const offset = Math.round(zoneClock(ctx.calendars.forRegion(region).timeZone).offsetAt(at) / 60_000);
  const wall = new Date(at + offset * 60_000).toISOString().slice(0, 19);
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${wall}${offset < 0 ? '-' : '+'}${hours}:${minutes}`;
}

/**
 * The rule that a fact of the case is not dated before the referral that opened it, beside its
 * field. Not for the no-contact conditions: they belong to the offender's sentence and release,
 * imposed (RO is post-sentence), and perhaps amended or ended, before any referral.
 */
function beforeReferral(field: string, instant: string, context: RestorativeOpportunitiesContext, ctx: DecideContext): RuleCheck {
  const receivedAt = context.referralReceivedAt;
  if (receivedAt === undefined || Date.parse(instant) >= Date.parse(receivedAt)) return false;
  return refusalAtField(BeforeReferral, { field, value: instant, receivedAt: asInRegion(receivedAt, context.region, ctx) }, `data.${field}`, BEFORE_REFERRAL_AT_FIELD);
}

/** When a fact of the case happened, as given: not later than now, nor before the referral. */
function pastSinceReferral(field: string, instant: string, context: RestorativeOpportunitiesContext, ctx: DecideContext): RuleCheck[] {
  return [inTheFuture(field, instant, ctx), beforeReferral(field, instant, context, ctx)];
}

function dayInTheFuture(field: string, localDate: string, context: RestorativeOpportunitiesContext, ctx: DecideContext): RuleCheck {
  return localDate > ctx.calendars.forRegion(context.region).localDate(ctx.now) && TimeInTheFuture({ field, value: localDate });
}

/** The terms a French clause carries: the program's name, "deemed appropriate" and "facilitated", whatever the agreement. */
const FRENCH_WORDING_TERMS = [/possibilites de justice reparatrice/, /\bjugee?s? appropriee?s?\b/, /\bfacilitee?s?\b/];

/**
 * The protocols' facilitation wording this clause carries, as Mend records it: the English clause,
 * compared without regard to case, spacing or the shape of apostrophes, as staff copy it from
 * condition texts; or a French clause, recognised by its terms. None when it carries neither.
 */
function facilitationWordingIn(clause: string): string | undefined {
  const normalize = (text: string) =>
    text
      .normalize('NFKC')
      .replace(/[\u2018\u2019\u02BC\u0060\u00B4]/g, "'")
      .replace(/\s+/g, ' ')
      .toLowerCase();
  if (normalize(clause).includes(normalize(FACILITATION_WORDING))) return FACILITATION_WORDING;
  const folded = normalize(clause).normalize('NFD').replace(/\p{M}+/gu, '');
  return FRENCH_WORDING_TERMS.every((term) => term.test(folded)) ? FACILITATION_WORDING_FR : undefined;
}

/** Wording given for a condition must carry the protocols' facilitation clause. */
function wordingMissing(kind: NoContactConditionKind, wording: string | undefined): RuleCheck {
  return wording !== undefined && facilitationWordingIn(wording) === undefined && FacilitationWordingMissing({ condition: kind });
}

/**
 * A condition's status, and the wording to record (once `wordingMissing` holds): the program's
 * clause in the language of the text given, never that text (free text that may quote the
 * condition, which names the victim).
 */
function conditionStatus(wording: string | undefined) {
  if (wording === undefined) return { status: 'inPlace' as const };
  return { status: 'facilitationPermitted' as const, facilitationWording: facilitationWordingIn(wording) ?? FACILITATION_WORDING };
}

function receiveReferral(data: Data<'ReceiveReferral'>, ctx: DecideContext): Decided {
  enforceRules([
    // "Requests made directly by an offender to the RO program administration will not be accepted."
    data.source === 'offender' && OffenderSelfReferral({}),
    data.source === 'victimRepresentative' && !data.victimRegistered && RepresentativeForUnregisteredVictim({}),
    inTheFuture('receivedAt', data.receivedAt, ctx),
    ctx.calendars.forRegion(data.region).localDate(new Date(data.receivedAt)) < PROGRAM_BEGAN_ON &&
      refusalAtField(ReferralBeforeProgram, { field: 'receivedAt', value: data.receivedAt, began: PROGRAM_BEGAN_ON.slice(0, 4) }, 'data.receivedAt', BEFORE_PROGRAM_AT_FIELD),
  ]);
  // Refused above with every other broken rule; this tells the compiler.
  if (data.source === 'offender') throw OffenderSelfReferral({});
  const receivedAt = utc(data.receivedAt);
  const victim = withSubject(data.victim, ctx);
  const offender = withSubject(data.offender, ctx);
  const common = { region: data.region, receivedAt, victim, offender };
  switch (data.source) {
    case 'victim':
      return [{ type: 'ReferralReceived', data: { source: 'victim', ...common, victimRegistered: data.victimRegistered } }];
    case 'victimRepresentative':
      return [
        {
          type: 'ReferralReceived',
          data: {
            source: 'victimRepresentative',
            ...common,
            victimRegistered: true,
            representative: withSubject(data.representative, ctx),
          },
        },
      ];
    case 'institutional':
      return [{ type: 'ReferralReceived', data: { source: 'institutional', ...common, referredBy: data.referredBy } }];
    case 'community':
      return [
        {
          type: 'ReferralReceived',
          data: { source: 'community', ...common, referredBy: data.referredBy, offenderStatus: data.offenderStatus },
        },
      ];
    default:
      return assertNever(data);
  }
}

function assessIntake(data: Data<'AssessIntake'>, state: State, ctx: DecideContext): Decided {
  const suitable = data.outcome === 'suitable';
  enforceRules([
    // RO serves offenders "who have taken responsibility for their actions".
    suitable && !data.offenderAcceptedResponsibility && OffenderResponsibilityNotAccepted({}),
    suitable && data.safetyConcerns === 'unresolved' && SafetyConcernsUnresolved({}),
    ...data.noContactConditions.map((condition) => wordingMissing(condition.kind, condition.facilitationWording)),
  ]);
  const noContactConditions = data.noContactConditions.map((condition) => ({
    kind: condition.kind,
    ...conditionStatus(condition.facilitationWording),
  }));
  const assessed: RestorativeOpportunitiesEvent = { type: 'IntakeAssessed', data: { ...data, noContactConditions } };
  if (data.outcome === 'suitable') return [assessed];
  return [...cancelOpenClocks(state.clocks, ctx.now, NOT_SUITABLE), assessed];
}

function reassign(data: Data<'ReassignCase'>, context: RestorativeOpportunitiesContext): Decided {
  const previous = data.assignment === 'mediator' ? context.mediatorId : context.intakeOfficerId;
  if (previous === undefined) {
    // The machine offers ReassignCase once an intake officer is assigned; a mediator comes later.
    if (data.assignment === 'mediator') throw NoMediatorAssigned({});
    throw new Error('The machine offers ReassignCase only after the first assignment');
  }
  if (previous === data.assigneeId) throw AlreadyAssigned({ assignment: data.assignment, assigneeId: data.assigneeId });
  return [{ type: 'CaseReassigned', data: { ...data, previousAssigneeId: previous } }];
}

function recordCondition(
  data: Data<'RecordNoContactCondition'>,
  context: RestorativeOpportunitiesContext,
  ctx: DecideContext,
): Decided {
  enforceRules([dayInTheFuture('imposedOn', data.imposedOn, context, ctx), wordingMissing(data.kind, data.facilitationWording)]);
  return [{ type: 'NoContactConditionRecorded', data: { kind: data.kind, imposedOn: data.imposedOn, ...conditionStatus(data.facilitationWording) } }];
}

/**
 * The protocols prescribe the facilitation wording for a Parole Board no-contact condition (2.c,
 * 2.d). A court varies its own order in its own words (requests are "referred to the NHQ Restorative
 * Justice Unit", 2.a): what it varied is recorded, with no wording to check.
 */
function amendCondition(data: Data<'RecordConditionAmended'>, context: RestorativeOpportunitiesContext, ctx: DecideContext): Decided {
  enforceRules([
    context.conditions[data.kind] !== 'inPlace' && ConditionNotInPlace({ condition: data.kind }),
    dayInTheFuture('amendedOn', data.amendedOn, context, ctx),
    data.kind === 'paroleBoardNoContactCondition' &&
      facilitationWordingIn(data.facilitationWording) === undefined &&
      refusalAtField(FacilitationWordingMissing, { condition: data.kind }, 'data.facilitationWording'),
  ]);
  if (data.kind === 'courtNonCommunicationOrder') {
    return [{ type: 'NoContactConditionAmended', data: { kind: data.kind, amendedOn: data.amendedOn, variation: data.variation } }];
  }
  return [{ type: 'NoContactConditionAmended', data: { kind: data.kind, amendedOn: data.amendedOn, facilitationWording: facilitationWordingIn(data.facilitationWording) ?? FACILITATION_WORDING } }];
}

/** Once advised of the upcoming dialogue, CSC staff recommend the amendment (protocols, 2.d). */
function adviseStaff(data: Data<'AdviseStaffOfDialogue'>, context: RestorativeOpportunitiesContext, ctx: DecideContext): Decided {
  enforceRules(pastSinceReferral('advisedAt', data.advisedAt, context, ctx));
  return [{ type: 'StaffAdvisedOfDialogue', data: { ...data, advisedAt: utc(data.advisedAt) } }];
}

/**
 * The person may no longer attend. A meeting already arranged that names them stays reserved; the
 * event names it, and it is held only once arranged again without them (notes.md).
 */
function withdrawSupportPersonAgreement(data: Data<'WithdrawSupportPersonAgreement'>, context: RestorativeOpportunitiesContext): Decided {
  enforceRules([
    !context.supportPersonIds.includes(data.personId) && refusalAtField(NoAgreementToWithdraw, { personId: data.personId }, 'data.personId'),
  ]);
  const named = context.meetingId !== undefined && context.meetingSupportPersonIds.includes(data.personId);
  return [{ type: 'SupportPersonAgreementWithdrawn', data: { ...data, ...(named ? { meetingToRearrangeId: context.meetingId } : {}) } }];
}

/** A condition that expired, was removed or was varied to drop the no-contact term no longer blocks contact, as an amended one. */
function endCondition(data: Data<'RecordConditionEnded'>, context: RestorativeOpportunitiesContext, ctx: DecideContext): Decided {
  enforceRules([
    context.conditions[data.kind] === undefined && ConditionNotRecorded({ condition: data.kind }),
    dayInTheFuture('endedOn', data.endedOn, context, ctx),
  ]);
  return [{ type: 'NoContactConditionEnded', data: { kind: data.kind, endedOn: data.endedOn, how: data.how } }];
}

function partyId(party: 'victim' | 'offender', context: RestorativeOpportunitiesContext): string {
  const id = party === 'victim' ? context.victimId : context.offenderId;
  // The machine offers these commands only after the referral, which records both parties.
  if (id === undefined) throw new Error(`The case has no ${party}`);
  return id;
}

/**
 * "Voluntary participation at all stages of the process": a party's latest word on consent is the
 * one that counts. `notYet` is for a party who has not consented, `takenBack` for one who had, so
 * that neither is recorded where it would mean the other.
 */
function recordPreparation(data: Data<'RecordPreparation'>, context: RestorativeOpportunitiesContext, ctx: DecideContext): Decided {
  const consented = context.consent[data.party] === 'given';
  enforceRules([
    ...pastSinceReferral('heldAt', data.heldAt, context, ctx),
    data.consent === 'notYet' && consented && ConsentAlreadyGiven({ party: data.party }),
    data.consent === 'takenBack' && !consented && NoConsentToTakeBack({ party: data.party }),
  ]);
  // The machine calls the arranged meeting off; the event says which.
  const cancelled = data.consent === 'takenBack' && context.meetingId !== undefined ? { cancelledMeetingId: context.meetingId } : {};
  return [{ type: 'PreparationSessionHeld', data: { ...data, subjectId: partyId(data.party, context), heldAt: utc(data.heldAt), ...cancelled } }];
}

function selectModel(data: Data<'SelectModel'>, state: State): Decided {
  const context = roContext(state);
  const beforeDialogue = state.snapshot.matches('modelSelected') || state.snapshot.matches('meetingArranged');
  if (beforeDialogue && context.model === data.model) throw ModelAlreadySelected({ model: data.model });
  return [{ type: 'ModelSelected', data }];
}

/**
 * The protocols' "Meeting Space" and "Victims Entering Institutions" rules, each checked, so that
 * every one a proposed meeting breaks is named at once; each beside the field it is about
 * (`details.issues`, in the rule's own entry of `details.rules` when several are broken).
 */
export function meetingRules(data: Data<'ArrangeMeeting'>, context: RestorativeOpportunitiesContext, ctx: DecideContext): RuleCheck[] {
  const visitsArea = data.room === 'visitsAndCorrespondenceArea';
  const unknown = data.supportPersonIds.filter((id) => !context.supportPersonIds.includes(id));
  return [
    // For a day to come, or recorded once arranged: never for a day before the case began, nor years ahead (a mistyped year).
    beforeReferral('scheduledFor', data.scheduledFor, context, ctx),
    beyondPlanningHorizon(data.scheduledFor, ctx.now) && TooFarAhead({ field: 'scheduledFor', value: data.scheduledFor }),
    visitsArea && !data.exceptionalCircumstances && refusalAtField(VisitsAreaNotExceptional, {}, 'data.room'),
    visitsArea &&
      data.exceptionalCircumstances?.areaClosedToOthers === false &&
      refusalAtField(VisitsAreaNotClosedToOthers, {}, 'data.exceptionalCircumstances.areaClosedToOthers'),
    !data.privateAndUninterrupted && refusalAtField(MeetingSpaceNotPrivate, {}, 'data.privateAndUninterrupted'),
    !data.notRecordedOrOverheard && refusalAtField(MeetingWouldBeRecorded, {}, 'data.notRecordedOrOverheard'),
    data.venue.kind === 'institution' && data.entryDocumentsArranged !== true && refusalAtField(EntryDocumentsNotArranged, {}, 'data.entryDocumentsArranged'),
    unknown.length > 0 && refusalAtField(SupportPersonNotAgreed, { ids: unknown }, 'data.supportPersonIds'),
  ];
}

function arrangeMeeting(data: Data<'ArrangeMeeting'>, context: RestorativeOpportunitiesContext, ctx: DecideContext): Decided {
  enforceRules(meetingRules(data, context, ctx));
  return [
    {
      type: 'MeetingArranged',
      data: {
        ...data,
        meetingId: ctx.newId(),
        offenderId: partyId('offender', context),
        scheduledFor: utc(data.scheduledFor),
        supportPersonIds: [...new Set(data.supportPersonIds)],
        privateAndUninterrupted: true,
        notRecordedOrOverheard: true,
      },
    },
  ];
}

/** The meeting a dialogue of the case's model records, if one was arranged for it. */
function meetingHeld(context: RestorativeOpportunitiesContext): { meetingId: string; scheduledFor: string | undefined } | undefined {
  const needsMeeting = context.model !== undefined && MODEL_NEEDS_MEETING[context.model];
  if (!needsMeeting || context.meetingId === undefined) return undefined;
  return { meetingId: context.meetingId, scheduledFor: context.meetingScheduledFor };
}

/**
 * When a dialogue was held: not later than now, nor before the referral, nor (a meeting) before the
 * day it was arranged for in the case's region, at whatever time of that day it began. One refusal
 * beside the field: the referral's, when both are broken.
 */
export function dialogueTimeRules(data: Data<'RecordDialogue'>, context: RestorativeOpportunitiesContext, ctx: DecideContext): RuleCheck[] {
  const scheduledFor = meetingHeld(context)?.scheduledFor;
  const calendar = ctx.calendars.forRegion(context.region);
  const scheduledOn = scheduledFor !== undefined ? calendar.localDate(new Date(scheduledFor)) : undefined;
  const early =
    beforeReferral('heldAt', data.heldAt, context, ctx) ||
    (scheduledOn !== undefined &&
      calendar.localDate(new Date(data.heldAt)) < scheduledOn &&
      refusalAtField(DialogueBeforeMeeting, { field: 'heldAt', value: data.heldAt, scheduledOn }, 'data.heldAt', DIALOGUE_BEFORE_MEETING_AT_FIELD));
  return [inTheFuture('heldAt', data.heldAt, ctx), early];
}

function recordDialogue(data: Data<'RecordDialogue'>, context: RestorativeOpportunitiesContext, ctx: DecideContext): Decided {
  enforceRules(dialogueTimeRules(data, context, ctx));
  const heldAt = utc(data.heldAt);
  const model = context.model;
  if (model === undefined) throw new Error('The machine offers RecordDialogue only once a model is selected');
  const meeting = meetingHeld(context);
  return [{ type: 'DialogueHeld', data: { model, heldAt, ...(meeting !== undefined ? { meetingId: meeting.meetingId } : {}) } }];
}

function recordFollowUp(data: Data<'RecordFollowUp'>, context: RestorativeOpportunitiesContext, ctx: DecideContext): Decided {
  enforceRules(pastSinceReferral('heldAt', data.heldAt, context, ctx));
  return [{ type: 'FollowUpSessionHeld', data: { ...data, subjectId: partyId(data.party, context), heldAt: utc(data.heldAt) } }];
}

function withdraw(data: Data<'Withdraw'>, state: State, ctx: DecideContext): Decided {
  // Clocks are cancelled first: once the case is withdrawn its machine accepts nothing more.
  return [
    ...cancelOpenClocks(state.clocks, ctx.now, WITHDRAWN[data.party]),
    { type: 'ParticipationWithdrawn', data: { ...data, subjectId: partyId(data.party, roContext(state)) } },
  ];
}
