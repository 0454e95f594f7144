import { CLOCK_EVENT_TYPES } from '../../domain/clocks/events';
import { errorCatalog } from '../../domain/errors';
import { initialCaseState, stateName } from '../../domain/fold';
import { processCommand } from '../../domain/process';
import type { CaseState } from '../../domain/workflow';
import { foldHistory, specContext } from '../../test/support/workflow-spec';
import { restorativeEngagementWorkflow as workflow } from './index';
import { restorativeEngagementMachine } from './machine';
import { completed, FEEDBACK, GOALS, reflectionRecorded, engaged, sharingSubmitted, engagementPhaseCompleted } from './spec-history';

interface StateConfig {
  readonly on?: Record<string, unknown>;
  readonly states?: Record<string, StateConfig>;
}
const root = restorativeEngagementMachine.config as StateConfig;

function leafStates(config: StateConfig, prefix = ''): string[] {
  return Object.entries(config.states ?? {}).flatMap(([name, child]) =>
    child.states ? leafStates(child, `${prefix}${name}.`) : [`${prefix}${name}`],
  );
}

const exampleOf = (type: string) => {
  const command = workflow.commands.find((c) => c.type === type);
  if (!command) throw new Error(`no command ${type}`);
  return command.example;
};

type Step = string | readonly [string, Record<string, unknown>];

/** Runs commands from an empty case through the real pipeline, with each command's example unless data is given. */
function walk(steps: readonly Step[], now: string): { states: string[]; state: CaseState } {
  let state = initialCaseState(workflow);
  const states: string[] = [];
  for (const step of steps) {
    const [type, data] = typeof step === 'string' ? [step, exampleOf(step)] : step;
    const actor = ['ReassignPractitioner', 'ResumeParticipation'].includes(type) ? ({ id: 'supervisor-1', role: 'supervisor' } as const) : undefined;
    state = processCommand(workflow, state, { type, data }, specContext({ now, ...(actor ? { actor } : {}) })).state;
    states.push(stateName(state.snapshot));
  }
  return { states, state };
}

const toPhase3: Step[] = [
  'ReceiveOptIn',
  'ConfirmParticipation',
  'AssignPractitioner',
  'ReassignPractitioner',
  'RecordPreparationSession',
  'SetGoals',
  'CompletePreparation',
  'ChooseParticipation',
  'ScheduleEngagement',
  'RecordEngagement',
  'SubmitSharing',
  'CompleteEngagementPhase',
];
const paths: readonly Step[][] = [
  // A follow-up a week later may be recorded at once: the tolerance is a week.
  [...toPhase3, 'RecordReflection', ['CloseEngagement', { followUpInWeeks: 1 }], 'RecordFollowUp'],
  [...toPhase3, ['RecordReflection', { goalsMet: 'notMet', followUpConsent: false }], 'ReturnToEngagement'],
  ['ReceiveOptIn', 'Withdraw', 'ResumeParticipation'],
];

describe('restorative engagement: the definition', () => {
  it('has these states', () => {
    expect(leafStates(root)).toEqual([
      'new',
      'optInReceived',
      'awaitingPractitioner',
      'phase1',
      'phase2.choosingOptions',
      'phase2.engaging',
      'phase3',
      'followUpScheduled',
      'completed',
      'withdrawn',
    ]);
  });

  it('accepts the shared clock events in every state', () => {
    expect(Object.keys(root.on ?? {})).toEqual(expect.arrayContaining([...CLOCK_EVENT_TYPES]));
  });

  it('declares personal data on the events that carry the class member\'s words', () => {
    expect(workflow.events.filter((e) => e.personalData).map((e) => e.type)).toEqual(['OptInReceived', 'GoalsSet', 'ReflectionRecorded']);
  });

  it('names every error RE.* with a text in both official languages', () => {
    const codes = [...errorCatalog().values()].filter((e) => e.code.startsWith('RE.'));
    expect(codes.length).toBeGreaterThanOrEqual(16);
    for (const error of codes) {
      expect(typeof error.texts.en).toBe('function');
      expect(typeof error.texts.fr).toBe('function');
    }
  });

  it('summarizes a case without personal information', () => {
    const summary = workflow.summarize(foldHistory(workflow, completed));
    const shown = JSON.stringify(summary);
    for (const secret of ['Sam Tremblay', 'sam@example.org', 'cm-1', GOALS, FEEDBACK]) expect(shown).not.toContain(secret);
    expect(summary).toEqual({
      region: 'ON',
      assignees: ['practitioner-1'],
      details: {
        channel: 'writtenRequest',
        officialLanguage: 'en',
        practitioners: 1,
        round: 1,
        engagementsScheduled: 0,
        engagementsHeld: 1,
        sharingsSubmitted: 0,
        goalsMet: 'met',
        followUpDueOn: '2026-05-15',
      },
    });
  });

  it('counts submitted sharings and the latest word on goals', () => {
    const state = foldHistory(workflow, [...engaged, sharingSubmitted('e-1'), engagementPhaseCompleted(), reflectionRecorded('notMet')]);
    expect(workflow.summarize(state).details).toMatchObject({ sharingsSubmitted: 1, goalsMet: 'notMet' });
  });
});

describe('restorative engagement: every state is reachable with the command examples', () => {
  it.each(['2026-03-02T14:00:00Z', '2027-01-15T15:00:00Z'])('at %s', (now) => {
    const reached = new Set(paths.flatMap((path) => walk(path, now).states));
    expect([...reached].sort()).toEqual(leafStates(root).filter((s) => s !== 'new').sort());
  });

  it('walks the main path through every phase', () => {
    expect(walk(paths[0] ?? [], '2026-03-02T14:00:00Z').states).toEqual([
      'optInReceived',
      'awaitingPractitioner',
      'phase1',
      'phase1',
      'phase1',
      'phase1',
      'phase2.choosingOptions',
      'phase2.engaging',
      'phase2.engaging',
      'phase2.engaging',
      'phase2.engaging',
      'phase3',
      'phase3',
      'followUpScheduled',
      'completed',
    ]);
  });

  it('uses every command on the way', () => {
    const used = new Set(paths.flat().map((step) => (typeof step === 'string' ? step : step[0])));
    expect(workflow.commands.map((c) => c.type).filter((type) => !used.has(type))).toEqual([]);
  });
});
