import type { NewEvent } from '../../domain/envelope';
import { findEventSchema } from '../../domain/fold';
import { itExplainsItsErrors } from '../../test/support/error-texts';
import { foldHistory, specFor } from '../../test/support/workflow-spec';
import { informationSessionWorkflow } from './index';

const { given } = specFor(informationSessionWorkflow);
const NOW = '2026-03-02T14:00:00.000Z';
const STARTS = '2026-03-24T16:00:00.000Z';
const supervisor = { actor: { id: 'supervisor-1', role: 'supervisor' } } as const;
const presenter = { actor: { id: 'practitioner-1', role: 'practitioner' } } as const;
const command = (type: string, data: Record<string, unknown> = {}) => ({ type, data });
const grantsOf = (type: string) => informationSessionWorkflow.commands.find((c) => c.type === type)?.grants;

const requester = { subjectId: 'subject-requester', unit: '12 Wing Shearwater', name: 'Capt. Morgan Lee', contact: 'morgan.lee@example.org' };
const requested = (audience = 'classMembers'): NewEvent => ({
  type: 'InformationSessionRequested',
  data: { audience, requestedAt: NOW, region: 'NS', ...(audience === 'unitPresentation' ? { requester } : {}), topics: [] },
});
const scheduled = (data: Record<string, unknown> = {}): NewEvent => ({
  type: 'InformationSessionScheduled',
  data: { startsAt: STARTS, endsAt: '2026-03-24T17:30:00.000Z', format: 'virtual', language: 'bilingual', presenterId: 'practitioner-1', capacity: 2, scheduledAt: NOW, ...data },
});
const registered = (registrationId: string): NewEvent => ({
  type: 'AttendeeRegistered',
  data: { registrationId, attendee: { subjectId: `subject-${registrationId}`, name: 'Sam', role: 'classMember' }, registeredAt: NOW },
});
const schedule = (data: Record<string, unknown> = {}) =>
  command('ScheduleInformationSession', { startsAt: STARTS, durationMinutes: 90, format: 'virtual', language: 'bilingual', presenterId: 'practitioner-1', capacity: 2, ...data });

