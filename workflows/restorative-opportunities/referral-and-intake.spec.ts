import type { AnyWorkflowDefinition, CaseState } from '../../domain/workflow';
import { specFor } from '../../test/support/workflow-spec';
import { FACILITATION_WORDING } from './commands';
import {
  atIntake,
  awaitingMediator,
  INTAKE_OFFICER,
  MEDIATOR,
  NOW,
  OFFENDER_ID,
  referralReceived,
  reassigned,
  VICTIM_ID,
  withMediator,
} from './restorative-opportunities.fixtures';
import { restorativeOpportunitiesWorkflow } from './index';

const workflow: AnyWorkflowDefinition = restorativeOpportunitiesWorkflow;
const { given } = specFor(workflow);
const summarize = (state: CaseState) => workflow.summarize(state);
const command = (type: string, data: Record<string, unknown> = {}) => ({ type, data });
const supervisor = { actor: { id: 'supervisor-1', role: 'supervisor' } } as const;

const victim = { subjectId: VICTIM_ID, name: 'Sam Tremblay', contact: 'sam.tremblay@example.org' };
const offender = { subjectId: OFFENDER_ID, name: 'Jordan Roy' };
const receive = (data: Record<string, unknown>) =>
  command('ReceiveReferral', { receivedAt: '2026-01-12T14:30:00-05:00', victim, offender, ...data });
const staff = { staffRole: 'chaplain', site: 'Collins Bay Institution' };

describe('restorative opportunities: ReceiveReferral', () => {
  it('records a victim referral at the NHQ Restorative Justice Unit, in UTC, in the default region', () =>
    given()
      .when(receive({ source: 'victim', victimRegistered: false }))
      .thenEvents([
        {
          type: 'ReferralReceived',
          data: {
            source: 'victim',
            region: 'ON',
            receivedAt: '2026-01-12T19:30:00.000Z',
            victimRegistered: false,
            victim,
            offender,
          },
        },
      ]));

  it('waits for the intake assessment to begin; either party may still withdraw', () => {
    const outcome = given().when(receive({ source: 'victim', victimRegistered: true, region: 'QC' })).run();
    expect(outcome.stateName).toBe('referralReceived');
    expect(outcome.allowedCommands).toEqual(['BeginIntakeAssessment', 'Withdraw']);
    expect(summarize(outcome.state)).toEqual({
      region: 'QC',
      assignees: [],
      details: { referralSource: 'victim', noContactCondition: 'none', model: null, dialoguesHeld: 0 },
    });
  });

  it('mints a data subject for every participant registered without one, pseudonymous ones included', () =>
    given()
      .when(
        receive({
          source: 'victimRepresentative',
          victimRegistered: true,
          victim: { name: 'Robin', pseudonym: true },
          offender: {},
          representative: { name: 'Dominique Gagnon', contact: '418-555-0123' },
        }),
      )
      .thenEvents([
        {
          type: 'ReferralReceived',
          data: {
            source: 'victimRepresentative',
            region: 'ON',
            receivedAt: '2026-01-12T19:30:00.000Z',
            victimRegistered: true,
            victim: { subjectId: 'id-1', name: 'Robin', pseudonym: true },
            offender: { subjectId: 'id-2' },
            representative: { subjectId: 'id-3', name: 'Dominique Gagnon', contact: '418-555-0123' },
          },
        },
      ]));

  it('accepts a victim representative only on behalf of a registered victim', () =>
    given()
      .when(receive({ source: 'victimRepresentative', victimRegistered: false, representative: { name: 'Dominique' } }))
      .thenThrows('RO.REPRESENTATIVE_FOR_UNREGISTERED_VICTIM'));

  it('records an institutional referral: CSC staff communicating the request of an offender in an institution', () =>
    given()
      .when(receive({ source: 'institutional', referredBy: staff }))
      .thenEvents([
        {
          type: 'ReferralReceived',
          data: { source: 'institutional', region: 'ON', receivedAt: '2026-01-12T19:30:00.000Z', victim, offender, referredBy: staff },
        },
      ]));

  it('records a community referral for a conditionally released or long-term offender', () =>
    given()
      .when(receive({ source: 'community', referredBy: { staffRole: 'paroleOfficer' }, offenderStatus: 'longTermSupervision' }))
      .thenState('referralReceived'));

  it('needs the CSC staff person behind an institutional or community referral, and the offender’s status in the community', () => {
    const missingStaff = given().when(receive({ source: 'institutional' })).error();
    expect(missingStaff.code).toBe('VALIDATION.INVALID_INPUT');
    expect(missingStaff.message).toContain('data.referredBy');
    const missingStatus = given().when(receive({ source: 'community', referredBy: staff })).error();
    expect(missingStatus.message).toContain('data.offenderStatus');
  });

  it('refuses a request an offender made directly to the program: it must come through a CSC staff person', () => {
    const error = given().when(receive({ source: 'offender', victim: undefined })).error();
    expect(error.code).toBe('RO.OFFENDER_SELF_REFERRAL');
    expect(error.kind).toBe('rule');
    expect(error.messageIn('en')).toMatch(/CSC staff person \(for example a parole officer, chaplain or psychologist\)/);
    expect(error.messageIn('fr')).toMatch(/membre du personnel du SCC \(par exemple à la libération conditionnelle, à l’aumônerie ou en psychologie\)/);
  });

  it('refuses a referral received after now', () =>
    given()
      .when(receive({ source: 'victim', victimRegistered: true, receivedAt: '2026-03-02T14:00:01Z' }), { now: NOW })
      .thenThrows('RO.TIME_IN_THE_FUTURE'));

  it('**reports every broken rule at once**: a representative for an unregistered victim, received after now', () =>
    given()
      .when(receive({ source: 'victimRepresentative', victimRegistered: false, representative: { name: 'Alex' }, receivedAt: '2026-03-02T14:00:01Z' }), { now: NOW })
      .thenBreaks('RO.REPRESENTATIVE_FOR_UNREGISTERED_VICTIM', 'RO.TIME_IN_THE_FUTURE'));

  it('rejects unknown fields, naming them', () => {
    const error = given().when(receive({ source: 'victim', victimRegistered: true, story: 'what happened' })).error();
    expect(error.code).toBe('VALIDATION.INVALID_INPUT');
    expect(error.message).toContain('data.story: unknown field');
  });
});

