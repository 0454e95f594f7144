import type { AnyWorkflowDefinition, CaseState } from '../../domain/workflow';
import { specFor } from '../../test/support/workflow-spec';
import { ArrangeMeeting } from './commands';
import { FACILITATION_WORDING, FACILITATION_WORDING_FR } from './commands';
import {
  atIntake,
  conditionAmended,
  conditionEnded,
  conditionRecorded,
  consented,
  prepared,
  inPlace,
  meetingArranged,
  MEETING_ID,
  NOW,
  OFFENDER_ID,
  withMediator,
  withMeeting,
  withModel,
} from './restorative-opportunities.fixtures';
import { restorativeOpportunitiesWorkflow } from './index';

const workflow: AnyWorkflowDefinition = restorativeOpportunitiesWorkflow;
const { given } = specFor(workflow);
const summarize = (state: CaseState) => workflow.summarize(state);
const command = (type: string, data: Record<string, unknown> = {}) => ({ type, data });

const parole = inPlace('paroleBoardNoContactCondition');
const court = inPlace('courtNonCommunicationOrder');
const arrange = command('ArrangeMeeting', ArrangeMeeting.shape.data.parse(workflow.commands.find((c) => c.type === 'ArrangeMeeting')?.example));
const dialogue = command('RecordDialogue', { heldAt: '2026-02-24T10:00:00-05:00' });
const amend = (facilitationWording: string = FACILITATION_WORDING) =>
  command('RecordConditionAmended', { kind: 'paroleBoardNoContactCondition', amendedOn: '2026-02-16', facilitationWording });
const varied = (variation = 'programFacilitatedCommunication', data: Record<string, unknown> = {}) =>
  command('RecordConditionAmended', { kind: 'courtNonCommunicationOrder', amendedOn: '2026-02-16', variation, ...data });
const advise = (data: Record<string, unknown> = {}) => command('AdviseStaffOfDialogue', { advisedAt: '2026-02-04T10:00:00-05:00', staffRole: 'paroleOfficer', ...data });
/** A meeting arranged for 2026-02-24 while the conditions given await their amendment. */
const arrangedWhile = (conditions: ReturnType<typeof inPlace>[], model: 'faceToFace' | 'groupConference' = 'faceToFace') => [
  ...withModel(model, conditions),
  meetingArranged(),
];

