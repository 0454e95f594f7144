import type { NewEvent } from '../../domain/envelope';
import type { AnyWorkflowDefinition, CaseState } from '../../domain/workflow';
import { specFor } from '../../test/support/workflow-spec';
import {
  afterDialogue,
  atIntake,
  awaitingMediator,
  clockStarted,
  consented,
  dialogueHeld,
  inFollowUp,
  inPreparation,
  meetingArranged,
  MEETING_ID,
  modelSelected,
  NOW,
  OFFENDER_ID,
  prepared,
  referralReceived,
  SUPPORT_ID,
  supportPersonAgreed,
  VICTIM_ID,
  withMediator,
  withMeeting,
  withModel,
} from './restorative-opportunities.fixtures';
import { restorativeOpportunitiesWorkflow } from './index';

const workflow: AnyWorkflowDefinition = restorativeOpportunitiesWorkflow;
const { given } = specFor(workflow);
const summarize = (state: CaseState) => workflow.summarize(state);
const command = (type: string, data: Record<string, unknown> = {}) => ({ type, data });

const prepare = (party: 'victim' | 'offender', consent: 'given' | 'notYet' | 'takenBack' = 'given', extra: Record<string, unknown> = {}) =>
  command('RecordPreparation', { party, heldAt: '2026-01-27T15:00:00-05:00', consent, ...extra });
const select = (model: string) => command('SelectModel', { model });
const dialogue = (heldAt = '2026-02-24T10:00:00-05:00') => command('RecordDialogue', { heldAt });
const arrange = (data: Record<string, unknown> = {}) =>
  command('ArrangeMeeting', {
    scheduledFor: '2026-02-24T10:00:00-05:00',
    venue: { kind: 'institution', site: 'Collins Bay Institution' },
    room: 'chapel',
    privateAndUninterrupted: true,
    notRecordedOrOverheard: true,
    entryDocumentsArranged: true,
    ...data,
  });

describe('restorative opportunities: RecordPreparation', () => {
  it('records the mediator’s first session with one party: preparation begins', () => {
    const outcome = given(...withMediator())
      .when(prepare('victim', 'notYet', { notes: 'Wants to know whether the offender thinks about that night.' }))
      .run();
    expect(outcome.events).toEqual([
      {
        type: 'PreparationSessionHeld',
        data: {
          party: 'victim',
          subjectId: VICTIM_ID,
          heldAt: '2026-01-27T20:00:00.000Z',
          consent: 'notYet',
          notes: 'Wants to know whether the offender thinks about that night.',
        },
      },
    ]);
    expect(outcome.stateName).toBe('preparation');
    expect(outcome.allowedCommands).toEqual([
      'ReassignCase',
      'RecordNoContactCondition',
      'RecordPreparation',
      'AgreeSupportPerson',
      'DetermineNotSuitable',
      'Withdraw',
    ]);
  });

  it('prepares each party separately, as many sessions as they need', () =>
    given(...inPreparation(), prepared('victim', 'notYet')).when(prepare('offender')).thenState('preparation'));

  it('refuses a session dated after now, naming the date by its label beside its field', () => {
    const early = given(...withMediator()).when(prepare('victim', 'given', { heldAt: '2026-03-02T09:30:00-05:00' }), { now: NOW });
    early.thenThrows('RO.TIME_IN_THE_FUTURE', { issues: [{ path: 'data.heldAt' }] });
    expect(early.error().messageIn('en')).toMatch(/^“Held on”: 2026-03-02T09:30:00-05:00 is in the future/);
    expect(early.error().messageIn('fr')).toMatch(/^«\u00a0Date de la rencontre\u00a0»\u00a0: 2026-03-02T09:30:00-05:00 est dans le futur/);
  });

  it('is not offered before a mediator is assigned', () =>
    given(...awaitingMediator())
      .when(prepare('victim'))
      .thenThrows('COMMAND.NOT_ALLOWED', {
        allowedCommands: ['AssignMediator', 'ReassignCase', 'RecordNoContactCondition', 'DetermineNotSuitable', 'Withdraw'],
      }));
});

