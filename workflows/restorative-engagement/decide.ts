import { assertNever } from '../../domain/assert-never';
import { cancelOpenClocks, clockName, meetClock, startCalendarClock, type ClockEvent } from '../../domain/clocks';
import { workflowSettings } from '../../domain/settings';
import { evolveClocks } from '../../domain/clocks/state';
import { addCalendarDays } from '../../domain/dates';
import type { DecideContext } from '../../domain/decide-context';
import type { NewEvent } from '../../domain/envelope';
import { beyondPlanningHorizon, refusalAtField } from '../../domain/errors';
import { enforceRules, type RuleCheck } from '../../domain/rules';
import { stateName } from '../../domain/fold';
import type { Role } from '../../domain/roles';
import type { CaseState } from '../../domain/workflow';
import type { RestorativeEngagementCommand } from './commands';
import {
  AnonymityPreferenceConflict,
  BEFORE_OPT_IN_AT_FIELD,
  BEFORE_PROGRAM_LAUNCH_AT_FIELD,
  BeforeOptIn,
  BeforeProgramLaunch,
  CHOICES_UNCHANGED_AT_FIELD,
  ChoiceNotMade,
  ChoicesUnchanged,
  CONSENT_WITHDRAWN_BEFORE_GIVEN_AT_FIELD,
  ConsentWithdrawnBeforeGiven,
  CohortMismatch,
  CohortOnlyForSessions,
  DecisionLetterBeforeDecision,
  EngagementAlreadyRecorded,
  EngagementIdTaken,
  FollowUpTooEarly,
  FollowUpWithoutConsent,
  NotASharing,
  OptInWindowClosed,
  ReassignmentRequiresSupervisor,
  RequestSentAfterReceipt,
  SharingAlreadySubmitted,
  SHARING_CONSENT_ALREADY_WITHDRAWN_AT_FIELD,
  SHARING_NOT_SUBMITTED_AT_FIELD,
  SharingConsentAlreadyWithdrawn,
  SharingNotPrepared,
  SharingNotSubmitted,
  TimeInFuture,
  TooFarAhead,
  UNKNOWN_ENGAGEMENT_AT_FIELD,
  UnknownEngagement,
} from './errors';
import { followUpClock, optInWindowClock } from './clocks';
import type { RestorativeEngagementEvent } from './events';
import { engagementsIn, sharingsInUse, type EngagementFacts, type RestorativeEngagementContext } from './machine';
import { RESTORATIVE_ENGAGEMENT, RestorativeEngagementSettings } from './settings';

/** "Within 30 days of the date of your initial claim decision": calendar days, not business days. */
export const OPT_IN_WINDOW_DAYS = 30;
export const OPT_IN_CLOCK = optInWindowClock.key;

/**
 * "The SMSRC officially launched the RE program in its initial operating capability (IOC) on November
 * 15, 2021" (seed 000): no written request to join it was received before that day. Claim forms are
 * not held to it: the claims process is older, and at launch "the program contacted a small group of
 * class members", who had said so on their claim form; the seeds give no day it began.
 */
export const PROGRAM_LAUNCHED_ON = '2021-11-15';

/** Roles that may take a case from the practitioners it is assigned to (DESIGN.md §7). */
const REASSIGNING_ROLES: ReadonlySet<Role> = new Set<Role>(['supervisor', 'admin']);

type Decided = (RestorativeEngagementEvent | ClockEvent)[];
type Command<T extends RestorativeEngagementCommand['type']> = Extract<RestorativeEngagementCommand, { type: T }>;

export function engagementContext(state: CaseState): RestorativeEngagementContext {
  return state.snapshot.context as RestorativeEngagementContext;
}

