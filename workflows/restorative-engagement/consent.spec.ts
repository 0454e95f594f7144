import type { NewEvent } from '../../domain/envelope';
import { foldHistory, specFor } from '../../test/support/workflow-spec';
import { restorativeEngagementWorkflow as workflow } from './index';
import {
  engaged,
  engagementClosed,
  engagementHeld,
  engagementPhaseCompleted,
  engagementScheduled,
  engaging,
  followUpClockStarted,
  followUpRecorded,
  participationWithdrawn,
  reflectionRecorded,
  sharingSubmitted,
} from './spec-history';

/**
 * Seed 000: "Class members are in control of the information they provide"; a sharing "will only be
 * submitted with your consent"; "you can change your mind about participating at any time"; in
 * phase 3 they "validate how they want their input to be used".
 */
const { given } = specFor(workflow);
const NOW = '2026-03-02T14:00:00.000Z';
const supervisor = { actor: { id: 'supervisor-1', role: 'supervisor' as const } };

const withdrawConsent = (engagementId: string, data: Record<string, unknown> = {}) => ({ type: 'WithdrawSharingConsent', data: { engagementId, ...data } });
const revise = (data: Record<string, unknown>) => ({ type: 'ReviseInputChoices', data });
const consentWithdrawn = (engagementId: string, consentWithdrawnAt = NOW): NewEvent => ({
  type: 'SharingConsentWithdrawn',
  data: { engagementId, option: 'writtenSharing', consentWithdrawnAt },
});

/** A written sharing e-1, prepared and submitted with consent, in phase 2. */
const shared = [...engaging, engagementScheduled('e-1'), engagementHeld('e-1'), sharingSubmitted('e-1')];
const sharedInPhase3 = [...shared, engagementPhaseCompleted()];
const sharedFollowingUp = [...sharedInPhase3, reflectionRecorded('notYetKnown'), engagementClosed('2026-05-15'), followUpClockStarted()];
/** Closed without a follow-up, goals met: programme improvement, updates yes, research no (spec-history). */
const sharedCompleted = [...sharedInPhase3, reflectionRecorded('met'), engagementClosed()];
const details = (history: readonly NewEvent[]) => workflow.summarize(foldHistory(workflow, [...history])).details;
const issues = (error: { detailsIn(language: 'en' | 'fr'): unknown }) => (error.detailsIn('en') as { issues: { path: string }[] }).issues.map((i) => i.path);