describe('restorative opportunities: SelectModel', () => {
  it('needs the consent of both parties: the rule names who has not consented', () => {
    const error = given(...inPreparation()).when(select('faceToFace')).error();
    expect(error.code).toBe('RO.CONSENT_REQUIRED');
    expect(error.params).toEqual({ parties: ['offender'], takenBack: [] });
    expect(error.messageIn('en')).toContain('The offender has not consented yet.');
    expect(error.messageIn('fr')).toContain("Le délinquant n’a pas encore donné son consentement.");
  });

  it('does not count a session without consent as consent', () => {
    const error = given(...withMediator(), prepared('victim', 'notYet'), prepared('offender', 'notYet')).when(select('faceToFace')).error();
    expect(error.params).toEqual({ parties: ['victim', 'offender'], takenBack: [] });
    expect(error.messageIn('en')).toContain('The victim and the offender have not consented yet.');
  });

  it('replays a “not yet” recorded after a consent, before a consent could be taken back, as it was recorded: the consent stands', () =>
    given(...consented(), prepared('victim', 'notYet')).when(select('faceToFace')).thenState('modelSelected'));

  it('records the model the participants chose', () => {
    const outcome = given(...consented()).when(select('letterExchange')).run();
    expect(outcome.events).toEqual([{ type: 'ModelSelected', data: { model: 'letterExchange' } }]);
    expect(outcome.stateName).toBe('modelSelected');
    expect(outcome.allowedCommands).toContain('RecordDialogue');
    expect(outcome.allowedCommands).not.toContain('ArrangeMeeting');
    expect(summarize(outcome.state).details['model']).toBe('letterExchange');
  });

  it('a face-to-face meeting must be arranged before it is held', () => {
    const outcome = given(...consented()).when(select('faceToFace')).run();
    expect(outcome.allowedCommands).toContain('ArrangeMeeting');
    expect(outcome.allowedCommands).not.toContain('RecordDialogue');
  });

  it('lets the participants change their mind before the dialogue', () =>
    given(...withModel('faceToFace')).when(select('shuttleMediation')).thenState('modelSelected'));

  it('refuses to select the model already selected', () =>
    given(...withModel('videoExchange')).when(select('videoExchange')).thenThrows('RO.MODEL_ALREADY_SELECTED'));

  it('choosing another model instead of an arranged meeting cancels the meeting', () => {
    const outcome = given(...withMeeting()).when(select('letterExchange')).run();
    expect(outcome.stateName).toBe('modelSelected');
    expect(given(...withMeeting(), modelSelected('letterExchange')).when(dialogue()).run().events).toEqual([
      { type: 'DialogueHeld', data: { model: 'letterExchange', heldAt: '2026-02-24T15:00:00.000Z' } },
    ]);
  });

  it('after a dialogue, prepares a further one by the same model or another', () => {
    given(...afterDialogue()).when(select('faceToFace')).thenState('modelSelected');
    given(...withModel('letterExchange'), dialogueHeld('letterExchange', undefined)).when(select('faceToFace')).thenState('modelSelected');
  });
});

