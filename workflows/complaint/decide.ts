import { assertNever } from '../../domain/assert-never';
import {
  anyPausable,
  cancelOpenClocks,
  clockName,
  dueLocalDate,
  meetClock,
  pauseClock,
  pauseRefused,
  resumeClock,
  startBusinessClock,
  startCalendarClock,
  type ClockEvent,
} from '../../domain/clocks';
import { evolveClocks, type Clocks } from '../../domain/clocks/state';
import type { DecideContext } from '../../domain/decide-context';
import type { NewEvent } from '../../domain/envelope';
import { refusalAtField, type DomainError } from '../../domain/errors';
import { enforceRules } from '../../domain/rules';
import type { Role } from '../../domain/roles';
import type { EscalationLevel } from '../../domain/settings';
import type { CaseState, ClockBreach } from '../../domain/workflow';
import type { ComplaintCommand } from './commands';
import {
  AcknowledgedOutOfRange,
  AlreadyAssigned,
  ClosedBeforeReviewRecorded,
  RECEIVED_BEFORE_PROGRAMS_AT_FIELD,
  ReassignmentRequiresSupervisor,
  ReceivedBeforePrograms,
  ReceivedInFuture,
  RespondedOutOfRange,
  ResponseMissingNextLevel,
  ResponseNamesAnotherLevel,
  ResponseNamesLevelBeyondChain,
  REVIEW_WINDOW_PASSED_AT_FIELD,
  ReviewRequestedOutOfRange,
  ReviewWindowPassed,
  ReviewerNotIndependent,
  UnknownProgram,
  nextTitleOf,
  type ResponseStart,
} from './errors';
import type { ComplaintEvent } from './events';
import {
  ACKNOWLEDGEMENT_BUSINESS_DAYS,
  ACKNOWLEDGEMENT_CLOCK,
  RESPONSE_BUSINESS_DAYS,
  acknowledgementClock,
  complaintClocks,
  responseClock,
  responseClockDeclaration,
  reviewWindowClock,
  reviewWindowClockDeclaration,
} from './clocks';
import { currentLevel, nextLevel, type ComplaintContext } from './machine';
import { chainFor, complaintSettings } from './settings';

/** Roles that may take a complaint from the handler it is assigned to. */
const REASSIGNING_ROLES: ReadonlySet<Role> = new Set<Role>(['supervisor', 'rju', 'admin']);

/**
 * The earliest day a complaint is received, in its region: no program a complaint can concern
 * existed before. The oldest is CSC's Restorative Opportunities program, which "became available
 * nationally" in 2004 (its `PROGRAM_BEGAN_ON`, restorative-opportunities/notes.md); the others
 * began later (Response and Support Coordination in 2019, Restorative Engagement on 15 November
 * 2021, seeds 000 and 001). A complaint about the whole service is bound by the same day.
 */
export const EARLIEST_RECEIVED_ON = '2004-01-01';

type Decided = (ComplaintEvent | ClockEvent)[];
type Command<T extends ComplaintCommand['type']> = Extract<ComplaintCommand, { type: T }>;

export function complaintContext(state: CaseState): ComplaintContext {
  return state.snapshot.context as ComplaintContext;
}

/**
 * Who a response at the complaint's level names as who it can be elevated to: the next level of its
 * chain, whose holder's name and contact a response below the last level must give; none at the
 * last level, where a response names no one. `respond` decides by it, and the command's `requires`
 * and `refuses` (index.ts) tell forms the same.
 */
export function elevationOf(state: CaseState): EscalationLevel | undefined {
  return nextLevel(complaintContext(state));
}

/** The command's data was parsed by its schema before `decide` runs (domain/process.ts). */
export function decide(command: NewEvent, state: CaseState, ctx: DecideContext): NewEvent[] {
  const cmd = command as ComplaintCommand;
  switch (cmd.type) {
    case 'ReceiveComplaint':
      return receive(cmd, ctx);
    case 'AcknowledgeComplaint':
      return acknowledge(cmd, state, ctx);
    case 'AssignHandler':
      return assignHandler(cmd, state, ctx);
    case 'Respond':
      return respond(cmd, state, ctx);
    case 'AcceptResponse':
      return acceptResponse(state, ctx);
    case 'RequestReview':
      return requestReview(cmd, state, ctx);
    case 'PauseClock':
      return pause(cmd, state, ctx);
    case 'ResumeClock':
      return [resumeClock(ctx, state.clocks, cmd.data.clock, ctx.now)];
    case 'CloseComplaint':
      return close(state, ctx);
    case 'WithdrawComplaint':
      return withdraw(state, ctx);
    default:
      return assertNever(cmd);
  }
}

