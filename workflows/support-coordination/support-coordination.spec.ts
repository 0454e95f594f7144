import type { NewEvent } from '../../domain/envelope';
import { specFor } from '../../test/support/workflow-spec';
import { CLIENT_ID, coordinatorAssigned, firstContactMade, OPTED_IN_AT, optedIn, TUESDAY_MORNING } from './support-coordination.fixtures';
import { supportCoordinationWorkflow } from './index';

const { given } = specFor(supportCoordinationWorkflow);
const NOW = '2026-03-10T18:00:00.000Z'; // Tuesday 11:00 in Vancouver
const supervisor = { now: NOW, actor: { id: 'supervisor-1', role: 'supervisor' } } as const;
const coordinator = { now: NOW, actor: { id: 'practitioner-1', role: 'practitioner' } } as const;

const optIn = (optedInAt: string, region = 'ON') => ({
  type: 'RecordOptIn',
  data: { optedInAt, channel: 'supportLine', region, client: { subjectId: CLIENT_ID, name: 'Jordan' }, language: 'en' },
});
const service = (providedOn: string) => ({ type: 'RecordService', data: { service: 'advocacy', providedOn } });

/** A client opted in at `at` (by default Monday 09:00 in Ottawa, 06:00 in Vancouver), then reached by a coordinator of `timeZone`. */
function activeSince(at = OPTED_IN_AT, timeZone: 'America/Toronto' | 'America/Vancouver' = 'America/Vancouver'): NewEvent[] {
  const optedInAt = (event: NewEvent): NewEvent => (event.type === 'OptInRecorded' ? { ...event, data: { ...(event.data as object), optedInAt: at } } : event);
  return [...optedIn().map(optedInAt), coordinatorAssigned('practitioner-1', timeZone), ...firstContactMade(TUESDAY_MORNING)];
}

describe('support coordination: no opt-in before the program', () => {
  it('refuses an opt-in dated before the program began in 2019, beside its field, in both languages, and starts no clock', () => {
    const refused = given().when(optIn('1900-01-01T10:00:00-05:00'), supervisor);
    refused.thenThrows('RSC.BEFORE_PROGRAM', {
      issues: [{ path: 'data.optedInAt', message: '1900-01-01T10:00:00-05:00 is before the Response and Support Coordination program began: it has been offered since 2019.' }],
    });
    expect(refused.error().messageIn('en')).toBe(
      '“Opted in at”: 1900-01-01T10:00:00-05:00 is before the Response and Support Coordination program began: it has been offered since 2019.',
    );
    expect(refused.error().messageIn('fr')).toBe(
      '«\u00a0Date de l’adhésion\u00a0»\u00a0: 1900-01-01T10:00:00-05:00 précède le début du programme de Coordination de l’intervention et du soutien, offert depuis 2019.',
    );
  });

  it('accepts an opt-in from the first day of 2019 in the intake office’s region', () => {
    given().when(optIn('2018-12-31T23:59:00-05:00'), supervisor).thenThrows('RSC.BEFORE_PROGRAM');
    given().when(optIn('2019-01-01T00:00:00-05:00'), supervisor).thenState('awaitingAssignment');
  });

  it('judges the day in that region: 02:00 in Ottawa on 1 January 2019 is still 2018 in Vancouver', () => {
    given().when(optIn('2019-01-01T02:00:00-05:00', 'BC'), supervisor).thenThrows('RSC.BEFORE_PROGRAM', { issues: [{ path: 'data.optedInAt' }] });
    given().when(optIn('2019-01-01T02:00:00-05:00', 'ON'), supervisor).thenState('awaitingAssignment');
  });
});

describe('support coordination: nothing is dated before the opt-in', () => {
  it('refuses a service provided before the day the client opted in, beside its field, in both languages', () => {
    const refused = given(...activeSince()).when(service('1900-01-01'), coordinator);
    refused.thenThrows('RSC.BEFORE_OPT_IN', { issues: [{ path: 'data.providedOn', message: '1900-01-01 is before the day the client opted in (2026-03-02).' }] });
    expect(refused.error().messageIn('en')).toBe('“Provided on”: 1900-01-01 is before the day the client opted in (2026-03-02).');
    expect(refused.error().messageIn('fr')).toBe('«\u00a0Date du service\u00a0»\u00a0: 1900-01-01 précède le jour de l’adhésion de la personne (2026-03-02).');
  });

  it('accepts a service on the day of the opt-in, not the day before', () => {
    given(...activeSince()).when(service('2026-03-01'), coordinator).thenThrows('RSC.BEFORE_OPT_IN');
    given(...activeSince()).when(service('2026-03-02'), coordinator).thenEvents([
      { type: 'ServiceRecorded', data: { service: 'advocacy', providedOn: '2026-03-02', recordedAt: NOW, clientId: CLIENT_ID } },
    ]);
  });

  it('counts the opt-in’s day in the coordinator’s time zone, as the service’s: midnight in Ottawa is the evening before in Vancouver', () => {
    const midnightInOttawa = '2026-03-02T05:00:00.000Z';
    given(...activeSince(midnightInOttawa, 'America/Vancouver')).when(service('2026-03-01'), coordinator).thenState('active');
    given(...activeSince(midnightInOttawa, 'America/Toronto')).when(service('2026-03-01'), coordinator).thenThrows('RSC.BEFORE_OPT_IN');
  });

  it('says a first contact before the opt-in beside its field', () =>
    given(...optedIn(), coordinatorAssigned())
      .when({ type: 'RecordFirstContact', data: { method: 'phone', contactedAt: '2026-03-02T13:59:00Z' } }, coordinator)
      .thenThrows('RSC.CONTACT_BEFORE_OPT_IN', {
        issues: [{ path: 'data.contactedAt', message: '2026-03-02T13:59:00.000Z is before the client opted in (2026-03-02T14:00:00.000Z).' }],
      }));
});