describe('restorative opportunities: **a party takes their consent back**', () => {
  // "Voluntary participation at all stages of the process": the party's latest word counts, and
  // the case goes on (ending it is Withdraw).
  const noCommunication = ['ReassignCase', 'RecordNoContactCondition', 'RecordPreparation', 'AgreeSupportPerson', 'DetermineNotSuitable', 'Withdraw'];

  it('records it at a preparation session: the case goes on, and no model can be chosen', () => {
    const outcome = given(...consented()).when(prepare('victim', 'takenBack')).run();
    expect(outcome.events).toEqual([
      { type: 'PreparationSessionHeld', data: { party: 'victim', subjectId: VICTIM_ID, heldAt: '2026-01-27T20:00:00.000Z', consent: 'takenBack' } },
    ]);
    expect(outcome.stateName).toBe('preparation');
    expect(outcome.state.snapshot.status).toBe('active');
    expect(outcome.allowedCommands).toEqual(noCommunication);
  });

  it('refuses a model, saying the party took their consent back and may give it again', () => {
    const error = given(...consented(), prepared('victim', 'takenBack')).when(select('faceToFace')).error();
    expect(error.code).toBe('RO.CONSENT_REQUIRED');
    expect(error.params).toEqual({ parties: ['victim'], takenBack: ['victim'] });
    expect(error.messageIn('en')).toContain('The victim has taken their consent back: the case goes on, and a consent taken back may be given again');
    expect(error.messageIn('fr')).toContain('La victime a retiré son consentement\u00a0: le dossier se poursuit');
  });

  it('names who has not consented yet apart from who took their consent back', () => {
    const error = given(...withMediator(), prepared('victim'), prepared('victim', 'takenBack')).when(select('faceToFace')).error();
    expect(error.params).toEqual({ parties: ['victim', 'offender'], takenBack: ['victim'] });
    expect(error.messageIn('en')).toContain('The offender has not consented yet. The victim has taken their consent back');
  });

  it('lets the model be chosen once the party consents again', () =>
    given(...consented(), prepared('victim', 'takenBack'), prepared('victim')).when(select('faceToFace')).thenState('modelSelected'));

  it('once a model is chosen, holds the exchange and any change of model until the party consents again', () => {
    const history = [...withModel('letterExchange'), prepared('offender', 'takenBack')];
    const outcome = given(...withModel('letterExchange')).when(prepare('offender', 'takenBack')).run();
    expect(outcome.stateName).toBe('modelSelected');
    expect(outcome.allowedCommands).toEqual(noCommunication);
    given(...history).when(dialogue()).thenThrows('RO.CONSENT_REQUIRED');
    given(...history).when(select('videoExchange')).thenThrows('RO.CONSENT_REQUIRED');
    given(...history, prepared('offender')).when(dialogue()).thenState('dialogueHeld');
  });

  it('holds a face-to-face meeting from being arranged, naming every rule the meeting proposed breaks too', () =>
    given(...withModel('faceToFace'), prepared('victim', 'takenBack'))
      .when(arrange({ privateAndUninterrupted: false }))
      .thenBreaks('RO.CONSENT_REQUIRED', 'RO.MEETING_SPACE_NOT_PRIVATE'));

  it('calls off a meeting already arranged, and says which: it must not be recorded as held', () => {
    const outcome = given(...withMeeting()).when(prepare('victim', 'takenBack')).run();
    expect(outcome.events).toEqual([
      {
        type: 'PreparationSessionHeld',
        data: { party: 'victim', subjectId: VICTIM_ID, heldAt: '2026-01-27T20:00:00.000Z', consent: 'takenBack', cancelledMeetingId: MEETING_ID },
      },
    ]);
    expect(outcome.stateName).toBe('modelSelected');
    expect(outcome.allowedCommands).toEqual(noCommunication);
    expect(summarize(outcome.state).details['model']).toBe('faceToFace');
    given(...withMeeting(), prepared('victim', 'takenBack', MEETING_ID)).when(dialogue()).thenThrows('RO.CONSENT_REQUIRED');
  });

  it('once the party consents again, the meeting is arranged anew, and the dialogue held is that meeting', () => {
    const history = [...withMeeting(), prepared('victim', 'takenBack', MEETING_ID), prepared('victim')];
    given(...history).when(dialogue()).thenThrows('COMMAND.NOT_ALLOWED');
    const rearranged = given(...history).when(arrange({ scheduledFor: '2026-02-26T10:00:00-05:00' })).run();
    expect(rearranged.stateName).toBe('meetingArranged');
    expect(rearranged.events[0]?.data).toMatchObject({ meetingId: 'id-1' });
    given(...history, meetingArranged({ meetingId: 'meeting-2' }))
      .when(dialogue())
      .thenEvents([{ type: 'DialogueHeld', data: { model: 'faceToFace', heldAt: '2026-02-24T15:00:00.000Z', meetingId: 'meeting-2' } }]);
  });

  it('keeps an arranged meeting when a party’s consent stands', () =>
    given(...withMeeting()).when(prepare('offender', 'given')).thenState('meetingArranged'));

  it('after a dialogue, holds a further one, not the follow-up', () => {
    const outcome = given(...afterDialogue()).when(prepare('offender', 'takenBack')).run();
    expect(outcome.stateName).toBe('dialogueHeld');
    expect(outcome.allowedCommands).toEqual([...noCommunication.slice(0, 4), 'BeginFollowUp', 'DetermineNotSuitable', 'Withdraw']);
    given(...afterDialogue(), prepared('offender', 'takenBack')).when(select('letterExchange')).thenThrows('RO.CONSENT_REQUIRED');
  });

  it('refuses “not yet” for a party who consented: whether the consent stands or was taken back is said plainly', () => {
    const error = given(...consented()).when(prepare('victim', 'notYet')).error();
    expect(error.code).toBe('RO.CONSENT_ALREADY_GIVEN');
    expect(error.messageIn('en')).toContain('Record “Given” if the consent stands, or “Taken back” if it no longer does');
    expect(error.messageIn('fr')).toContain('Consignez «\u00a0Donné\u00a0» si le consentement est maintenu, ou «\u00a0Retiré\u00a0» s’il ne l’est plus');
  });

  it('refuses to take back a consent not given, or already taken back', () => {
    given(...withMediator()).when(prepare('victim', 'takenBack')).thenThrows('RO.NO_CONSENT_TO_TAKE_BACK');
    given(...inPreparation()).when(prepare('offender', 'takenBack')).thenThrows('RO.NO_CONSENT_TO_TAKE_BACK', undefined);
    given(...consented(), prepared('victim', 'takenBack')).when(prepare('victim', 'takenBack')).thenThrows('RO.NO_CONSENT_TO_TAKE_BACK');
  });

  it('records “not yet” at a later session of a party who took their consent back: still no consent', () => {
    const outcome = given(...consented(), prepared('victim', 'takenBack')).when(prepare('victim', 'notYet')).run();
    expect(outcome.allowedCommands).not.toContain('SelectModel');
    expect(given(...consented(), prepared('victim', 'takenBack'), prepared('victim', 'notYet')).when(select('faceToFace')).error().params).toEqual({
      parties: ['victim'],
      takenBack: ['victim'],
    });
  });

  it('names every broken rule of the session at once', () =>
    given(...withMediator())
      .when(prepare('victim', 'takenBack', { heldAt: '2026-03-02T09:30:00-05:00' }), { now: NOW })
      .thenBreaks('RO.TIME_IN_THE_FUTURE', 'RO.NO_CONSENT_TO_TAKE_BACK'));
});

