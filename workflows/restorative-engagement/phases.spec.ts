import { dueClockEvents } from '../../domain/clocks';
import { DEFAULT_SETTINGS } from '../../domain/settings';
import { foldHistory, specFor } from '../../test/support/workflow-spec';
import { restorativeEngagementWorkflow } from './index';
import {
  CLASS_MEMBER_ID,
  engaged,
  engagementCancelled,
  engagementHeld,
  engagementPhaseCompleted,
  engagementScheduled,
  engaging,
  followingUp,
  goalsSet,
  inPhase1,
  inPhase3,
  participationChosen,
  preparationSessionHeld,
  prepared,
  reflectionRecorded,
  returnedToEngagement,
  sharingSubmitted,
} from './spec-history';

const { given } = specFor(restorativeEngagementWorkflow);
const NOW = '2026-03-02T14:00:00.000Z';

describe('restorative engagement: phase 1, preparation', () => {
  const session = (data: Record<string, unknown> = {}) => ({
    type: 'RecordPreparationSession',
    data: { delivery: 'inPerson', topics: ['programOverview', 'confidentialityLimits'], ...data },
  });

  it('records a session with the practitioner and what it covered', () =>
    given(...inPhase1)
      .when(session({ heldAt: '2026-02-27T15:00:00-05:00', supportPersonPresent: true }))
      .thenEvents([
        {
          type: 'PreparationSessionHeld',
          data: {
            sessionId: 'id-1',
            heldAt: '2026-02-27T15:00:00-05:00',
            delivery: 'inPerson',
            topics: ['programOverview', 'confidentialityLimits'],
            supportPersonPresent: true,
          },
        },
      ]));

  it('never records the class member’s experience in phase 1: there is no field for it', () => {
    const error = given(...inPhase1)
      .when(session({ experience: 'It happened during basic training.' }))
      .error();
    expect(error.code).toBe('VALIDATION.INVALID_INPUT');
    expect(error.message).toContain('data.experience: unknown field');
  });

  it('never records the class member’s experience in phase 1: it is not a topic of preparation', () => {
    const error = given(...inPhase1)
      .when(session({ topics: ['sexualMisconductExperience'] }))
      .error();
    expect(error.code).toBe('VALIDATION.INVALID_INPUT');
    expect(error.message).toContain('data.topics.0');
  });

  it('names the topic as the seed heads it: an exception to the duty to report, not the duty as an exception', () =>
    expect(restorativeEngagementWorkflow.labels.values.dutyToReportException).toEqual({
      en: 'Exception to the duty to report',
      fr: 'Exception à l’obligation de signaler',
    }));

  it('refuses a session dated in the future', () =>
    given(...inPhase1)
      .when(session({ heldAt: '2026-03-03T10:00:00-05:00' }))
      .thenThrows('RE.TIME_IN_FUTURE'));

  it('records the class member’s goals against their subject id', () =>
    given(...inPhase1)
      .when({ type: 'SetGoals', data: { goals: 'See concrete change in my former unit.' } })
      .thenEvents([
        { type: 'GoalsSet', data: { classMemberId: CLASS_MEMBER_ID, goals: 'See concrete change in my former unit.', setAt: NOW } },
      ]));

  it('does not offer CompletePreparation before the class member met their practitioner, heard the limits of confidentiality and set goals', () => {
    const error = given(...inPhase1)
      .when({ type: 'CompletePreparation', data: {} })
      .error();
    expect(error.code).toBe('RE.PREPARATION_INCOMPLETE');
    expect(error.params).toEqual({ missing: ['meeting', 'confidentialityLimits', 'goals'] });
    expect(error.messageIn('en')).toBe(
      'Preparation (phase 1) is not complete: the class member still needs a first session with their restorative practitioner, an explanation of the limits of confidentiality and their goals and objectives before engagement can begin.',
    );
    expect(error.messageIn('fr')).toBe(
      'La préparation (phase 1) n’est pas terminée\u00a0: il manque encore au membre du groupe une première rencontre avec sa praticienne ou son praticien en approche réparatrice, une explication des limites de la confidentialité et ses buts et objectifs avant que l’engagement puisse commencer.',
    );
  });

  it('names what is still missing from preparation', () =>
    given(...inPhase1, preparationSessionHeld(['programOverview', 'goalSetting']), goalsSet())
      .when({ type: 'CompletePreparation', data: {} })
      .thenThrows('RE.PREPARATION_INCOMPLETE'));

  it('lists CompletePreparation only once preparation is complete', () => {
    const outcome = given(...inPhase1, preparationSessionHeld())
      .when({ type: 'SetGoals', data: { goals: 'To be heard.' } })
      .run();
    expect(outcome.allowedCommands).toEqual([
      'ReassignPractitioner',
      'RecordPreparationSession',
      'SetGoals',
      'CompletePreparation',
      'Withdraw',
    ]);
  });

  it('ends phase 1 and asks the class member how they want to take part', () => {
    const outcome = given(...inPhase1, preparationSessionHeld(), goalsSet())
      .when({ type: 'CompletePreparation', data: {} })
      .run();
    expect(outcome.events).toEqual([{ type: 'PreparationCompleted', data: { completedAt: NOW, sessionsHeld: 1 } }]);
    expect(outcome.stateName).toBe('phase2.choosingOptions');
    expect(outcome.allowedCommands).toEqual(['ReassignPractitioner', 'ChooseParticipation', 'Withdraw']);
  });
});