describe('restorative opportunities: while a no-contact condition is in place', () => {
  it('the mediator still meets the offender to prepare them: that is not a breach', () =>
    given(...withMediator([parole]))
      .when(command('RecordPreparation', { party: 'offender', heldAt: '2026-01-27T15:00:00-05:00', consent: 'given' }))
      .thenEvents([
        {
          type: 'PreparationSessionHeld',
          data: { party: 'offender', subjectId: OFFENDER_ID, heldAt: '2026-01-27T20:00:00.000Z', consent: 'given' },
        },
      ]));

  it('the participants may still choose a model: the upcoming dialogue is what the amendment is asked for', () => {
    const outcome = given(...consented([parole])).when(command('SelectModel', { model: 'faceToFace' })).run();
    expect(outcome.stateName).toBe('modelSelected');
    expect(outcome.allowedCommands).toEqual([
      'ReassignCase',
      'RecordNoContactCondition',
      'RecordConditionAmended',
      'RecordConditionEnded',
      'AdviseStaffOfDialogue',
      'RecordPreparation',
      'AgreeSupportPerson',
      'SelectModel',
      'ArrangeMeeting',
      'DetermineNotSuitable',
      'Withdraw',
    ]);
  });

  // "In preparation for an upcoming meeting… the mediator will contact institutional staff… to
  // arrange for the reservation of date, time and meeting space": the reservation brings no one
  // into communication, and the amendment is asked for that upcoming meeting.
  it('the meeting can be arranged ahead, while the condition awaits its amendment; it cannot be recorded as held', () => {
    const outcome = given(...withModel('faceToFace', [parole])).when(arrange).run();
    expect(outcome.events.map((e) => e.type)).toEqual(['MeetingArranged']);
    expect(outcome.stateName).toBe('meetingArranged');
    expect(outcome.allowedCommands).toContain('AdviseStaffOfDialogue');
    expect(outcome.allowedCommands).toContain('ArrangeMeeting');
    expect(outcome.allowedCommands).not.toContain('RecordDialogue');
    expect(summarize(outcome.state).details['noContactCondition']).toBe('inPlace');
  });

  it('a group conference can be arranged ahead too', () =>
    given(...withModel('groupConference', [court])).when(arrange).thenState('meetingArranged'));

  it('when the meeting’s day comes without the amendment, the dialogue is refused, naming the condition and the meeting’s day', () => {
    const error = given(...arrangedWhile([parole])).when(dialogue).error();
    expect(error.code).toBe('RO.NO_CONTACT_CONDITION_NOT_AMENDED');
    expect(error.kind).toBe('rule');
    expect(error.params).toEqual({ conditions: ['paroleBoardNoContactCondition'], meetingOn: '2026-02-24' });
    expect(error.messageIn('en')).toContain(`“${FACILITATION_WORDING}”`);
    expect(error.messageIn('en')).toContain(
      'The meeting arranged for 2026-02-24 stays reserved, but it cannot be held until the condition allows it: if the amendment does not come in time, arrange the meeting again for a later day (“Arrange the meeting”), or choose another model.',
    );
    expect(error.messageIn('en')).toContain('so that they recommend the amendment (“Advise CSC staff of the upcoming dialogue”)');
    expect(error.messageIn('en')).toContain('a meeting between the mediator and the offender is not a breach');
    expect(error.messageIn('fr')).toContain('la condition de non-communication imposée par la Commission des libérations conditionnelles du Canada l’interdit');
    expect(error.messageIn('fr')).toContain('La rencontre prévue le 2026-02-24 reste réservée, mais elle ne peut avoir lieu tant que la condition ne le permet pas\u00a0:');
  });

  it('the meeting waiting for the amendment can be rescheduled, or given up for another model, as any other', () => {
    const later = given(...arrangedWhile([parole])).when({ ...arrange, data: { ...arrange.data, scheduledFor: '2026-03-10T10:00:00-04:00' } }).run();
    expect(later.stateName).toBe('meetingArranged');
    expect(later.events[0]?.data).toMatchObject({ scheduledFor: '2026-03-10T14:00:00.000Z' });
    given(...arrangedWhile([parole])).when(command('SelectModel', { model: 'letterExchange' })).thenState('modelSelected');
  });

  it('once the amendment is recorded, the meeting arranged ahead is held', () =>
    given(...arrangedWhile([parole]), conditionAmended())
      .when(dialogue)
      .thenEvents([{ type: 'DialogueHeld', data: { model: 'faceToFace', heldAt: '2026-02-24T15:00:00.000Z', meetingId: MEETING_ID } }]));

  it.each(['letterExchange', 'videoExchange', 'shuttleMediation'] as const)(
    'no %s can take place: the exchange reaches the other party, directly or through the mediator',
    (model) => given(...withModel(model, [parole])).when(dialogue).thenThrows('RO.NO_CONTACT_CONDITION_NOT_AMENDED'),
  );

  it('names every condition still in place, each with how it comes to allow the dialogue', () => {
    const error = given(...arrangedWhile([court, parole]), conditionAmended('paroleBoardNoContactCondition')).when(dialogue).error();
    expect(error.params).toEqual({ conditions: ['courtNonCommunicationOrder'], meetingOn: '2026-02-24' });
    expect(error.messageIn('en')).not.toContain(FACILITATION_WORDING);
    expect(error.messageIn('en')).toContain('The court non-communication order must first be varied by the court to allow it');
    const both = given(...withModel('letterExchange', [court, parole])).when(dialogue).error();
    expect(both.params).toEqual({ conditions: ['courtNonCommunicationOrder', 'paroleBoardNoContactCondition'] });
    expect(both.messageIn('en')).toContain('court non-communication order and the Parole Board of Canada no-contact condition forbid it.');
    expect(both.messageIn('en')).toContain(`The Parole Board of Canada no-contact condition must first be amended to add the wording “${FACILITATION_WORDING}”`);
    expect(both.messageIn('en')).toContain('If they have ended');
    expect(both.messageIn('fr')).toContain("l’interdisent. L’ordonnance de non-communication rendue par le tribunal doit d’abord être modifiée par le tribunal");
  });

  it('a command the stage does not offer still gets the plain 409', () => {
    given(...withMediator([parole]))
      .when(dialogue)
      .thenThrows('COMMAND.NOT_ALLOWED', {
        allowedCommands: ['ReassignCase', 'RecordNoContactCondition', 'RecordConditionAmended', 'RecordConditionEnded', 'RecordPreparation', 'DetermineNotSuitable', 'Withdraw'],
      });
    // A letter exchange has no meeting to arrange, whatever the condition.
    given(...withModel('letterExchange', [parole])).when(arrange).thenThrows('COMMAND.NOT_ALLOWED');
  });
});