function receive(cmd: Command<'ReceiveComplaint'>, ctx: DecideContext): Decided {
  const d = cmd.data;
  // For mail, receivedAt is the day the program received the letter: both clocks count from then.
  const receivedAt = new Date(d.receivedAt);
  const program = d.concerns?.program;
  enforceRules([
    receivedAt.getTime() > ctx.now.getTime() && ReceivedInFuture({ field: 'receivedAt', value: d.receivedAt }),
    ctx.calendars.forRegion(d.region).localDate(receivedAt) < EARLIEST_RECEIVED_ON &&
      refusalAtField(ReceivedBeforePrograms, { receivedAt: d.receivedAt, earliest: EARLIEST_RECEIVED_ON }, 'data.receivedAt', RECEIVED_BEFORE_PROGRAMS_AT_FIELD),
    program !== undefined &&
      !ctx.workflows?.some((w) => w.name === program) &&
      UnknownProgram({ program, known: (ctx.workflows ?? []).map(({ name, title }) => ({ name, title })) }),
  ]);
  const chain = chainFor(ctx.settings, program);
  const first = chain[0];
  if (!first) throw new Error('The complaint escalation chain is empty: configure at least one level of authority.');
  const received: ComplaintEvent = {
    type: 'ComplaintReceived',
    data: {
      kind: d.kind,
      channel: d.channel,
      receivedAt: d.receivedAt,
      region: d.region,
      complainant: {
        subjectId: d.complainant.subjectId ?? ctx.newId(),
        name: d.complainant.name,
        pseudonym: d.complainant.pseudonym,
        ...(d.complainant.contact !== undefined ? { contact: d.complainant.contact } : {}),
      },
      text: d.text,
      // A complaint is read as the cases of the program it is about are: one about a confidential program is confidential.
      ...(d.concerns ? { concerns: d.concerns, readAs: d.concerns.program } : {}),
      escalationChain: chain,
      level: first.level,
      ...titled(first),
    },
  };
  // "Concerns, complaints, or feedback": feedback is noted, without the complaint's service standards.
  if (d.kind === 'feedback') return [received];
  return [
    received,
    startBusinessClock(ctx, {
      clock: ACKNOWLEDGEMENT_CLOCK,
      name: clockName(acknowledgementClock),
      level: first.level,
      region: d.region,
      startedAt: receivedAt,
      days: ACKNOWLEDGEMENT_BUSINESS_DAYS,
    }),
    startResponseClock(ctx, first, d.region, receivedAt),
  ];
}

function acknowledge(cmd: Command<'AcknowledgeComplaint'>, state: CaseState, ctx: DecideContext): Decided {
  const { acknowledgedAt = ctx.now.toISOString(), method } = cmd.data;
  const at = new Date(acknowledgedAt);
  // The acknowledgement clock starts at receipt; feedback runs none and is received when its case opened.
  const receivedAt = state.clocks[ACKNOWLEDGEMENT_CLOCK]?.startedAt;
  enforceRules([
    (at.getTime() > ctx.now.getTime() || (receivedAt !== undefined && at.getTime() < Date.parse(receivedAt))) &&
      refusalAtField(AcknowledgedOutOfRange, { acknowledgedAt, receivedAt: receivedAt ?? acknowledgedAt, now: ctx.now.toISOString() }, 'data.acknowledgedAt'),
  ]);
  return [
    { type: 'ComplaintAcknowledged', data: { acknowledgedAt, ...(method ? { method } : {}) } },
    ...meetClockResumingIfPaused(ctx, state.clocks, ACKNOWLEDGEMENT_CLOCK, at),
  ];
}

function assignHandler(cmd: Command<'AssignHandler'>, state: CaseState, ctx: DecideContext): Decided {
  const context = complaintContext(state);
  const level = levelOf(context);
  const { handlerId } = cmd.data;
  const previous = context.handlerId;
  const earlier = context.assignments.find((a) => a.level < level.level && a.handlerId === handlerId);
  enforceRules([
    previous !== undefined &&
      !REASSIGNING_ROLES.has(ctx.actor.role) &&
      ReassignmentRequiresSupervisor({ handlerId: previous, level: level.level }),
    previous === handlerId && AlreadyAssigned({ handlerId, level: level.level }),
    earlier && ReviewerNotIndependent({ handlerId, level: level.level, earlierLevel: earlier.level }),
  ]);
  return [
    {
      type: 'HandlerAssigned',
      data: {
        handlerId,
        level: level.level,
        ...titled(level),
        assignedAt: ctx.now.toISOString(),
        ...(previous !== undefined ? { previousHandlerId: previous } : {}),
      },
    },
  ];
}