describe('restorative engagement: withdrawing consent to a submitted sharing', () => {
  it('is accepted in every state where a sharing was submitted, completed and withdrawn included, and the sharing is no longer to be used', () => {
    const histories: Record<string, NewEvent[]> = {
      'phase2.engaging': shared,
      phase3: sharedInPhase3,
      followUpScheduled: sharedFollowingUp,
      completed: sharedCompleted,
      withdrawn: [...sharedInPhase3, participationWithdrawn('phase3')],
    };
    for (const [state, history] of Object.entries(histories)) {
      expect([state, details(history)]).toEqual([state, expect.objectContaining({ sharingsSubmitted: 1, sharingsMayBeUsed: 1, sharingsConsentWithdrawn: 0 })]);
      const outcome = given(...history).when(withdrawConsent('e-1')).run();
      expect([state, outcome.events]).toEqual([state, [consentWithdrawn('e-1')]]);
      expect(outcome.stateName).toBe(state);
      // Still counted as submitted: the submission happened; it is counted as withdrawn too.
      expect([state, workflow.summarize(outcome.state).details]).toEqual([state, expect.objectContaining({ sharingsSubmitted: 1, sharingsMayBeUsed: 0, sharingsConsentWithdrawn: 1 })]);
    }
  });

  it('stays in the history beside the submission it takes back, labelled in both languages', () => {
    const history = [...sharedCompleted, consentWithdrawn('e-1', '2026-03-01T10:00:00-05:00')];
    expect(history.filter((e) => e.type.startsWith('Sharing')).map((e) => [e.type, (e.data as { engagementId: string }).engagementId])).toEqual([
      ['SharingSubmitted', 'e-1'],
      ['SharingConsentWithdrawn', 'e-1'],
    ]);
    expect(foldHistory(workflow, history).revision).toBe(history.length - 1);
    expect(workflow.labels.events['SharingConsentWithdrawn']).toEqual({ en: 'Consent to a sharing withdrawn', fr: 'Consentement à un témoignage retiré' });
    expect(workflow.labels.fields['consentWithdrawnAt']).toEqual({ en: 'Consent withdrawn on', fr: 'Date du retrait du consentement' });
  });

  it('records when the class member said so', () =>
    given(...sharedCompleted)
      .when(withdrawConsent('e-1', { consentWithdrawnAt: '2026-03-01T10:00:00-05:00' }))
      .thenEvents([consentWithdrawn('e-1', '2026-03-01T10:00:00-05:00')]));

  it('withdraws one sharing and leaves the others in use', () => {
    const history = [...shared, engagementScheduled('e-2'), engagementHeld('e-2'), sharingSubmitted('e-2')];
    const outcome = given(...history).when(withdrawConsent('e-2')).run();
    expect(workflow.summarize(outcome.state).details).toMatchObject({ sharingsSubmitted: 2, sharingsMayBeUsed: 1, sharingsConsentWithdrawn: 1 });
  });

  it('refuses a consent already withdrawn, beside the sharing, while another is in use', () => {
    const history = [...shared, engagementScheduled('e-2'), engagementHeld('e-2'), sharingSubmitted('e-2'), consentWithdrawn('e-1')];
    const error = given(...history).when(withdrawConsent('e-1')).error();
    expect(error.code).toBe('RE.SHARING_CONSENT_ALREADY_WITHDRAWN');
    expect(error.detailsIn('en')).toEqual({ issues: [{ path: 'data.engagementId', message: `Consent to e-1 was already withdrawn (${NOW}).` }] });
    expect(error.detailsIn('fr')).toEqual({ issues: [{ path: 'data.engagementId', message: `Le consentement au témoignage e-1 a déjà été retiré (${NOW}).` }] });
  });

  it('refuses a consent already withdrawn, beside the sharing, once none is left in use', () => {
    const error = given(...sharedCompleted, consentWithdrawn('e-1')).when(withdrawConsent('e-1')).error();
    expect(error.code).toBe('RE.SHARING_CONSENT_ALREADY_WITHDRAWN');
    expect(issues(error)).toEqual(['data.engagementId']);
  });

  it('refuses an engagement session and a sharing never submitted, beside the engagement', () => {
    const history = [
      ...shared,
      engagementScheduled('s-1', { option: 'engagementSession', delivery: 'virtual' }),
      engagementHeld('s-1'),
      engagementScheduled('e-2'),
      engagementHeld('e-2'),
    ];
    const session = given(...history).when(withdrawConsent('s-1')).error();
    expect([session.code, issues(session)]).toEqual(['RE.SHARING_NOT_SUBMITTED', ['data.engagementId']]);
    expect(session.messageIn('en')).toContain('engagement session');
    const unsubmitted = given(...history).when(withdrawConsent('e-2')).error();
    expect([unsubmitted.code, issues(unsubmitted)]).toEqual(['RE.SHARING_NOT_SUBMITTED', ['data.engagementId']]);
    expect(unsubmitted.messageIn('fr')).toBe(
      'Le témoignage e-2 n’a jamais été transmis\u00a0: il ne peut pas être utilisé sans le consentement du membre du groupe, il n’y a donc aucun consentement à retirer.',
    );
  });

  it('refuses an engagement the case does not have, beside it', () => {
    const error = given(...shared).when(withdrawConsent('e-9')).error();
    expect([error.code, issues(error)]).toEqual(['RE.ENGAGEMENT_UNKNOWN', ['data.engagementId']]);
  });

  it('refuses a withdrawal dated before the consent was given, beside its date', () => {
    const submitted = sharingSubmitted('e-1');
    const later = { ...submitted, data: { ...(submitted.data as object), consentGivenAt: '2026-02-27T15:00:00.000Z' } };
    const history = [...engaging, engagementScheduled('e-1'), engagementHeld('e-1'), later];
    const error = given(...history).when(withdrawConsent('e-1', { consentWithdrawnAt: '2026-02-26T10:00:00-05:00' })).error();
    expect(error.code).toBe('RE.CONSENT_WITHDRAWN_BEFORE_GIVEN');
    expect(error.detailsIn('en')).toEqual({
      issues: [{ path: 'data.consentWithdrawnAt', message: '2026-02-26T10:00:00-05:00 is before the consent was given (2026-02-27T15:00:00.000Z).' }],
    });
    given(...history).when(withdrawConsent('e-1', { consentWithdrawnAt: '2026-02-27T15:00:00.000Z' })).thenEvents([consentWithdrawn('e-1', '2026-02-27T15:00:00.000Z')]);
  });

  it('refuses a withdrawal dated in the future', () =>
    given(...shared)
      .when(withdrawConsent('e-1', { consentWithdrawnAt: '2026-03-02T14:00:01Z' }))
      .thenThrows('RE.TIME_IN_FUTURE'));

  it('is not offered before a sharing was submitted', () => {
    expect(given(...engaged).when(withdrawConsent('e-1')).error().code).toBe('COMMAND.NOT_ALLOWED');
    expect(given(...shared).when(withdrawConsent('e-1')).run().allowedCommands).not.toContain('WithdrawSharingConsent');
  });

  it('is sent by the class member’s practitioner, or a supervisor once they are gone', () => {
    expect(workflow.commands.find((c) => c.type === 'WithdrawSharingConsent')?.grants).toEqual({ practitioner: 'assigned', supervisor: 'any' });
    given(...sharedCompleted).when(withdrawConsent('e-1'), supervisor).thenEvents([consentWithdrawn('e-1')]);
  });
});