describe('restorative opportunities: **every broken rule at once**, the condition’s with the data’s', () => {
  it('ArrangeMeeting, while the condition awaits its amendment, names only the rules of the meeting proposed', () =>
    given(...withModel('faceToFace', [parole]))
      .when(command('ArrangeMeeting', { ...arrange.data, privateAndUninterrupted: false, entryDocumentsArranged: false }))
      .thenBreaks('RO.MEETING_SPACE_NOT_PRIVATE', 'RO.ENTRY_DOCUMENTS_NOT_ARRANGED'));

  it('RecordDialogue of a meeting arranged ahead names the condition not amended and a dialogue before the meeting’s day', () =>
    given(...arrangedWhile([parole]))
      .when(command('RecordDialogue', { heldAt: '2026-02-23T10:00:00-05:00' }))
      .thenBreaks('RO.NO_CONTACT_CONDITION_NOT_AMENDED', 'RO.DIALOGUE_BEFORE_MEETING'));

  it('RecordDialogue names the condition not amended and a dialogue dated in the future', () =>
    given(...withModel('letterExchange', [court]))
      .when(command('RecordDialogue', { heldAt: '2026-03-03T10:00:00-05:00' }), { now: NOW })
      .thenBreaks('RO.NO_CONTACT_CONDITION_NOT_AMENDED', 'RO.TIME_IN_THE_FUTURE'));

  it('RecordConditionAmended names a condition not in place, a future date and a clause without the wording', () =>
    given(...withModel('faceToFace', [court]))
      .when(command('RecordConditionAmended', { kind: 'paroleBoardNoContactCondition', amendedOn: '2026-03-09', facilitationWording: 'unless approved' }), { now: NOW })
      .thenBreaks('RO.CONDITION_NOT_IN_PLACE', 'RO.TIME_IN_THE_FUTURE', 'RO.FACILITATION_WORDING_MISSING'));

  it('ArrangeMeeting names a party who took their consent back, not the condition awaiting its amendment', () =>
    given(...withModel('faceToFace', [parole]), prepared('offender', 'takenBack'))
      .when(command('ArrangeMeeting', { ...arrange.data, privateAndUninterrupted: false }))
      .thenBreaks('RO.CONSENT_REQUIRED', 'RO.MEETING_SPACE_NOT_PRIVATE'));

  it('RecordDialogue names a party who took their consent back as well as the condition', () =>
    given(...withModel('letterExchange', [parole]), prepared('offender', 'takenBack'))
      .when(dialogue)
      .thenBreaks('RO.CONSENT_REQUIRED', 'RO.NO_CONTACT_CONDITION_NOT_AMENDED'));

  it('RecordConditionEnded names a condition not recorded and a future date', () =>
    given(...withModel('faceToFace', [parole]))
      .when(command('RecordConditionEnded', { kind: 'courtNonCommunicationOrder', endedOn: '2026-03-09', how: 'removed' }), { now: NOW })
      .thenBreaks('RO.CONDITION_NOT_RECORDED', 'RO.TIME_IN_THE_FUTURE'));

  it('RecordNoContactCondition names a future date and a clause without the wording', () =>
    given(...withMeeting())
      .when(command('RecordNoContactCondition', { kind: 'paroleBoardNoContactCondition', imposedOn: '2026-03-09', facilitationWording: 'unless approved' }), { now: NOW })
      .thenBreaks('RO.TIME_IN_THE_FUTURE', 'RO.FACILITATION_WORDING_MISSING'));
});