/** The command's data was parsed by its schema before `decide` runs (domain/process.ts). */
export function decide(command: NewEvent, state: CaseState, ctx: DecideContext): NewEvent[] {
  const cmd = command as RestorativeEngagementCommand;
  const context = engagementContext(state);
  const now = ctx.now.toISOString();
  switch (cmd.type) {
    case 'ReceiveOptIn':
      return receiveOptIn(cmd, ctx);
    case 'ConfirmParticipation':
      return [
        {
          type: 'ParticipationConfirmed',
          data: { confirmedAt: past('confirmedAt', cmd.data.confirmedAt, ctx, context), officialLanguage: cmd.data.officialLanguage },
        },
      ];
    case 'AssignPractitioner':
      return [{ type: 'PractitionerAssigned', data: { practitionerIds: cmd.data.practitionerIds, assignedAt: now } }];
    case 'ReassignPractitioner':
      return reassign(cmd, context, ctx);
    case 'RecordPreparationSession':
      return [
        {
          type: 'PreparationSessionHeld',
          data: {
            sessionId: ctx.newId(),
            heldAt: past('heldAt', cmd.data.heldAt, ctx, context),
            delivery: cmd.data.delivery,
            topics: cmd.data.topics,
            supportPersonPresent: cmd.data.supportPersonPresent,
          },
        },
      ];
    case 'SetGoals':
      return [{ type: 'GoalsSet', data: { classMemberId: classMemberOf(context), goals: cmd.data.goals, setAt: now } }];
    case 'CompletePreparation':
      return [{ type: 'PreparationCompleted', data: { completedAt: now, sessionsHeld: context.preparationSessions } }];
    case 'ChooseParticipation':
      return [{ type: 'ParticipationChosen', data: { ...cmd.data, chosenAt: now } }];
    case 'ScheduleEngagement':
      return schedule(cmd, context, ctx);
    case 'RecordEngagement':
      return recordEngagement(cmd, context, ctx);
    case 'SubmitSharing':
      return submitSharing(cmd, context, ctx);
    case 'CompleteEngagementPhase':
      return [
        {
          type: 'EngagementPhaseCompleted',
          data: {
            completedAt: now,
            engagementsHeld: engagementsIn(context, 'held').length,
            sharingsSubmitted: context.engagements.filter((e) => e.submitted).length,
          },
        },
      ];
    case 'RecordReflection':
      return recordReflection(cmd, context, ctx);
    case 'ReturnToEngagement':
      return [{ type: 'ReturnedToEngagement', data: { returnedAt: now, round: context.round + 1 } }];
    case 'CloseEngagement':
      return close(cmd, state, ctx);
    case 'RecordFollowUp':
      return recordFollowUp(cmd, state, ctx);
    case 'WithdrawSharingConsent':
      return withdrawSharingConsent(cmd, context, ctx);
    case 'ReviseInputChoices':
      return reviseInputChoices(cmd, context, ctx);
    case 'ResumeParticipation':
      return resume(cmd, state, ctx);
    case 'Withdraw':
      return withdraw(cmd, state, ctx);
    default:
      return assertNever(cmd);
  }
}

/**
 * When a fact of the case happened: as given, or now. Never later than now, nor before the class
 * member's opt-in was received (a case recorded before that time was kept holds no such time).
 */
function past(field: string, value: string | undefined, ctx: DecideContext, context: RestorativeEngagementContext): string {
  if (value === undefined) return ctx.now.toISOString();
  enforceRules([inTheFuture(field, value, ctx), beforeOptIn(field, value, context)]);
  return value;
}

/** The rule that the case's times, facts or plans, come after the opt-in was received: broken by one before it. */
function beforeOptIn(field: string, value: string | undefined, context: RestorativeEngagementContext): RuleCheck {
  const since = context.optInReceivedAt;
  return (
    value !== undefined &&
    since !== undefined &&
    Date.parse(value) < Date.parse(since) &&
    refusalAtField(BeforeOptIn, { field, value, receivedAt: since }, `data.${field}`, BEFORE_OPT_IN_AT_FIELD)
  );
}

/** The rule that a fact given with its time has already happened: broken by a time after now. */
function inTheFuture(field: string, value: string | undefined, ctx: DecideContext): RuleCheck {
  return value !== undefined && Date.parse(value) > ctx.now.getTime() && TimeInFuture({ field, value });
}

function classMemberOf(context: RestorativeEngagementContext): string {
  if (context.classMemberId === undefined) throw new Error('A restorative engagement case without a class member: its history is corrupt.');
  return context.classMemberId;
}