describe('restorative opportunities: AgreeSupportPerson', () => {
  it('records a support person all participants agreed to, as a data subject of their own', () => {
    const outcome = given(...inPreparation())
      .when(command('AgreeSupportPerson', { supports: 'offender', person: { name: 'Elder Marie Cardinal' } }))
      .run();
    expect(outcome.events).toEqual([
      { type: 'SupportPersonAgreed', data: { supports: 'offender', person: { subjectId: 'id-1', name: 'Elder Marie Cardinal' } } },
    ]);
    expect(outcome.stateName).toBe('preparation');
  });

  it('is not offered before preparation begins', () =>
    given(...withMediator())
      .when(command('AgreeSupportPerson', { supports: 'victim', person: {} }))
      .thenThrows('COMMAND.NOT_ALLOWED'));
});

// Only support persons "whose presence had been discussed and agreed upon by all participants, may
// attend" (protocols), and participation is voluntary "at all stages" (program page).
describe('restorative opportunities: WithdrawSupportPersonAgreement', () => {
  const withdraw = (data: Record<string, unknown> = {}) => command('WithdrawSupportPersonAgreement', { personId: SUPPORT_ID, withdrawnBy: 'offender', ...data });
  const withSupport = () => [...consented(), supportPersonAgreed(), modelSelected('groupConference')];
  const arrangedWithSupport = () => [...withSupport(), meetingArranged({ supportPersonIds: [SUPPORT_ID] })];

  it.each(['victim', 'offender'] as const)('records that the %s no longer agrees to a support person, who may no longer attend', (party) => {
    const outcome = given(...withSupport()).when(withdraw({ withdrawnBy: party })).run();
    expect(outcome.events).toEqual([{ type: 'SupportPersonAgreementWithdrawn', data: { personId: SUPPORT_ID, withdrawnBy: party } }]);
    expect(outcome.stateName).toBe('modelSelected');
    expect(outcome.allowedCommands).not.toContain('WithdrawSupportPersonAgreement');
    given(...withSupport(), ...outcome.events).when(arrange({ supportPersonIds: [SUPPORT_ID] })).thenThrows('RO.SUPPORT_PERSON_NOT_AGREED');
  });

  it('is possible in preparation and after a dialogue, as agreeing is', () => {
    given(...inPreparation(), supportPersonAgreed()).when(withdraw({ withdrawnBy: 'victim' })).thenState('preparation');
    given(...afterDialogue(), supportPersonAgreed()).when(withdraw()).thenState('dialogueHeld');
  });

  it('names the arranged meeting that names them: it stays reserved, but is not held until arranged again without them', () => {
    const outcome = given(...arrangedWithSupport()).when(withdraw()).run();
    expect(outcome.events).toEqual([
      { type: 'SupportPersonAgreementWithdrawn', data: { personId: SUPPORT_ID, withdrawnBy: 'offender', meetingToRearrangeId: MEETING_ID } },
    ]);
    expect(outcome.stateName).toBe('meetingArranged');
    expect(outcome.allowedCommands).toContain('ArrangeMeeting');
    expect(outcome.allowedCommands).not.toContain('RecordDialogue');
    const history = [...arrangedWithSupport(), ...outcome.events];
    const refused = given(...history).when(dialogue());
    refused.thenThrows('RO.SUPPORT_PERSON_NO_LONGER_AGREED');
    expect(refused.error().params).toEqual({ ids: [SUPPORT_ID], meetingOn: '2026-02-24' });
    expect(refused.error().messageIn('en')).toContain('Arrange the meeting again without them (“Arrange the meeting”)');
    expect(refused.error().messageIn('fr')).toContain('Organisez de nouveau la rencontre sans elles («\u00a0Organiser la rencontre\u00a0»)');
    given(...history, meetingArranged({ meetingId: 'meeting-2' })).when(dialogue()).thenState('dialogueHeld');
  });

  it('leaves a meeting that does not name them as it was', () => {
    const outcome = given(...withSupport(), meetingArranged()).when(withdraw()).run();
    expect(outcome.events[0]?.data).toEqual({ personId: SUPPORT_ID, withdrawnBy: 'offender' });
    expect(outcome.allowedCommands).toContain('RecordDialogue');
  });

  it('lets all participants agree to the person again', () =>
    given(...arrangedWithSupport(), { type: 'SupportPersonAgreementWithdrawn', data: { personId: SUPPORT_ID, withdrawnBy: 'victim' } }, supportPersonAgreed())
      .when(dialogue())
      .thenState('dialogueHeld'));

  it('refuses a person whose presence is not agreed, or no longer, beside the field', () => {
    const refused = given(...withSupport()).when(withdraw({ personId: 'subject-stranger' }));
    refused.thenThrows('RO.NO_AGREEMENT_TO_WITHDRAW', { issues: [{ path: 'data.personId' }] });
    expect(refused.error().messageIn('en')).toBe(
      'subject-stranger is not a support person whose presence is agreed on this case: their agreement was never recorded, or it was already withdrawn. There is no agreement to withdraw.',
    );
    given(...withSupport(), { type: 'SupportPersonAgreementWithdrawn', data: { personId: SUPPORT_ID, withdrawnBy: 'victim' } }, supportPersonAgreed('subject-other'))
      .when(withdraw())
      .thenThrows('RO.NO_AGREEMENT_TO_WITHDRAW', { issues: [{ path: 'data.personId' }] });
  });

  it('names only a participant: the victim or the offender', () =>
    given(...withSupport()).when(withdraw({ withdrawnBy: 'mediator' })).thenThrows('VALIDATION.INVALID_INPUT'));

  it('is not offered when no support person is agreed', () => given(...withModel('groupConference')).when(withdraw()).thenThrows('COMMAND.NOT_ALLOWED'));

  it('is granted as agreeing is: the unit, or the mediator assigned', () => {
    const grantsOf = (type: string) => workflow.commands.find((c) => c.type === type)?.grants;
    expect(grantsOf('WithdrawSupportPersonAgreement')).toEqual(grantsOf('AgreeSupportPerson'));
  });
});

