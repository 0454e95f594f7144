import { assertNever } from '../../domain/assert-never';
import {
  cancelOpenClocks,
  fillClockLabel,
  meetClock,
  pauseClock,
  resumeClock,
  startBusinessClock,
  type ClockEvent,
} from '../../domain/clocks';
import { evolveClocks, type Clocks } from '../../domain/clocks/state';
import type { DecideContext } from '../../domain/decide-context';
import type { NewEvent } from '../../domain/envelope';
import type { Role } from '../../domain/roles';
import type { EscalationLevel } from '../../domain/settings';
import type { CaseState } from '../../domain/workflow';
import type { ComplaintCommand } from './commands';
import {
  AlreadyAssigned,
  ReassignmentRequiresSupervisor,
  ReceivedInFuture,
  ResponseMissingNextLevel,
  ResponseNamesLevelBeyondChain,
  ReviewChainEnded,
  ReviewerNotIndependent,
} from './errors';
import type { ComplaintEvent } from './events';
import { ACKNOWLEDGEMENT_BUSINESS_DAYS, ACKNOWLEDGEMENT_CLOCK, RESPONSE_BUSINESS_DAYS, acknowledgementClock, responseClock, responseClockDeclaration } from './clocks';
import { currentLevel, nextLevel, type ComplaintContext } from './machine';

/** Roles that may take a complaint from the handler it is assigned to. */
const REASSIGNING_ROLES: ReadonlySet<Role> = new Set<Role>(['supervisor', 'admin']);

type Decided = (ComplaintEvent | ClockEvent)[];
type Command<T extends ComplaintCommand['type']> = Extract<ComplaintCommand, { type: T }>;

export function complaintContext(state: CaseState): ComplaintContext {
  return state.snapshot.context as ComplaintContext;
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
      return [pauseClock(state.clocks, cmd.data.clock, ctx.now, cmd.data.reason, complainantOf(complaintContext(state)))];
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
  if (receivedAt.getTime() > ctx.now.getTime()) {
    throw ReceivedInFuture({ receivedAt: d.receivedAt, now: ctx.now.toISOString() });
  }
  const chain = [...ctx.settings.complaint.escalationChain].sort((a, b) => a.level - b.level);
  const first = chain[0];
  if (!first) throw new Error('The complaint escalation chain is empty: configure at least one level of authority.');
  return [
    {
      type: 'ComplaintReceived',
      data: {
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
        ...(d.concerns ? { concerns: d.concerns } : {}),
        escalationChain: chain.map(({ level, title }) => ({ level, title })),
        level: first.level,
        levelTitle: first.title,
      },
    },
    startBusinessClock(ctx, {
      clock: ACKNOWLEDGEMENT_CLOCK,
      name: acknowledgementClock.label.en,
      level: first.level,
      region: d.region,
      startedAt: receivedAt,
      days: ACKNOWLEDGEMENT_BUSINESS_DAYS,
    }),
    startResponseClock(ctx, first, d.region, receivedAt),
  ];
}

function acknowledge(cmd: Command<'AcknowledgeComplaint'>, state: CaseState, ctx: DecideContext): Decided {
  return [
    {
      type: 'ComplaintAcknowledged',
      data: { acknowledgedAt: ctx.now.toISOString(), ...(cmd.data.method ? { method: cmd.data.method } : {}) },
    },
    ...meetClockResumingIfPaused(ctx, state.clocks, ACKNOWLEDGEMENT_CLOCK),
  ];
}

function assignHandler(cmd: Command<'AssignHandler'>, state: CaseState, ctx: DecideContext): Decided {
  const context = complaintContext(state);
  const level = levelOf(context);
  const { handlerId } = cmd.data;
  const previous = context.handlerId;
  if (previous !== undefined && !REASSIGNING_ROLES.has(ctx.actor.role)) {
    throw ReassignmentRequiresSupervisor({ handlerId: previous, level: level.level });
  }
  if (previous === handlerId) throw AlreadyAssigned({ handlerId, level: level.level });
  const earlier = context.assignments.find((a) => a.level < level.level && a.handlerId === handlerId);
  if (earlier) throw ReviewerNotIndependent({ handlerId, level: level.level, earlierLevel: earlier.level });
  return [
    {
      type: 'HandlerAssigned',
      data: {
        handlerId,
        level: level.level,
        levelTitle: level.title,
        assignedAt: ctx.now.toISOString(),
        ...(previous !== undefined ? { previousHandlerId: previous } : {}),
      },
    },
  ];
}