function receiveOptIn(cmd: Command<'ReceiveOptIn'>, ctx: DecideContext): Decided {
  const d = cmd.data;
  const calendar = ctx.calendars.forRegion(d.region);
  const today = calendar.localDate(ctx.now);
  const receivedAt = new Date(d.receivedAt);
  const receivedOn = calendar.localDate(receivedAt);
  const letterOn = d.channel === 'writtenRequest' ? d.decisionLetterReceivedOn : undefined;
  const sentOn = d.channel === 'writtenRequest' ? d.requestSentOn : undefined;
  const later = (field: string, day: string | undefined): RuleCheck => day !== undefined && day > today && TimeInFuture({ field, value: day });
  enforceRules([
    inTheFuture('receivedAt', d.receivedAt, ctx),
    d.channel === 'writtenRequest' &&
      receivedOn < PROGRAM_LAUNCHED_ON &&
      refusalAtField(BeforeProgramLaunch, { receivedAt: d.receivedAt, launchedOn: PROGRAM_LAUNCHED_ON }, 'data.receivedAt', BEFORE_PROGRAM_LAUNCH_AT_FIELD),
    later('claimDecisionDate', d.claimDecisionDate),
    later('decisionLetterReceivedOn', letterOn),
    later('requestSentOn', sentOn),
    sentOn !== undefined && sentOn <= today && sentOn > receivedOn && RequestSentAfterReceipt({ requestSentOn: sentOn, receivedOn }),
    letterOn !== undefined &&
      d.claimDecisionDate !== undefined &&
      letterOn < d.claimDecisionDate &&
      DecisionLetterBeforeDecision({ decisionLetterReceivedOn: letterOn, claimDecisionDate: d.claimDecisionDate }),
  ]);
  const opened = (optInWindowLastDay?: string): RestorativeEngagementEvent => ({
    type: 'OptInReceived',
    data: {
      region: d.region,
      channel: d.channel,
      receivedAt: d.receivedAt,
      ...(d.claimDecisionDate !== undefined ? { claimDecisionDate: d.claimDecisionDate } : {}),
      ...(letterOn !== undefined ? { decisionLetterReceivedOn: letterOn } : {}),
      ...(sentOn !== undefined ? { requestSentOn: sentOn } : {}),
      ...(optInWindowLastDay !== undefined ? { optInWindowLastDay } : {}),
      classMember: {
        subjectId: d.classMember.subjectId ?? ctx.newId(),
        ...(d.classMember.name !== undefined ? { name: d.classMember.name } : {}),
        pseudonym: d.classMember.pseudonym,
        ...(d.classMember.contact !== undefined ? { contact: d.classMember.contact } : {}),
        ...(d.classMember.claimReference !== undefined ? { claimReference: d.classMember.claimReference } : {}),
      },
      ...(d.officialLanguage !== undefined ? { officialLanguage: d.officialLanguage } : {}),
    },
  });
  // Interest indicated on the claim form itself needs no further request, so no window applies.
  if (d.channel === 'claimForm') return [opened()];

  // "Within 30 days of the date of your initial claim decision" (000:78) and "30 days from receiving
  // it" (001:9), read together in the class member's favour: the window counts from the later of the
  // decision and the day its letter reached them, and a request is on time if it was sent in it,
  // whenever it arrived; without the day sent, its receipt is all we know.
  const countedFrom = letterOn !== undefined && letterOn > d.claimDecisionDate ? letterOn : d.claimDecisionDate;
  const lastDay = addCalendarDays(countedFrom, OPT_IN_WINDOW_DAYS);
  const judgedOn = sentOn ?? receivedOn;
  if (judgedOn > lastDay) {
    throw OptInWindowClosed({
      claimDecisionDate: d.claimDecisionDate,
      ...(letterOn !== undefined ? { decisionLetterReceivedOn: letterOn } : {}),
      lastDay,
      ...(sentOn !== undefined ? { requestSentOn: sentOn } : {}),
      receivedOn,
    });
  }
  // Recorded as a clock, met when the request was sent (by the end of that day, unless it was
  // received earlier still) or else when it was received, so an auditor sees the window respected.
  const metAt = sentOn !== undefined ? new Date(Math.min(calendar.endOfLocalDay(sentOn).getTime(), receivedAt.getTime())) : receivedAt;
  // The window is the class member's own deadline, not the program's service standard: it warns no
  // one and counts in no on-time rate (a late request is refused, so it would only ever be met).
  const window = startCalendarClock(ctx, {
    clock: OPT_IN_CLOCK,
    name: clockName(optInWindowClock),
    region: d.region,
    startedAt: new Date(Math.min(calendar.startOfLocalDay(countedFrom).getTime(), metAt.getTime())),
    fromLocalDate: countedFrom,
    days: OPT_IN_WINDOW_DAYS,
    standard: false,
  });
  return [opened(lastDay), window, ...meetClock(evolveClocks({}, window), OPT_IN_CLOCK, metAt)];
}

