import type { AnyWorkflowDefinition, CaseState } from '../../domain/workflow';
import { specFor } from '../../test/support/workflow-spec';
import { ArrangeMeeting } from './commands';
import { FACILITATION_WORDING } from './commands';
import {
  atIntake,
  conditionAmended,
  conditionEnded,
  conditionRecorded,
  consented,
  prepared,
  inPlace,
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
const amend = (facilitationWording: string = FACILITATION_WORDING, kind = 'paroleBoardNoContactCondition') =>
  command('RecordConditionAmended', { kind, amendedOn: '2026-02-16', facilitationWording });

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
      'RecordPreparation',
      'AgreeSupportPerson',
      'SelectModel',
      'DetermineNotSuitable',
      'Withdraw',
    ]);
  });

  it('no face-to-face meeting can be arranged: the rule explains why, instead of a bare 409', () => {
    const error = given(...withModel('faceToFace', [parole])).when(arrange).error();
    expect(error.code).toBe('RO.NO_CONTACT_CONDITION_NOT_AMENDED');
    expect(error.kind).toBe('rule');
    expect(error.params).toEqual({ conditions: ['paroleBoardNoContactCondition'] });
    expect(error.messageIn('en')).toContain(`“${FACILITATION_WORDING}”`);
    expect(error.messageIn('en')).toContain('a meeting between the mediator and the offender is not a breach');
    expect(error.messageIn('fr')).toContain('la condition de non-communication imposée par la Commission des libérations conditionnelles du Canada l’interdit');
  });

  it('no group conference can be arranged either', () =>
    given(...withModel('groupConference', [court])).when(arrange).thenThrows('RO.NO_CONTACT_CONDITION_NOT_AMENDED'));

  it.each(['letterExchange', 'videoExchange', 'shuttleMediation'] as const)(
    'no %s can take place: the exchange reaches the other party, directly or through the mediator',
    (model) => given(...withModel(model, [parole])).when(dialogue).thenThrows('RO.NO_CONTACT_CONDITION_NOT_AMENDED'),
  );

  it('names every condition still in place', () => {
    const error = given(...withModel('faceToFace', [court, parole]), conditionAmended('paroleBoardNoContactCondition'))
      .when(arrange)
      .error();
    expect(error.params).toEqual({ conditions: ['courtNonCommunicationOrder'] });
    const both = given(...withModel('faceToFace', [court, parole])).when(arrange).error();
    expect(both.messageIn('en')).toContain('court non-communication order and the Parole Board of Canada no-contact condition forbid it. They must');
    expect(both.messageIn('fr')).toContain("l’interdisent. Elles doivent d’abord être modifiées");
  });

  it('a command the stage does not offer still gets the plain 409', () => {
    given(...withMediator([parole]))
      .when(arrange)
      .thenThrows('COMMAND.NOT_ALLOWED', {
        allowedCommands: ['ReassignCase', 'RecordNoContactCondition', 'RecordConditionAmended', 'RecordConditionEnded', 'RecordPreparation', 'DetermineNotSuitable', 'Withdraw'],
      });
    // A letter exchange has no meeting to arrange, whatever the condition.
    given(...withModel('letterExchange', [parole])).when(arrange).thenThrows('COMMAND.NOT_ALLOWED');
  });
});

describe('restorative opportunities: **every broken rule at once**, the condition’s with the data’s', () => {
  it('ArrangeMeeting names the condition not amended and every rule of the meeting proposed', () =>
    given(...withModel('faceToFace', [parole]))
      .when(command('ArrangeMeeting', { ...arrange.data, privateAndUninterrupted: false, entryDocumentsArranged: false }))
      .thenBreaks('RO.NO_CONTACT_CONDITION_NOT_AMENDED', 'RO.MEETING_SPACE_NOT_PRIVATE', 'RO.ENTRY_DOCUMENTS_NOT_ARRANGED'));

  it('RecordDialogue names the condition not amended and a dialogue dated in the future', () =>
    given(...withModel('letterExchange', [court]))
      .when(command('RecordDialogue', { heldAt: '2026-03-03T10:00:00-05:00' }), { now: NOW })
      .thenBreaks('RO.NO_CONTACT_CONDITION_NOT_AMENDED', 'RO.TIME_IN_THE_FUTURE'));

  it('RecordConditionAmended names a condition not in place, a future date and a clause without the wording', () =>
    given(...withModel('faceToFace', [parole]))
      .when(command('RecordConditionAmended', { kind: 'courtNonCommunicationOrder', amendedOn: '2026-03-09', facilitationWording: 'unless approved' }), { now: NOW })
      .thenBreaks('RO.CONDITION_NOT_IN_PLACE', 'RO.TIME_IN_THE_FUTURE', 'RO.FACILITATION_WORDING_MISSING'));

  it('ArrangeMeeting names a party who took their consent back as well as the condition', () =>
    given(...withModel('faceToFace', [parole]), prepared('offender', 'takenBack'))
      .when(command('ArrangeMeeting', { ...arrange.data, privateAndUninterrupted: false }))
      .thenBreaks('RO.CONSENT_REQUIRED', 'RO.NO_CONTACT_CONDITION_NOT_AMENDED', 'RO.MEETING_SPACE_NOT_PRIVATE'));

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

  it('refuses an amendment that does not carry the wording', () => {
    const error = given(...withModel('faceToFace', [parole])).when(amend('unless approved by the parole officer')).error();
    expect(error.code).toBe('RO.FACILITATION_WORDING_MISSING');
    expect(error.messageIn('en')).toContain(FACILITATION_WORDING);
    expect(error.messageIn('fr')).toContain('La condition de non-communication');
  });

  it('refuses to amend a kind of condition that is not in place', () =>
    given(...withModel('faceToFace', [parole]))
      .when(amend(FACILITATION_WORDING, 'courtNonCommunicationOrder'))
      .thenThrows('RO.CONDITION_NOT_IN_PLACE'));

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
    const outcome = given(...withModel('faceToFace', [court, parole])).when(end()).run();
    expect(outcome.allowedCommands).not.toContain('ArrangeMeeting');
    expect(summarize(outcome.state).details['noContactCondition']).toBe('inPlace');
    const error = given(...withModel('faceToFace', [court, parole]), conditionEnded()).when(arrange).error();
    expect(error.params).toEqual({ conditions: ['courtNonCommunicationOrder'] });
  });

  it('records the end of a condition that had been amended: no condition remains on the case', () => {
    const outcome = given(...withModel('faceToFace', [parole]), conditionAmended()).when(end({ how: 'removed' })).run();
    expect(outcome.events[0]?.type).toBe('NoContactConditionEnded');
    expect(summarize(outcome.state).details['noContactCondition']).toBe('none');
    expect(outcome.allowedCommands).toContain('ArrangeMeeting');
  });

  it('lets a condition imposed again later block contact again', () =>
    given(...withModel('faceToFace', [parole]), conditionEnded(), conditionRecorded()).when(arrange).thenThrows('RO.NO_CONTACT_CONDITION_NOT_AMENDED'));

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
    const error = given(...withModel('faceToFace', [parole])).when(arrange).error();
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

  it('stops an arranged meeting from being held, or arranged again, until it is amended', () => {
    given(...withMeeting(), conditionRecorded()).when(dialogue).thenThrows('RO.NO_CONTACT_CONDITION_NOT_AMENDED');
    given(...withMeeting(), conditionRecorded()).when(arrange).thenThrows('RO.NO_CONTACT_CONDITION_NOT_AMENDED');
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