describe('restorative engagement: phase 2, engagement', () => {
  const choose = (data: Record<string, unknown> = {}) => ({
    type: 'ChooseParticipation',
    data: { options: ['recordedSharing'], deliveries: ['virtual'], settings: ['group'], anonymity: 'identified', ...data },
  });
  const schedule = (data: Record<string, unknown> = {}) => ({
    type: 'ScheduleEngagement',
    data: { option: 'engagementSession', delivery: 'virtual', setting: 'individual', scheduledFor: '2026-03-20T13:00:00-04:00', ...data },
  });

  it('records the class member’s choices, including their anonymity preference', () => {
    const outcome = given(...prepared).when(choose()).run();
    expect(outcome.events).toEqual([
      {
        type: 'ParticipationChosen',
        data: { options: ['recordedSharing'], deliveries: ['virtual'], settings: ['group'], anonymity: 'identified', chosenAt: NOW },
      },
    ]);
    expect(outcome.stateName).toBe('phase2.engaging');
  });

  it('rejects a choice listing an option twice', () => {
    const error = given(...prepared)
      .when(choose({ options: ['writtenSharing', 'writtenSharing'] }))
      .error();
    expect(error.code).toBe('VALIDATION.INVALID_INPUT');
    expect(error.message).toContain('data.options');
  });

  it('does not schedule before the class member chose how to take part', () =>
    given(...prepared)
      .when(schedule())
      .thenThrows('COMMAND.NOT_ALLOWED', { allowedCommands: ['ReassignPractitioner', 'ChooseParticipation', 'Withdraw'] }));

  it('lets the class member change their choices during phase 2', () =>
    given(...engaging).when(choose()).thenState('phase2.engaging'));

  it('schedules an engagement the class member chose, minting its id', () =>
    given(...engaging)
      .when(schedule({ supportPersonAttending: true }))
      .thenEvents([
        {
          type: 'EngagementScheduled',
          data: {
            engagementId: 'id-1',
            option: 'engagementSession',
            delivery: 'virtual',
            setting: 'individual',
            scheduledFor: '2026-03-20T13:00:00-04:00',
            supportPersonAttending: true,
          },
        },
      ]));

  it('refuses an engagement scheduled for a time before the opt-in was received, beside its date, in either language', () => {
    const error = given(...engaging)
      .when(schedule({ option: 'writtenSharing', delivery: 'indirect', scheduledFor: '1999-11-20T13:00:00-05:00' }))
      .error();
    expect(error.code).toBe('RE.BEFORE_OPT_IN');
    expect(error.messageIn('en')).toBe('“Scheduled for”: 1999-11-20T13:00:00-05:00 is before the class member’s opt-in was received (2026-02-20T10:15:00-05:00).');
    expect(error.detailsIn('fr')).toEqual({
      issues: [{ path: 'data.scheduledFor', message: '1999-11-20T13:00:00-05:00 précède la réception de l’adhésion du membre du groupe (2026-02-20T10:15:00-05:00).' }],
    });
  });

  it('records an engagement scheduled for a time now past, recorded late, if not before the opt-in', () => {
    given(...engaging).when(schedule({ scheduledFor: '2026-02-20T10:15:00-05:00' })).thenState('phase2.engaging');
    given(...engaging).when(schedule({ scheduledFor: '2026-02-20T10:14:59-05:00' })).thenThrows('RE.BEFORE_OPT_IN');
  });

  it('reports a time before the opt-in and an option not chosen at once', () =>
    given(...engaging)
      .when(schedule({ option: 'recordedSharing', scheduledFor: '2025-11-20T13:00:00-05:00' }))
      .thenBreaks('RE.BEFORE_OPT_IN', 'RE.OPTION_NOT_CHOSEN'));

  it('allows several engagements', () => {
    const outcome = given(...engaged, engagementScheduled('e-2', { option: 'engagementSession', delivery: 'virtual' }))
      .when(schedule({ engagementId: 'e-3' }))
      .run();
    expect(restorativeEngagementWorkflow.summarize(outcome.state).details).toMatchObject({
      engagementsScheduled: 2,
      engagementsHeld: 1,
    });
  });

  it('refuses an option the class member did not choose', () => {
    const error = given(...engaging)
      .when(schedule({ option: 'recordedSharing' }))
      .error();
    expect(error.code).toBe('RE.OPTION_NOT_CHOSEN');
    expect(error.messageIn('en')).toContain('did not choose "recorded sharing"');
    expect(error.messageIn('fr')).toContain('«\u00a0témoignage enregistré\u00a0»');
  });

  it('refuses a way of taking part the class member did not choose, naming the modes of delivery as the form does', () => {
    const error = given(...engaging)
      .when(schedule({ delivery: 'inPerson' }))
      .error();
    expect(error.code).toBe('RE.OPTION_NOT_CHOSEN');
    expect(error.messageIn('en')).toContain('did not choose "in person" (they chose: virtual and indirect)');
    expect(error.messageIn('fr')).toContain('n’a pas choisi «\u00a0en personne\u00a0» (ses choix\u00a0: virtuel et indirect)');
  });

  it('refuses a group engagement when the class member chose to take part individually', () => {
    const error = given(...engaging)
      .when(schedule({ setting: 'group' }))
      .error();
    expect(error.code).toBe('RE.OPTION_NOT_CHOSEN');
    expect(error.messageIn('en')).toContain('did not choose "in a group" (they chose: individually)');
    expect(error.messageIn('fr')).toContain('n’a pas choisi «\u00a0en groupe\u00a0» (ses choix\u00a0: individuellement)');
  });

  it('refuses an engagement id the case already has', () =>
    given(...engaged)
      .when(schedule({ engagementId: 'e-1' }))
      .thenThrows('RE.ENGAGEMENT_ID_TAKEN'));

  it('refuses an engagement id that is not an identifier, beside the field; takes an ordinary one', () => {
    for (const engagementId of ['letter 1', 'sam.tremblay@example.org', ' e-2']) {
      given(...engaging)
        .when(schedule({ engagementId }))
        .thenThrows('VALIDATION.INVALID_INPUT', { issues: [{ path: 'data.engagementId', message: 'must be an id: 1 to 100 letters, digits, . _ : - (beginning with a letter or a digit; never a name)' }] });
    }
    expect(given(...engaging).when(schedule({ engagementId: 'letter-1' })).run().events[0]!.data).toMatchObject({ engagementId: 'letter-1' });
  });

  it('still records what happened to an engagement scheduled under an id chosen before it had to be an identifier', () =>
    given(...engaging, engagementScheduled('letter 1'))
      .when({ type: 'RecordEngagement', data: { outcome: 'held', engagementId: 'letter 1', heldAt: '2026-02-26T13:00:00-05:00' } })
      .thenEvents([{ type: 'EngagementRecorded', data: { engagementId: 'letter 1', outcome: 'held', at: '2026-02-26T13:00:00-05:00' } }]));

  it('reports every choice the class member did not make, and an engagement id taken, at once', () =>
    given(...engaged)
      .when(schedule({ option: 'recordedSharing', delivery: 'inPerson', setting: 'group', engagementId: 'e-1' }))
      .thenBreaks('RE.OPTION_NOT_CHOSEN', 'RE.OPTION_NOT_CHOSEN', 'RE.OPTION_NOT_CHOSEN', 'RE.ENGAGEMENT_ID_TAKEN'));

  it('records that an engagement was held', () =>
    given(...engaging, engagementScheduled('e-1'))
      .when({ type: 'RecordEngagement', data: { outcome: 'held', engagementId: 'e-1', heldAt: '2026-02-26T13:00:00-05:00' } })
      .thenEvents([{ type: 'EngagementRecorded', data: { engagementId: 'e-1', outcome: 'held', at: '2026-02-26T13:00:00-05:00' } }]));

  it('records that an engagement was cancelled, and by whom', () =>
    given(...engaging, engagementScheduled('e-1'))
      .when({ type: 'RecordEngagement', data: { outcome: 'cancelled', engagementId: 'e-1', cancelledBy: 'classMember' } })
      .thenEvents([
        { type: 'EngagementRecorded', data: { engagementId: 'e-1', outcome: 'cancelled', at: NOW, cancelledBy: 'classMember' } },
      ]));

  it('refuses to record an engagement the case does not have, listing those it has', () => {
    const error = given(...engaged, engagementScheduled('e-2'))
      .when({ type: 'RecordEngagement', data: { outcome: 'held', engagementId: 'e-9' } })
      .error();
    expect(error.code).toBe('RE.ENGAGEMENT_UNKNOWN');
    expect(error.message).toContain('e-1, e-2');
  });

  it('refuses to record an engagement twice', () =>
    given(...engaged, engagementScheduled('e-2'))
      .when({ type: 'RecordEngagement', data: { outcome: 'cancelled', engagementId: 'e-1', cancelledBy: 'program' } })
      .thenThrows('RE.ENGAGEMENT_ALREADY_RECORDED'));

  it('reports an engagement recorded twice and a time in the future at once', () =>
    given(...engaged, engagementScheduled('e-2'))
      .when({ type: 'RecordEngagement', data: { outcome: 'held', engagementId: 'e-1', heldAt: '2026-03-02T14:00:01Z' } })
      .thenBreaks('RE.ENGAGEMENT_ALREADY_RECORDED', 'RE.TIME_IN_FUTURE'));

  it('offers RecordEngagement and SubmitSharing only when there is something to record or submit', () => {
    const outcome = given(...prepared).when(choose()).run();
    expect(outcome.allowedCommands).toEqual(['ReassignPractitioner', 'ChooseParticipation', 'ScheduleEngagement', 'Withdraw']);
  });

  it('has nothing to record while no engagement is scheduled', () =>
    given(...engaged)
      .when({ type: 'RecordEngagement', data: { outcome: 'held', engagementId: 'e-1' } })
      .thenThrows('RE.NOTHING_SCHEDULED'));

  describe('submitting a sharing', () => {
    const submit = (data: Record<string, unknown> = {}) => ({ type: 'SubmitSharing', data: { engagementId: 'e-1', ...data } });

    it('submits with the class member’s consent, anonymously as they asked', () =>
      given(...engaged)
        .when(submit({ consentGivenAt: '2026-03-01T11:00:00-05:00' }))
        .thenEvents([
          {
            type: 'SharingSubmitted',
            data: {
              engagementId: 'e-1',
              option: 'writtenSharing',
              consentGivenAt: '2026-03-01T11:00:00-05:00',
              anonymous: true,
              submittedAt: NOW,
            },
          },
        ]));

    it('refuses to submit with their identity a sharing the class member wanted anonymous', () =>
      given(...engaged)
        .when(submit({ anonymous: false }))
        .thenThrows('RE.ANONYMITY_PREFERENCE'));

    it('submits with their identity once the class member chose to be identified', () => {
      const outcome = given(...engaged, participationChosen({ anonymity: 'identified' }))
        .when(submit())
        .run();
      expect(outcome.events[0]?.data).toMatchObject({ anonymous: false });
    });

    // Another sharing waits to be submitted, so SubmitSharing is offered and the engagement named is what is wrong.
    const anotherSharingReady = [...engaging, engagementScheduled('w-2'), engagementHeld('w-2')];

    it('refuses to submit a sharing that was not prepared yet', () =>
      given(...anotherSharingReady, engagementScheduled('e-1'))
        .when(submit())
        .thenThrows('RE.SHARING_NOT_PREPARED'));

    it('refuses to submit a cancelled sharing', () =>
      given(...anotherSharingReady, engagementScheduled('e-1'), engagementCancelled('e-1'))
        .when(submit())
        .thenThrows('RE.SHARING_NOT_PREPARED'));

    it('has nothing to submit for an engagement session', () =>
      given(...anotherSharingReady, engagementScheduled('s-1', { option: 'engagementSession', delivery: 'virtual' }), engagementHeld('s-1'))
        .when(submit({ engagementId: 's-1' }))
        .thenThrows('RE.NOT_A_SHARING'));

    it('submits a sharing only once', () =>
      given(...anotherSharingReady, engagementScheduled('e-1'), engagementHeld('e-1'), sharingSubmitted('e-1'))
        .when(submit())
        .thenThrows('RE.SHARING_ALREADY_SUBMITTED'));

    it('is not offered when no prepared sharing waits for submission', () => {
      const outcome = given(...engaged).when(submit()).run();
      expect(outcome.allowedCommands).not.toContain('SubmitSharing');
      given(...engaged, sharingSubmitted('e-1'))
        .when(submit())
        .thenThrows('RE.NO_SHARING_TO_SUBMIT');
    });

    it('has nothing to submit after engagement sessions only', () =>
      given(...engaging, engagementScheduled('s-1', { option: 'engagementSession', delivery: 'virtual' }), engagementHeld('s-1'))
        .when(submit({ engagementId: 's-1' }))
        .thenThrows('RE.NO_SHARING_TO_SUBMIT'));

    it('refuses a consent dated in the future', () =>
      given(...engaged)
        .when(submit({ consentGivenAt: '2026-03-02T14:00:01Z' }))
        .thenThrows('RE.TIME_IN_FUTURE'));

    it('reports an identity the class member did not want and a consent in the future at once', () =>
      given(...engaged)
        .when(submit({ anonymous: false, consentGivenAt: '2026-03-02T14:00:01Z' }))
        .thenBreaks('RE.ANONYMITY_PREFERENCE', 'RE.TIME_IN_FUTURE'));

    it('reports a sharing submitted twice with the other broken rules', () =>
      given(...anotherSharingReady, engagementScheduled('e-1'), engagementHeld('e-1'), sharingSubmitted('e-1'))
        .when(submit({ anonymous: false }))
        .thenBreaks('RE.SHARING_ALREADY_SUBMITTED', 'RE.ANONYMITY_PREFERENCE'));

    it('refuses an unknown engagement', () =>
      given(...engaged)
        .when(submit({ engagementId: 'e-9' }))
        .thenThrows('RE.ENGAGEMENT_UNKNOWN'));
  });

  it('ends phase 2 once an engagement was held and none is pending, counting them', () => {
    const outcome = given(...engaged, sharingSubmitted('e-1'))
      .when({ type: 'CompleteEngagementPhase', data: {} })
      .run();
    expect(outcome.events).toEqual([
      { type: 'EngagementPhaseCompleted', data: { completedAt: NOW, engagementsHeld: 1, sharingsSubmitted: 1 } },
    ]);
    expect(outcome.stateName).toBe('phase3');
  });

  it('does not end phase 2 before anything was held', () =>
    given(...engaging, engagementScheduled('e-1'), engagementCancelled('e-1'))
      .when({ type: 'CompleteEngagementPhase', data: {} })
      .thenThrows('RE.NO_ENGAGEMENT_HELD'));

  it('does not end phase 2 while an engagement is still scheduled, naming it', () => {
    const error = given(...engaged, engagementScheduled('e-2'))
      .when({ type: 'CompleteEngagementPhase', data: {} })
      .error();
    expect(error.code).toBe('RE.ENGAGEMENTS_PENDING');
    expect(error.params).toEqual({ engagementIds: ['e-2'] });
  });
});