function reassign(cmd: Command<'ReassignPractitioner'>, context: RestorativeEngagementContext, ctx: DecideContext): Decided {
  if (!REASSIGNING_ROLES.has(ctx.actor.role)) {
    throw ReassignmentRequiresSupervisor({ practitioners: context.practitionerIds });
  }
  return [
    {
      type: 'PractitionersReassigned',
      data: {
        practitionerIds: cmd.data.practitionerIds,
        previousPractitionerIds: [...context.practitionerIds],
        reason: cmd.data.reason,
        reassignedAt: ctx.now.toISOString(),
      },
    },
  ];
}

function schedule(cmd: Command<'ScheduleEngagement'>, context: RestorativeEngagementContext, ctx: DecideContext): Decided {
  const d = cmd.data;
  const chosen = context.participation;
  if (!chosen) throw new Error('Engagement scheduled before participation was chosen: the machine should not allow it.');
  // "Honouring choices for how they would like to participate": only what the class member chose.
  // It may have been scheduled for a time now past (recorded late), never for one before the opt-in, nor years ahead (a mistyped year).
  const engagementId = d.engagementId ?? ctx.newId();
  enforceRules([
    beforeOptIn('scheduledFor', d.scheduledFor, context),
    beyondPlanningHorizon(d.scheduledFor, ctx.now) && TooFarAhead({ field: 'scheduledFor', value: d.scheduledFor }),
    !chosen.options.includes(d.option) && ChoiceNotMade({ choice: d.option, chosen: chosen.options }),
    !chosen.deliveries.includes(d.delivery) && ChoiceNotMade({ choice: d.delivery, chosen: chosen.deliveries }),
    !chosen.settings.includes(d.setting) && ChoiceNotMade({ choice: d.setting, chosen: chosen.settings }),
    d.cohortId !== undefined && d.option !== 'engagementSession' && CohortOnlyForSessions({ option: d.option }),
    context.engagements.some((e) => e.engagementId === engagementId) && EngagementIdTaken({ engagementId }),
  ]);
  return [
    {
      type: 'EngagementScheduled',
      data: {
        engagementId,
        option: d.option,
        delivery: d.delivery,
        setting: d.setting,
        scheduledFor: d.scheduledFor,
        supportPersonAttending: d.supportPersonAttending,
        ...(d.cohortId !== undefined ? { cohortId: d.cohortId } : {}),
      },
    },
  ];
}

function findEngagement(context: RestorativeEngagementContext, engagementId: string): EngagementFacts {
  const engagement = context.engagements.find((e) => e.engagementId === engagementId);
  if (!engagement) {
    throw UnknownEngagement({ engagementId, known: context.engagements.map((e) => e.engagementId).join(', ') || 'none' });
  }
  return engagement;
}

function recordEngagement(cmd: Command<'RecordEngagement'>, context: RestorativeEngagementContext, ctx: DecideContext): Decided {
  const d = cmd.data;
  const engagement = findEngagement(context, d.engagementId);
  const cohortId = d.outcome === 'held' ? d.cohortId : undefined;
  enforceRules([
    engagement.status !== 'scheduled' && EngagementAlreadyRecorded({ engagementId: d.engagementId, outcome: engagement.status }),
    d.outcome === 'held' && inTheFuture('heldAt', d.heldAt, ctx),
    cohortId !== undefined && engagement.option !== 'engagementSession' && CohortOnlyForSessions({ option: engagement.option }),
    cohortId !== undefined &&
      engagement.cohortId !== undefined &&
      engagement.cohortId !== cohortId &&
      CohortMismatch({ engagementId: d.engagementId, scheduled: engagement.cohortId, given: cohortId }),
  ]);
  return [
    {
      type: 'EngagementRecorded',
      data:
        d.outcome === 'held'
          ? { engagementId: d.engagementId, outcome: 'held', at: past('heldAt', d.heldAt, ctx, context), ...(cohortId !== undefined ? { cohortId } : {}) }
          : { engagementId: d.engagementId, outcome: 'cancelled', at: ctx.now.toISOString(), cancelledBy: d.cancelledBy },
    },
  ];
}