describe('restorative engagement: withdrawing participation, and the sharings submitted', () => {
  it('withdraws consent to the sharings still in use, and says so in the withdrawal', () => {
    const outcome = given(...sharedInPhase3).when({ type: 'Withdraw', data: { withdrawnAt: '2026-03-01T10:00:00-05:00' } }).run();
    expect(outcome.events).toEqual([
      consentWithdrawn('e-1', '2026-03-01T10:00:00-05:00'),
      { type: 'ParticipationWithdrawn', data: { withdrawnAt: '2026-03-01T10:00:00-05:00', stage: 'phase3', sharingConsent: 'withdrawn' } },
    ]);
    expect(workflow.summarize(outcome.state).details).toMatchObject({ sharingsSubmitted: 1, sharingsMayBeUsed: 0, sharingsConsentWithdrawn: 1 });
  });

  it('keeps them in use when the class member asks, who may withdraw consent to them later', () => {
    const outcome = given(...sharedCompleted).when({ type: 'Withdraw', data: { keepSharings: true } }).run();
    expect(outcome.events).toEqual([{ type: 'ParticipationWithdrawn', data: { withdrawnAt: NOW, stage: 'completed', sharingConsent: 'kept' } }]);
    expect(workflow.summarize(outcome.state).details).toMatchObject({ sharingsMayBeUsed: 1, sharingsConsentWithdrawn: 0 });
    expect(outcome.allowedCommands).toEqual(['WithdrawSharingConsent', 'ReviseInputChoices', 'ResumeParticipation']);
    given(...sharedCompleted, ...outcome.events).when(withdrawConsent('e-1')).thenEvents([consentWithdrawn('e-1')]);
  });

  it('withdraws after completing, the sharings with it', () => {
    const outcome = given(...sharedCompleted).when({ type: 'Withdraw', data: {} }).run();
    expect(outcome.events).toEqual([consentWithdrawn('e-1'), { type: 'ParticipationWithdrawn', data: { withdrawnAt: NOW, stage: 'completed', sharingConsent: 'withdrawn' } }]);
    expect(outcome.stateName).toBe('withdrawn');
  });

  it('says nothing of sharings when none is in use', () =>
    given(...sharedCompleted, consentWithdrawn('e-1'))
      .when({ type: 'Withdraw', data: {} })
      .thenEvents([{ type: 'ParticipationWithdrawn', data: { withdrawnAt: NOW, stage: 'completed' } }]));
});