function respond(cmd: Command<'Respond'>, state: CaseState, ctx: DecideContext): Decided {
  const context = complaintContext(state);
  const level = levelOf(context);
  const next = elevationOf(state);
  const named = cmd.data.nextLevel;
  // "Our response will include the name, role and contact information of who the complaint can be
  // further elevated to": below the last level a response without them is not a response. Each
  // refusal is said beside the field it is about too: required or refused by the level the complaint
  // is at, which the case view tells forms (`requiredNow`, `refusedNow`) before the command is sent.
  if (next && !named) throw refusalAtField(ResponseMissingNextLevel, { level: level.level, nextLevel: next.level, ...nextTitleOf(next) }, 'data.nextLevel');
  if (!next && named) throw refusalAtField(ResponseNamesLevelBeyondChain, level, 'data.nextLevel');
  // The role of who it can be elevated to is the next level of the chain, whoever holds it.
  if (next && named?.role !== undefined && !namesLevel(named.role, next)) {
    throw refusalAtField(ResponseNamesAnotherLevel, { level: level.level, nextLevel: next.level, ...nextTitleOf(next), named: named.role }, 'data.nextLevel.role');
  }
  const { respondedAt = ctx.now.toISOString() } = cmd.data;
  const at = new Date(respondedAt);
  const since = responseStart(state, level);
  enforceRules([
    (at.getTime() > ctx.now.getTime() || (since !== undefined && at.getTime() < Date.parse(since.at))) &&
      refusalAtField(
        RespondedOutOfRange,
        { respondedAt, level: level.level, since: since?.since ?? 'receipt', sinceAt: since?.at ?? respondedAt, now: ctx.now.toISOString() },
        'data.respondedAt',
      ),
  ]);
  return [
    {
      type: 'ComplaintResponded',
      data: {
        respondedAt,
        level: level.level,
        ...titled(level),
        complainantId: complainantOf(context),
        response: cmd.data.response,
        ...(next && named
          ? {
              nextLevel: {
                level: next.level,
                title: next.title,
                ...(next.titleFr !== undefined ? { titleFr: next.titleFr } : {}),
                subjectId: named.subjectId ?? ctx.newId(),
                name: named.name,
                contact: named.contact,
              },
            }
          : {}),
      },
    },
    // "Responded to within 30 business days": measured when the response was sent, not when it is entered.
    ...meetClockResumingIfPaused(ctx, state.clocks, responseClock(level.level), at),
    ...(next ? [startReviewWindow(ctx, level, context.region, at)] : []),
  ];
}

/**
 * The earliest a response at `level` can have been sent: the latest of its response clock's start
 * (the complaint's receipt at the first level, the review request above) and the acknowledgement.
 * Undefined for a complaint without those clocks.
 */
function responseStart(state: CaseState, level: EscalationLevel): { since: ResponseStart; at: string } | undefined {
  const started = state.clocks[responseClock(level.level)]?.startedAt;
  const acknowledgedAt = state.clocks[ACKNOWLEDGEMENT_CLOCK]?.metAt;
  const levelStart = started === undefined ? undefined : { since: complaintContext(state).reviewsRequested === 0 ? ('receipt' as const) : ('reviewRequest' as const), at: started };
  if (acknowledgedAt === undefined) return levelStart;
  return levelStart !== undefined && Date.parse(levelStart.at) >= Date.parse(acknowledgedAt) ? levelStart : { since: 'acknowledgement', at: acknowledgedAt };
}

const sameText = (a: string, b: string) => a.trim().toLocaleLowerCase('fr-CA') === b.trim().toLocaleLowerCase('fr-CA');
/** The role a responder typed names the level in either language. */
const namesLevel = (role: string, level: EscalationLevel) => sameText(role, level.title) || (level.titleFr !== undefined && sameText(role, level.titleFr));

/** A level's title as events record it: in English and, where configuration gives it, in French. */
const titled = (level: EscalationLevel) => ({ levelTitle: level.title, ...(level.titleFr !== undefined ? { levelTitleFr: level.titleFr } : {}) });