describe('restorative opportunities: ArrangeMeeting', () => {
  it('reserves the date, time and a closed private room, with entry documents ready for the victim', () => {
    const outcome = given(...withModel('faceToFace')).when(arrange()).run();
    expect(outcome.events).toEqual([
      {
        type: 'MeetingArranged',
        data: {
          meetingId: 'id-1',
          offenderId: 'subject-offender',
          scheduledFor: '2026-02-24T15:00:00.000Z',
          venue: { kind: 'institution', site: 'Collins Bay Institution' },
          room: 'chapel',
          supportPersonIds: [],
          privateAndUninterrupted: true,
          notRecordedOrOverheard: true,
          entryDocumentsArranged: true,
        },
      },
    ]);
    expect(outcome.stateName).toBe('meetingArranged');
    expect(outcome.allowedCommands).toEqual([
      'ReassignCase',
      'RecordNoContactCondition',
      'RecordPreparation',
      'AgreeSupportPerson',
      'SelectModel',
      'ArrangeMeeting',
      'RecordDialogue',
      'DetermineNotSuitable',
      'Withdraw',
    ]);
  });

  it('admits support persons only when all participants agreed to their presence', () => {
    given(...withModel('groupConference'))
      .when(arrange({ supportPersonIds: [SUPPORT_ID] }))
      .thenThrows('RO.SUPPORT_PERSON_NOT_AGREED');
    const outcome = given(...consented(), supportPersonAgreed(), modelSelected('groupConference'))
      .when(arrange({ supportPersonIds: [SUPPORT_ID, SUPPORT_ID] }))
      .run();
    expect(outcome.events[0]?.data).toMatchObject({ supportPersonIds: [SUPPORT_ID] });
  });

  it('names the support persons nobody agreed to', () => {
    const error = given(...consented(), supportPersonAgreed(), modelSelected('groupConference'))
      .when(arrange({ supportPersonIds: [SUPPORT_ID, 'subject-stranger'] }))
      .error();
    expect(error.params).toEqual({ ids: ['subject-stranger'] });
  });

  it('refuses a room that is not private enough to meet without interruption or observation', () =>
    given(...withModel('faceToFace')).when(arrange({ privateAndUninterrupted: false })).thenThrows('RO.MEETING_SPACE_NOT_PRIVATE'));

  it('refuses a dialogue that institutional staff would record or outsiders would hear', () =>
    given(...withModel('faceToFace')).when(arrange({ notRecordedOrOverheard: false })).thenThrows('RO.MEETING_WOULD_BE_RECORDED'));

  it('refuses the Visits and Correspondence area without exceptional circumstances', () =>
    given(...withModel('faceToFace'))
      .when(arrange({ room: 'visitsAndCorrespondenceArea' }))
      .thenThrows('RO.VISITS_AREA_NOT_EXCEPTIONAL'));

  it('refuses the Visits and Correspondence area when other visitors or staff may be there', () =>
    given(...withModel('faceToFace'))
      .when(arrange({ room: 'visitsAndCorrespondenceArea', exceptionalCircumstances: { reason: 'noOtherSpaceAvailable', areaClosedToOthers: false } }))
      .thenThrows('RO.VISITS_AREA_NOT_CLOSED_TO_OTHERS'));

  it('accepts the Visits and Correspondence area in exceptional circumstances, closed to others', () =>
    given(...withModel('faceToFace'))
      .when(arrange({ room: 'visitsAndCorrespondenceArea', exceptionalCircumstances: { reason: 'securityRequirement', areaClosedToOthers: true } }))
      .thenState('meetingArranged'));

  it('refuses a meeting in an institution until entry documents are arranged for the victims', () =>
    given(...withModel('faceToFace')).when(arrange({ entryDocumentsArranged: false })).thenThrows('RO.ENTRY_DOCUMENTS_NOT_ARRANGED'));

  it('needs no entry documents at a parole office', () =>
    given(...withModel('faceToFace'))
      .when(arrange({ venue: { kind: 'paroleOffice', site: 'Kingston Parole Office' }, entryDocumentsArranged: undefined }))
      .thenState('meetingArranged'));

  describe('**ArrangeMeeting reports every broken rule at once**', () => {
    it('names every rule a proposed meeting breaks, in one refusal, not one per attempt', () =>
      given(...withModel('groupConference'))
        .when(
          arrange({
            room: 'visitsAndCorrespondenceArea',
            privateAndUninterrupted: false,
            notRecordedOrOverheard: false,
            entryDocumentsArranged: false,
            supportPersonIds: ['subject-stranger'],
          }),
        )
        .thenBreaks(
          'RO.VISITS_AREA_NOT_EXCEPTIONAL',
          'RO.MEETING_SPACE_NOT_PRIVATE',
          'RO.MEETING_WOULD_BE_RECORDED',
          'RO.ENTRY_DOCUMENTS_NOT_ARRANGED',
          'RO.SUPPORT_PERSON_NOT_AGREED',
        ));

    it('says each rule in English and in French, with its own detail, and how many there are', () => {
      const error = given(...withModel('faceToFace'))
        .when(arrange({ room: 'visitsAndCorrespondenceArea', exceptionalCircumstances: { reason: 'noOtherSpaceAvailable', areaClosedToOthers: false }, entryDocumentsArranged: false }))
        .error();
      expect(error.code).toBe('COMMAND.RULES_BROKEN');
      expect(error.kind).toBe('rule');
      expect(error.messageIn('en')).toMatch(/^This breaks 2 rules; nothing was recorded\. \(1\) When exceptional circumstances .* \(2\) For a meeting in an institution/);
      expect(error.messageIn('fr')).toMatch(/^Cette demande ne respecte pas 2\u00a0règles\u00a0; rien n’a été consigné\. \(1\) Lorsque des circonstances .* \(2\) Pour une rencontre dans un établissement/);
      // Each rule with its own detail: the field it is about, where a form says it too.
      const rule = (code: string, path: string, message: RegExp) => ({ code, message: expect.stringMatching(message), details: { issues: [{ path, message: expect.stringMatching(message) }] } });
      expect(error.detailsIn('fr')).toEqual({
        rules: [
          rule('RO.VISITS_AREA_NOT_CLOSED_TO_OTHERS', 'data.exceptionalCircumstances.areaClosedToOthers', /^Lorsque des circonstances exceptionnelles/),
          rule('RO.ENTRY_DOCUMENTS_NOT_ARRANGED', 'data.entryDocumentsArranged', /^Pour une rencontre dans un établissement/),
        ],
      });
      expect(error.detailsIn('en')).toEqual({
        rules: [
          rule('RO.VISITS_AREA_NOT_CLOSED_TO_OTHERS', 'data.exceptionalCircumstances.areaClosedToOthers', /^When exceptional circumstances/),
          rule('RO.ENTRY_DOCUMENTS_NOT_ARRANGED', 'data.entryDocumentsArranged', /^For a meeting in an institution/),
        ],
      });
    });

    it('says each rule of the room beside the field it is about, a rule broken alone too', () => {
      const paths = (details: unknown) =>
        (details as { rules: { details?: { issues: { path: string }[] } }[] }).rules.map((rule) => rule.details?.issues.map((issue) => issue.path));
      const all = given(...withModel('faceToFace'))
        .when(arrange({ room: 'visitsAndCorrespondenceArea', privateAndUninterrupted: false, notRecordedOrOverheard: false, entryDocumentsArranged: undefined, supportPersonIds: ['subject-stranger'] }))
        .error();
      expect(paths(all.details)).toEqual([
        ['data.room'],
        ['data.privateAndUninterrupted'],
        ['data.notRecordedOrOverheard'],
        ['data.entryDocumentsArranged'],
        ['data.supportPersonIds'],
      ]);
      const alone = given(...withModel('faceToFace')).when(arrange({ room: 'visitsAndCorrespondenceArea' })).error();
      expect(alone.code).toBe('RO.VISITS_AREA_NOT_EXCEPTIONAL');
      expect(alone.detailsIn('fr')).toEqual({ issues: [{ path: 'data.room', message: alone.messageIn('fr') }] });
    });

    it('answers one broken rule with that rule’s own code', () =>
      given(...withModel('faceToFace')).when(arrange({ privateAndUninterrupted: false })).thenBreaks('RO.MEETING_SPACE_NOT_PRIVATE'));
  });

  it('arranges the meeting again when its date or room changes', () => {
    const outcome = given(...withMeeting()).when(arrange({ scheduledFor: '2026-02-26T13:00:00-05:00', room: 'boardroom' })).run();
    expect(outcome.stateName).toBe('meetingArranged');
    expect(outcome.events[0]?.data).toMatchObject({ meetingId: 'id-1', scheduledFor: '2026-02-26T18:00:00.000Z' });
  });
});