describe('restorative engagement: revising how their input is used and staying connected', () => {
  const revised = (data: Record<string, unknown>): NewEvent => ({ type: 'InputChoicesRevised', data: { revisedAt: NOW, ...data } });

  it('is accepted after completion, each revision its own event recording only what changed', () => {
    const first = given(...sharedCompleted).when(revise({ inputUse: ['programImprovement', 'cultureChangeResearch'], stayConnected: { programUpdates: true, researchAndConsultations: false } })).run();
    expect(first.events).toEqual([revised({ inputUse: ['programImprovement', 'cultureChangeResearch'] })]);
    expect(first.stateName).toBe('completed');
    const second = given(...sharedCompleted, ...first.events).when(revise({ stayConnected: { programUpdates: false, researchAndConsultations: true } })).run();
    expect(second.events).toEqual([revised({ stayConnected: { programUpdates: false, researchAndConsultations: true } })]);
    // Back to what phase 3 recorded: a change again.
    given(...sharedCompleted, ...first.events, ...second.events)
      .when(revise({ inputUse: ['programImprovement'], revisedAt: '2026-03-01T10:00:00-05:00' }))
      .thenEvents([{ type: 'InputChoicesRevised', data: { revisedAt: '2026-03-01T10:00:00-05:00', inputUse: ['programImprovement'] } }]);
  });

  it('is accepted in phase 3 when the goals were not met, which records no input use at reflection', () =>
    given(...sharedInPhase3, reflectionRecorded('notMet'))
      .when(revise({ inputUse: [] }))
      .thenEvents([revised({ inputUse: [] })]));

  it('is accepted while withdrawn after phase 3, and while a follow-up is scheduled', () => {
    given(...sharedInPhase3, participationWithdrawn('phase3'))
      .when(revise({ stayConnected: { programUpdates: false, researchAndConsultations: false } }))
      .thenState('withdrawn');
    given(...sharedFollowingUp).when(revise({ inputUse: ['defenceRepresentativeLearning'] })).thenState('followUpScheduled');
    given(...sharedFollowingUp, followUpRecorded()).when(revise({ inputUse: ['defenceRepresentativeLearning'] })).thenState('completed');
  });

  it('refuses the choices the class member already made, beside the field', () => {
    const same = given(...sharedCompleted).when(revise({ inputUse: ['programImprovement'] })).error();
    expect(same.code).toBe('RE.CHOICES_UNCHANGED');
    expect(same.detailsIn('fr')).toEqual({ issues: [{ path: 'data.inputUse', message: 'C’est déjà le choix du membre du groupe\u00a0: rien ne change.' }] });
    const connected = given(...sharedCompleted).when(revise({ stayConnected: { programUpdates: true, researchAndConsultations: false } })).error();
    expect([connected.code, issues(connected)]).toEqual(['RE.CHOICES_UNCHANGED', ['data.stayConnected']]);
  });

  it('refuses a revision that gives no choice, beside the first', () => {
    const error = given(...sharedCompleted).when(revise({})).error();
    expect([error.code, issues(error)]).toEqual(['RE.CHOICES_UNCHANGED', ['data.inputUse']]);
    expect(error.messageIn('en')).toBe('Give how the class member’s input may be used, whether they stay connected with the program, or both.');
  });

  it('refuses a revision dated in the future', () =>
    given(...sharedCompleted)
      .when(revise({ inputUse: [], revisedAt: '2026-03-02T14:00:01Z' }))
      .thenThrows('RE.TIME_IN_FUTURE'));

  it('is not offered before phase 3, when the class member has not yet been asked', () =>
    given(...shared)
      .when(revise({ inputUse: ['programImprovement'] }))
      .thenThrows('COMMAND.NOT_ALLOWED'));
});