/**
 * "You have a right of review": the complainant's time to use it, in calendar days from the day of
 * the response, to the end of the last day in the complaint's region. It warns no one: it is the
 * complainant's time, not a service standard.
 */
function startReviewWindow(ctx: DecideContext, level: EscalationLevel, region: ComplaintContext['region'], respondedAt: Date): ClockEvent {
  return startCalendarClock(ctx, {
    clock: reviewWindowClock(level.level),
    name: clockName(reviewWindowClockDeclaration, { level: String(level.level) }),
    level: level.level,
    region,
    startedAt: respondedAt,
    days: complaintSettings(ctx.settings).reviewWindowDays,
    fromLocalDate: ctx.calendars.forRegion(region).localDate(respondedAt),
    standard: false,
  });
}

/** Why this clock of the complaint cannot be paused at `at`, or undefined when it can (see `pauseRefused`). */
export function pauseRefusal(state: CaseState, key: string, at: Date): DomainError | undefined {
  return pauseRefused(state.clocks, key, at, complaintClocks);
}

/** Whether any clock of the complaint could be paused at `at`: not one its declaration says runs without a stop. */
export function anyClockPausable(state: CaseState, at: Date): boolean {
  return anyPausable(state.clocks, at, complaintClocks);
}

function pause(cmd: Command<'PauseClock'>, state: CaseState, ctx: DecideContext): Decided {
  const refused = pauseRefusal(state, cmd.data.clock, ctx.now);
  if (refused) throw refused;
  return pauseClock(state.clocks, cmd.data.clock, ctx.now, cmd.data.reason, complainantOf(complaintContext(state)));
}

function acceptResponse(state: CaseState, ctx: DecideContext): Decided {
  const level = levelOf(complaintContext(state));
  return [
    ...cancelOpenClocks(state.clocks, ctx.now, { en: 'The complainant accepted the response.', fr: 'La personne plaignante a accepté la réponse.' }),
    { type: 'ResponseAccepted', data: { acceptedAt: ctx.now.toISOString(), level: level.level, ...titled(level) } },
  ];
}

function requestReview(cmd: Command<'RequestReview'>, state: CaseState, ctx: DecideContext): Decided {
  const context = complaintContext(state);
  const from = levelOf(context);
  // Offered only below the last level (`rightOfReview` in index.ts says why not at the last).
  const next = nextLevel(context)!;
  const { requestedAt = ctx.now.toISOString() } = cmd.data;
  const at = new Date(requestedAt);
  enforceRules([reviewRequestRefusal(state, requestedAt, ctx)]);
  return [
    {
      type: 'ReviewRequested',
      data: {
        requestedAt,
        fromLevel: from.level,
        level: next.level,
        ...titled(next),
        complainantId: complainantOf(context),
        ...(cmd.data.grounds !== undefined ? { grounds: cmd.data.grounds } : {}),
      },
    },
    // The complainant used their right when they sent the request: the window is met then, and the
    // next level's 30 business days count from then, not from when the request is entered.
    ...meetClockResumingIfPaused(ctx, state.clocks, reviewWindowClock(from.level), at),
    startResponseClock(ctx, next, context.region, at),
  ];
}

/**
 * Why a review of the response at the complaint's level cannot be requested as sent at
 * `requestedAt`: not before that response, nor in the future; not after its review window ended.
 * Sent within the window, it is accepted however late it is entered, unless the window's end has
 * already closed the complaint, which is not reopened (notes.md): the refusal says what to do.
 * Every refusal is said beside `data.requestedAt`.
 */
export function reviewRequestRefusal(state: CaseState, requestedAt: string, ctx: DecideContext): DomainError | undefined {
  const context = complaintContext(state);
  const level = levelOf(context);
  const at = Date.parse(requestedAt);
  const window = state.clocks[reviewWindowClock(level.level)];
  // The review window starts when the response was sent; a response from before review windows existed met its clock then.
  const respondedAt = window?.startedAt ?? state.clocks[responseClock(level.level)]?.metAt;
  if (at > ctx.now.getTime() || (respondedAt !== undefined && at < Date.parse(respondedAt))) {
    const params = { requestedAt, level: level.level, respondedAt: respondedAt ?? requestedAt, now: ctx.now.toISOString() };
    return refusalAtField(ReviewRequestedOutOfRange, params, 'data.requestedAt');
  }
  // A paused window has no end; a met one was used.
  if (!window || window.metAt !== undefined || window.status === 'paused') return undefined;
  const lastDay = dueLocalDate(window);
  if (at > Date.parse(window.dueAt)) return refusalAtField(ReviewWindowPassed, { level: level.level, lastDay }, 'data.requestedAt', REVIEW_WINDOW_PASSED_AT_FIELD);
  const next = nextLevel(context);
  if (!state.snapshot.matches('closed') || !next) return undefined;
  return refusalAtField(ClosedBeforeReviewRecorded, { level: level.level, nextLevel: next.level, ...nextTitleOf(next), lastDay, requestedAt }, 'data.requestedAt');
}