describe('restorative opportunities: RecordDialogue', () => {
  it('records the meeting that was held', () => {
    const outcome = given(...withMeeting()).when(dialogue()).run();
    expect(outcome.events).toEqual([
      { type: 'DialogueHeld', data: { model: 'faceToFace', heldAt: '2026-02-24T15:00:00.000Z', meetingId: 'meeting-1' } },
    ]);
    expect(outcome.stateName).toBe('dialogueHeld');
    expect(outcome.allowedCommands).toEqual([
      'ReassignCase',
      'RecordNoContactCondition',
      'RecordPreparation',
      'AgreeSupportPerson',
      'SelectModel',
      'BeginFollowUp',
      'DetermineNotSuitable',
      'Withdraw',
    ]);
    expect(summarize(outcome.state).details['dialoguesHeld']).toBe(1);
  });

  it.each(['letterExchange', 'videoExchange', 'shuttleMediation'] as const)('records a %s, which needs no meeting', (model) =>
    given(...withModel(model))
      .when(dialogue())
      .thenEvents([{ type: 'DialogueHeld', data: { model, heldAt: '2026-02-24T15:00:00.000Z' } }]));

  it('is not offered for a face-to-face meeting not yet arranged', () =>
    given(...withModel('faceToFace')).when(dialogue()).thenThrows('COMMAND.NOT_ALLOWED'));

  it('refuses a dialogue dated after now', () =>
    given(...withMeeting()).when(dialogue('2026-03-02T14:00:00.001Z'), { now: NOW }).thenThrows('RO.TIME_IN_THE_FUTURE'));

  it('counts every dialogue of the case', () => {
    const outcome = given(...afterDialogue(), modelSelected('letterExchange')).when(dialogue()).run();
    expect(summarize(outcome.state).details['dialoguesHeld']).toBe(2);
  });
});