describe('restorative engagement: phase 3, reflection', () => {
  const reflect = (data: Record<string, unknown>) => ({ type: 'RecordReflection', data: { followUpConsent: true, ...data } });

  it('records goals met, feedback, how the input is to be used and the wish to stay connected', () => {
    const outcome = given(...inPhase3)
      .when(
        reflect({
          goalsMet: 'met',
          feedback: 'I felt heard.',
          inputUse: ['defenceRepresentativeLearning'],
          stayConnected: { programUpdates: true, researchAndConsultations: true },
        }),
      )
      .run();
    expect(outcome.events).toEqual([
      {
        type: 'ReflectionRecorded',
        data: {
          classMemberId: CLASS_MEMBER_ID,
          reflectedAt: NOW,
          goalsMet: 'met',
          feedback: 'I felt heard.',
          inputUse: ['defenceRepresentativeLearning'],
          stayConnected: { programUpdates: true, researchAndConsultations: true },
          followUpConsent: true,
        },
      },
    ]);
    expect(outcome.stateName).toBe('phase3');
    expect(outcome.allowedCommands).toEqual(['ReassignPractitioner', 'SetGoals', 'RecordReflection', 'CloseEngagement', 'ReviseInputChoices', 'Withdraw']);
  });

  it('asks how the input is to be used when goals were met', () => {
    const error = given(...inPhase3)
      .when(reflect({ goalsMet: 'met' }))
      .error();
    expect(error.code).toBe('VALIDATION.INVALID_INPUT');
    expect(error.message).toContain('data.inputUse');
  });

  it('records goals not met, offering a return to phase 2', () => {
    const outcome = given(...inPhase3)
      .when(reflect({ goalsMet: 'notMet', followUpConsent: false }))
      .run();
    expect(outcome.events[0]?.data).toEqual({
      classMemberId: CLASS_MEMBER_ID,
      reflectedAt: NOW,
      goalsMet: 'notMet',
      followUpConsent: false,
    });
    expect(outcome.allowedCommands).toContain('ReturnToEngagement');
  });

  it('lets the class member revise their goals in phase 3', () => given(...inPhase3).when({ type: 'SetGoals', data: { goals: 'Different goals.' } }).thenState('phase3'));

  it('returns to phase 2 for next steps when goals were not met', () => {
    const outcome = given(...inPhase3, reflectionRecorded('notMet'))
      .when({ type: 'ReturnToEngagement', data: {} })
      .run();
    expect(outcome.events).toEqual([{ type: 'ReturnedToEngagement', data: { returnedAt: NOW, round: 2 } }]);
    expect(outcome.stateName).toBe('phase2.engaging');
    expect(restorativeEngagementWorkflow.summarize(outcome.state).details.round).toBe(2);
  });

  it('does not return to phase 2 before a reflection', () =>
    given(...inPhase3)
      .when({ type: 'ReturnToEngagement', data: {} })
      .thenThrows('RE.REFLECTION_REQUIRED'));

  it('does not return to phase 2 when goals were met', () =>
    given(...inPhase3, reflectionRecorded('met'))
      .when({ type: 'ReturnToEngagement', data: {} })
      .thenThrows('RE.GOALS_MET'));

  it('does not close before a reflection', () =>
    given(...inPhase3)
      .when({ type: 'CloseEngagement', data: {} })
      .thenThrows('RE.REFLECTION_REQUIRED'));

  it('asks for a new reflection after a return to phase 2', () =>
    given(...inPhase3, reflectionRecorded('notMet'), returnedToEngagement(), engagementScheduled('e-2'), engagementHeld('e-2'), engagementPhaseCompleted())
      .when({ type: 'CloseEngagement', data: {} })
      .thenThrows('RE.REFLECTION_REQUIRED'));

  it('closes without a follow-up', () => {
    const outcome = given(...inPhase3, reflectionRecorded('met'))
      .when({ type: 'CloseEngagement', data: {} })
      .run();
    expect(outcome.events).toEqual([{ type: 'EngagementClosed', data: { closedAt: NOW, goalsMet: 'met' } }]);
    expect(outcome.stateName).toBe('completed');
    // Completed, the class member's word on their input and participation is still theirs to change.
    expect(outcome.allowedCommands).toEqual(['ReassignPractitioner', 'ReviseInputChoices', 'Withdraw']);
  });

  it('closes with a follow-up some weeks later when the class member consented, starting its clock', () => {
    const outcome = given(...inPhase3, reflectionRecorded('notYetKnown', true))
      .when({ type: 'CloseEngagement', data: { followUpInWeeks: 12 } })
      .run();
    expect(outcome.events[0]).toEqual({
      type: 'EngagementClosed',
      data: { closedAt: NOW, goalsMet: 'notYetKnown', followUpDueOn: '2026-05-25', followUpEarliestOn: '2026-05-18' },
    });
    expect(outcome.events[1]).toMatchObject({
      type: 'ClockStarted',
      data: { clock: 'followUp', basis: 'calendar', days: 84, region: 'ON', startedAt: NOW, dueAt: '2026-05-26T03:59:59.999Z' },
    });
    expect(outcome.stateName).toBe('followUpScheduled');
    expect(outcome.state.clocks['followUp']?.status).toBe('running');
    expect(restorativeEngagementWorkflow.summarize(outcome.state).details.followUpDueOn).toBe('2026-05-25');
  });

  it('takes the follow-up tolerance from the settings and records the earliest day with the closing', () => {
    const settings = { ...DEFAULT_SETTINGS, workflows: { 'restorative-engagement': { followUpToleranceDays: 14 } } };
    const outcome = given(...inPhase3, reflectionRecorded('notYetKnown', true))
      .when({ type: 'CloseEngagement', data: { followUpInWeeks: 12 } }, { settings })
      .run();
    expect(outcome.events[0]?.data).toMatchObject({ followUpDueOn: '2026-05-25', followUpEarliestOn: '2026-05-11' });
  });

  it('schedules no follow-up without the class member’s consent', () =>
    given(...inPhase3, reflectionRecorded('notYetKnown', false))
      .when({ type: 'CloseEngagement', data: { followUpInWeeks: 12 } })
      .thenThrows('RE.FOLLOW_UP_WITHOUT_CONSENT'));
});