describe('restorative opportunities: RecordConditionAmended', () => {
  it('records the amendment with the facilitation wording, which allows the meeting', () => {
    const outcome = given(...withModel('faceToFace', [parole])).when(amend()).run();
    expect(outcome.events).toEqual([
      {
        type: 'NoContactConditionAmended',
        data: { kind: 'paroleBoardNoContactCondition', amendedOn: '2026-02-16', facilitationWording: FACILITATION_WORDING },
      },
    ]);
    expect(outcome.stateName).toBe('modelSelected');
    expect(outcome.allowedCommands).toContain('ArrangeMeeting');
    expect(outcome.allowedCommands).not.toContain('RecordConditionAmended');
    expect(summarize(outcome.state).details['noContactCondition']).toBe('facilitationPermitted');
  });

  it('then lets the meeting be arranged', () =>
    given(...withModel('faceToFace', [parole]), conditionAmended()).when(arrange).thenState('meetingArranged'));

  it('then lets a letter exchange take place', () =>
    given(...withModel('letterExchange', [court]), conditionAmended('courtNonCommunicationOrder'))
      .when(dialogue)
      .thenState('dialogueHeld'));

  it('reads the wording as staff copy it: curly apostrophes, capitals, line breaks, within the condition’s clause', () =>
    given(...withModel('faceToFace', [parole]))
      .when(amend('…, unless deemed appropriate and\nfacilitated by CSC’s Restorative Opportunities program.'))
      .thenState('modelSelected'));

  it('reads a condition written in French by the clause’s terms, and records the French clause', () => {
    for (const clause of [
      FACILITATION_WORDING_FR,
      '…, sauf si la communication est jugée appropriée et facilitée par le Programme Possibilités de justice réparatrice du SCC.',
    ]) {
      const { events } = given(...withModel('faceToFace', [parole])).when(amend(clause)).run();
      expect(events[0]).toMatchObject({ type: 'NoContactConditionAmended', data: { facilitationWording: FACILITATION_WORDING_FR } });
    }
    // The English clause is recorded as the protocols give it, whatever the copy's shape.
    expect(given(...withModel('faceToFace', [parole])).when(amend('UNLESS deemed appropriate and facilitated by CSC’s Restorative Opportunities Program')).run().events[0])
      .toMatchObject({ data: { facilitationWording: FACILITATION_WORDING } });
    // A French clause without the program's name is not the protocols' clause.
    given(...withModel('faceToFace', [parole])).when(amend('sauf si jugée appropriée et facilitée par l’agente de libération conditionnelle')).thenThrows('RO.FACILITATION_WORDING_MISSING');
  });

  it('refuses a Parole Board amendment that does not carry the wording, beside its field', () => {
    const refused = given(...withModel('faceToFace', [parole])).when(amend('unless approved by the parole officer'));
    refused.thenThrows('RO.FACILITATION_WORDING_MISSING', { issues: [{ path: 'data.facilitationWording' }] });
    expect(refused.error().messageIn('en')).toContain(FACILITATION_WORDING);
    expect(refused.error().messageIn('fr')).toContain('La condition de non-communication');
    expect(refused.error().messageIn('fr')).toContain(`«\u00a0${FACILITATION_WORDING_FR}\u00a0»`);
  });

  it('refuses to amend a kind of condition that is not in place', () =>
    given(...withModel('faceToFace', [parole])).when(varied()).thenThrows('RO.CONDITION_NOT_IN_PLACE'));

  it('refuses an amendment dated after today in the case’s region', () =>
    // 22:00 on 2 March in Ottawa is already 3 March in UTC.
    given(...withModel('faceToFace', [parole]))
      .when({ ...amend(), data: { ...amend().data, amendedOn: '2026-03-03' } }, { now: '2026-03-03T03:00:00Z' })
      .thenThrows('RO.TIME_IN_THE_FUTURE'));

  it('is not offered when no condition blocks contact', () =>
    given(...withModel('faceToFace'))
      .when(amend())
      .thenThrows('COMMAND.NOT_ALLOWED', {
        allowedCommands: [
          'ReassignCase',
          'RecordNoContactCondition',
          'RecordPreparation',
          'AgreeSupportPerson',
          'SelectModel',
          'ArrangeMeeting',
          'DetermineNotSuitable',
          'Withdraw',
        ],
      }));
});

