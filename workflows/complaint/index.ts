import { z } from 'zod';
import { personalInformationCorrection } from '../../domain/corrections';
import { grants, readScopes, type Grants } from '../../domain/access';
import { dueLocalDate, resumeRefused } from '../../domain/clocks';
import { Instant } from '../../domain/schemas';
import type { DecideContext } from '../../domain/decide-context';
import { commandsFrom, eventsFrom, type CaseState, type WorkflowDefinition } from '../../domain/workflow';
import { complaintClocks } from './clocks';
import { Channel, ComplaintCommand, Kind } from './commands';
import { complaintDemo } from './demo';
import { complaintLabels } from './labels';
import { reviewWindowClock } from './clocks';
import { anyClockPausable, complaintContext, decide, elevationOf, onClockBreached, pauseRefusal, reviewRequestRefusal, windowPassed } from './decide';
import { AlreadyAcknowledged, nextTitleOf, ReviewChainEnded, RightOfReviewOpen, RightOfReviewPaused } from './errors';
import { ComplaintEvent } from './events';
import { complaintMachine, currentLevel, nextLevel } from './machine';
import { ComplaintSettings, ProgramName } from './settings';

const hasClockPaused = (state: CaseState) => Object.values(state.clocks).some((clock) => clock.status === 'paused');

const answered = (state: CaseState) => state.snapshot.matches('responded') || state.snapshot.matches('closed');

/**
 * The right of review, in one place: after a response below the last level the complainant may
 * ask the next level of authority to review it, and no one can take that away (the complaint
 * closes when they accept, withdraw, or let the review window pass); after the last level there
 * is no one left to ask.
 */
const rightOfReview = {
  /**
   * After the last level, no review. Below it, a review stays offered until the complaint closes,
   * even past the window's end: a request the complainant sent in time is dated when it was sent
   * (`requestedAt`), and `decide` judges the window by that date (`reviewRequestRefusal`).
   */
  requestRefused(state: CaseState) {
    const context = complaintContext(state);
    const level = currentLevel(context);
    if (!answered(state) || !level) return undefined;
    return nextLevel(context) ? undefined : ReviewChainEnded(level);
  },
  /** Why a closed complaint takes no review: the chain had ended, or its review window's end closed it (said beside `data.requestedAt`). */
  requestRefusal(state: CaseState, data: { requestedAt?: string }, ctx: DecideContext) {
    const refused = rightOfReview.requestRefused(state);
    if (refused || !state.snapshot.matches('closed')) return refused;
    return reviewRequestRefusal(state, data.requestedAt ?? ctx.now.toISOString(), ctx);
  },
  closeRefused(state: CaseState, at: Date) {
    const context = complaintContext(state);
    const level = currentLevel(context);
    const next = nextLevel(context);
    const window = level && state.clocks[reviewWindowClock(level.level)];
    if (!state.snapshot.matches('responded') || !level || !next || !window || !['running', 'paused'].includes(window.status)) return undefined;
    // Past its end the complainant's time is over, whether or not the scheduler has recorded it yet: the complaint may close.
    if (windowPassed(state, at)) return undefined;
    if (window.status === 'paused') return RightOfReviewPaused({ level: level.level, nextLevel: next.level, ...nextTitleOf(next) });
    return RightOfReviewOpen({ level: level.level, nextLevel: next.level, ...nextTitleOf(next), lastDay: dueLocalDate(window) });
  },
};

/** The Restorative Justice Unit handles the complaints about its own program, which only it may read. */
const orRju = <G extends Grants>(g: G) => ({ ...g, ...grants.rju });
const commands = commandsFrom(ComplaintCommand, {
  ReceiveComplaint: {
    grants: orRju(grants.intake),
    primaryEvent: 'ComplaintReceived',
  },
  AcknowledgeComplaint: {
    // Acknowledgement is due within 2 business days, assigned or not.
    grants: orRju(grants.assignedOrSupervisor),
    primaryEvent: 'ComplaintAcknowledged',
    // Refused once done, saying so rather than naming the state the case has moved on to.
    refusal: (state) => (complaintContext(state).acknowledged ? AlreadyAcknowledged({}) : undefined),
  },
  AssignHandler: {
    grants: orRju(grants.supervisorOnly),
    assigns: true,
    primaryEvent: 'HandlerAssigned',
  },
  Respond: {
    // The handler of the level responds: a practitioner at the first level; at a review, the manager
    // or executive the escalation chain names, a supervisor once assigned (the unit for its own program).
    grants: { ...grants.assignedPractitioner, supervisor: 'assigned', rju: 'assigned' },
    primaryEvent: 'ComplaintResponded',
    // Below the last level a response names who the complaint can be elevated to; at the last, no one.
    requires: (state) => (elevationOf(state) ? ['nextLevel'] : []),
    refuses: (state) => (elevationOf(state) ? [] : ['nextLevel']),
  },
  AcceptResponse: {
    grants: orRju(grants.assignedOrSupervisor),
    primaryEvent: 'ResponseAccepted',
  },
  RequestReview: {
    grants: orRju(grants.assignedOrSupervisor),
    primaryEvent: 'ReviewRequested',
    available: (state) => !rightOfReview.requestRefused(state),
    refusal: (state, data, ctx) => rightOfReview.requestRefusal(state, data as { requestedAt?: string }, ctx),
  },
  PauseClock: {
    grants: orRju(grants.assignedOrSupervisor),
    primaryEvent: 'ClockPaused',
    // The refusal names what is wrong with the clock asked for (already paused, met, or its time ran
    // out, breached whether or not the scheduler has recorded it yet; the acknowledgement clock, which
    // is never paused), not the case's state.
    available: anyClockPausable,
    refusal: (state, data, ctx) => pauseRefusal(state, (data as { clock: string }).clock, ctx.now),
  },
  ResumeClock: {
    grants: orRju(grants.assignedOrSupervisor),
    primaryEvent: 'ClockResumed',
    available: hasClockPaused,
    refusal: (state, data, ctx) => resumeRefused(state.clocks, (data as { clock: string }).clock, ctx.now),
  },
  CloseComplaint: {
    grants: orRju(grants.assignedOrSupervisor),
    primaryEvent: 'ComplaintClosed',
    available: (state, at) => !rightOfReview.closeRefused(state, at),
    refusal: (state, _data, ctx) => rightOfReview.closeRefused(state, ctx.now),
  },
  WithdrawComplaint: {
    grants: orRju(grants.assignedOrSupervisor),
    primaryEvent: 'ComplaintWithdrawn',
  },
});