describe('restorative engagement: follow-up is a clock', () => {
  const inDueWeek = { now: '2026-05-12T14:00:00Z' };

  it('records the follow-up, meets the clock and completes the case', () => {
    const outcome = given(...followingUp)
      .when({ type: 'RecordFollowUp', data: { outcome: 'held', goalsMet: 'met' } }, inDueWeek)
      .run();
    expect(outcome.events).toEqual([
      { type: 'ClockMet', data: { clock: 'followUp', at: '2026-05-12T14:00:00.000Z', onTime: true } },
      { type: 'FollowUpRecorded', data: { outcome: 'held', at: '2026-05-12T14:00:00.000Z', goalsMet: 'met' } },
    ]);
    expect(outcome.stateName).toBe('completed');
    expect(restorativeEngagementWorkflow.summarize(outcome.state).details.goalsMet).toBe('met');
  });

  it('completes the case when the class member could not be reached, meeting the clock', () =>
    given(...followingUp)
      .when({ type: 'RecordFollowUp', data: { outcome: 'notReached' } }, inDueWeek)
      .thenEvents([
        { type: 'ClockMet', data: { clock: 'followUp', at: '2026-05-12T14:00:00.000Z', onTime: true } },
        { type: 'FollowUpRecorded', data: { outcome: 'notReached', at: '2026-05-12T14:00:00.000Z' } },
      ]));

  it('warns and breaches like the other clocks when nobody follows up', () => {
    const state = foldHistory(restorativeEngagementWorkflow, followingUp);
    expect(dueClockEvents(state.clocks, new Date('2026-05-20T12:00:00Z'))).toEqual([
      { type: 'ClockWarned', data: { clock: 'followUp', threshold: 0.5, at: '2026-04-03T21:30:00.000Z', dueAt: '2026-05-16T03:59:59.999Z' } },
      { type: 'ClockWarned', data: { clock: 'followUp', threshold: 0.8, at: '2026-04-29T06:11:59.999Z', dueAt: '2026-05-16T03:59:59.999Z' } },
      { type: 'ClockBreached', data: { clock: 'followUp', at: '2026-05-16T03:59:59.999Z' } },
    ]);
  });

  it('records a late follow-up as met late', () =>
    given(...followingUp, { type: 'ClockBreached', data: { clock: 'followUp', at: '2026-05-16T03:59:59.999Z' } })
      .when({ type: 'RecordFollowUp', data: { outcome: 'held', goalsMet: 'notMet' } }, { now: '2026-06-01T14:00:00Z' })
      .thenEvents([
        { type: 'ClockMet', data: { clock: 'followUp', at: '2026-06-01T14:00:00.000Z', onTime: false } },
        { type: 'FollowUpRecorded', data: { outcome: 'held', at: '2026-06-01T14:00:00.000Z', goalsMet: 'notMet' } },
      ]));

  it('cannot be dated before it is due minus the tolerance (a week by default)', () => {
    const error = given(...followingUp)
      .when({ type: 'RecordFollowUp', data: { outcome: 'held', goalsMet: 'met', heldAt: '2026-05-07T10:00:00-04:00' } }, inDueWeek)
      .error();
    expect(error.code).toBe('RE.FOLLOW_UP_TOO_EARLY');
    expect(error.messageIn('en')).toBe('The follow-up is due on 2026-05-15 and can be recorded from 2026-05-08; 2026-05-07 is too early.');
    given(...followingUp)
      .when({ type: 'RecordFollowUp', data: { outcome: 'held', goalsMet: 'met', heldAt: '2026-05-08T00:30:00-04:00' } }, inDueWeek)
      .thenState('completed');
  });

  it('refuses an attempt to reach the class member in the week of closing', () =>
    given(...followingUp)
      .when({ type: 'RecordFollowUp', data: { outcome: 'notReached' } })
      .thenThrows('RE.FOLLOW_UP_TOO_EARLY'));

  it('reports a follow-up dated later than now and before it is due at once', () =>
    given(...followingUp)
      .when({ type: 'RecordFollowUp', data: { outcome: 'held', goalsMet: 'met', heldAt: '2026-03-03T10:00:00-05:00' } })
      .thenBreaks('RE.TIME_IN_FUTURE', 'RE.FOLLOW_UP_TOO_EARLY'));

  it('reports a follow-up dated before the opt-in was received, beside its date', () => {
    const error = given(...followingUp)
      .when({ type: 'RecordFollowUp', data: { outcome: 'held', goalsMet: 'met', heldAt: '2025-05-12T10:00:00-04:00' } }, inDueWeek)
      .error();
    expect(error.code).toBe('COMMAND.RULES_BROKEN');
    expect(error.detailsIn('en')).toMatchObject({
      rules: [{ code: 'RE.BEFORE_OPT_IN', details: { issues: [{ path: 'data.heldAt' }] } }, { code: 'RE.FOLLOW_UP_TOO_EARLY' }],
    });
  });

  it('records no follow-up before the case is closed', () =>
    given(...inPhase3, reflectionRecorded('met'))
      .when({ type: 'RecordFollowUp', data: { outcome: 'notReached' } })
      .thenThrows('COMMAND.NOT_ALLOWED', {
        allowedCommands: ['ReassignPractitioner', 'SetGoals', 'RecordReflection', 'CloseEngagement', 'ReviseInputChoices', 'Withdraw'],
      }));
});