// The protocols prescribe the facilitation wording for Parole Board no-contact conditions (2.c, 2.d);
// for a court order they say only that requests are "referred to the NHQ Restorative Justice Unit" (2.a).
describe('restorative opportunities: RecordConditionAmended for a court non-communication order', () => {
  it.each(['programFacilitatedCommunication', 'communicationWithVictimConsent', 'otherException'] as const)(
    'records what the court varied (%s), with no wording to check, which allows the dialogue',
    (variation) => {
      const outcome = given(...withModel('letterExchange', [court])).when(varied(variation)).run();
      expect(outcome.events).toEqual([{ type: 'NoContactConditionAmended', data: { kind: 'courtNonCommunicationOrder', amendedOn: '2026-02-16', variation } }]);
      expect(summarize(outcome.state).details['noContactCondition']).toBe('facilitationPermitted');
      given(...withModel('letterExchange', [court]), ...outcome.events).when(dialogue).thenState('dialogueHeld');
    },
  );

  it('asks what the court varied, not the Parole Board’s wording', () => {
    given(...withModel('faceToFace', [court]))
      .when(command('RecordConditionAmended', { kind: 'courtNonCommunicationOrder', amendedOn: '2026-02-16' }))
      .thenThrows('VALIDATION.INVALID_INPUT');
    given(...withModel('faceToFace', [court]))
      .when(varied('programFacilitatedCommunication', { facilitationWording: 'unless approved by the court' }))
      .thenThrows('VALIDATION.INVALID_INPUT');
  });

  it('still refuses a variation dated after today', () =>
    given(...withModel('faceToFace', [court])).when(varied('otherException', { amendedOn: '2026-03-03' }), { now: NOW }).thenThrows('RO.TIME_IN_THE_FUTURE'));

  it('replays a court amendment recorded before, with the program’s wording and no variation', () =>
    given(...withModel('letterExchange', [court]), conditionAmended('courtNonCommunicationOrder')).when(dialogue).thenState('dialogueHeld'));
});

// "CSC staff who are advised by the NHQ Restorative Justice Unit of an upcoming facilitated dialogue
// between a victim and an offender who currently has a no contact condition will recommend the
// amendment of the condition" (protocols, 2.d).
describe('restorative opportunities: AdviseStaffOfDialogue', () => {
  it('records that the Restorative Justice Unit advised CSC staff of the upcoming dialogue', () => {
    const outcome = given(...arrangedWhile([parole])).when(advise()).run();
    expect(outcome.events).toEqual([{ type: 'StaffAdvisedOfDialogue', data: { advisedAt: '2026-02-04T15:00:00.000Z', staffRole: 'paroleOfficer' } }]);
    expect(outcome.stateName).toBe('meetingArranged');
    expect(outcome.allowedCommands).not.toContain('RecordDialogue');
  });

  it('may come before the meeting is arranged, or for an exchange', () => {
    given(...withModel('faceToFace', [parole])).when(advise({ staffRole: undefined })).thenState('modelSelected');
    given(...withModel('letterExchange', [parole])).when(advise()).thenState('modelSelected');
  });

  it('the dialogue refused until the amendment says when CSC staff were advised', () => {
    const error = given(...arrangedWhile([parole]), { type: 'StaffAdvisedOfDialogue', data: { advisedAt: '2026-02-04T15:00:00.000Z' } }).when(dialogue).error();
    expect(error.params).toEqual({ conditions: ['paroleBoardNoContactCondition'], staffAdvisedOn: '2026-02-04', meetingOn: '2026-02-24' });
    expect(error.messageIn('en')).toContain('The Restorative Justice Unit advised CSC staff of the upcoming dialogue on 2026-02-04, so that they recommend the amendment.');
    expect(error.messageIn('fr')).toContain('L’Unité de la justice réparatrice a avisé le personnel du SCC du dialogue à venir le 2026-02-04');
  });

  it('refuses advice dated after now, or before the referral, beside its field', () => {
    given(...arrangedWhile([parole])).when(advise({ advisedAt: '2026-03-02T09:30:00-05:00' }), { now: NOW }).thenThrows('RO.TIME_IN_THE_FUTURE', { issues: [{ path: 'data.advisedAt' }] });
    given(...arrangedWhile([parole])).when(advise({ advisedAt: '2025-12-01T10:00:00-05:00' })).thenThrows('RO.BEFORE_REFERRAL', { issues: [{ path: 'data.advisedAt' }] });
  });

  it('is for a Parole Board condition in place: refused with the rule for a court order, or once amended', () => {
    given(...withModel('faceToFace', [court])).when(advise()).thenThrows('RO.CONDITION_NOT_IN_PLACE');
    given(...withModel('faceToFace', [parole]), conditionAmended()).when(advise()).thenThrows('RO.CONDITION_NOT_IN_PLACE');
  });

  it('is for a dialogue both parties consent to', () =>
    given(...withModel('faceToFace', [parole]), prepared('victim', 'takenBack')).when(advise()).thenThrows('RO.CONSENT_REQUIRED'));

  it('is not offered before a model is chosen', () => given(...consented([parole])).when(advise()).thenThrows('COMMAND.NOT_ALLOWED'));

  it('is the Restorative Justice Unit’s alone', () =>
    expect(workflow.commands.find((c) => c.type === 'AdviseStaffOfDialogue')?.grants).toEqual({ rju: 'any' }));
});