function respond(cmd: Command<'Respond'>, state: CaseState, ctx: DecideContext): Decided {
  const context = complaintContext(state);
  const level = levelOf(context);
  const next = nextLevel(context);
  const named = cmd.data.nextLevel;
  // "Our response will include the name, role and contact information of who the complaint can be
  // further elevated to": below the last level a response without them is not a response.
  if (next && !named) throw ResponseMissingNextLevel({ level: level.level, nextLevel: next.level, nextTitle: next.title });
  if (!next && named) throw ResponseNamesLevelBeyondChain({ level: level.level, title: level.title });
  return [
    {
      type: 'ComplaintResponded',
      data: {
        respondedAt: ctx.now.toISOString(),
        level: level.level,
        levelTitle: level.title,
        complainantId: complainantOf(context),
        response: cmd.data.response,
        ...(next && named
          ? {
              nextLevel: {
                level: next.level,
                title: next.title,
                subjectId: named.subjectId ?? ctx.newId(),
                name: named.name,
                role: named.role,
                contact: named.contact,
              },
            }
          : {}),
      },
    },
    ...meetClockResumingIfPaused(ctx, state.clocks, responseClock(level.level)),
  ];
}

function acceptResponse(state: CaseState, ctx: DecideContext): Decided {
  const level = levelOf(complaintContext(state));
  return [
    ...cancelOpenClocks(state.clocks, ctx.now, 'The complainant accepted the response.'),
    { type: 'ResponseAccepted', data: { acceptedAt: ctx.now.toISOString(), level: level.level, levelTitle: level.title } },
  ];
}

function requestReview(cmd: Command<'RequestReview'>, state: CaseState, ctx: DecideContext): Decided {
  const context = complaintContext(state);
  const from = levelOf(context);
  const next = nextLevel(context);
  if (!next) throw ReviewChainEnded({ level: from.level, title: from.title });
  return [
    {
      type: 'ReviewRequested',
      data: {
        requestedAt: ctx.now.toISOString(),
        fromLevel: from.level,
        level: next.level,
        levelTitle: next.title,
        complainantId: complainantOf(context),
        ...(cmd.data.grounds !== undefined ? { grounds: cmd.data.grounds } : {}),
      },
    },
    startResponseClock(ctx, next, context.region, ctx.now),
  ];
}

function close(state: CaseState, ctx: DecideContext): Decided {
  const context = complaintContext(state);
  const level = levelOf(context);
  return [
    ...cancelOpenClocks(state.clocks, ctx.now, 'The complaint was closed.'),
    {
      type: 'ComplaintClosed',
      data: {
        closedAt: ctx.now.toISOString(),
        level: level.level,
        levelTitle: level.title,
        outcome: nextLevel(context) ? 'reviewNotRequested' : 'reviewsExhausted',
      },
    },
  ];
}

function withdraw(state: CaseState, ctx: DecideContext): Decided {
  const level = levelOf(complaintContext(state));
  return [
    ...cancelOpenClocks(state.clocks, ctx.now, 'The complainant withdrew the complaint.'),
    { type: 'ComplaintWithdrawn', data: { withdrawnAt: ctx.now.toISOString(), level: level.level, levelTitle: level.title } },
  ];
}

function startResponseClock(ctx: DecideContext, level: EscalationLevel, region: ComplaintContext['region'], startedAt: Date): ClockEvent {
  return startBusinessClock(ctx, {
    clock: responseClock(level.level),
    name: fillClockLabel(responseClockDeclaration.label.en, { level: String(level.level) }),
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
function meetClockResumingIfPaused(ctx: DecideContext, clocks: Clocks, key: string): ClockEvent[] {
  if (clocks[key]?.status !== 'paused') return meetClock(clocks, key, ctx.now);
  const resumed = resumeClock(ctx, clocks, key, ctx.now);
  return [resumed, ...meetClock(evolveClocks(clocks, resumed), key, ctx.now)];
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