/** The review window of the level just answered, when it still runs though its end has passed by `at`. */
export function windowPassed(state: CaseState, at: Date) {
  const level = currentLevel(complaintContext(state));
  const window = level && state.clocks[reviewWindowClock(level.level)];
  return window?.status === 'running' && Date.parse(window.dueAt) < at.getTime() ? window : undefined;
}

function close(state: CaseState, ctx: DecideContext): Decided {
  const context = complaintContext(state);
  // Below the last level the handler cannot close (`rightOfReview` in index.ts); the review window's end does,
  // and a close sent once it has passed, before the scheduler records it, closes as the scheduler would.
  const window = state.snapshot.matches('responded') ? windowPassed(state, ctx.now) : undefined;
  if (window) return closed(state, new Date(window.dueAt), 'reviewNotRequested');
  return closed(state, ctx.now, context.kind === 'feedback' ? 'feedbackRecorded' : 'reviewsExhausted');
}

/** The review window passed without a review request: the complaint closes, as of the window's end. */
export function onClockBreached(breach: ClockBreach, state: CaseState): NewEvent[] {
  const level = currentLevel(complaintContext(state));
  if (!level || breach.clock !== reviewWindowClock(level.level) || !state.snapshot.matches('responded')) return [];
  return closed(state, new Date(breach.at), 'reviewNotRequested');
}

function closed(state: CaseState, at: Date, outcome: 'reviewsExhausted' | 'reviewNotRequested' | 'feedbackRecorded'): Decided {
  const level = levelOf(complaintContext(state));
  return [
    ...cancelOpenClocks(state.clocks, at, { en: 'The complaint was closed.', fr: 'La plainte a été fermée.' }),
    { type: 'ComplaintClosed', data: { closedAt: at.toISOString(), level: level.level, ...titled(level), outcome } },
  ];
}

function withdraw(state: CaseState, ctx: DecideContext): Decided {
  const level = levelOf(complaintContext(state));
  return [
    ...cancelOpenClocks(state.clocks, ctx.now, { en: 'The complainant withdrew the complaint.', fr: 'La personne plaignante a retiré la plainte.' }),
    { type: 'ComplaintWithdrawn', data: { withdrawnAt: ctx.now.toISOString(), level: level.level, ...titled(level) } },
  ];
}

function startResponseClock(ctx: DecideContext, level: EscalationLevel, region: ComplaintContext['region'], startedAt: Date): ClockEvent {
  return startBusinessClock(ctx, {
    clock: responseClock(level.level),
    name: clockName(responseClockDeclaration, { level: String(level.level) }),
    level: level.level,
    region,
    startedAt,
    days: RESPONSE_BUSINESS_DAYS,
  });
}

/**
 * Meets a clock when what it measures happens. A clock paused while awaiting the complainant is
 * resumed first, so that whether it was met on time is judged against its pushed-back due time.
 */
function meetClockResumingIfPaused(ctx: DecideContext, clocks: Clocks, key: string, at: Date = ctx.now): ClockEvent[] {
  const pausedAt = clocks[key]?.status === 'paused' ? clocks[key].pausedAt : undefined;
  if (pausedAt === undefined) return meetClock(clocks, key, at);
  // Met during the pause: the pause ends then, so the time it lasted is not counted. Met before it: the pause did not count.
  const resumed = resumeClock(ctx, clocks, key, new Date(Math.max(at.getTime(), Date.parse(pausedAt))));
  return [resumed, ...meetClock(evolveClocks(clocks, resumed), key, at)];
}

/** Every command but the opening one runs on a received complaint, which always has a level. */
function levelOf(context: ComplaintContext): EscalationLevel {
  const level = currentLevel(context);
  if (!level) throw new Error(`Complaint at unknown level ${context.level}`);
  return level;
}

function complainantOf(context: ComplaintContext): string {
  if (context.complainantId === undefined) throw new Error('Complaint without a complainant');
  return context.complainantId;
}