describe('restorative engagement: engagement sessions with a Defence representative cohort', () => {
  const session = { option: 'engagementSession', delivery: 'virtual', setting: 'individual', scheduledFor: '2026-03-10T13:00:00-04:00' };
  const COHORT = '0195f3a0-5b1c-7a10-9d2e-3c4b5a697804';

  it('names the cohort a session is with, by its case id, when scheduling it', () => {
    const outcome = given(...engaging)
      .when({ type: 'ScheduleEngagement', data: { ...session, engagementId: 's-1', cohortId: COHORT } })
      .run();
    expect(outcome.events[0]?.data).toEqual({ engagementId: 's-1', ...session, scheduledFor: '2026-03-10T13:00:00-04:00', supportPersonAttending: false, cohortId: COHORT });
  });

  it('or when recording that it was held', () =>
    given(...engaging, engagementScheduled('s-1', { option: 'engagementSession', delivery: 'virtual' }))
      .when({ type: 'RecordEngagement', data: { outcome: 'held', engagementId: 's-1', cohortId: COHORT } })
      .thenEvents([{ type: 'EngagementRecorded', data: { engagementId: 's-1', outcome: 'held', at: NOW, cohortId: COHORT } }]));

  it('names no cohort for a written or recorded sharing', () => {
    given(...engaging)
      .when({ type: 'ScheduleEngagement', data: { ...session, option: 'writtenSharing', delivery: 'indirect', cohortId: COHORT } })
      .thenThrows('RE.COHORT_ONLY_FOR_SESSIONS');
    given(...engaging, engagementScheduled('e-1'))
      .when({ type: 'RecordEngagement', data: { outcome: 'held', engagementId: 'e-1', cohortId: COHORT } })
      .thenThrows('RE.COHORT_ONLY_FOR_SESSIONS');
  });

  it('refuses another cohort than the one the session was scheduled with', () =>
    given(...engaging, engagementScheduled('s-1', { option: 'engagementSession', delivery: 'virtual', cohortId: COHORT }))
      .when({ type: 'RecordEngagement', data: { outcome: 'held', engagementId: 's-1', cohortId: 'another-cohort' } })
      .thenThrows('RE.COHORT_MISMATCH'));

  it('names a cohort with an id, never with a name', () => {
    const error = given(...engaging)
      .when({ type: 'ScheduleEngagement', data: { ...session, cohortId: '' } })
      .error();
    expect(error.code).toBe('VALIDATION.INVALID_INPUT');
    expect(error.message).toContain('data.cohortId');
  });
});
