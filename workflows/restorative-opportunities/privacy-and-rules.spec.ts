import { itExplainsItsErrors } from '../../test/support/error-texts';
import { foldHistory, specFor } from '../../test/support/workflow-spec';
import type { AnyWorkflowDefinition } from '../../domain/workflow';
import {
  afterDialogue,
  consented,
  dialogueHeld,
  followUpBegun,
  meetingArranged,
  modelSelected,
  OFFENDER_ID,
  referralReceived,
  SUPPORT_ID,
  supportPersonAgreed,
  VICTIM_ID,
  withMediator,
} from './restorative-opportunities.fixtures';
import './errors';
import { restorativeOpportunitiesWorkflow } from './index';

const workflow: AnyWorkflowDefinition = restorativeOpportunitiesWorkflow;
const { given } = specFor(workflow);

describe('restorative opportunities: personal information', () => {
  it('keeps participants, their subject ids and the content of the process out of the case summary', () => {
    const state = foldHistory(workflow, [
      ...consented(),
      supportPersonAgreed(),
      modelSelected('faceToFace'),
      meetingArranged({ supportPersonIds: [SUPPORT_ID] }),
      dialogueHeld(),
      followUpBegun(),
    ]);
    const summary = JSON.stringify(workflow.summarize(state));
    for (const secret of ['Sam Tremblay', 'sam.tremblay', 'Jordan Roy', 'Alex Tremblay', VICTIM_ID, OFFENDER_ID, SUPPORT_ID, 'Collins Bay']) {
      expect(summary).not.toContain(secret);
    }
    expect(workflow.summarize(state)).toEqual({
      region: 'ON',
      assignees: ['rju-officer-1', 'mediator-1'],
      details: { referralSource: 'victim', noContactCondition: 'none', model: 'faceToFace', dialoguesHeld: 1 },
    });
  });

  // Personal information never drives a decision: the same commands with other names, contacts and
  // notes (some of them spelling out the workflow's own vocabulary) give the same outcome.
  it.each([
    ['Sam Tremblay', 'sam@example.org', 'Wants to ask why.'],
    ['offender', 'notSuitable', 'consent given; unresolved safety concerns'],
    ['Ève Côté-Lévesque', '+1 418 555 0123 poste 4', 'A'.repeat(5000)],
  ])('decides the same whatever the names, contacts and notes say (%s)', (name, contact, notes) => {
    const referral = given()
      .when({
        type: 'ReceiveReferral',
        data: { source: 'victim', victimRegistered: true, receivedAt: '2026-01-12T14:30:00-05:00', victim: { name, contact }, offender: { name } },
      })
      .run();
    expect(referral.stateName).toBe('referralReceived');
    expect(referral.events[0]?.data).toMatchObject({ victim: { subjectId: 'id-1' }, offender: { subjectId: 'id-2' } });
    const session = given(...withMediator())
      .when({ type: 'RecordPreparation', data: { party: 'victim', heldAt: '2026-01-27T15:00:00-05:00', consent: 'notYet', notes } })
      .run();
    expect(session.stateName).toBe('preparation');
    expect(session.allowedCommands).not.toContain('SelectModel');
  });
});

describe('restorative opportunities: its refusals', () => {
  // One set of parameters that every RO error's texts can read.
  itExplainsItsErrors(
    'RO.',
    [
      'RO.ALREADY_ASSIGNED',
      'RO.BEFORE_PROGRAM',
      'RO.BEFORE_REFERRAL',
      'RO.CONDITION_NOT_IN_PLACE',
      'RO.CONDITION_NOT_RECORDED',
      'RO.CONSENT_ALREADY_GIVEN',
      'RO.CONSENT_REQUIRED',
      'RO.DIALOGUE_BEFORE_MEETING',
      'RO.ENTRY_DOCUMENTS_NOT_ARRANGED',
      'RO.FACILITATION_WORDING_MISSING',
      'RO.MEETING_SPACE_NOT_PRIVATE',
      'RO.MEETING_WOULD_BE_RECORDED',
      'RO.MODEL_ALREADY_SELECTED',
      'RO.NO_AGREEMENT_TO_WITHDRAW',
      'RO.NO_CONSENT_TO_TAKE_BACK',
      'RO.NO_CONTACT_CONDITION_NOT_AMENDED',
      'RO.NO_MEDIATOR_ASSIGNED',
      'RO.OFFENDER_RESPONSIBILITY_NOT_ACCEPTED',
      'RO.OFFENDER_SELF_REFERRAL',
      'RO.REPRESENTATIVE_FOR_UNREGISTERED_VICTIM',
      'RO.SAFETY_CONCERNS_UNRESOLVED',
      'RO.SUPPORT_PERSON_NO_LONGER_AGREED',
      'RO.SUPPORT_PERSON_NOT_AGREED',
      'RO.TIME_IN_THE_FUTURE',
      'RO.TOO_FAR_AHEAD',
      'RO.VISITS_AREA_NOT_CLOSED_TO_OTHERS',
      'RO.VISITS_AREA_NOT_EXCEPTIONAL',
    ],
    {
      condition: 'courtNonCommunicationOrder',
      conditions: ['paroleBoardNoContactCondition'],
      parties: ['victim', 'offender'],
      takenBack: ['victim'],
      party: 'offender',
      field: 'heldAt',
      value: '2026-03-03',
      began: '2004',
      receivedAt: '2026-01-12T14:30:00-05:00',
      scheduledOn: '2026-02-24',
      assignment: 'mediator',
      assigneeId: 'mediator-1',
      model: 'faceToFace',
      ids: ['subject-x'],
      personId: 'subject-x',
      meetingOn: '2026-02-24',
      staffAdvisedOn: '2026-02-04',
    },
    'rule',
  );
});

describe('restorative opportunities: history', () => {
  it('refuses history the machine does not allow: a second dialogue without a model chosen for it', () =>
    expect(() => foldHistory(workflow, [...afterDialogue(), dialogueHeld()])).toThrow(/does not accept DialogueHeld/));

  it('refuses history with a second referral', () =>
    expect(() => foldHistory(workflow, [referralReceived(), referralReceived()])).toThrow(/does not accept ReferralReceived/));
});
