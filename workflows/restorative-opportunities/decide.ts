import { assertNever } from '../../domain/assert-never';
import { cancelOpenClocks } from '../../domain/clocks/decisions';
import type { ClockEvent } from '../../domain/clocks/events';
import type { DecideContext } from '../../domain/decide-context';
import type { NewEvent } from '../../domain/envelope';
import { refusalAtField } from '../../domain/errors';
import { enforceRules, type RuleCheck } from '../../domain/rules';
import type { Bilingual, CaseState } from '../../domain/workflow';
import { FACILITATION_WORDING, type NoContactConditionKind, type Party, type RestorativeOpportunitiesCommand } from './commands';
import {
  AlreadyAssigned,
  ConditionNotInPlace,
  ConditionNotRecorded,
  ConsentAlreadyGiven,
  EntryDocumentsNotArranged,
  FacilitationWordingMissing,
  MeetingSpaceNotPrivate,
  MeetingWouldBeRecorded,
  ModelAlreadySelected,
  NoConsentToTakeBack,
  NoMediatorAssigned,
  OffenderResponsibilityNotAccepted,
  OffenderSelfReferral,
  RepresentativeForUnregisteredVictim,
  SafetyConcernsUnresolved,
  SupportPersonNotAgreed,
  TimeInTheFuture,
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
    case 'RecordPreparation':
      return recordPreparation(cmd.data, context, ctx);
    case 'AgreeSupportPerson':
      return [{ type: 'SupportPersonAgreed', data: { supports: cmd.data.supports, person: withSubject(cmd.data.person, ctx) } }];
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

function dayInTheFuture(field: string, localDate: string, context: RestorativeOpportunitiesContext, ctx: DecideContext): RuleCheck {
  return localDate > ctx.calendars.forRegion(context.region).localDate(ctx.now) && TimeInTheFuture({ field, value: localDate });
}

/**
 * Does this clause carry the protocols' facilitation wording? Compared without regard to case,
 * spacing or the shape of apostrophes, as staff copy it from condition texts.
 */
function carriesFacilitationWording(clause: string): boolean {
  const normalize = (text: string) =>
    text
      .normalize('NFKC')
      .replace(/[\u2018\u2019\u02BC\u0060\u00B4]/g, "'")
      .replace(/\s+/g, ' ')
      .toLowerCase();
  return normalize(clause).includes(normalize(FACILITATION_WORDING));
}

/** Wording given for a condition must carry the protocols' facilitation clause. */
function wordingMissing(kind: NoContactConditionKind, wording: string | undefined): RuleCheck {
  return wording !== undefined && !carriesFacilitationWording(wording) && FacilitationWordingMissing({ condition: kind });
}

/**
 * A condition's status, and the wording to record (once `wordingMissing` holds): the program's
 * clause, never the text given (free text that may quote the condition, which names the victim).
 */
function conditionStatus(wording: string | undefined) {
  if (wording === undefined) return { status: 'inPlace' as const };
  return { status: 'facilitationPermitted' as const, facilitationWording: FACILITATION_WORDING };
}

function receiveReferral(data: Data<'ReceiveReferral'>, ctx: DecideContext): Decided {
  enforceRules([
    // "Requests made directly by an offender to the RO program administration will not be accepted."
    data.source === 'offender' && OffenderSelfReferral({}),
    data.source === 'victimRepresentative' && !data.victimRegistered && RepresentativeForUnregisteredVictim({}),
    inTheFuture('receivedAt', data.receivedAt, ctx),
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

function amendCondition(data: Data<'RecordConditionAmended'>, context: RestorativeOpportunitiesContext, ctx: DecideContext): Decided {
  enforceRules([
    context.conditions[data.kind] !== 'inPlace' && ConditionNotInPlace({ condition: data.kind }),
    dayInTheFuture('amendedOn', data.amendedOn, context, ctx),
    wordingMissing(data.kind, data.facilitationWording),
  ]);
  return [{ type: 'NoContactConditionAmended', data: { kind: data.kind, amendedOn: data.amendedOn, facilitationWording: FACILITATION_WORDING } }];
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
    inTheFuture('heldAt', data.heldAt, ctx),
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
export function meetingRules(data: Data<'ArrangeMeeting'>, context: RestorativeOpportunitiesContext): RuleCheck[] {
  const visitsArea = data.room === 'visitsAndCorrespondenceArea';
  const unknown = data.supportPersonIds.filter((id) => !context.supportPersonIds.includes(id));
  return [
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
  enforceRules(meetingRules(data, context));
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

function recordDialogue(data: Data<'RecordDialogue'>, context: RestorativeOpportunitiesContext, ctx: DecideContext): Decided {
  enforceRules([inTheFuture('heldAt', data.heldAt, ctx)]);
  const heldAt = utc(data.heldAt);
  const model = context.model;
  if (model === undefined) throw new Error('The machine offers RecordDialogue only once a model is selected');
  const meeting = MODEL_NEEDS_MEETING[model] && context.meetingId !== undefined ? { meetingId: context.meetingId } : {};
  return [{ type: 'DialogueHeld', data: { model, heldAt, ...meeting } }];
}

function recordFollowUp(data: Data<'RecordFollowUp'>, context: RestorativeOpportunitiesContext, ctx: DecideContext): Decided {
  enforceRules([inTheFuture('heldAt', data.heldAt, ctx)]);
  return [{ type: 'FollowUpSessionHeld', data: { ...data, subjectId: partyId(data.party, context), heldAt: utc(data.heldAt) } }];
}

function withdraw(data: Data<'Withdraw'>, state: State, ctx: DecideContext): Decided {
  // Clocks are cancelled first: once the case is withdrawn its machine accepts nothing more.
  return [
    ...cancelOpenClocks(state.clocks, ctx.now, WITHDRAWN[data.party]),
    { type: 'ParticipationWithdrawn', data: { ...data, subjectId: partyId(data.party, roContext(state)) } },
  ];
}