describe('information session: RequestInformationSession', () => {
  it('records a unit’s request for a group presentation, with who asks', () => {
    const outcome = given().when(
      command('RequestInformationSession', {
        audience: 'unitPresentation',
        region: 'NS',
        requester,
        preferredFormat: 'inPerson',
        preferredLanguage: 'bilingual',
        expectedAttendees: 40,
        topics: ['smsrcServices', 'smsrcServices', 'peerSupport'],
      }),
      supervisor,
    );
    outcome.thenEvents([
      {
        type: 'InformationSessionRequested',
        data: { audience: 'unitPresentation', requestedAt: NOW, region: 'NS', requester, preferredFormat: 'inPerson', preferredLanguage: 'bilingual', expectedAttendees: 40, topics: ['smsrcServices', 'peerSupport'] },
      },
    ]);
    expect(outcome.run().stateName).toBe('requested');
  });

  it('plans a session for class members or future Defence representatives without a requester', () => {
    for (const audience of ['classMembers', 'futureDefenceRepresentatives']) {
      expect(given().when(command('RequestInformationSession', { audience }), supervisor).run().events[0]).toEqual({
        type: 'InformationSessionRequested',
        data: { audience, requestedAt: NOW, region: 'ON', topics: [] },
      });
    }
  });

  it('requires who asks for a unit’s presentation, naming the field', () => {
    const error = given().when(command('RequestInformationSession', { audience: 'unitPresentation' }), supervisor).error();
    expect((error.details as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['data.requester']);
  });

  it('seals who asks as personal data', () => {
    expect(informationSessionWorkflow.events.find((e) => e.type === 'InformationSessionRequested')?.personalData).toEqual([
      { subject: 'requester.subjectId', fields: ['requester.unit', 'requester.name', 'requester.contact'] },
    ]);
  });

  it('refuses a request time later than now', () => {
    given().when(command('RequestInformationSession', { audience: 'classMembers', requestedAt: '2026-03-02T14:00:01Z' }), supervisor).thenThrows('INF.TIME_IN_FUTURE');
  });
});

describe('information session: ScheduleInformationSession', () => {
  it('schedules the session in person or virtually, in English, French or both, with its presenter', () => {
    const outcome = given(requested()).when(schedule(), supervisor);
    outcome.thenEvents([scheduled()]);
    const { state, stateName } = outcome.run();
    expect(stateName).toBe('scheduled');
    expect(informationSessionWorkflow.summarize(state)).toMatchObject({
      region: 'NS',
      assignees: ['practitioner-1'],
      details: { audience: 'classMembers', startsAt: STARTS, format: 'virtual', language: 'bilingual', capacity: 2, registered: 0 },
    });
  });

  it('is served in its language: a bilingual session in both, so that only people who work in both may present it', () => {
    const served = (...events: NewEvent[]) => informationSessionWorkflow.summarize(foldHistory(informationSessionWorkflow, events)).serviceLanguage;
    expect(informationSessionWorkflow.summarize(given(requested()).when(schedule(), supervisor).run().state).serviceLanguage).toBe('bilingual');
    expect(served(requested(), scheduled())).toBe('bilingual');
    expect(served(requested(), scheduled({ language: 'fr' }))).toBe('fr');
    expect(served(requested(), scheduled({ language: 'en' }))).toBe('en');
    expect(informationSessionWorkflow.summarize(given(requested(), scheduled()).when(schedule({ language: 'en' }), presenter).run().state).serviceLanguage).toBe('en');
    // Not yet scheduled: no language is recorded, whatever the request preferred.
    const preferring: NewEvent = { type: 'InformationSessionRequested', data: { audience: 'classMembers', requestedAt: NOW, region: 'NS', preferredLanguage: 'bilingual', topics: [] } };
    expect(served(preferring)).toBeUndefined();
  });

  it('moves a scheduled session, recording when it was to start', () => {
    const { events } = given(requested(), scheduled()).when(schedule({ startsAt: '2026-03-31T16:00:00Z', language: 'fr' }), presenter).run();
    expect(events[0]).toMatchObject({ data: { startsAt: '2026-03-31T16:00:00.000Z', language: 'fr', previousStartsAt: STARTS } });
  });

  it('gives the session to another presenter only as a supervisor', () => {
    given(requested(), scheduled()).when(schedule({ presenterId: 'practitioner-2' }), presenter).thenThrows('INF.PRESENTER_CHANGE_REQUIRES_SUPERVISOR');
    expect(given(requested(), scheduled()).when(schedule({ presenterId: 'practitioner-2' }), supervisor).run().state.snapshot.context).toMatchObject({ presenterId: 'practitioner-2' });
  });

  it('keeps the registrations made: a capacity below them is refused', () => {
    given(requested(), scheduled(), registered('r-1'), registered('r-2')).when(schedule({ capacity: 1 }), supervisor).thenThrows('INF.CAPACITY_BELOW_REGISTRATIONS');
  });

  it('reports a presenter change without a supervisor and a capacity below the registrations at once', () => {
    given(requested(), scheduled(), registered('r-1'), registered('r-2'))
      .when(schedule({ presenterId: 'practitioner-2', capacity: 1 }), presenter)
      .thenBreaks('INF.PRESENTER_CHANGE_REQUIRES_SUPERVISOR', 'INF.CAPACITY_BELOW_REGISTRATIONS');
  });

  it('refuses a start before the session was requested, beside its start, in either language', () => {
    const error = given(requested()).when(schedule({ startsAt: '1950-10-28T13:00:00-04:00' }), supervisor).error();
    expect(error.code).toBe('INF.STARTS_BEFORE_REQUEST');
    expect(error.kind).toBe('rule');
    expect(error.messageIn('en')).toBe(`The session cannot start at 1950-10-28T13:00:00-04:00, before it was requested (${NOW}). Check its start.`);
    expect(error.messageIn('fr')).toBe(`La séance ne peut pas commencer le 1950-10-28T13:00:00-04:00, avant d’avoir été demandée (${NOW}). Vérifiez son heure de début.`);
    expect(error.detailsIn('en')).toEqual({ issues: [{ path: 'data.startsAt', message: `1950-10-28T13:00:00-04:00 is before the session was requested (${NOW}).` }] });
    expect(error.detailsIn('fr')).toEqual({ issues: [{ path: 'data.startsAt', message: `1950-10-28T13:00:00-04:00 précède la demande de la séance (${NOW}).` }] });
  });

  it('refuses a start more than two years ahead, a mistyped year, beside its start, in either language; just under two years is planned', () => {
    // The spec's now is 2026-03-02T14:00Z: the horizon is the same instant in 2028.
    const error = given(requested()).when(schedule({ startsAt: '2028-03-03T11:00:00-03:00' }), supervisor).error();
    expect({ code: error.code, kind: error.kind }).toEqual({ code: 'INF.TOO_FAR_AHEAD', kind: 'rule' });
    expect(error.messageIn('en')).toBe('“Starts at”: 2028-03-03T11:00:00-03:00 is more than two years ahead; check the year.');
    expect(error.messageIn('fr')).toBe('«\u00a0Début\u00a0»\u00a0: 2028-03-03T11:00:00-03:00 est à plus de deux ans d’ici\u00a0; vérifiez l’année.');
    expect(error.detailsIn('en')).toEqual({ issues: [{ path: 'data.startsAt', message: '2028-03-03T11:00:00-03:00 is more than two years ahead; check the year.' }] });
    expect(error.detailsIn('fr')).toEqual({ issues: [{ path: 'data.startsAt', message: '2028-03-03T11:00:00-03:00 est à plus de deux ans d’ici\u00a0; vérifiez l’année.' }] });
    given(requested(), scheduled()).when(schedule({ startsAt: '2062-03-24T13:00:00-03:00' }), presenter).thenThrows('INF.TOO_FAR_AHEAD', { issues: [{ path: 'data.startsAt' }] });
    given(requested()).when(schedule({ startsAt: '2028-03-02T14:00:00.001Z' }), supervisor).thenThrows('INF.TOO_FAR_AHEAD');
    given(requested()).when(schedule({ startsAt: '2028-03-02T14:00:00Z' }), supervisor).thenState('scheduled');
    given(requested()).when(schedule({ startsAt: '2028-03-02T10:59:00-03:00' }), supervisor).thenState('scheduled');
  });

  it('reports a start years ahead with the other broken rules at once', () => {
    given(requested(), scheduled(), registered('r-1'), registered('r-2'))
      .when(schedule({ startsAt: '2062-03-24T13:00:00-03:00', capacity: 1 }), supervisor)
      .thenBreaks('INF.TOO_FAR_AHEAD', 'INF.CAPACITY_BELOW_REGISTRATIONS');
  });

  it('records a session given already, after the fact: a start now past is allowed from the moment it was requested', () => {
    const earlier: NewEvent = { type: 'InformationSessionRequested', data: { audience: 'classMembers', requestedAt: '2026-02-10T14:00:00.000Z', region: 'NS', topics: [] } };
    given(earlier).when(schedule({ startsAt: '2026-02-24T14:00:00Z' }), supervisor).thenState('scheduled');
    given(earlier).when(schedule({ startsAt: '2026-02-10T14:00:00Z' }), supervisor).thenState('scheduled');
    given(earlier).when(schedule({ startsAt: '2026-02-10T13:59:59Z' }), supervisor).thenThrows('INF.STARTS_BEFORE_REQUEST');
  });

  it('moves a session to no time before it was requested', () => {
    given(requested(), scheduled()).when(schedule({ startsAt: '2026-03-01T16:00:00Z' }), presenter).thenThrows('INF.STARTS_BEFORE_REQUEST');
  });

  it('accepts only the formats and languages offered', () => {
    const error = given(requested()).when(schedule({ format: 'hybrid', language: 'es' }), supervisor).error();
    expect((error.details as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['data.format', 'data.language']);
  });
});

describe('information session: RegisterAttendee and CancelRegistration', () => {
  it('registers a class member for a scheduled session', () => {
    given(requested(), scheduled())
      .when(command('RegisterAttendee', { attendee: { name: 'Sam', contact: 'sam@example.org', role: 'classMember' } }), presenter)
      .thenEvents([{ type: 'AttendeeRegistered', data: { registrationId: 'id-1', attendee: { subjectId: 'id-2', name: 'Sam', contact: 'sam@example.org', role: 'classMember' }, registeredAt: NOW } }]);
  });

  it('refuses a registration once the seats are taken, and again after one is cancelled and retaken', () => {
    given(requested(), scheduled(), registered('r-1'), registered('r-2')).when(command('RegisterAttendee', { attendee: { name: 'Kim', role: 'other' } }), presenter).thenThrows('INF.SESSION_FULL');
    const freed = { type: 'RegistrationCancelled', data: { registrationId: 'r-1', cancelledAt: NOW } };
    expect(given(requested(), scheduled(), registered('r-1'), registered('r-2'), freed).when(command('RegisterAttendee', { attendee: { name: 'Kim', role: 'other' } }), presenter).run().state.snapshot.context).toMatchObject({ registrations: ['r-2', 'id-1'] });
  });

  it('refuses a registration id already used, even cancelled', () => {
    const freed = { type: 'RegistrationCancelled', data: { registrationId: 'r-1', cancelledAt: NOW } };
    given(requested(), scheduled(), registered('r-1'), freed).when(command('RegisterAttendee', { registrationId: 'r-1', attendee: { name: 'Kim', role: 'other' } }), presenter).thenThrows('INF.REGISTRATION_ID_TAKEN');
  });

  it('reports a full session and a registration id already used at once', () => {
    given(requested(), scheduled(), registered('r-1'), registered('r-2'))
      .when(command('RegisterAttendee', { registrationId: 'r-1', attendee: { name: 'Kim', role: 'other' } }), presenter)
      .thenBreaks('INF.SESSION_FULL', 'INF.REGISTRATION_ID_TAKEN');
  });

  it('registers a person once: a second registration of someone whose registration stands is refused, beside their subject id', () => {
    const again = (registrationId: string) => command('RegisterAttendee', { registrationId, attendee: { subjectId: 'subject-r-1', name: 'Sam', role: 'classMember' } });
    const error = given(requested(), scheduled(), registered('r-1')).when(again('r-2'), presenter).error();
    expect(error.code).toBe('INF.ALREADY_REGISTERED');
    expect(error.messageIn('en')).toBe('The person with id subject-r-1 is already registered for this session (registration r-1); a person takes one seat.');
    expect(error.messageIn('fr')).toBe('La personne dont l’identifiant est subject-r-1 est déjà inscrite à cette séance (inscription r-1)\u00a0; une personne n’occupe qu’une place.');
    expect(error.details).toEqual({ issues: [{ path: 'data.attendee.subjectId', message: error.messageIn('en') }] });
    // With the seats taken, both rules at once; the same id again is a retry, refused as taken only.
    given(requested(), scheduled(), registered('r-1'), registered('r-3')).when(again('r-2'), presenter).thenBreaks('INF.SESSION_FULL', 'INF.ALREADY_REGISTERED');
    given(requested(), scheduled(), registered('r-1')).when(again('r-1'), presenter).thenBreaks('INF.REGISTRATION_ID_TAKEN');
  });

  it('registers again someone whose registration was cancelled', () => {
    const freed = { type: 'RegistrationCancelled', data: { registrationId: 'r-1', cancelledAt: NOW } };
    given(requested(), scheduled(), registered('r-1'), freed)
      .when(command('RegisterAttendee', { registrationId: 'r-2', attendee: { subjectId: 'subject-r-1', name: 'Sam', role: 'classMember' } }), presenter)
      .thenEvents([{ type: 'AttendeeRegistered', data: { registrationId: 'r-2', attendee: { subjectId: 'subject-r-1', name: 'Sam', role: 'classMember' }, registeredAt: NOW } }]);
  });

  it('takes no registration for a unit’s presentation, saying why', () => {
    given(requested('unitPresentation'), scheduled()).when(command('RegisterAttendee', { attendee: { name: 'Kim', role: 'other' } }), presenter).thenThrows('INF.NO_REGISTRATION_FOR_UNIT_PRESENTATION');
  });

  it('registers only once the session is scheduled', () => {
    given(requested()).when(command('RegisterAttendee', { attendee: { name: 'Kim', role: 'other' } }), presenter).thenThrows('COMMAND.NOT_ALLOWED');
  });

  it('cancels a standing registration, and refuses one it does not have', () => {
    given(requested(), scheduled(), registered('r-1')).when(command('CancelRegistration', { registrationId: 'r-1' }), presenter).thenEvents([{ type: 'RegistrationCancelled', data: { registrationId: 'r-1', cancelledAt: NOW } }]);
    given(requested(), scheduled(), registered('r-1')).when(command('CancelRegistration', { registrationId: 'r-9' }), presenter).thenThrows('INF.UNKNOWN_REGISTRATION');
    const error = given(requested(), scheduled(), registered('r-1')).when(command('CancelRegistration', { registrationId: 'r-9' }), presenter).error();
    expect(error.messageIn('en')).toBe('No standing registration of this session has the id r-9.');
    expect(error.messageIn('fr')).toBe('Aucune inscription en vigueur ne porte l’identifiant r-9 pour cette séance.');
    given(requested(), scheduled()).when(command('CancelRegistration', { registrationId: 'r-1' }), presenter).thenThrows('COMMAND.NOT_ALLOWED');
  });

  // A registration id is an identifier, not text: what a client types there is kept unsealed, in clear to auditors.
  it.each(['seat 1', 'Jane Attendee jane.attendee@example.org 613-555-0101', 'jane@example.org', ' seat-1', '-seat-1', '   ', '', 'r'.repeat(101)])(
    'refuses a registration id that is not an identifier, beside the field, in both languages: %j',
    (registrationId) => {
      const error = given(requested(), scheduled())
        .when(command('RegisterAttendee', { registrationId, attendee: { name: 'Sam', role: 'classMember' } }), presenter)
        .error();
      expect(error.code).toBe('VALIDATION.INVALID_INPUT');
      expect(error.details).toEqual({
        issues: [{ path: 'data.registrationId', message: 'must be an id: 1 to 100 letters, digits, . _ : - (beginning with a letter or a digit; never a name)' }],
      });
      expect(error.detailsIn('fr')).toEqual({
        issues: [
          {
            path: 'data.registrationId',
            message: 'doit être un identifiant\u00a0: de 1 à 100 lettres, chiffres, . _ : - (commençant par une lettre ou un chiffre\u00a0; jamais un nom)',
          },
        ],
      });
    },
  );

  it('refuses an attendee’s subject id that is an e-mail address, beside the field', () => {
    given(requested(), scheduled())
      .when(command('RegisterAttendee', { attendee: { subjectId: 'jane.attendee@example.org', name: 'Jane', role: 'classMember' } }), presenter)
      .thenThrows('VALIDATION.INVALID_INPUT', { issues: [{ path: 'data.attendee.subjectId' }] });
  });

  it.each(['seat-1', 'r-1', 'demo-rep-072-1', 'registration-3-2', 'claims:0042.A_1', '0195f3a0-5b1c-7a10-9d2e-3c4b5a6978c2'])('takes an ordinary registration id: %s', (registrationId) => {
    given(requested(), scheduled())
      .when(command('RegisterAttendee', { registrationId, attendee: { subjectId: 'subject-1', name: 'Sam', role: 'classMember' } }), presenter)
      .thenEvents([{ type: 'AttendeeRegistered', data: { registrationId, attendee: { subjectId: 'subject-1', name: 'Sam', role: 'classMember' }, registeredAt: NOW } }]);
  });

  it('still reads, counts and cancels a registration recorded with ids chosen before they had to be identifiers', () => {
    const legacy: NewEvent = {
      type: 'AttendeeRegistered',
      data: { registrationId: 'seat 1', attendee: { subjectId: 'jane.attendee@example.org', name: 'Jane', role: 'classMember' }, registeredAt: NOW },
    };
    expect(findEventSchema(informationSessionWorkflow, 'AttendeeRegistered')!.schema.safeParse(legacy.data).success).toBe(true);
    expect(given(requested(), scheduled(), legacy, registered('r-2')).when(command('RegisterAttendee', { attendee: { name: 'Kim', role: 'other' } }), presenter).error().code).toBe('INF.SESSION_FULL');
    given(requested(), scheduled(), legacy)
      .when(command('CancelRegistration', { registrationId: 'seat 1' }), presenter)
      .thenEvents([{ type: 'RegistrationCancelled', data: { registrationId: 'seat 1', cancelledAt: NOW } }]);
  });

  it('seals the attendee’s name and contact as their personal data', () => {
    expect(informationSessionWorkflow.events.find((e) => e.type === 'AttendeeRegistered')?.personalData).toEqual([{ subject: 'attendee.subjectId', fields: ['attendee.name', 'attendee.contact'] }]);
  });
});

describe('information session: RecordSessionHeld', () => {
  const after = { ...presenter, now: '2026-03-24T19:00:00Z' };

  it('records the session held at its scheduled start, with the attendance and the registrations standing', () => {
    const { events, stateName, state } = given(requested(), scheduled(), registered('r-1')).when(command('RecordSessionHeld', { attendance: 3 }), after).run();
    expect(events).toEqual([{ type: 'InformationSessionHeld', data: { heldAt: STARTS, attendance: 3, registered: 1 } }]);
    expect(stateName).toBe('held');
    expect(informationSessionWorkflow.summarize(state).details).toMatchObject({ attendance: 3, registered: 1 });
  });

  it('refuses a session held before its scheduled start, or in the future', () => {
    given(requested(), scheduled()).when(command('RecordSessionHeld', { attendance: 3, heldAt: '2026-03-24T15:59:00Z' }), after).thenThrows('INF.HELD_BEFORE_START');
    // No time given, before the start: it is the session that has not started, not a time anyone typed that is in the future.
    const early = given(requested(), scheduled()).when(command('RecordSessionHeld', { attendance: 3 }), presenter).error();
    expect(early.code).toBe('INF.NOT_STARTED_YET');
    expect(early.messageIn('fr')).toBe(`La séance n’a pas encore commencé\u00a0: elle doit commencer le ${STARTS}. Consignez-la une fois donnée, ou déplacez-la si elle a été donnée plus tôt.`);
    given(requested(), scheduled()).when(command('RecordSessionHeld', { attendance: 3, heldAt: STARTS }), presenter).thenThrows('INF.TIME_IN_FUTURE');
    given(requested(), scheduled())
      .when(command('RecordSessionHeld', { attendance: 3, heldAt: '2026-03-24T15:59:00Z' }), presenter)
      .thenBreaks('INF.TIME_IN_FUTURE', 'INF.HELD_BEFORE_START');
  });

  it('needs a scheduled session', () => {
    given(requested()).when(command('RecordSessionHeld', { attendance: 3 }), after).thenThrows('COMMAND.NOT_ALLOWED');
  });
});

describe('information session: CancelInformationSession', () => {
  it('cancels a scheduled session, counting the registrations to tell', () => {
    given(requested(), scheduled(), registered('r-1'))
      .when(command('CancelInformationSession', { reason: 'tooFewRegistrations' }), presenter)
      .thenEvents([{ type: 'InformationSessionCancelled', data: { cancelledAt: NOW, reason: 'tooFewRegistrations', registrationsAffected: 1 } }]);
  });

  it('declines a unit’s request', () => {
    given(requested('unitPresentation')).when(command('CancelInformationSession', { reason: 'declined' }), supervisor).thenState('cancelled');
  });

  it('ends the session: nothing is offered after it is held or cancelled', () => {
    const cancelled = { type: 'InformationSessionCancelled', data: { cancelledAt: NOW, reason: 'other', registrationsAffected: 0 } };
    given(requested(), cancelled).when(schedule(), supervisor).thenThrows('COMMAND.NOT_ALLOWED');
    const held = { type: 'InformationSessionHeld', data: { heldAt: STARTS, attendance: 1, registered: 0 } };
    given(requested(), scheduled(), held).when(command('CancelInformationSession', { reason: 'other' }), supervisor).thenThrows('COMMAND.NOT_ALLOWED');
  });
});

describe('information session: definition', () => {
  it('lets supervisors open and schedule sessions, and the presenter run them', () => {
    expect(grantsOf('RequestInformationSession')).toEqual({ practitioner: 'any', supervisor: 'any' });
    for (const type of ['ScheduleInformationSession', 'RegisterAttendee', 'CancelRegistration', 'RecordSessionHeld', 'CancelInformationSession']) {
      expect([type, grantsOf(type)]).toEqual([type, { practitioner: 'assigned', supervisor: 'any' }]);
    }
  });

  itExplainsItsErrors(
    'INF.',
    [
      'INF.ALREADY_REGISTERED',
      'INF.CAPACITY_BELOW_REGISTRATIONS',
      'INF.HELD_BEFORE_START',
      'INF.NO_REGISTRATION_FOR_UNIT_PRESENTATION',
      'INF.NOT_STARTED_YET',
      'INF.PRESENTER_CHANGE_REQUIRES_SUPERVISOR',
      'INF.REGISTRATION_ID_TAKEN',
      'INF.SESSION_FULL',
      'INF.STARTS_BEFORE_REQUEST',
      'INF.TIME_IN_FUTURE',
      'INF.TOO_FAR_AHEAD',
      'INF.UNKNOWN_REGISTRATION',
    ],
    { capacity: 2, registered: 3, registrationId: 'r-1', heldAt: '2026-03-24T15:00:00Z', startsAt: STARTS, requestedAt: NOW, field: 'heldAt', value: '2026-03-25T10:00:00Z', presenterId: 'p-1', subjectId: 'subject-1' },
  );
});
