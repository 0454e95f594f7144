import { zoneClock } from '../../domain/calendar/time-zone';
import { REGION_TIME_ZONES } from '../../domain/region-time-zones';
import { DEFAULT_SETTINGS, type MendSettings } from '../../domain/settings';
import { specFor } from '../../test/support/workflow-spec';
import { CLIENT_ID, coordinatorAssigned, firstContactClock, OPTED_IN_AT, optedIn, active } from './support-coordination.fixtures';
import { ZONE_REGIONS } from './coordinator-zones';
import { supportCoordinationWorkflow } from './index';

const { given } = specFor(supportCoordinationWorkflow);
const supervisor = { actor: { id: 'supervisor-1', role: 'supervisor' } } as const;

const optIn = (data: Record<string, unknown> = {}) => ({
  type: 'RecordOptIn',
  data: {
    optedInAt: OPTED_IN_AT,
    channel: 'supportLine',
    client: { subjectId: CLIENT_ID, name: 'Jordan', contact: 'jordan@example.org', affiliation: 'cafMember' },
    language: 'en',
    ...data,
  },
});
const assign = (data: Record<string, unknown> = {}) => ({ type: 'AssignCoordinator', data: { coordinatorId: 'practitioner-1', timeZone: 'America/Vancouver', ...data } });
const reassign = (data: Record<string, unknown> = {}) => ({
  type: 'ReassignCoordinator',
  data: { coordinatorId: 'practitioner-2', timeZone: 'America/Halifax', region: 'NB', reason: 'clientRequest', ...data },
});