function submitSharing(cmd: Command<'SubmitSharing'>, context: RestorativeEngagementContext, ctx: DecideContext): Decided {
  const d = cmd.data;
  const engagement = findEngagement(context, d.engagementId);
  const option = engagement.option;
  if (option === 'engagementSession') throw NotASharing({ engagementId: d.engagementId });
  const prefersAnonymity = context.participation?.anonymity === 'anonymous';
  const anonymous = d.anonymous ?? prefersAnonymity;
  enforceRules([
    engagement.status !== 'held' && SharingNotPrepared({ engagementId: d.engagementId, status: engagement.status }),
    engagement.submitted && SharingAlreadySubmitted({ engagementId: d.engagementId }),
    prefersAnonymity && !anonymous && AnonymityPreferenceConflict({ engagementId: d.engagementId }),
    inTheFuture('consentGivenAt', d.consentGivenAt, ctx),
  ]);
  return [
    {
      type: 'SharingSubmitted',
      data: {
        engagementId: d.engagementId,
        option,
        consentGivenAt: past('consentGivenAt', d.consentGivenAt, ctx, context),
        anonymous,
        submittedAt: ctx.now.toISOString(),
      },
    },
  ];
}

function recordReflection(cmd: Command<'RecordReflection'>, context: RestorativeEngagementContext, ctx: DecideContext): Decided {
  const d = cmd.data;
  return [
    {
      type: 'ReflectionRecorded',
      data: {
        classMemberId: classMemberOf(context),
        reflectedAt: past('reflectedAt', d.reflectedAt, ctx, context),
        goalsMet: d.goalsMet,
        ...(d.feedback !== undefined ? { feedback: d.feedback } : {}),
        ...(d.goalsMet === 'met' ? { inputUse: d.inputUse, stayConnected: d.stayConnected } : {}),
        followUpConsent: d.followUpConsent,
      },
    },
  ];
}

function close(cmd: Command<'CloseEngagement'>, state: CaseState, ctx: DecideContext): Decided {
  const context = engagementContext(state);
  const reflection = context.reflection;
  if (!reflection) throw new Error('Engagement closed before a reflection: the machine should not allow it.');
  const weeks = cmd.data.followUpInWeeks;
  if (weeks !== undefined && !reflection.followUpConsent) throw FollowUpWithoutConsent({});
  const today = ctx.calendars.forRegion(context.region).localDate(ctx.now);
  const closed: RestorativeEngagementEvent = {
    type: 'EngagementClosed',
    data: { closedAt: ctx.now.toISOString(), goalsMet: reflection.goalsMet },
  };
  const cancelled = cancelOpenClocks(state.clocks, ctx.now, { en: 'The engagement was closed.', fr: 'L’engagement a été clos.' });
  if (weeks === undefined) return [...cancelled, closed];
  // The follow-up is a clock like the others: it warns, and breaches when nobody followed up by the end of its due day.
  const dueOn = addCalendarDays(today, weeks * 7);
  const { followUpToleranceDays } = workflowSettings(ctx.settings, RESTORATIVE_ENGAGEMENT, RestorativeEngagementSettings);
  const clock = startCalendarClock(ctx, {
    clock: followUpClock.key,
    name: clockName(followUpClock),
    region: context.region,
    startedAt: ctx.now,
    fromLocalDate: today,
    days: weeks * 7,
  });
  return [
    ...cancelled,
    { ...closed, data: { ...closed.data, followUpDueOn: dueOn, followUpEarliestOn: addCalendarDays(dueOn, -followUpToleranceDays) } },
    clock,
  ];
}

/**
 * "The restorative practitioner will explore options to follow up with them sometime after the
 * process": not before the day recorded at closing (the due date minus the tolerance), so that a
 * call in the week of closing does not pass for the follow-up the class member consented to.
 */