describe('restorative opportunities: follow-up and closing', () => {
  it('begins follow-up after the dialogue', () => {
    const outcome = given(...afterDialogue()).when(command('BeginFollowUp')).run();
    expect(outcome.events).toEqual([{ type: 'FollowUpBegun', data: {} }]);
    expect(outcome.stateName).toBe('followUp');
    expect(outcome.allowedCommands).toEqual(['ReassignCase', 'RecordNoContactCondition', 'RecordFollowUp', 'CloseCase', 'Withdraw']);
  });

  it('does not follow up a case whose dialogue has not been held', () =>
    given(...withMeeting()).when(command('BeginFollowUp')).thenThrows('COMMAND.NOT_ALLOWED'));

  it('records follow-up sessions with each party', () =>
    given(...inFollowUp())
      .when(command('RecordFollowUp', { party: 'offender', heldAt: '2026-02-27T11:00:00-05:00', notes: 'Relieved; wants no further contact.' }))
      .thenEvents([
        {
          type: 'FollowUpSessionHeld',
          data: { party: 'offender', subjectId: OFFENDER_ID, heldAt: '2026-02-27T16:00:00.000Z', notes: 'Relieved; wants no further contact.' },
        },
      ]));

  it('closes the case after follow-up, cancelling any open clock first', () => {
    const outcome = given(clockStarted(), ...inFollowUp()).when(command('CloseCase')).run();
    expect(outcome.events).toEqual([
      { type: 'ClockCancelled', data: { clock: 'contact', at: '2026-03-02T14:00:00.000Z', reason: 'The case was closed.', reasonFr: 'Le dossier a été fermé.' } },
      { type: 'CaseClosed', data: {} },
    ]);
    expect(outcome.stateName).toBe('closed');
    expect(outcome.allowedCommands).toEqual([]);
  });

  it('does not close a case before follow-up', () =>
    given(...afterDialogue()).when(command('CloseCase')).thenThrows('COMMAND.NOT_ALLOWED'));
});

