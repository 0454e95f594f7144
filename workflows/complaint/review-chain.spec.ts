import { createCalendarProvider } from '../../domain/calendar';
import type { DecideContext } from '../../domain/decide-context';
import { initialCaseState, stateName } from '../../domain/fold';
import { processCommand } from '../../domain/process';
import type { Actor } from '../../domain/roles';
import { DEFAULT_SETTINGS } from '../../domain/settings';
import { registeredWorkflows } from '../../test/support/workflow-spec';
import type { CaseState } from '../../domain/workflow';
import { itExplainsItsErrors } from '../../test/support/error-texts';
import { complaintWorkflow } from './index';

const definition = complaintWorkflow;

function example(type: string): Record<string, unknown> {
  const command = definition.commands.find((c) => c.type === type);
  if (!command) throw new Error(`No command ${type}`);
  return { ...command.example };
}

describe('complaint: its refusals', () => {
  itExplainsItsErrors(
    'COMPLAINT.',
    [
      'COMPLAINT.ACKNOWLEDGED_OUT_OF_RANGE',
      'COMPLAINT.ALREADY_ACKNOWLEDGED',
      'COMPLAINT.ALREADY_ASSIGNED',
      'COMPLAINT.CLOSED_BEFORE_REVIEW_RECORDED',
      'COMPLAINT.NO_NEXT_LEVEL',
      'COMPLAINT.REASSIGNMENT_REQUIRES_SUPERVISOR',
      'COMPLAINT.RECEIVED_BEFORE_PROGRAMS',
      'COMPLAINT.RECEIVED_IN_FUTURE',
      'COMPLAINT.RESPONDED_OUT_OF_RANGE',
      'COMPLAINT.RESPONSE_MISSING_NEXT_LEVEL',
      'COMPLAINT.RESPONSE_NAMES_ANOTHER_LEVEL',
      'COMPLAINT.REVIEWER_NOT_INDEPENDENT',
      'COMPLAINT.REVIEW_CHAIN_ENDED',
      'COMPLAINT.REVIEW_REQUESTED_OUT_OF_RANGE',
      'COMPLAINT.REVIEW_WINDOW_PASSED',
      'COMPLAINT.RIGHT_OF_REVIEW_OPEN',
      'COMPLAINT.RIGHT_OF_REVIEW_PAUSED',
      'COMPLAINT.UNKNOWN_PROGRAM',
    ],
    { acknowledgedAt: '2026-03-01T09:00:00-05:00', respondedAt: '2026-03-01T09:00:00-05:00', since: 'reviewRequest', sinceAt: '2026-03-02T09:00:00-05:00', level: 2, nextLevel: 3, nextTitle: 'Director', nextTitleFr: 'Direction', title: 'Manager', titleFr: 'Gestion', handlerId: 'h-1', earlierLevel: 1, receivedAt: '2026-03-02T09:00:00-05:00', field: 'receivedAt', value: '2026-03-02T09:00:00-05:00', now: '2026-03-01T09:00:00-05:00', named: 'Director General', lastDay: '2026-04-01', requestedAt: '2026-03-31T09:00:00-04:00', earliest: '2004-01-01', program: 'parole', known: [{ name: 'complaint', title: { en: 'Complaints', fr: 'Plaintes' } }] },
  );
});

describe('complaint: up the chain of review with the command examples', () => {
  const calendars = createCalendarProvider();
  const practitioner: Actor = { id: 'practitioner-1', role: 'practitioner' };
  let ids = 0;

  const recorded: { type: string; data: unknown }[] = [];
  beforeEach(() => (recorded.length = 0));

  /** Runs commands one business day apart from the receipt in the ReceiveComplaint example. */
  function walk(...steps: (string | [string, Record<string, unknown>])[]): CaseState {
    let state = initialCaseState(definition);
    steps.forEach((step, index) => {
      const [type, data] = typeof step === 'string' ? [step, example(step)] : step;
      const ctx: DecideContext = {
        now: new Date(Date.parse('2026-03-02T15:00:00Z') + index * 86_400_000),
        actor: practitioner,
        newId: () => `id-${++ids}`,
        calendars,
        settings: DEFAULT_SETTINGS,
        workflows: registeredWorkflows,
      };
      const outcome = processCommand(definition, state, { type, data }, ctx);
      state = outcome.state;
      recorded.push(...outcome.events);
    });
    return state;
  }

  const toReview = ['ReceiveComplaint', 'AcknowledgeComplaint', 'AssignHandler'];

  it('notes feedback and closes it, with no clock', () => {
    const feedback = walk(['ReceiveComplaint', { ...example('ReceiveComplaint'), kind: 'feedback' }], 'AcknowledgeComplaint', 'CloseComplaint');
    expect(stateName(feedback.snapshot)).toBe('closed');
    expect(feedback.clocks).toEqual({});
  });

  it('climbs the whole chain, pausing and resuming a clock on the way, and closes with the reviews exhausted', () => {
    const state = walk(
      ...toReview,
      'PauseClock',
      'ResumeClock',
      'Respond',
      'RequestReview',
      ['AssignHandler', { handlerId: 'manager-2' }],
      'Respond',
      'RequestReview',
      ['AssignHandler', { handlerId: 'director-3' }],
      ['Respond', { response: 'The decision at level 2 stands.' }],
      'CloseComplaint',
    );
    expect(stateName(state.snapshot)).toBe('closed');
    expect(definition.summarize(state).details).toMatchObject({ level: 3, lastLevel: true, reviewsRequested: 2 });
    expect(Object.values(state.clocks).map((c) => [c.clock, c.status])).toEqual([
      ['acknowledgement', 'met'],
      ['response-1', 'met'],
      ['review-window-1', 'met'],
      ['response-2', 'met'],
      ['review-window-2', 'met'],
      ['response-3', 'met'],
    ]);
  });

  it('records every level by its title in English and in French, as configured', () => {
    walk(...toReview, 'Respond', 'RequestReview', ['AssignHandler', { handlerId: 'manager-2' }], 'Respond', 'WithdrawComplaint');
    const titled = recorded.flatMap((event) => {
      const data = event.data as { level?: number; levelTitle?: string; levelTitleFr?: string; nextLevel?: { level: number; title: string; titleFr?: string } };
      return [
        ...(data.levelTitle !== undefined ? [[event.type, data.level, data.levelTitle, data.levelTitleFr]] : []),
        ...(data.nextLevel ? [[`${event.type}.nextLevel`, data.nextLevel.level, data.nextLevel.title, data.nextLevel.titleFr]] : []),
      ];
    });
    const [one, two, three] = DEFAULT_SETTINGS.escalationChain.map((l) => [l.title, l.titleFr]);
    expect(titled).toEqual([
      ['ComplaintReceived', 1, ...one!],
      ['HandlerAssigned', 1, ...one!],
      ['ComplaintResponded', 1, ...one!],
      ['ComplaintResponded.nextLevel', 2, ...two!],
      ['ReviewRequested', 2, ...two!],
      ['HandlerAssigned', 2, ...two!],
      ['ComplaintResponded', 2, ...two!],
      ['ComplaintResponded.nextLevel', 3, ...three!],
      ['ComplaintWithdrawn', 2, ...two!],
    ]);
    expect(DEFAULT_SETTINGS.escalationChain.every((l) => l.titleFr && l.titleFr !== l.title)).toBe(true);
  });
});