describe('restorative opportunities: BeginIntakeAssessment', () => {
  it('assigns the Restorative Justice Unit officer who assesses the referral', () => {
    const outcome = given(referralReceived()).when(command('BeginIntakeAssessment', { intakeOfficerId: INTAKE_OFFICER })).run();
    expect(outcome.events).toEqual([{ type: 'IntakeAssessmentBegun', data: { intakeOfficerId: INTAKE_OFFICER } }]);
    expect(outcome.stateName).toBe('intakeAssessment');
    expect(outcome.allowedCommands).toEqual(['AssessIntake', 'ReassignCase', 'Withdraw']);
    expect(summarize(outcome.state).assignees).toEqual([INTAKE_OFFICER]);
  });

  it('is not offered twice', () =>
    given(...atIntake())
      .when(command('BeginIntakeAssessment', { intakeOfficerId: 'rju-officer-2' }))
      .thenThrows('COMMAND.NOT_ALLOWED', { allowedCommands: ['AssessIntake', 'ReassignCase', 'Withdraw'] }));
});

describe('restorative opportunities: AssessIntake', () => {
  const assess = (data: Record<string, unknown> = {}) =>
    command('AssessIntake', {
      outcome: 'suitable',
      offenderAcceptedResponsibility: true,
      safetyConcerns: 'none',
      noContactConditions: [],
      ...data,
    });

  it('finds the case suitable: it waits for a mediator', () => {
    const outcome = given(...atIntake()).when(assess({ safetyConcerns: 'managed' })).run();
    expect(outcome.events).toEqual([
      {
        type: 'IntakeAssessed',
        data: { outcome: 'suitable', offenderAcceptedResponsibility: true, safetyConcerns: 'managed', noContactConditions: [] },
      },
    ]);
    expect(outcome.stateName).toBe('awaitingMediator');
    expect(outcome.allowedCommands).toEqual([
      'AssignMediator',
      'ReassignCase',
      'RecordNoContactCondition',
      'DetermineNotSuitable',
      'Withdraw',
    ]);
  });

  it('ends a case that is not suitable', () => {
    const outcome = given(...atIntake())
      .when(assess({ outcome: 'notSuitable', offenderAcceptedResponsibility: false, notSuitableReason: 'offenderDoesNotAcceptResponsibility' }))
      .run();
    expect(outcome.stateName).toBe('notSuitable');
    expect(outcome.state.snapshot.status).toBe('done');
    expect(outcome.allowedCommands).toEqual([]);
  });

  it('needs the reason a case is not suitable, and only then', () => {
    expect(given(...atIntake()).when(assess({ outcome: 'notSuitable' })).error().message).toContain('data.notSuitableReason');
    expect(given(...atIntake()).when(assess({ notSuitableReason: 'other' })).error().code).toBe('VALIDATION.INVALID_INPUT');
  });

  it('finds a case suitable only when the offender has taken responsibility', () =>
    given(...atIntake())
      .when(assess({ offenderAcceptedResponsibility: false }))
      .thenThrows('RO.OFFENDER_RESPONSIBILITY_NOT_ACCEPTED'));

  it('finds a case suitable only when no safety concern is unresolved', () =>
    given(...atIntake()).when(assess({ safetyConcerns: 'unresolved' })).thenThrows('RO.SAFETY_CONCERNS_UNRESOLVED'));

  it('flags the case with a court non-communication order or a Parole Board no-contact condition', () => {
    const outcome = given(...atIntake())
      .when(assess({ noContactConditions: [{ kind: 'courtNonCommunicationOrder' }, { kind: 'paroleBoardNoContactCondition' }] }))
      .run();
    expect(outcome.events[0]?.data).toMatchObject({
      noContactConditions: [
        { kind: 'courtNonCommunicationOrder', status: 'inPlace' },
        { kind: 'paroleBoardNoContactCondition', status: 'inPlace' },
      ],
    });
    expect(outcome.allowedCommands).toContain('RecordConditionAmended');
    expect(summarize(outcome.state).details['noContactCondition']).toBe('inPlace');
  });

  it('accepts a condition drafted with the facilitation wording already: it does not block mediation', () => {
    const outcome = given(...atIntake())
      .when(assess({ noContactConditions: [{ kind: 'paroleBoardNoContactCondition', facilitationWording: FACILITATION_WORDING }] }))
      .run();
    expect(outcome.events[0]?.data).toMatchObject({
      noContactConditions: [{ kind: 'paroleBoardNoContactCondition', status: 'facilitationPermitted' }],
    });
    expect(outcome.allowedCommands).not.toContain('RecordConditionAmended');
  });

  it('refuses a condition whose clause lacks the facilitation wording', () =>
    given(...atIntake())
      .when(assess({ noContactConditions: [{ kind: 'paroleBoardNoContactCondition', facilitationWording: 'unless approved by CSC' }] }))
      .thenThrows('RO.FACILITATION_WORDING_MISSING'));

  it('**reports every broken rule at once**: responsibility, safety and each condition’s wording', () =>
    given(...atIntake())
      .when(
        assess({
          offenderAcceptedResponsibility: false,
          safetyConcerns: 'unresolved',
          noContactConditions: [
            { kind: 'courtNonCommunicationOrder', facilitationWording: 'unless the court allows it' },
            { kind: 'paroleBoardNoContactCondition', facilitationWording: 'unless approved by CSC' },
          ],
        }),
      )
      .thenBreaks(
        'RO.OFFENDER_RESPONSIBILITY_NOT_ACCEPTED',
        'RO.SAFETY_CONCERNS_UNRESOLVED',
        'RO.FACILITATION_WORDING_MISSING',
        'RO.FACILITATION_WORDING_MISSING',
      ));

  it('lists each kind of condition once', () =>
    expect(
      given(...atIntake())
        .when(assess({ noContactConditions: [{ kind: 'courtNonCommunicationOrder' }, { kind: 'courtNonCommunicationOrder' }] }))
        .error().message,
    ).toContain('data.noContactConditions'));

  it('is not offered before the intake assessment begins', () =>
    given(referralReceived())
      .when(assess())
      .thenThrows('COMMAND.NOT_ALLOWED', { allowedCommands: ['BeginIntakeAssessment', 'Withdraw'] }));
});