describe('restorative opportunities: DetermineNotSuitable', () => {
  it('ends a case that ongoing assessment finds no longer suitable', () => {
    const outcome = given(clockStarted(), ...inPreparation()).when(command('DetermineNotSuitable', { reason: 'riskOfRevictimization' })).run();
    expect(outcome.events.map((e) => e.type)).toEqual(['ClockCancelled', 'CaseDeterminedNotSuitable']);
    expect(outcome.events[1]?.data).toEqual({ reason: 'riskOfRevictimization' });
    expect(outcome.stateName).toBe('notSuitable');
  });

  it('belongs to the intake assessment while it is under way', () =>
    given(...atIntake()).when(command('DetermineNotSuitable', { reason: 'other' })).thenThrows('COMMAND.NOT_ALLOWED'));
});

describe('restorative opportunities: Withdraw', () => {
  const stages: [string, NewEvent[]][] = [
    ['referralReceived', [referralReceived()]],
    ['intakeAssessment', atIntake()],
    ['awaitingMediator', awaitingMediator()],
    ['mediatorAssigned', withMediator()],
    ['preparation', inPreparation()],
    ['modelSelected', withModel()],
    ['meetingArranged', withMeeting()],
    ['dialogueHeld', afterDialogue()],
    ['followUp', inFollowUp()],
  ];

  it.each(stages)('either party may withdraw from %s: participation is voluntary at every stage', (_stage, history) => {
    given(...history).when(command('Withdraw', { party: 'offender' })).thenState('withdrawn');
    given(...history).when(command('Withdraw', { party: 'victim' })).thenState('withdrawn');
  });

  it('records who withdrew, and what they chose to say, under their own data subject', () =>
    given(...inPreparation())
      .when(command('Withdraw', { party: 'victim', note: 'Not ready this year.' }))
      .thenEvents([{ type: 'ParticipationWithdrawn', data: { party: 'victim', subjectId: VICTIM_ID, note: 'Not ready this year.' } }]));

  it('cancels open clocks before the case ends', () =>
    given(clockStarted(), referralReceived())
      .when(command('Withdraw', { party: 'victim' }))
      .thenEvents([
        { type: 'ClockCancelled', data: { clock: 'contact', at: NOW, reason: 'The victim withdrew from the process.', reasonFr: 'La victime s’est retirée du processus.' } },
        { type: 'ParticipationWithdrawn', data: { party: 'victim', subjectId: VICTIM_ID } },
      ]));

  it('is not offered once the case has ended', () =>
    given(...inFollowUp(), { type: 'CaseClosed', data: {} })
      .when(command('Withdraw', { party: 'victim' }))
      .thenThrows('COMMAND.NOT_ALLOWED', { allowedCommands: [] }));

  it('ends the case: nothing more can be recorded', () => {
    const outcome = given(...afterDialogue())
      .when(command('Withdraw', { party: 'offender' }))
      .run();
    expect(outcome.state.snapshot.status).toBe('done');
    expect(outcome.allowedCommands).toEqual([]);
  });
});
