import type { NewEvent } from '../../domain/envelope';
import { specFor } from '../../test/support/workflow-spec';
import { restorativeEngagementWorkflow } from './index';
import {
  awaitingPractitioner,
  completed,
  engagementScheduled,
  reflectionRecorded,
  engaged,
  engaging,
  followingUp,
  inPhase1,
  inPhase3,
  optInReceived,
  participationWithdrawn,
  prepared,
} from './spec-history';

const { given } = specFor(restorativeEngagementWorkflow);
const NOW = '2026-03-02T14:00:00.000Z';
const supervisor = { actor: { id: 'supervisor-1', role: 'supervisor' as const } };

describe('restorative engagement: assigning practitioners', () => {
  const assign = (...practitionerIds: string[]) => ({ type: 'AssignPractitioner', data: { practitionerIds } });

  it('assigns one restorative practitioner and starts phase 1', () => {
    const outcome = given(...awaitingPractitioner).when(assign('practitioner-7')).run();
    expect(outcome.events).toEqual([{ type: 'PractitionerAssigned', data: { practitionerIds: ['practitioner-7'], assignedAt: NOW } }]);
    expect(outcome.stateName).toBe('phase1');
    expect(restorativeEngagementWorkflow.summarize(outcome.state).assignees).toEqual(['practitioner-7']);
  });

  it('assigns two practitioners when the class member needs them', () => {
    const outcome = given(...awaitingPractitioner).when(assign('practitioner-7', 'practitioner-8')).run();
    expect(restorativeEngagementWorkflow.summarize(outcome.state).assignees).toEqual(['practitioner-7', 'practitioner-8']);
  });

  it('never assigns more than two, naming the field', () => {
    const error = given(...awaitingPractitioner).when(assign('p-1', 'p-2', 'p-3')).error();
    expect(error.code).toBe('VALIDATION.INVALID_INPUT');
    expect(error.message).toContain('data.practitionerIds');
  });

  it('does not assign the same practitioner twice', () => {
    const error = given(...awaitingPractitioner).when(assign('p-1', 'p-1')).error();
    expect(error.code).toBe('VALIDATION.INVALID_INPUT');
    expect(error.message).toContain('data.practitionerIds: entries must not repeat');
  });

  it('needs at least one practitioner', () =>
    given(...awaitingPractitioner)
      .when(assign())
      .thenThrows('VALIDATION.INVALID_INPUT'));

  it('assigns only once the class member confirmed they take part', () =>
    given(optInReceived())
      .when(assign('practitioner-7'))
      .thenThrows('COMMAND.NOT_ALLOWED', { allowedCommands: ['ConfirmParticipation', 'Withdraw'] }));

  it('is a reassignment once practitioners are assigned', () =>
    given(...inPhase1)
      .when(assign('practitioner-7'))
      .thenThrows('COMMAND.NOT_ALLOWED', {
        allowedCommands: ['ReassignPractitioner', 'RecordPreparationSession', 'SetGoals', 'Withdraw'],
      }));
});

describe('restorative engagement: reassigning practitioners', () => {
  const reassign = (...practitionerIds: string[]) => ({
    type: 'ReassignPractitioner',
    data: { practitionerIds, reason: 'needsChanged' },
  });

  it('lets a supervisor reassign, recording who had the case', () => {
    const outcome = given(...engaged).when(reassign('practitioner-2', 'practitioner-3'), supervisor).run();
    expect(outcome.events).toEqual([
      {
        type: 'PractitionersReassigned',
        data: {
          practitionerIds: ['practitioner-2', 'practitioner-3'],
          previousPractitionerIds: ['practitioner-1'],
          reason: 'needsChanged',
          reassignedAt: NOW,
        },
      },
    ]);
    expect(outcome.stateName).toBe('phase2.engaging');
    expect(restorativeEngagementWorkflow.summarize(outcome.state).assignees).toEqual(['practitioner-2', 'practitioner-3']);
  });

  it('lets an admin reassign', () =>
    given(...inPhase1)
      .when(reassign('practitioner-2'), { actor: { id: 'admin-1', role: 'admin' } })
      .thenState('phase1'));

  it('lets only a supervisor reassign', () => {
    const error = given(...inPhase1).when(reassign('practitioner-2')).error();
    expect(error.code).toBe('RE.REASSIGNMENT_REQUIRES_SUPERVISOR');
    expect(error.kind).toBe('forbidden');
  });

  it('reassigns in every active state after the first assignment', () => {
    const histories: Record<string, NewEvent[]> = {
      phase1: inPhase1,
      'phase2.choosingOptions': prepared,
      'phase2.engaging': engaging,
      phase3: inPhase3,
      followUpScheduled: followingUp,
    };
    for (const [state, history] of Object.entries(histories)) {
      given(...history).when(reassign('practitioner-9'), supervisor).thenState(state);
    }
  });

  it('has nothing to reassign before the first assignment', () =>
    given(...awaitingPractitioner)
      .when(reassign('practitioner-9'), supervisor)
      .thenThrows('COMMAND.NOT_ALLOWED', { allowedCommands: ['AssignPractitioner', 'Withdraw'] }));

  // Completed, the class member may still change their word on their input: someone must be there to record it.
  it('reassigns a completed case too', () =>
    given(...completed)
      .when(reassign('practitioner-9'), supervisor)
      .thenState('completed'));
});

