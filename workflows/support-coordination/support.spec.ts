import { specFor } from '../../test/support/workflow-spec';
import { active, CLIENT_ID, coordinatorAssigned, optedIn, TUESDAY_MORNING } from './support-coordination.fixtures';
import { supportCoordinationWorkflow } from './index';

const { given } = specFor(supportCoordinationWorkflow);
const NOW = '2026-03-10T18:00:00.000Z'; // Tuesday 11:00 in Vancouver
const coordinator = { now: NOW, actor: { id: 'practitioner-1', role: 'practitioner' } } as const;
const supervisor = { now: NOW, actor: { id: 'supervisor-1', role: 'supervisor' } } as const;
const command = (type: string, data: Record<string, unknown> = {}) => ({ type, data });
const grantsOf = (type: string) => supportCoordinationWorkflow.commands.find((c) => c.type === type)?.grants;

describe('support coordination: RecordService', () => {
  it.each(['caseCoordination', 'advocacy', 'accompaniment', 'workplaceArrangements', 'practicalMatters'])('records %s, dated today in the coordinator’s zone', (service) => {
    given(...active())
      .when(command('RecordService', { service }), coordinator)
      .thenEvents([{ type: 'ServiceRecorded', data: { service, providedOn: '2026-03-10', recordedAt: NOW, clientId: CLIENT_ID } }]);
  });

  it('records a service given on an earlier day, with a note sealed as the client’s', () => {
    const { events, state } = given(...active())
      .when(command('RecordService', { service: 'accompaniment', providedOn: '2026-03-06', note: 'Went with the client to the unit.' }), coordinator)
      .run();
    expect(events[0]).toMatchObject({ data: { providedOn: '2026-03-06', note: 'Went with the client to the unit.' } });
    expect(supportCoordinationWorkflow.summarize(state).details).toMatchObject({ servicesRecorded: 1 });
    expect(supportCoordinationWorkflow.events.find((e) => e.type === 'ServiceRecorded')?.personalData).toEqual([{ subject: 'clientId', fields: ['note'] }]);
  });

  it('refuses a day after today and a service it does not know', () => {
    given(...active()).when(command('RecordService', { service: 'advocacy', providedOn: '2026-03-11' }), coordinator).thenThrows('RSC.TIME_IN_FUTURE');
    given(...active()).when(command('RecordService', { service: 'counselling' }), coordinator).thenThrows('VALIDATION.INVALID_INPUT');
  });

  it('comes after first contact, from the assigned coordinator', () => {
    given(...optedIn(), coordinatorAssigned()).when(command('RecordService', { service: 'advocacy' }), coordinator).thenThrows('COMMAND.NOT_ALLOWED');
    expect(grantsOf('RecordService')).toEqual({ practitioner: 'assigned' });
  });
});

describe('support coordination: MakeReferral', () => {
  const referral = (data: Record<string, unknown> = {}) => command('MakeReferral', { to: 'police', clientConsented: true, ...data });

  it.each(['caf', 'dnd', 'provincial', 'territorial', 'community', 'veteransAffairsCanada', 'mplo', 'mlo', 'police'])('refers the client to %s with their permission', (to) => {
    given(...active())
      .when(referral({ to }), coordinator)
      .thenEvents([{ type: 'ReferralMade', data: { referralId: 'id-1', to, anonymous: false, referredAt: NOW, clientId: CLIENT_ID } }]);
  });

  it('refers anonymously if the client wishes', () => {
    const { events, state } = given(...active()).when(referral({ to: 'mplo', anonymous: true }), coordinator).run();
    expect(events[0]).toMatchObject({ data: { to: 'mplo', anonymous: true } });
    expect(supportCoordinationWorkflow.summarize(state).details).toMatchObject({ referralsMade: 1 });
  });

  it('refuses a referral without the client’s permission', () => {
    const error = given(...active()).when(referral({ clientConsented: false }), coordinator).error();
    expect(error.code).toBe('RSC.REFERRAL_WITHOUT_CONSENT');
    expect(error.messageIn('fr')).toContain('permission');
  });

  it('seals the organization and the note as the client’s personal data', () => {
    expect(supportCoordinationWorkflow.events.find((e) => e.type === 'ReferralMade')?.personalData).toEqual([{ subject: 'clientId', fields: ['organization', 'note'] }]);
  });

  it('comes after first contact', () => {
    given(...optedIn(), coordinatorAssigned()).when(referral(), coordinator).thenThrows('COMMAND.NOT_ALLOWED');
  });
});

describe('support coordination: NoteFormalComplaint', () => {
  it('notes an intended, then a registered formal complaint, at any stage before the end', () => {
    const intended = given(...optedIn()).when(command('NoteFormalComplaint', { status: 'intended' }), supervisor).run();
    expect(intended.events).toEqual([{ type: 'FormalComplaintNoted', data: { status: 'intended', notedAt: NOW } }]);
    expect(intended.stateName).toBe('awaitingAssignment');
    const registered = given(...active(), ...intended.events).when(command('NoteFormalComplaint', { status: 'registered' }), coordinator).run();
    expect(supportCoordinationWorkflow.summarize(registered.state).details).toMatchObject({ formalComplaint: 'registered' });
  });

  it('refuses to note again what is noted, and says a registered complaint is already noted', () => {
    const intended = { type: 'FormalComplaintNoted', data: { status: 'intended', notedAt: NOW } };
    given(...active(), intended).when(command('NoteFormalComplaint', { status: 'intended' }), coordinator).thenThrows('RSC.FORMAL_COMPLAINT_ALREADY_NOTED');
    const registered = { type: 'FormalComplaintNoted', data: { status: 'registered', notedAt: NOW } };
    const again = given(...active(), registered).when(command('NoteFormalComplaint', { status: 'registered' }), coordinator);
    again.thenThrows('RSC.FORMAL_COMPLAINT_ALREADY_NOTED');
    // The status as the console names it, in either language: never the API's `registered`.
    expect(again.error().messageIn('en')).toBe('The client\'s formal complaint is already noted as “Registered”.');
    expect(again.error().messageIn('fr')).toBe('La plainte officielle de la personne est déjà notée comme «\u00a0Déposée\u00a0».');
  });

  it('cannot un-note a complaint', () => {
    given(...active()).when(command('NoteFormalComplaint', { status: 'none' }), coordinator).thenThrows('VALIDATION.INVALID_INPUT');
  });
});