describe('restorative opportunities: AssignMediator and ReassignCase', () => {
  it('assigns the mediator beside the intake officer', () => {
    const outcome = given(...awaitingMediator()).when(command('AssignMediator', { mediatorId: MEDIATOR })).run();
    expect(outcome.events).toEqual([{ type: 'MediatorAssigned', data: { mediatorId: MEDIATOR } }]);
    expect(outcome.stateName).toBe('mediatorAssigned');
    expect(summarize(outcome.state).assignees).toEqual([INTAKE_OFFICER, MEDIATOR]);
  });

  it('assigns a mediator only after a favourable intake assessment', () =>
    given(...atIntake())
      .when(command('AssignMediator', { mediatorId: MEDIATOR }))
      .thenThrows('COMMAND.NOT_ALLOWED', { allowedCommands: ['AssessIntake', 'ReassignCase', 'Withdraw'] }));

  it('lets a supervisor give the case to another mediator, recording who had it', () => {
    const outcome = given(...withMediator())
      .when(command('ReassignCase', { assignment: 'mediator', assigneeId: 'mediator-2', reason: 'Leave' }), supervisor)
      .run();
    expect(outcome.events).toEqual([
      {
        type: 'CaseReassigned',
        data: { assignment: 'mediator', assigneeId: 'mediator-2', previousAssigneeId: MEDIATOR, reason: 'Leave' },
      },
    ]);
    expect(outcome.stateName).toBe('mediatorAssigned');
    expect(summarize(outcome.state).assignees).toEqual([INTAKE_OFFICER, 'mediator-2']);
  });

  it('gives the intake to another officer', () => {
    const outcome = given(...atIntake())
      .when(command('ReassignCase', { assignment: 'intakeOfficer', assigneeId: 'rju-officer-2' }), supervisor)
      .run();
    expect(outcome.stateName).toBe('intakeAssessment');
    expect(summarize(outcome.state).assignees).toEqual(['rju-officer-2']);
  });

  it('reads the latest reassignment from history', () => {
    const outcome = given(...withMediator(), reassigned('mediator', 'mediator-2', MEDIATOR))
      .when(command('ReassignCase', { assignment: 'mediator', assigneeId: 'mediator-3' }), supervisor)
      .run();
    expect(outcome.events[0]?.data).toMatchObject({ previousAssigneeId: 'mediator-2' });
  });

  it('cannot reassign a mediator before one is assigned', () =>
    given(...awaitingMediator())
      .when(command('ReassignCase', { assignment: 'mediator', assigneeId: 'mediator-2' }), supervisor)
      .thenThrows('RO.NO_MEDIATOR_ASSIGNED'));

  it('refuses to reassign a case to the person who already has it', () =>
    given(...withMediator())
      .when(command('ReassignCase', { assignment: 'mediator', assigneeId: MEDIATOR }), supervisor)
      .thenThrows('RO.ALREADY_ASSIGNED'));

  it('is not offered before the first assignment', () =>
    given(referralReceived())
      .when(command('ReassignCase', { assignment: 'intakeOfficer', assigneeId: 'rju-officer-2' }), supervisor)
      .thenThrows('COMMAND.NOT_ALLOWED', { allowedCommands: ['BeginIntakeAssessment', 'Withdraw'] }));
});
