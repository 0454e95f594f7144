import type { AnyWorkflowDefinition } from '../../domain/workflow';
import { specFor } from '../../test/support/workflow-spec';
import {
  inFollowUp,
  meetingArranged,
  modelSelected,
  NOW,
  OFFENDER_ID,
  prepared,
  VICTIM_ID,
  withMediator,
  withMeeting,
  withModel,
} from './restorative-opportunities.fixtures';
import { restorativeOpportunitiesWorkflow } from './index';

const workflow: AnyWorkflowDefinition = restorativeOpportunitiesWorkflow;
const { given } = specFor(workflow);
const command = (type: string, data: Record<string, unknown> = {}) => ({ type, data });

// The fixtures' referral was received on 2026-01-12 at 14:30 in Ontario; the meeting is arranged for 2026-02-24 at 10:00.
const RECEIVED_LOCALLY = '2026-01-12T14:30:00-05:00';

const receive = (receivedAt: string, region = 'ON') =>
  command('ReceiveReferral', {
    source: 'victim',
    region,
    receivedAt,
    victimRegistered: true,
    victim: { subjectId: VICTIM_ID, name: 'Sam Tremblay' },
    offender: { subjectId: OFFENDER_ID, name: 'Jordan Roy' },
  });
const prepare = (heldAt: string) => command('RecordPreparation', { party: 'victim', heldAt, consent: 'given' });
const arrange = (scheduledFor: string) =>
  command('ArrangeMeeting', {
    scheduledFor,
    venue: { kind: 'institution', site: 'Collins Bay Institution' },
    room: 'chapel',
    privateAndUninterrupted: true,
    notRecordedOrOverheard: true,
    entryDocumentsArranged: true,
  });
const dialogue = (heldAt: string) => command('RecordDialogue', { heldAt });
const followUp = (heldAt: string) => command('RecordFollowUp', { party: 'offender', heldAt });

describe('restorative opportunities: no referral before the program', () => {
  it('refuses a referral received before the program began in 2004, beside its field, in both languages', () => {
    const refused = given().when(receive('1900-10-20T10:00:00-04:00'), { now: NOW });
    refused.thenThrows('RO.BEFORE_PROGRAM', {
      issues: [{ path: 'data.receivedAt', message: '1900-10-20T10:00:00-04:00 is before CSC’s Restorative Opportunities program began, in 2004.' }],
    });
    expect(refused.error().messageIn('en')).toBe('“Received on”: 1900-10-20T10:00:00-04:00 is before CSC’s Restorative Opportunities program began, in 2004.');
    expect(refused.error().messageIn('fr')).toBe(
      '«\u00a0Date de réception\u00a0»\u00a0: 1900-10-20T10:00:00-04:00 précède la création du programme Possibilités de justice réparatrice du SCC, en 2004.',
    );
  });

  it('judges the day in the case’s region: the last evening of 2003 in Vancouver is refused, the same instant in Ontario is 2004', () => {
    given().when(receive('2004-01-01T02:00:00-05:00', 'BC')).thenThrows('RO.BEFORE_PROGRAM', { issues: [{ path: 'data.receivedAt' }] });
    given().when(receive('2004-01-01T02:00:00-05:00', 'ON')).thenState('referralReceived');
  });
});

describe('restorative opportunities: no fact of the case before its referral', () => {
  it('refuses a preparation session held before the referral was received, naming the receipt in the case’s time', () => {
    const refused = given(...withMediator()).when(prepare('2026-01-12T14:00:00-05:00'));
    refused.thenThrows('RO.BEFORE_REFERRAL', {
      issues: [{ path: 'data.heldAt', message: `2026-01-12T14:00:00-05:00 is before the referral was received (${RECEIVED_LOCALLY}).` }],
    });
    expect(refused.error().messageIn('en')).toBe(`“Held on”: 2026-01-12T14:00:00-05:00 is before the referral was received (${RECEIVED_LOCALLY}).`);
    expect(refused.error().messageIn('fr')).toBe(
      `«\u00a0Date de la rencontre\u00a0»\u00a0: 2026-01-12T14:00:00-05:00 précède la réception du renvoi (${RECEIVED_LOCALLY}).`,
    );
  });

  it('refuses one decades back, and accepts one held as the referral arrived', () => {
    given(...withMediator()).when(prepare('1900-10-21T10:00:00-04:00')).thenThrows('RO.BEFORE_REFERRAL', { issues: [{ path: 'data.heldAt' }] });
    given(...withMediator()).when(prepare(RECEIVED_LOCALLY)).thenState('preparation');
  });

  it('names a session both before the referral and taken back without a consent at once', () =>
    given(...withMediator())
      .when(command('RecordPreparation', { party: 'victim', heldAt: '2025-12-01T10:00:00-05:00', consent: 'takenBack' }))
      .thenBreaks('RO.BEFORE_REFERRAL', 'RO.NO_CONSENT_TO_TAKE_BACK'));

  it('refuses a meeting arranged for a day before the referral, beside its field', () =>
    given(...withModel('faceToFace'))
      .when(arrange('1990-11-20T10:00:00-05:00'))
      .thenThrows('RO.BEFORE_REFERRAL', { issues: [{ path: 'data.scheduledFor' }] }));

  it('names that date too where a party took their consent back', () =>
    given(...withModel('faceToFace'), prepared('offender', 'takenBack'))
      .when(arrange('1990-11-20T10:00:00-05:00'))
      .thenBreaks('RO.CONSENT_REQUIRED', 'RO.BEFORE_REFERRAL'));

  it('refuses a follow-up session before the referral', () =>
    given(...inFollowUp()).when(followUp('1999-02-27T11:00:00-05:00')).thenThrows('RO.BEFORE_REFERRAL', { issues: [{ path: 'data.heldAt' }] }));
});