describe('restorative engagement: withdrawal', () => {
  const withdraw = { type: 'Withdraw', data: {} };

  it('can happen at any stage: "you can change your mind about participating at any time"', () => {
    const histories: Record<string, NewEvent[]> = {
      optInReceived: [optInReceived()],
      awaitingPractitioner,
      phase1: inPhase1,
      'phase2.choosingOptions': prepared,
      'phase2.engaging': engaged,
      phase3: inPhase3,
      followUpScheduled: followingUp,
      completed,
    };
    for (const [stage, history] of Object.entries(histories)) {
      const outcome = given(...history).when(withdraw).run();
      expect(outcome.events.filter((e) => e.type === 'ParticipationWithdrawn')).toEqual([{ type: 'ParticipationWithdrawn', data: { withdrawnAt: NOW, stage } }]);
      expect(outcome.stateName).toBe('withdrawn');
      // Once asked how their input is to be used (phase 3), they may still revise it, withdrawn.
      const reflected = ['phase3', 'followUpScheduled', 'completed'].includes(stage);
      expect([stage, outcome.allowedCommands]).toEqual([stage, reflected ? ['ReviseInputChoices', 'ResumeParticipation'] : ['ResumeParticipation']]);
    }
  });

  it('cancels the clocks still open', () => {
    const window: NewEvent = {
      type: 'ClockStarted',
      data: {
        clock: 'optInWindow',
        name: 'Opt-in window',
        basis: 'calendar',
        days: 30,
        region: 'ON',
        startedAt: '2026-02-02T05:00:00.000Z',
        dueAt: '2026-03-05T04:59:59.999Z',
        warnings: [],
      },
    };
    const outcome = given(optInReceived(), window).when(withdraw).run();
    expect(outcome.events).toEqual([
      { type: 'ClockCancelled', data: { clock: 'optInWindow', at: NOW, reason: 'The class member withdrew from the program.', reasonFr: 'Le membre du groupe a mis fin à sa participation au programme.' } },
      { type: 'ParticipationWithdrawn', data: { withdrawnAt: NOW, stage: 'optInReceived' } },
    ]);
    expect(outcome.state.clocks.optInWindow?.status).toBe('cancelled');
  });

  it('cancels the engagements still scheduled, as the class member’s cancellation, in the same decision', () => {
    const history = [...engaged, engagementScheduled('e-2'), engagementScheduled('e-3', { option: 'engagementSession', delivery: 'virtual' })];
    const outcome = given(...history).when({ type: 'Withdraw', data: { withdrawnAt: '2026-02-28T10:00:00-05:00' } }).run();
    expect(outcome.events).toEqual([
      { type: 'EngagementRecorded', data: { engagementId: 'e-2', outcome: 'cancelled', at: NOW, cancelledBy: 'classMember' } },
      { type: 'EngagementRecorded', data: { engagementId: 'e-3', outcome: 'cancelled', at: NOW, cancelledBy: 'classMember' } },
      { type: 'ParticipationWithdrawn', data: { withdrawnAt: '2026-02-28T10:00:00-05:00', stage: 'phase2.engaging' } },
    ]);
    expect(outcome.stateName).toBe('withdrawn');
    // The engagement held stays held.
    expect(restorativeEngagementWorkflow.summarize(outcome.state).details).toMatchObject({ engagementsScheduled: 0, engagementsHeld: 1 });
  });

  it('asks for no reason, and takes none', () => {
    const error = given(...inPhase1)
      .when({ type: 'Withdraw', data: { reason: 'personal' } })
      .error();
    expect(error.code).toBe('VALIDATION.INVALID_INPUT');
    expect(error.message).toContain('data.reason: unknown field');
  });

  it('records when the class member said so', () =>
    given(...inPhase1)
      .when({ type: 'Withdraw', data: { withdrawnAt: '2026-02-28T10:00:00-05:00' } })
      .thenEvents([{ type: 'ParticipationWithdrawn', data: { withdrawnAt: '2026-02-28T10:00:00-05:00', stage: 'phase1' } }]));

  it('refuses a withdrawal dated before the opt-in was received, beside its date, in either language', () => {
    const error = given(...inPhase1)
      .when({ type: 'Withdraw', data: { withdrawnAt: '2026-01-15T10:30:00-05:00' } })
      .error();
    expect(error.code).toBe('RE.BEFORE_OPT_IN');
    expect(error.messageIn('fr')).toBe('«\u00a0Date du retrait\u00a0»\u00a0: 2026-01-15T10:30:00-05:00 précède la réception de l’adhésion du membre du groupe (2026-02-20T10:15:00-05:00).');
    expect(error.detailsIn('en')).toEqual({ issues: [{ path: 'data.withdrawnAt', message: '2026-01-15T10:30:00-05:00 is before the class member’s opt-in was received (2026-02-20T10:15:00-05:00).' }] });
    // The moment it was received is no fact before it.
    given(...inPhase1).when({ type: 'Withdraw', data: { withdrawnAt: '2026-02-20T10:15:00-05:00' } }).thenEvents([{ type: 'ParticipationWithdrawn', data: { withdrawnAt: '2026-02-20T10:15:00-05:00', stage: 'phase1' } }]);
  });

  it('refuses a withdrawal dated in the future', () =>
    given(...inPhase1)
      .when({ type: 'Withdraw', data: { withdrawnAt: '2026-03-02T14:00:01Z' } })
      .thenThrows('RE.TIME_IN_FUTURE'));

  it('is recorded once: a withdrawn case offers only a resumption', () =>
    given(...inPhase1, participationWithdrawn())
      .when(withdraw)
      .thenThrows('COMMAND.NOT_ALLOWED', { allowedCommands: ['ResumeParticipation'] }));

  it('reassigns nothing while the class member is withdrawn', () =>
    given(...inPhase1, participationWithdrawn())
      .when({ type: 'ReassignPractitioner', data: { practitionerIds: ['practitioner-2'], reason: 'availability' } }, supervisor)
      .thenThrows('COMMAND.NOT_ALLOWED', { allowedCommands: ['ResumeParticipation'] }));

  it('is possible after completing, and a resumption leads back to completed', () => {
    const outcome = given(...completed).when(withdraw).run();
    expect(outcome.events.filter((e) => !e.type.startsWith('Clock'))).toEqual([{ type: 'ParticipationWithdrawn', data: { withdrawnAt: NOW, stage: 'completed' } }]);
    const resumed = given(...completed, ...outcome.events).when({ type: 'ResumeParticipation', data: {} }, supervisor).run();
    expect(resumed.events[0]?.data).toMatchObject({ withdrawnFrom: 'completed', resumedIn: 'completed' });
    expect(resumed.stateName).toBe('completed');
    // The process stays as it ended.
    expect(restorativeEngagementWorkflow.summarize(resumed.state).details).toMatchObject({ goalsMet: 'met', followUpDueOn: '2026-05-15' });
  });
});

