import { initialCaseState, stateName } from '../../domain/fold';
import { processCommand } from '../../domain/process';
import type { CaseState } from '../../domain/workflow';
import { itExplainsItsErrors } from '../../test/support/error-texts';
import { foldHistory, specContext } from '../../test/support/workflow-spec';
import { restorativeEngagementWorkflow as workflow } from './index';
import { completed, FEEDBACK, GOALS, reflectionRecorded, engaged, sharingSubmitted, engagementPhaseCompleted } from './spec-history';

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
// A follow-up a week later may be recorded at once: the tolerance is a week.
const mainPath: readonly Step[] = [...toPhase3, 'RecordReflection', ['CloseEngagement', { followUpInWeeks: 1 }], 'RecordFollowUp'];

describe('restorative engagement: its refusals', () => {
  itExplainsItsErrors(
    'RE.',
    [
      'RE.ANONYMITY_PREFERENCE',
      'RE.BEFORE_OPT_IN',
      'RE.BEFORE_PROGRAM_LAUNCH',
      'RE.CHOICES_UNCHANGED',
      'RE.COHORT_MISMATCH',
      'RE.COHORT_ONLY_FOR_SESSIONS',
      'RE.CONSENT_WITHDRAWN_BEFORE_GIVEN',
      'RE.DECISION_LETTER_BEFORE_DECISION',
      'RE.ENGAGEMENTS_PENDING',
      'RE.ENGAGEMENT_ALREADY_RECORDED',
      'RE.ENGAGEMENT_ID_TAKEN',
      'RE.ENGAGEMENT_UNKNOWN',
      'RE.FOLLOW_UP_TOO_EARLY',
      'RE.FOLLOW_UP_WITHOUT_CONSENT',
      'RE.GOALS_MET',
      'RE.NOTHING_SCHEDULED',
      'RE.NOT_A_SHARING',
      'RE.NOT_IN_ENGAGEMENT_SESSIONS',
      'RE.NO_ENGAGEMENT_HELD',
      'RE.NO_SHARING_TO_SUBMIT',
      'RE.OPTION_NOT_CHOSEN',
      'RE.OPT_IN_WINDOW_CLOSED',
      'RE.PREPARATION_INCOMPLETE',
      'RE.REASSIGNMENT_REQUIRES_SUPERVISOR',
      'RE.REFLECTION_REQUIRED',
      'RE.REQUEST_SENT_AFTER_RECEIPT',
      'RE.SHARING_ALREADY_SUBMITTED',
      'RE.SHARING_CONSENT_ALREADY_WITHDRAWN',
      'RE.SHARING_NOT_PREPARED',
      'RE.SHARING_NOT_SUBMITTED',
      'RE.TIME_IN_FUTURE',
      'RE.TOO_FAR_AHEAD',
    ],
    {
      claimDecisionDate: '2026-02-02',
      decisionLetterReceivedOn: '2026-02-12',
      lastDay: '2026-03-14',
      requestSentOn: '2026-03-16',
      receivedOn: '2026-03-18',
      receivedAt: '2026-03-02T09:00:00-05:00',
      launchedOn: '2021-11-15',
      field: 'heldAt',
      value: '2026-03-03T10:00:00-05:00',
      now: '2026-03-02T10:00:00-05:00',
      practitioners: ['practitioner-1', 'practitioner-2'],
      missing: ['meeting', 'confidentialityLimits', 'goals'],
      choice: 'writtenSharing',
      chosen: ['engagementSession'],
      engagementId: 'engagement-1',
      known: 'engagement-2',
      outcome: 'held',
      status: 'cancelled',
      engagementIds: ['engagement-1'],
      on: '2026-03-02',
      earliestOn: '2026-05-18',
      dueOn: '2026-05-25',
      option: 'writtenSharing',
      scheduled: 'cohort-1',
      given: 'cohort-2',
      caseId: '0195f3a0-5b1c-7a10-9d2e-3c4b5a697801',
      consentWithdrawnAt: '2026-03-01T10:00:00-05:00',
      consentGivenAt: '2026-03-04T10:00:00-05:00',
      session: false,
      anyGiven: true,
    },
  );
});

describe('restorative engagement: its fields’ names', () => {
  it('names each field, the goals met too, as a form’s summary can follow with a colon: never as a question', () => {
    expect(workflow.labels.fields.goalsMet).toEqual({ en: 'Goals met', fr: 'Atteinte des objectifs' });
    const questions = Object.entries(workflow.labels.fields).filter(([, label]) => /\?\s*$/u.test(label.en) || /\?\s*$/u.test(label.fr));
    expect(questions).toEqual([]);
  });
});

describe('restorative engagement: what lists show of a case', () => {
  it('summarizes a case without personal information', () => {
    const summary = workflow.summarize(foldHistory(workflow, completed));
    const shown = JSON.stringify(summary);
    for (const secret of ['Sam Tremblay', 'sam@example.org', 'cm-1', GOALS, FEEDBACK]) expect(shown).not.toContain(secret);
    expect(summary).toEqual({
      region: 'ON',
      assignees: ['practitioner-1'],
      serviceLanguage: 'en',
      details: {
        channel: 'writtenRequest',
        officialLanguage: 'en',
        practitioners: 1,
        round: 1,
        engagementsScheduled: 0,
        engagementsHeld: 1,
        sharingsSubmitted: 0,
        sharingsMayBeUsed: 0,
        sharingsConsentWithdrawn: 0,
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

describe('restorative engagement: the command examples, one after the other', () => {
  it.each(['2026-03-02T14:00:00Z', '2027-01-15T15:00:00Z'])('walk the main path through every phase (at %s)', (now) => {
    expect(walk(mainPath, now).states).toEqual([
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

  it('go back to phase 2 when the goals are not met, and out of the program at any stage and back in', () => {
    const notMet = walk([...toPhase3, ['RecordReflection', { goalsMet: 'notMet', followUpConsent: false }], 'ReturnToEngagement'], '2026-03-02T14:00:00Z');
    expect(notMet.states.slice(-2)).toEqual(['phase3', 'phase2.engaging']);
    expect(walk(['ReceiveOptIn', 'Withdraw', 'ResumeParticipation'], '2026-03-02T14:00:00Z').states).toEqual(['optInReceived', 'withdrawn', 'optInReceived']);
  });
});

describe('restorative engagement: the language a case is served in', () => {
  const withoutLanguage = (() => {
    const { officialLanguage: _unknown, ...data } = exampleOf('ReceiveOptIn') as Record<string, unknown>;
    return data;
  })();

  it('is the class member’s official language, once recorded: whom the case may be assigned to', () => {
    const unknown = walk([['ReceiveOptIn', withoutLanguage]], '2026-03-02T14:00:00Z');
    expect(workflow.summarize(unknown.state).serviceLanguage).toBeUndefined();
    const confirmed = walk([['ReceiveOptIn', withoutLanguage], ['ConfirmParticipation', { officialLanguage: 'fr' }]], '2026-03-02T14:00:00Z');
    expect(workflow.summarize(confirmed.state).serviceLanguage).toBe('fr');
    expect(workflow.summarize(walk(['ReceiveOptIn'], '2026-03-02T14:00:00Z').state).serviceLanguage).toBe('en');
  });
});