const events = eventsFrom(ComplaintEvent, {
  ComplaintReceived: {
    personalData: [{ subject: 'complainant.subjectId', fields: ['complainant.name', 'complainant.contact', 'text'] }],
    search: ['complainant.name'],
  },
  ComplaintResponded: {
    personalData: [
      { subject: 'complainantId', fields: ['response'] },
      { subject: 'nextLevel.subjectId', fields: ['nextLevel.name', 'nextLevel.role', 'nextLevel.contact'] },
    ],
  },
  ReviewRequested: {
    personalData: [{ subject: 'complainantId', fields: ['grounds'] }],
  },
});

/** What lists and the case page show of a complaint: its kind, its level of review and the right of review still open. */
const ComplaintDetails = z.strictObject({
  kind: Kind,
  channel: Channel.nullable(),
  program: ProgramName.nullable(),
  level: z.number().int().nullable(),
  levelTitle: z.string().nullable(),
  levelTitleFr: z.string().optional(),
  levels: z.number().int(),
  lastLevel: z.boolean(),
  /** The role a response names for who the complaint can be elevated to. */
  nextLevelTitle: z.string().nullable(),
  nextLevelTitleFr: z.string().optional(),
  reviewWindowEndsAt: Instant.nullable(),
  reviewsRequested: z.number().int(),
});
type ComplaintDetails = z.infer<typeof ComplaintDetails>;

// A person's name or contact details corrected, at their request or because they were recorded wrong.
const correction = personalInformationCorrection({ events, labels: complaintLabels, grants: orRju(grants.assignedOrSupervisor), describing: ['pseudonym'] });

/** Complaints from program participants, resolved at the lowest level possible, with a right of review up the escalation chain. */
export const complaintWorkflow: WorkflowDefinition = {
  name: 'complaint',
  version: 1,
  category: 'complaint',
  referencePrefix: 'CMP',
  labels: correction.labels,
  readScope: readScopes.departmental,
  // A complaint about a program's case is read as that program's cases are (`readAs` in its summary).
  readsAsOthers: true,
  machine: complaintMachine,
  openingCommand: 'ReceiveComplaint',
  commands: [...commands, correction.command],
  events: [...events, correction.event],
  decide,
  onClockBreached,
  settings: ComplaintSettings,
  clocks: complaintClocks,
  demo: complaintDemo,
  details: ComplaintDetails,
  summarize(state) {
    const context = complaintContext(state);
    const level = currentLevel(context);
    const next = nextLevel(context);
    const window = level && state.clocks[reviewWindowClock(level.level)];
    return {
      region: context.region,
      assignees: context.handlerId !== undefined ? [context.handlerId] : [],
      ...(context.readAs !== undefined ? { readAs: context.readAs } : {}),
      details: {
        kind: context.kind,
        channel: context.channel ?? null,
        program: context.program ?? null,
        level: level?.level ?? null,
        levelTitle: level?.title ?? null,
        ...(level?.titleFr !== undefined ? { levelTitleFr: level.titleFr } : {}),
        levels: context.chain.length,
        lastLevel: level !== undefined && next === undefined,
        nextLevelTitle: next?.title ?? null,
        ...(next?.titleFr !== undefined ? { nextLevelTitleFr: next.titleFr } : {}),
        // A paused window has no end until it is resumed.
        reviewWindowEndsAt: window?.status === 'running' ? window.dueAt : null,
        reviewsRequested: context.reviewsRequested,
      } satisfies ComplaintDetails,
    };
  },
};