describe('support coordination: CloseSupport', () => {
  it('closes the file with its outcome', () => {
    const { events, stateName, state } = given(...active()).when(command('CloseSupport', { outcome: 'needsMet', note: 'Arrangements in place.' }), coordinator).run();
    expect(events).toEqual([{ type: 'SupportClosed', data: { closedAt: NOW, outcome: 'needsMet', clientId: CLIENT_ID, note: 'Arrangements in place.' } }]);
    expect(stateName).toBe('closed');
    expect(supportCoordinationWorkflow.summarize(state).details).toMatchObject({ outcome: 'needsMet' });
  });

  it('closes a client who could not be reached before first contact, cancelling the first-contact clock after recording that it ran out', () => {
    given(...optedIn(), coordinatorAssigned())
      .when(command('CloseSupport', { outcome: 'unreachable' }), coordinator)
      .thenEvents([
        { type: 'ClockBreached', data: { clock: 'firstContact', at: '2026-03-04T22:00:00.000Z' } },
        { type: 'ClockCancelled', data: { clock: 'firstContact', at: NOW, reason: 'The client’s file was closed.', reasonFr: 'Le dossier de la personne a été fermé.' } },
        { type: 'SupportClosed', data: { closedAt: NOW, outcome: 'unreachable', clientId: CLIENT_ID } },
      ]);
  });

  it('refuses any other outcome before first contact, naming both outcomes as the form does', () => {
    const refused = given(...optedIn(), coordinatorAssigned()).when(command('CloseSupport', { outcome: 'needsMet' }), coordinator);
    refused.thenThrows('RSC.CLOSED_BEFORE_FIRST_CONTACT');
    expect(refused.error().messageIn('en')).toBe('The coordinator has not reached the client yet: the case can be closed only as “Could not be reached”, not as “Needs met”.');
    expect(refused.error().messageIn('fr')).toBe(
      'La coordonnatrice ou le coordonnateur n’a pas encore joint la personne\u00a0: le dossier ne peut être fermé que comme «\u00a0Injoignable\u00a0», et non «\u00a0Besoins comblés\u00a0».',
    );
  });

  it('needs a coordinator first', () => {
    given(...optedIn()).when(command('CloseSupport', { outcome: 'unreachable' }), supervisor).thenThrows('COMMAND.NOT_ALLOWED');
  });
});

describe('support coordination: withdraw at any time', () => {
  const withdrawn = (at: string) => ({ type: 'ClientWithdrew', data: { withdrawnAt: at } });

  it('withdraws before a coordinator is assigned, cancelling the first-contact clock after recording that it ran out', () => {
    given(...optedIn())
      .when(command('RecordWithdrawal'), supervisor)
      .thenEvents([{ type: 'ClockBreached', data: { clock: 'firstContact', at: '2026-03-04T22:00:00.000Z' } }, { type: 'ClockCancelled', data: { clock: 'firstContact', at: NOW, reason: 'The client withdrew from the program.', reasonFr: 'La personne s’est retirée du programme.' } }, withdrawn(NOW)]);
  });

  it('withdraws while awaiting first contact, the clock breached or not', () => {
    const breached = { type: 'ClockBreached', data: { clock: 'firstContact', at: '2026-03-04T22:00:00.000Z' } };
    const { events, stateName } = given(...optedIn(), coordinatorAssigned(), breached).when(command('RecordWithdrawal'), coordinator).run();
    expect(events.map((e) => e.type)).toEqual(['ClockCancelled', 'ClientWithdrew']);
    expect(stateName).toBe('withdrawn');
  });

  it('withdraws while receiving support, with nothing to cancel, and asks no reason', () => {
    given(...active()).when(command('RecordWithdrawal'), coordinator).thenEvents([withdrawn(NOW)]);
    given(...active()).when(command('RecordWithdrawal', { reason: 'moving' }), coordinator).thenThrows('VALIDATION.INVALID_INPUT');
  });

  it('is offered in every open state, to the coordinator or a supervisor', () => {
    for (const history of [optedIn(), [...optedIn(), coordinatorAssigned()], active()]) {
      expect(given(...history).when(command('NoteFormalComplaint', { status: 'intended' }), supervisor).run().allowedCommands).toContain('RecordWithdrawal');
    }
    expect(grantsOf('RecordWithdrawal')).toEqual({ practitioner: 'assigned', supervisor: 'any' });
  });

  it('ends the case: nothing is offered after a withdrawal or a closure', () => {
    for (const end of [withdrawn(TUESDAY_MORNING), { type: 'SupportClosed', data: { closedAt: NOW, outcome: 'needsMet', clientId: CLIENT_ID } }]) {
      given(...active(), end).when(command('RecordWithdrawal'), coordinator).thenThrows('COMMAND.NOT_ALLOWED');
    }
  });
});