describe('restorative engagement: changing one’s mind goes both ways', () => {
  const resume = (data: Record<string, unknown> = {}) => ({ type: 'ResumeParticipation', data });

  it('lets a supervisor record that a withdrawn class member asks to take part again, keeping the history', () => {
    const history = [...inPhase1, participationWithdrawn('phase1')];
    const outcome = given(...history).when(resume({ requestedAt: '2026-03-01T10:00:00-05:00' }), supervisor).run();
    expect(outcome.events).toEqual([
      {
        type: 'ParticipationResumed',
        data: { requestedAt: '2026-03-01T10:00:00-05:00', resumedAt: NOW, withdrawnFrom: 'phase1', resumedIn: 'phase1', cancelledEngagementIds: [] },
      },
    ]);
    expect(outcome.stateName).toBe('phase1');
    expect(outcome.state.revision).toBe(history.length);
    expect(restorativeEngagementWorkflow.summarize(outcome.state).assignees).toEqual(['practitioner-1']);
    expect(outcome.allowedCommands).toContain('Withdraw');
  });

  it('resumes at the stage it was withdrawn from, or where that stage can begin again', () => {
    const cases: [string, NewEvent[], string][] = [
      ['optInReceived', [optInReceived()], 'optInReceived'],
      ['awaitingPractitioner', awaitingPractitioner, 'awaitingPractitioner'],
      ['phase1', inPhase1, 'phase1'],
      // Phase 2 begins again with the class member's choices: they may have changed.
      ['phase2.choosingOptions', prepared, 'phase2.choosingOptions'],
      ['phase2.engaging', engaged, 'phase2.choosingOptions'],
      ['phase3', inPhase3, 'phase3'],
      // The follow-up they withdrew from is not revived: a new reflection, then a new closing.
      ['followUpScheduled', followingUp, 'phase3'],
    ];
    for (const [stage, history, resumedIn] of cases) {
      const outcome = given(...history, participationWithdrawn(stage)).when(resume(), supervisor).run();
      expect([stage, outcome.stateName, outcome.events[0]?.data]).toEqual([stage, resumedIn, expect.objectContaining({ withdrawnFrom: stage, resumedIn })]);
    }
  });

  it('has nothing left to cancel after a withdrawal that cancelled what was scheduled', () => {
    const history = [...engaging, engagementScheduled('e-1')];
    const withdrawn = given(...history).when({ type: 'Withdraw', data: {} }).run();
    const outcome = given(...history, ...withdrawn.events).when(resume(), supervisor).run();
    expect(outcome.events[0]?.data).toMatchObject({ withdrawnFrom: 'phase2.engaging', resumedIn: 'phase2.choosingOptions', cancelledEngagementIds: [] });
    expect(restorativeEngagementWorkflow.summarize(outcome.state).details).toMatchObject({ engagementsScheduled: 0 });
  });

  it('cancels the engagements a withdrawal recorded before withdrawals cancelled them left scheduled', () => {
    const outcome = given(...engaging, engagementScheduled('e-1'), participationWithdrawn('phase2.engaging')).when(resume(), supervisor).run();
    expect(outcome.events[0]?.data).toMatchObject({ cancelledEngagementIds: ['e-1'] });
    expect(restorativeEngagementWorkflow.summarize(outcome.state).details).toMatchObject({ engagementsScheduled: 0 });
  });

  it('asks for a new reflection after resuming in phase 3', () =>
    given(...inPhase3, reflectionRecorded('met'), participationWithdrawn('phase3'), {
      type: 'ParticipationResumed',
      data: { requestedAt: NOW, resumedAt: NOW, withdrawnFrom: 'phase3', resumedIn: 'phase3', cancelledEngagementIds: [] },
    })
      .when({ type: 'CloseEngagement', data: {} })
      .thenThrows('RE.REFLECTION_REQUIRED'));

  it('resumes only a withdrawn case', () =>
    given(...inPhase1)
      .when(resume(), supervisor)
      .thenThrows('COMMAND.NOT_ALLOWED'));

  it('is recorded by a supervisor only', () =>
    expect(restorativeEngagementWorkflow.commands.find((c) => c.type === 'ResumeParticipation')?.grants).toEqual({ supervisor: 'any' }));

  it('refuses a request dated in the future', () =>
    given(...inPhase1, participationWithdrawn())
      .when(resume({ requestedAt: '2026-03-02T14:00:01Z' }), supervisor)
      .thenThrows('RE.TIME_IN_FUTURE'));

  it('lets the class member withdraw again', () =>
    given(...inPhase1, participationWithdrawn(), {
      type: 'ParticipationResumed',
      data: { requestedAt: NOW, resumedAt: NOW, withdrawnFrom: 'phase1', resumedIn: 'phase1', cancelledEngagementIds: [] },
    })
      .when({ type: 'Withdraw', data: {} })
      .thenState('withdrawn'));
});