function recordFollowUp(cmd: Command<'RecordFollowUp'>, state: CaseState, ctx: DecideContext): Decided {
  const context = engagementContext(state);
  const d = cmd.data;
  const at = d.outcome === 'held' ? (d.heldAt ?? ctx.now.toISOString()) : ctx.now.toISOString();
  const earliestOn = context.followUpEarliestOn;
  const on = ctx.calendars.forRegion(context.region).localDate(new Date(at));
  enforceRules([
    d.outcome === 'held' && inTheFuture('heldAt', d.heldAt, ctx),
    d.outcome === 'held' && beforeOptIn('heldAt', d.heldAt, context),
    earliestOn !== undefined && on < earliestOn && FollowUpTooEarly({ on, earliestOn, dueOn: context.followUpDueOn ?? earliestOn }),
  ]);
  // The clock is met first: the case is completed, and takes no event, after the follow-up.
  return [
    ...meetClock(state.clocks, followUpClock.key, new Date(at)),
    {
      type: 'FollowUpRecorded',
      data: d.outcome === 'held' ? { outcome: 'held', at, goalsMet: d.goalsMet } : { outcome: 'notReached', at },
    },
  ];
}

/**
 * Why consent to sharing `engagementId` cannot be withdrawn (at `consentWithdrawnAt`, when given):
 * the engagement is unknown, no submitted sharing, or its consent already withdrawn. Said beside the
 * field; the command's refusal says the same when no sharing is left to withdraw (index.ts).
 */
export function sharingConsentRefusals(context: RestorativeEngagementContext, engagementId: string, consentWithdrawnAt?: string): RuleCheck[] {
  const field = 'data.engagementId';
  const engagement = context.engagements.find((e) => e.engagementId === engagementId);
  if (!engagement) {
    const known = context.engagements.map((e) => e.engagementId).join(', ') || 'none';
    return [refusalAtField(UnknownEngagement, { engagementId, known }, field, UNKNOWN_ENGAGEMENT_AT_FIELD)];
  }
  const session = engagement.option === 'engagementSession';
  const given = engagement.consentGivenAt;
  return [
    (session || !engagement.submitted) && refusalAtField(SharingNotSubmitted, { engagementId, session }, field, SHARING_NOT_SUBMITTED_AT_FIELD),
    engagement.consentWithdrawnAt !== undefined &&
      refusalAtField(SharingConsentAlreadyWithdrawn, { engagementId, consentWithdrawnAt: engagement.consentWithdrawnAt }, field, SHARING_CONSENT_ALREADY_WITHDRAWN_AT_FIELD),
    consentWithdrawnAt !== undefined &&
      given !== undefined &&
      Date.parse(consentWithdrawnAt) < Date.parse(given) &&
      refusalAtField(ConsentWithdrawnBeforeGiven, { value: consentWithdrawnAt, consentGivenAt: given }, 'data.consentWithdrawnAt', CONSENT_WITHDRAWN_BEFORE_GIVEN_AT_FIELD),
  ];
}

/**
 * "Class members are in control of the information they provide", and a sharing "will only be
 * submitted with your consent": taken back, the consent ends the sharing's use. Nothing recorded is
 * removed; the sharing stays submitted, and is counted as withdrawn.
 */
function withdrawSharingConsent(cmd: Command<'WithdrawSharingConsent'>, context: RestorativeEngagementContext, ctx: DecideContext): Decided {
  const d = cmd.data;
  enforceRules(sharingConsentRefusals(context, d.engagementId, d.consentWithdrawnAt));
  const engagement = findEngagement(context, d.engagementId);
  if (engagement.option === 'engagementSession') throw new Error('A session has no consent to withdraw: the rules above refuse it.');
  return [
    {
      type: 'SharingConsentWithdrawn',
      data: { engagementId: d.engagementId, option: engagement.option, consentWithdrawnAt: past('consentWithdrawnAt', d.consentWithdrawnAt, ctx, context) },
    },
  ];
}

const sameUses = (a: readonly string[] | undefined, b: readonly string[]): boolean =>
  a !== undefined && a.length === b.length && b.every((use) => a.includes(use));

/**
 * Phase 3's choices ("validate how they want their input to be used", "maintaining a connection with
 * the program") are the class member's to revise at any time: only what changes is recorded.
 */