describe('restorative opportunities: RecordConditionEnded', () => {
  const end = (data: Record<string, unknown> = {}) =>
    command('RecordConditionEnded', { kind: 'paroleBoardNoContactCondition', endedOn: '2026-02-16', how: 'expired', ...data });

  it.each(['expired', 'removed', 'varied'] as const)('records a condition that %s, which then no longer blocks the meeting', (how) => {
    const outcome = given(...withModel('faceToFace', [parole])).when(end({ how })).run();
    expect(outcome.events).toEqual([{ type: 'NoContactConditionEnded', data: { kind: 'paroleBoardNoContactCondition', endedOn: '2026-02-16', how } }]);
    expect(outcome.stateName).toBe('modelSelected');
    expect(outcome.allowedCommands).toContain('ArrangeMeeting');
    expect(outcome.allowedCommands).not.toContain('RecordConditionAmended');
    expect(outcome.allowedCommands).not.toContain('RecordConditionEnded');
    expect(summarize(outcome.state).details['noContactCondition']).toBe('none');
  });

  it('then lets the meeting be arranged and held', () => {
    given(...withModel('faceToFace', [parole]), conditionEnded()).when(arrange).thenState('meetingArranged');
    given(...withMeeting(), conditionRecorded(), conditionEnded('paroleBoardNoContactCondition', 'removed')).when(dialogue).thenState('dialogueHeld');
  });

  it('then lets a letter exchange take place', () =>
    given(...withModel('letterExchange', [court]), conditionEnded('courtNonCommunicationOrder', 'varied'))
      .when(dialogue)
      .thenState('dialogueHeld'));

  it('lifts only the condition that ended: another still in place blocks contact', () => {
    const outcome = given(...arrangedWhile([court, parole])).when(end()).run();
    expect(outcome.allowedCommands).not.toContain('RecordDialogue');
    expect(summarize(outcome.state).details['noContactCondition']).toBe('inPlace');
    const error = given(...arrangedWhile([court, parole]), conditionEnded()).when(dialogue).error();
    expect(error.params).toEqual({ conditions: ['courtNonCommunicationOrder'], meetingOn: '2026-02-24' });
  });

  it('records the end of a condition that had been amended: no condition remains on the case', () => {
    const outcome = given(...withModel('faceToFace', [parole]), conditionAmended()).when(end({ how: 'removed' })).run();
    expect(outcome.events[0]?.type).toBe('NoContactConditionEnded');
    expect(summarize(outcome.state).details['noContactCondition']).toBe('none');
    expect(outcome.allowedCommands).toContain('ArrangeMeeting');
  });

  it('lets a condition imposed again later block contact again', () =>
    given(...withModel('letterExchange', [parole]), conditionEnded(), conditionRecorded()).when(dialogue).thenThrows('RO.NO_CONTACT_CONDITION_NOT_AMENDED'));

  it('refuses to end a kind of condition not recorded on the case', () => {
    const error = given(...withModel('faceToFace', [parole])).when(end({ kind: 'courtNonCommunicationOrder' })).error();
    expect(error.code).toBe('RO.CONDITION_NOT_RECORDED');
    expect(error.messageIn('en')).toBe('No court non-communication order is recorded on this case, so there is none to record as ended.');
    expect(error.messageIn('fr')).toContain('Aucune ordonnance de non-communication rendue par le tribunal n’est consignée dans ce dossier');
  });

  it('refuses an end dated after today in the case’s region', () =>
    // 22:00 on 2 March in Ottawa is already 3 March in UTC.
    given(...withModel('faceToFace', [parole])).when(end({ endedOn: '2026-03-03' }), { now: '2026-03-03T03:00:00Z' }).thenThrows('RO.TIME_IN_THE_FUTURE'));

  it('accepts an end dated today in the case’s region', () =>
    given(...withModel('faceToFace', [parole])).when(end({ endedOn: '2026-03-02' }), { now: '2026-03-03T03:00:00Z' }).thenState('modelSelected'));

  it('takes no free text: only the kind, the date and how it ended', () =>
    given(...withModel('faceToFace', [parole])).when(end({ note: 'Order against contact with Sam Tremblay lifted' })).thenThrows('VALIDATION.INVALID_INPUT'));

  it('is the Restorative Justice Unit’s, as recording an amendment is', () => {
    const grantsOf = (type: string) => workflow.commands.find((c) => c.type === type)?.grants;
    expect(grantsOf('RecordConditionEnded')).toEqual(grantsOf('RecordConditionAmended'));
    expect(Object.keys(grantsOf('RecordConditionEnded') ?? {})).toEqual(['rju']);
  });

  it('is not offered when no condition is recorded', () =>
    given(...withModel('faceToFace')).when(end()).thenThrows('COMMAND.NOT_ALLOWED'));

  it('the refusal of a blocked meeting says how to record a condition that ended', () => {
    const error = given(...arrangedWhile([parole])).when(dialogue).error();
    expect(error.messageIn('en')).toContain('If it has ended (expired, removed, or varied so as no longer to forbid contact), record that with “Record a condition that ended”.');
    expect(error.messageIn('fr')).toContain('consignez-le avec «\u00a0Consigner la fin d’une condition\u00a0»');
  });
});

