import { CORRECT_PERSONAL_INFORMATION } from '../../domain/corrections';
import { machineAccepts, initialCaseState, stateName, allowedCommands } from '../../domain/fold';
import { processCommand, type CommandInput } from '../../domain/process';
import type { AnyWorkflowDefinition, CaseState } from '../../domain/workflow';
import { specContext } from '../../test/support/workflow-spec';
import { NOW } from './restorative-opportunities.fixtures';
import { restorativeOpportunitiesWorkflow } from './index';

const workflow: AnyWorkflowDefinition = restorativeOpportunitiesWorkflow;

/** A command with its documented example, optionally changed: the walks double as a check that examples work where they are used. */
const example = (type: string, changes: Record<string, unknown> = {}): CommandInput => {
  const command = workflow.commands.find((c) => c.type === type);
  if (!command) throw new Error(`No command ${type}`);
  return { type, data: { ...command.example, ...changes } };
};

interface Step {
  readonly command: string;
  readonly state: string;
}

/** Runs commands from an empty case through the real pipeline, recording the state after each. */
function walk(commands: readonly CommandInput[]): { steps: Step[]; state: CaseState } {
  const ctx = specContext({ now: NOW, actor: { id: 'rju-officer-1', role: 'rju' } });
  let state = initialCaseState(workflow);
  const steps: Step[] = [];
  for (const command of commands) {
    state = processCommand(workflow, state, command, ctx).state;
    steps.push({ command: command.type, state: stateName(state.snapshot) });
  }
  return { steps, state };
}

const toMediator = [example('ReceiveReferral'), example('BeginIntakeAssessment'), example('AssessIntake'), example('AssignMediator')];
const toConsent = [...toMediator, example('RecordPreparation'), example('RecordPreparation', { party: 'offender' })];

/** One explicit path per way through the chart. */
const paths: Record<string, CommandInput[]> = {
  'face-to-face, to closing': [
    ...toConsent,
    example('AgreeSupportPerson'),
    example('SelectModel'),
    example('ArrangeMeeting'),
    example('RecordDialogue'),
    example('BeginFollowUp'),
    example('RecordFollowUp'),
    example('CloseCase'),
  ],
  'letter exchange, which needs no meeting, then a face-to-face meeting': [
    ...toConsent,
    example('SelectModel', { model: 'letterExchange' }),
    example('RecordDialogue'),
    example('SelectModel'),
    example('ArrangeMeeting'),
    example('RecordDialogue'),
    example('BeginFollowUp'),
    example('CloseCase'),
  ],
  'a no-contact condition, amended before the meeting is arranged': [
    {
      type: 'ReceiveReferral',
      data: {
        source: 'institutional',
        receivedAt: '2026-01-12T14:30:00-05:00',
        victim: {},
        offender: { name: 'Jordan Roy' },
        referredBy: { staffRole: 'paroleOfficer', site: 'Collins Bay Institution' },
      },
    },
    example('BeginIntakeAssessment'),
    example('AssessIntake', { noContactConditions: [{ kind: 'courtNonCommunicationOrder' }] }),
    example('AssignMediator'),
    example('ReassignCase'),
    example('RecordPreparation', { party: 'offender' }),
    example('RecordPreparation'),
    example('SelectModel'),
    example('RecordNoContactCondition'),
    example('RecordConditionAmended'),
    // A court varies its order in its own words: what it varied, no facilitation wording.
    { type: 'RecordConditionAmended', data: { kind: 'courtNonCommunicationOrder', amendedOn: '2026-02-16', variation: 'programFacilitatedCommunication' } },
    example('ArrangeMeeting'),
    example('RecordDialogue'),
  ],
  'a meeting arranged while the Parole Board condition awaits its amendment, which CSC staff were advised to recommend': [
    ...toMediator.slice(0, 2),
    example('AssessIntake', { noContactConditions: [{ kind: 'paroleBoardNoContactCondition' }] }),
    example('AssignMediator'),
    example('RecordPreparation'),
    example('RecordPreparation', { party: 'offender' }),
    example('AgreeSupportPerson', { person: { subjectId: 'subject-support', name: 'Alex Tremblay' } }),
    example('SelectModel'),
    example('ArrangeMeeting', { supportPersonIds: ['subject-support'] }),
    example('AdviseStaffOfDialogue'),
    example('WithdrawSupportPersonAgreement'),
    example('ArrangeMeeting'),
    example('RecordConditionAmended'),
    example('RecordDialogue'),
  ],
  'a no-contact condition that expires before a letter exchange': [
    ...toMediator.slice(0, 2),
    example('AssessIntake', { noContactConditions: [{ kind: 'paroleBoardNoContactCondition' }] }),
    example('AssignMediator'),
    example('RecordPreparation'),
    example('RecordPreparation', { party: 'offender' }),
    example('SelectModel', { model: 'letterExchange' }),
    example('RecordConditionEnded'),
    example('RecordDialogue'),
  ],
  'consent taken back, which calls off the meeting, then given again': [
    ...toConsent,
    example('SelectModel'),
    example('ArrangeMeeting'),
    example('RecordPreparation', { consent: 'takenBack' }),
    example('RecordPreparation'),
    example('ArrangeMeeting'),
    example('RecordDialogue'),
  ],
  'withdrawn by a party': [...toMediator, example('Withdraw')],
  'not suitable at intake': [
    example('ReceiveReferral'),
    example('BeginIntakeAssessment'),
    example('AssessIntake', { outcome: 'notSuitable', notSuitableReason: 'safetyConcerns', safetyConcerns: 'unresolved' }),
  ],
  'found not suitable later': [...toConsent, example('DetermineNotSuitable')],
};