function reviseInputChoices(cmd: Command<'ReviseInputChoices'>, context: RestorativeEngagementContext, ctx: DecideContext): Decided {
  const { inputUse, stayConnected, revisedAt } = cmd.data;
  const current = context.stayConnected;
  const usesChanged = inputUse !== undefined && !sameUses(context.inputUse, inputUse);
  const connectionChanged =
    stayConnected !== undefined &&
    (current === undefined ||
      current.programUpdates !== stayConnected.programUpdates ||
      current.researchAndConsultations !== stayConnected.researchAndConsultations);
  const anyGiven = inputUse !== undefined || stayConnected !== undefined;
  enforceRules([
    !usesChanged &&
      !connectionChanged &&
      refusalAtField(ChoicesUnchanged, { anyGiven }, inputUse === undefined && stayConnected !== undefined ? 'data.stayConnected' : 'data.inputUse', CHOICES_UNCHANGED_AT_FIELD),
  ]);
  return [
    {
      type: 'InputChoicesRevised',
      data: {
        revisedAt: past('revisedAt', revisedAt, ctx, context),
        ...(usesChanged ? { inputUse } : {}),
        ...(connectionChanged ? { stayConnected } : {}),
      },
    },
  ];
}

/**
 * "You can change your mind about participating at any time", after completing too: the engagements
 * still scheduled will not take place, so the withdrawal cancels them, as the class member's
 * cancellation, in the same decision. A withdrawn case has none to come. The sharings they submitted
 * were submitted "with your consent", which ends with their participation unless they ask that the
 * sharings may still be used ("in control of the information they provide"): each is withdrawn in
 * the same decision, and the withdrawal says which way it went (notes.md).
 */
function withdraw(cmd: Command<'Withdraw'>, state: CaseState, ctx: DecideContext): Decided {
  const context = engagementContext(state);
  const withdrawnAt = past('withdrawnAt', cmd.data.withdrawnAt, ctx, context);
  const inUse = sharingsInUse(context);
  const keep = cmd.data.keepSharings;
  return [
    ...cancelOpenClocks(state.clocks, ctx.now, { en: 'The class member withdrew from the program.', fr: 'Le membre du groupe a mis fin à sa participation au programme.' }),
    ...engagementsIn(context, 'scheduled').map(
      (engagement): RestorativeEngagementEvent => ({
        type: 'EngagementRecorded',
        data: { engagementId: engagement.engagementId, outcome: 'cancelled', at: ctx.now.toISOString(), cancelledBy: 'classMember' },
      }),
    ),
    ...(keep
      ? []
      : inUse.map(
          (sharing): RestorativeEngagementEvent => ({
            type: 'SharingConsentWithdrawn',
            data: { engagementId: sharing.engagementId, option: sharing.option === 'recordedSharing' ? 'recordedSharing' : 'writtenSharing', consentWithdrawnAt: withdrawnAt },
          }),
        )),
    {
      type: 'ParticipationWithdrawn',
      data: { withdrawnAt, stage: stateName(state.snapshot), ...(inUse.length > 0 ? { sharingConsent: keep ? ('kept' as const) : ('withdrawn' as const) } : {}) },
    },
  ];
}

/** Where a resumed case picks up, by the stage it was withdrawn from (the machine's guards say the same). */
function resumedIn(withdrawnFrom: string): string {
  if (withdrawnFrom === 'optInReceived' || withdrawnFrom === 'awaitingPractitioner' || withdrawnFrom === 'phase1') return withdrawnFrom;
  if (withdrawnFrom.startsWith('phase2')) return 'phase2.choosingOptions';
  if (withdrawnFrom === 'completed') return 'completed';
  return 'phase3';
}

function resume(cmd: Command<'ResumeParticipation'>, state: CaseState, ctx: DecideContext): Decided {
  const context = engagementContext(state);
  const withdrawnFrom = context.withdrawnFrom;
  if (withdrawnFrom === undefined) throw new Error('Resumption of a case that is not withdrawn: the machine should not allow it.');
  return [
    {
      type: 'ParticipationResumed',
      data: {
        requestedAt: past('requestedAt', cmd.data.requestedAt, ctx, context),
        resumedAt: ctx.now.toISOString(),
        withdrawnFrom,
        resumedIn: resumedIn(withdrawnFrom),
        // None since withdrawals cancel them; a case withdrawn before that may still hold some.
        cancelledEngagementIds: engagementsIn(context, 'scheduled').map((e) => e.engagementId),
      },
    },
  ];
}