describe('restorative opportunities: RecordNoContactCondition', () => {
  const record = (data: Record<string, unknown> = {}) =>
    command('RecordNoContactCondition', { kind: 'paroleBoardNoContactCondition', imposedOn: '2026-02-26', ...data });

  it('records a condition imposed after intake, e.g. at a conditional release', () =>
    given(...withMeeting())
      .when(record())
      .thenEvents([
        { type: 'NoContactConditionRecorded', data: { kind: 'paroleBoardNoContactCondition', imposedOn: '2026-02-26', status: 'inPlace' } },
      ]));

  it('stops an arranged meeting from being held until it is amended; the meeting may still be arranged again', () => {
    given(...withMeeting(), conditionRecorded()).when(dialogue).thenThrows('RO.NO_CONTACT_CONDITION_NOT_AMENDED');
    given(...withMeeting(), conditionRecorded()).when(arrange).thenState('meetingArranged');
    const outcome = given(...withMeeting(), conditionRecorded(), conditionAmended()).when(dialogue).run();
    expect(outcome.events).toEqual([
      { type: 'DialogueHeld', data: { model: 'faceToFace', heldAt: '2026-02-24T15:00:00.000Z', meetingId: MEETING_ID } },
    ]);
  });

  it('does not block contact when the condition was drafted with the facilitation wording', () => {
    const outcome = given(...withMeeting()).when(record({ facilitationWording: FACILITATION_WORDING })).run();
    expect(outcome.events[0]?.data).toMatchObject({ status: 'facilitationPermitted' });
    expect(outcome.allowedCommands).toContain('RecordDialogue');
  });

  it('refuses a clause without the wording', () =>
    given(...withMeeting()).when(record({ facilitationWording: 'no contact' })).thenThrows('RO.FACILITATION_WORDING_MISSING'));

  it('refuses a condition imposed after today', () =>
    given(...withMeeting()).when(record({ imposedOn: '2026-03-03' }), { now: NOW }).thenThrows('RO.TIME_IN_THE_FUTURE'));

  it('belongs to the intake assessment until it is done', () =>
    given(...atIntake())
      .when(record())
      .thenThrows('COMMAND.NOT_ALLOWED', { allowedCommands: ['AssessIntake', 'ReassignCase', 'Withdraw'] }));
});