const walks = Object.entries(paths).map(([name, commands]) => [name, walk(commands)] as const);

describe('restorative opportunities: states', () => {
  it('reaches every state of the chart by some path', () => {
    const reached = new Set(walks.flatMap(([, { steps }]) => steps.map((step) => step.state)));
    const states = Object.keys(workflow.machine.root.states).filter((state) => state !== 'awaitingReferral');
    expect(states.filter((state) => !reached.has(state))).toEqual([]);
    expect(states).toHaveLength(12);
  });

  it('runs every command’s example in the state it is meant for', () => {
    const used = new Set(walks.flatMap(([, { steps }]) => steps.map((step) => step.command)));
    // The correction of a person's information is every workflow's, tested in domain/corrections.spec.ts.
    expect(workflow.commands.map((c) => c.type).filter((type) => !used.has(type) && type !== CORRECT_PERSONAL_INFORMATION)).toEqual([]);
  });

  it('goes back from an arranged meeting to the model chosen when a party takes their consent back', () =>
    expect(walks.find(([name]) => name.startsWith('consent taken back'))![1].steps.slice(-5).map((step) => step.state)).toEqual([
      'meetingArranged',
      'modelSelected',
      'modelSelected',
      'meetingArranged',
      'dialogueHeld',
    ]));

  it('goes through the main path in the order of the program', () =>
    expect(walks[0]![1].steps.map((step) => step.state)).toEqual([
      'referralReceived',
      'intakeAssessment',
      'awaitingMediator',
      'mediatorAssigned',
      'preparation',
      'preparation',
      'preparation',
      'modelSelected',
      'meetingArranged',
      'dialogueHeld',
      'followUp',
      'followUp',
      'closed',
    ]));

  it.each(walks)('ends the path "%s" where expected', (name, { state }) => {
    const ends: Record<string, string> = {
      'face-to-face, to closing': 'closed',
      'letter exchange, which needs no meeting, then a face-to-face meeting': 'closed',
      'a no-contact condition, amended before the meeting is arranged': 'dialogueHeld',
      'a no-contact condition that expires before a letter exchange': 'dialogueHeld',
      'a meeting arranged while the Parole Board condition awaits its amendment, which CSC staff were advised to recommend': 'dialogueHeld',
      'consent taken back, which calls off the meeting, then given again': 'dialogueHeld',
      'withdrawn by a party': 'withdrawn',
      'not suitable at intake': 'notSuitable',
      'found not suitable later': 'notSuitable',
    };
    expect(stateName(state.snapshot)).toBe(ends[name]);
  });

  it('in every open state: clock events are accepted, withdrawal is offered, and reassignment once someone is assigned', () => {
    const commands = paths['face-to-face, to closing']!;
    const meta = { occurredAt: NOW, actor: { id: 'rju-officer-1', role: 'rju' as const } };
    const clock = { type: 'ClockPaused', data: { clock: 'contact', pausedAt: NOW, reason: 'Awaiting the victim' }, meta };
    for (let length = 1; length < commands.length; length++) {
      const { state } = walk(commands.slice(0, length));
      const name = stateName(state.snapshot);
      const offered = allowedCommands(workflow, state, meta);
      expect({ name, clock: machineAccepts(state.snapshot, clock) }).toEqual({ name, clock: true });
      expect({ name, withdraw: offered.includes('Withdraw') }).toEqual({ name, withdraw: true });
      expect({ name, reassign: offered.includes('ReassignCase') }).toEqual({ name, reassign: name !== 'referralReceived' });
    }
  });

  it('offers nothing once the case has ended', () => {
    const ended = walks.filter(([, { state }]) => state.snapshot.status === 'done');
    expect(ended).toHaveLength(5);
    for (const [, { state }] of ended) {
      expect(allowedCommands(workflow, state, { occurredAt: NOW, actor: { id: 'x', role: 'rju' } })).toEqual([]);
    }
  });
});
