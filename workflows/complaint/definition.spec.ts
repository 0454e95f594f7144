import { createCalendarProvider } from '../../domain/calendar';
import type { DecideContext } from '../../domain/decide-context';
import { errorCatalog } from '../../domain/errors';
import { initialCaseState, stateName } from '../../domain/fold';
import { processCommand } from '../../domain/process';
import type { Actor } from '../../domain/roles';
import { DEFAULT_SETTINGS } from '../../domain/settings';
import { registeredWorkflows } from '../../test/support/workflow-spec';
import type { CaseState } from '../../domain/workflow';
import { complaintWorkflow } from './index';

const definition = complaintWorkflow;

function example(type: string): Record<string, unknown> {
  const command = definition.commands.find((c) => c.type === type);
  if (!command) throw new Error(`No command ${type}`);
  return { ...command.example };
}

describe('complaint: definition', () => {
  it('gives every COMPLAINT error an English and a French sentence', () => {
    const codes = [...errorCatalog().values()].filter((e) => e.code.startsWith('COMPLAINT.'));
    expect(codes.map((e) => e.code).sort()).toEqual([
      'COMPLAINT.ALREADY_ASSIGNED',
      'COMPLAINT.NO_NEXT_LEVEL',
      'COMPLAINT.REASSIGNMENT_REQUIRES_SUPERVISOR',
      'COMPLAINT.RECEIVED_IN_FUTURE',
      'COMPLAINT.RESPONSE_MISSING_NEXT_LEVEL',
      'COMPLAINT.RESPONSE_NAMES_ANOTHER_LEVEL',
      'COMPLAINT.REVIEWER_NOT_INDEPENDENT',
      'COMPLAINT.REVIEW_CHAIN_ENDED',
      'COMPLAINT.REVIEW_WINDOW_PASSED',
      'COMPLAINT.RIGHT_OF_REVIEW_OPEN',
      'COMPLAINT.UNKNOWN_PROGRAM',
    ]);
    const params = { level: 2, nextLevel: 3, nextTitle: 'Director', title: 'Manager', handlerId: 'h-1', earlierLevel: 1, receivedAt: 'a', now: 'b', named: 'c', until: 'd', program: 'e', known: 'f' };
    for (const error of codes) {
      const texts = error.texts as { en: (p: object) => string; fr: (p: object) => string };
      expect(texts.en(params)).not.toMatch(/undefined/);
      expect(texts.fr(params)).not.toMatch(/undefined/);
      expect(texts.fr(params)).not.toBe(texts.en(params));
    }
  });
});

describe('complaint: every state is reachable with realistic commands', () => {
  const calendars = createCalendarProvider();
  const practitioner: Actor = { id: 'practitioner-1', role: 'practitioner' };
  let ids = 0;

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
      state = processCommand(definition, state, { type, data }, ctx).state;
    });
    return state;
  }

  const toReview = ['ReceiveComplaint', 'AcknowledgeComplaint', 'AssignHandler'];
  const paths: Record<string, CaseState> = {
    new: initialCaseState(definition),
    received: walk('ReceiveComplaint'),
    acknowledged: walk('ReceiveComplaint', 'AcknowledgeComplaint'),
    underReview: walk(...toReview),
    responded: walk(...toReview, 'Respond'),
    reviewRequested: walk(...toReview, 'Respond', 'RequestReview'),
    resolved: walk(...toReview, 'Respond', 'AcceptResponse'),
    feedback: walk(['ReceiveComplaint', { ...example('ReceiveComplaint'), kind: 'feedback' }]),
    closed: walk(['ReceiveComplaint', { ...example('ReceiveComplaint'), kind: 'feedback' }], 'CloseComplaint'),
    withdrawn: walk('ReceiveComplaint', 'WithdrawComplaint'),
  };

  it.each(Object.entries(paths))('reaches %s', (name, state) => {
    expect(stateName(state.snapshot)).toBe(name);
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
});