describe('support coordination: RecordOptIn', () => {
  it('records the opt-in in the official language the client chose and starts a 2-business-day first-contact clock from it', () => {
    const outcome = given().when(optIn(), supervisor);
    outcome.thenEvents(optedIn());
    expect(outcome.run().stateName).toBe('awaitingAssignment');
    // Monday 09:00 in Ottawa: two business days after Monday, to 17:00.
    expect(outcome.run().state.clocks['firstContact']?.dueAt).toBe('2026-03-04T22:00:00.000Z');
  });

  it('takes the number of first-contact business days from the workflow settings', () => {
    const settings: MendSettings = { ...DEFAULT_SETTINGS, workflows: { 'support-coordination': { firstContactBusinessDays: 5, firstContactHours: { start: '07:00', end: '17:00' } } } };
    const { events } = given().when(optIn(), { ...supervisor, settings }).run();
    expect(events[1]).toEqual(firstContactClock(OPTED_IN_AT, 5));
    expect(events[1]).toMatchObject({ data: { days: 5, dueAt: '2026-03-09T21:00:00.000Z' } }); // the next Monday, 17:00 EDT
  });

  it('opts a client in anonymously, with no name and only a way to reach them, wherever they are', () => {
    const { events } = given()
      .when(optIn({ client: { anonymous: true, contact: '+44 20 7946 0000', location: 'outsideCanada' }, language: 'fr' }), supervisor)
      .run();
    expect(events[0]).toMatchObject({
      data: { client: { subjectId: 'id-1', anonymous: true, contact: '+44 20 7946 0000', affiliation: 'notStated', location: 'outsideCanada' }, language: 'fr' },
    });
    expect((events[0]!.data as { client: object }).client).not.toHaveProperty('name');
  });

  it('refuses a name for an anonymous client, and requires one otherwise, naming the field', () => {
    const said = [
      ['must be left out when the client is anonymous', 'doit être omis lorsque la personne est anonyme'],
      ['is required unless the client is anonymous', 'est obligatoire sauf si la personne est anonyme'],
    ];
    for (const [i, client] of [{ anonymous: true, name: 'Jordan' }, { anonymous: false, contact: 'x@example.org' }].entries()) {
      const error = given().when(optIn({ client }), supervisor).error();
      expect(error.code).toBe('VALIDATION.INVALID_INPUT');
      const issues = (language: 'en' | 'fr') => (error.detailsIn(language) as { issues: { path: string; message: string }[] }).issues;
      expect([...issues('en'), ...issues('fr')]).toEqual([
        { path: 'data.client.name', message: said[i]![0] },
        { path: 'data.client.name', message: said[i]![1] },
      ]);
    }
  });

  it('notes a formal complaint the client has registered or intends to register, and does not require one', () => {
    expect(given().when(optIn({ formalComplaint: 'intended' }), supervisor).run().events[0]).toMatchObject({ data: { formalComplaint: 'intended' } });
    expect(given().when(optIn(), supervisor).run().events[0]).toMatchObject({ data: { formalComplaint: 'none' } });
  });

  it('counts from now when no opt-in time is given, and refuses one later than now', () => {
    const { events } = given().when(optIn({ optedInAt: undefined }), { ...supervisor, now: '2026-03-03T12:00:00Z' }).run();
    expect(events[0]).toMatchObject({ data: { optedInAt: '2026-03-03T12:00:00.000Z' } });
    given().when(optIn({ optedInAt: '2026-03-02T14:00:01Z' }), supervisor).thenThrows('RSC.TIME_IN_FUTURE');
  });

  it('requires the official language, English or French', () => {
    const error = given().when(optIn({ language: 'es' }), supervisor).error();
    expect((error.details as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['data.language']);
  });

  it('opens a case only once', () => {
    given(...optedIn()).when(optIn(), supervisor).thenThrows('COMMAND.NOT_ALLOWED');
  });
});

describe('support coordination: AssignCoordinator', () => {
  it('assigns the dedicated coordinator with their time zone; the case takes the coordinator’s region', () => {
    const outcome = given(...optedIn()).when(assign({ region: 'BC' }), supervisor);
    outcome.thenEvents([coordinatorAssigned('practitioner-1', 'America/Vancouver', 'BC')]);
    const { stateName, state } = outcome.run();
    expect(stateName).toBe('awaitingFirstContact');
    expect(supportCoordinationWorkflow.summarize(state)).toMatchObject({ region: 'BC', assignees: ['practitioner-1'], details: { coordinatorTimeZone: 'America/Vancouver' } });
  });

  it('stations the coordinator in the zone’s first region when none is given', () => {
    expect(given(...optedIn()).when(assign({ timeZone: 'America/Halifax' }), supervisor).run().events[0]).toMatchObject({ data: { region: 'NS' } });
  });

  it('stations a coordinator only where the clocks show their zone’s time: each region listed, every hour from 2027 to 2030', () => {
    const differing = Object.entries(ZONE_REGIONS).flatMap(([zone, regions]) =>
      regions.flatMap((region) => {
        const [coordinator, station] = [zoneClock(zone), zoneClock(REGION_TIME_ZONES[region])];
        for (let at = Date.UTC(2027, 0, 1); at < Date.UTC(2031, 0, 1); at += 3_600_000) {
          if (coordinator.offsetAt(at) !== station.offsetAt(at)) return [`${region} in ${zone} on ${new Date(at).toISOString()}`];
        }
        return [];
      }),
    );
    expect(differing).toEqual([]);
    // Yukon shows Pacific time since British Columbia stopped falling back; Newfoundland never does.
    expect(ZONE_REGIONS['America/Vancouver']).toContain('YT');
    expect(zoneClock(REGION_TIME_ZONES.NL).offsetAt(Date.UTC(2027, 0, 1))).not.toBe(zoneClock('America/Halifax').offsetAt(Date.UTC(2027, 0, 1)));
  });

  it('stations a Pacific coordinator in Yukon', () => {
    expect(given(...optedIn()).when(assign({ region: 'YT' }), supervisor).run().events[0]).toMatchObject({ data: { timeZone: 'America/Vancouver', region: 'YT' } });
  });

  it('refuses a region outside the coordinator’s time zone, naming the regions and the zone as people say them', () => {
    given(...optedIn()).when(assign({ timeZone: 'America/Vancouver', region: 'QC' }), supervisor).thenThrows('RSC.REGION_NOT_IN_TIME_ZONE');
    const error = given(...optedIn()).when(assign({ timeZone: 'America/Vancouver', region: 'QC' }), supervisor).error();
    expect(error.messageIn('en')).toBe('The region given (Quebec) is not on Pacific Time (Vancouver): that time zone’s coordinators are stationed in British Columbia, Yukon.');
    expect(error.messageIn('fr')).toBe(
      'La région d’affectation indiquée (Québec) ne fait pas partie du fuseau de l’heure du Pacifique (Vancouver)\u00a0: ce fuseau couvre les régions suivantes, Colombie-Britannique, Yukon.',
    );
  });

  it('accepts only the three time zones the program staffs', () => {
    const error = given(...optedIn()).when(assign({ timeZone: 'America/Winnipeg' }), supervisor).error();
    expect((error.details as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['data.timeZone']);
  });

  it('is for supervisors, like the reassignment', () => {
    const grantsOf = (type: string) => supportCoordinationWorkflow.commands.find((c) => c.type === type)?.grants;
    expect([grantsOf('AssignCoordinator'), grantsOf('ReassignCoordinator')]).toEqual([{ supervisor: 'any' }, { supervisor: 'any' }]);
  });

  it('is not offered once a coordinator is assigned: that is a reassignment', () => {
    given(...optedIn(), coordinatorAssigned()).when(assign(), supervisor).thenThrows('COMMAND.NOT_ALLOWED');
  });
});

describe('support coordination: ReassignCoordinator', () => {
  it('reports the coordinator the client already has and a region outside their time zone at once', () =>
    given(...optedIn(), coordinatorAssigned())
      .when(reassign({ coordinatorId: 'practitioner-1', timeZone: 'America/Vancouver', region: 'QC' }), supervisor)
      .thenBreaks('RSC.ALREADY_COORDINATOR', 'RSC.REGION_NOT_IN_TIME_ZONE'));

  it('gives the client another coordinator, recording the previous one and why', () => {
    const { events, stateName } = given(...optedIn(), coordinatorAssigned()).when(reassign(), { ...supervisor, now: '2026-03-03T12:00:00Z' }).run();
    expect(events).toEqual([
      {
        type: 'CoordinatorReassigned',
        data: {
          coordinatorId: 'practitioner-2',
          previousCoordinatorId: 'practitioner-1',
          timeZone: 'America/Halifax',
          region: 'NB',
          reason: 'clientRequest',
          reassignedAt: '2026-03-03T12:00:00.000Z',
        },
      },
    ]);
    expect(stateName).toBe('awaitingFirstContact');
  });

  it('reassigns while the client receives support, which continues', () => {
    given(...active()).when(reassign(), supervisor).thenState('active');
  });

  it('refuses to reassign to the same coordinator', () => {
    given(...optedIn(), coordinatorAssigned()).when(reassign({ coordinatorId: 'practitioner-1' }), supervisor).thenThrows('RSC.ALREADY_COORDINATOR');
  });

  it('is not offered before a first assignment', () => {
    given(...optedIn()).when(reassign(), supervisor).thenThrows('COMMAND.NOT_ALLOWED');
  });
});