describe('restorative opportunities: a dialogue is held on or after the day of its meeting', () => {
  it('refuses a dialogue before the referral with that rule alone, though it is before the meeting too', () =>
    given(...withMeeting()).when(dialogue('1980-11-20T10:00:00-05:00')).thenThrows('RO.BEFORE_REFERRAL', { issues: [{ path: 'data.heldAt' }] }));

  it('refuses a meeting held before the day it was arranged for, and says how to record a meeting moved earlier', () => {
    const refused = given(...withMeeting()).when(dialogue('2026-02-23T10:00:00-05:00'));
    refused.thenThrows('RO.DIALOGUE_BEFORE_MEETING', { issues: [{ path: 'data.heldAt' }] });
    expect(refused.error().messageIn('en')).toBe(
      '“Held on”: 2026-02-23T10:00:00-05:00 is before the day the meeting was arranged for (2026-02-24). If it was moved to an earlier day, record its new date first (“Arrange the meeting”).',
    );
    expect(refused.error().messageIn('fr')).toBe(
      '«\u00a0Date de la rencontre\u00a0»\u00a0: 2026-02-23T10:00:00-05:00 précède le jour prévu pour la rencontre (2026-02-24). Si elle a été avancée, consignez d’abord sa nouvelle date («\u00a0Organiser la rencontre\u00a0»).',
    );
  });

  it('compares days in the case’s region: 01:00 UTC on the 24th is the evening of the 23rd in Ontario', () =>
    given(...withMeeting()).when(dialogue('2026-02-24T01:00:00Z')).thenThrows('RO.DIALOGUE_BEFORE_MEETING'));

  it('accepts a meeting held on its day, even before the time it was arranged for', () =>
    given(...withMeeting()).when(dialogue('2026-02-24T08:00:00-05:00')).thenState('dialogueHeld'));

  it('accepts a meeting moved earlier once it is arranged again for its new day', () =>
    given(...withMeeting(), meetingArranged({ meetingId: 'meeting-2', scheduledFor: '2026-02-20T15:00:00.000Z' }))
      .when(dialogue('2026-02-20T10:00:00-05:00'))
      .thenState('dialogueHeld'));

  it('holds an exchange chosen instead of the meeting to the referral only: the meeting will not take place', () =>
    given(...withMeeting(), modelSelected('letterExchange')).when(dialogue('2026-02-10T10:00:00-05:00')).thenState('dialogueHeld'));
});

describe('restorative opportunities: a meeting arranged years ahead is a mistyped year', () => {
  // The spec's now is 2026-03-02T14:00Z (09:00 in Ontario): the horizon is the same instant in 2028.
  it('refuses a meeting more than two years ahead, beside its date, in either language', () => {
    const refused = given(...withModel()).when(arrange('2028-03-03T09:00:00-05:00'));
    refused.thenThrows('RO.TOO_FAR_AHEAD', {
      issues: [{ path: 'data.scheduledFor', message: '2028-03-03T09:00:00-05:00 is more than two years ahead; check the year.' }],
    });
    expect(refused.error().messageIn('en')).toBe('“Scheduled for”: 2028-03-03T09:00:00-05:00 is more than two years ahead; check the year.');
    expect(refused.error().messageIn('fr')).toBe('«\u00a0Date prévue\u00a0»\u00a0: 2028-03-03T09:00:00-05:00 est à plus de deux ans d’ici\u00a0; vérifiez l’année.');
    expect(refused.error().detailsIn('fr')).toEqual({ issues: [{ path: 'data.scheduledFor', message: '2028-03-03T09:00:00-05:00 est à plus de deux ans d’ici\u00a0; vérifiez l’année.' }] });
    given(...withMeeting()).when(arrange('2062-02-24T10:00:00-05:00')).thenThrows('RO.TOO_FAR_AHEAD', { issues: [{ path: 'data.scheduledFor' }] });
  });

  it('arranges one just under two years ahead, up to the same instant two years on', () => {
    given(...withModel()).when(arrange('2028-03-02T08:59:00-05:00')).thenState('meetingArranged');
    given(...withModel()).when(arrange('2028-03-02T14:00:00Z')).thenState('meetingArranged');
    given(...withModel()).when(arrange('2028-03-02T14:00:00.001Z')).thenThrows('RO.TOO_FAR_AHEAD');
  });

  it('is named with the meeting room’s rules, all at once', () =>
    given(...withModel())
      .when({ ...arrange('2062-02-24T10:00:00-05:00'), data: { ...arrange('2062-02-24T10:00:00-05:00').data, privateAndUninterrupted: false } })
      .thenBreaks('RO.TOO_FAR_AHEAD', 'RO.MEETING_SPACE_NOT_PRIVATE'));
});
