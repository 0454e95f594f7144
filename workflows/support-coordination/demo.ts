import { createCalendarProvider } from '../../domain/calendar';
import { DAY, demoCollector, demoStaff, HOUR, iso, participant, practitioner, step, then, upTo, type DemoScenario, type DemoStep } from '../../domain/demo';
import type { MendSettings } from '../../domain/settings';
import { workflowSettings } from '../../domain/settings';
import { firstWindowAfter, ZONE_REGIONS, type CoordinatorTimeZone } from './coordinator-zones';
import { SupportCoordinationSettings } from './settings';

const ZONES: readonly CoordinatorTimeZone[] = ['America/Toronto', 'America/Vancouver', 'America/Halifax'];
const calendars = createCalendarProvider();

interface PathOptions {
  readonly anonymous?: boolean;
  /** Days after the opt-in from which the coordinator first reaches the client: 0, at the first business hours (on time), or later (late). */
  readonly contactAfterDays?: number;
}

/**
 * A client's path: opt-in by a supervisor from the 24/7 line, a coordinator in one of the three
 * staffed zones, first contact within that zone's business hours, services and a referral, closure.
 * Steps: 0 opt-in, 1 assignment, 2 first contact, 3 service, 4 referral, 5 closure.
 */
function supportPath(n: number, settings: MendSettings, options: PathOptions = {}): DemoStep[] {
  const { supervisor } = demoStaff;
  const coordinator = practitioner(n);
  const timeZone = ZONES[n % ZONES.length]!;
  const region = ZONE_REGIONS[timeZone][n % 2 === 0 ? 0 : ZONE_REGIONS[timeZone].length - 1]!;
  const hours = workflowSettings(settings, 'support-coordination', SupportCoordinationSettings).firstContactHours;
  const anonymous = options.anonymous ?? false;
  const contactAfter = options.contactAfterDays ?? 0;
  // The contact is recorded some days after it was made, always after the first business hours that follow (at most
  // 4 days after a Saturday before a holiday Monday and Tuesday), so that it reports a time in the past; a contact
  // recorded after the scheduler saw its clock due keeps that breach in the history, with the contact on time.
  const contactDay = contactAfter === 0 ? 4 : contactAfter + 5;
  const { name, contact } = participant('RSC', n);
  const client = anonymous
    ? { anonymous: true, contact, affiliation: 'notStated', location: 'outsideCanada' }
    : { name, contact, affiliation: n % 2 === 0 ? 'cafMember' : 'dndEmployee' };
  return [
    step(0, supervisor, 'RecordOptIn', () => ({
      channel: 'supportLine',
      region,
      client,
      language: n % 3 === 1 ? 'fr' : 'en',
      formalComplaint: n % 4 === 0 ? 'intended' : 'none',
      needs: 'Would like someone to help with workplace arrangements and come to appointments.',
    })),
    step(0.05, supervisor, 'AssignCoordinator', () => ({ coordinatorId: coordinator.id, timeZone, region })),
    step(contactDay, coordinator, 'RecordFirstContact', (at) => ({
      contactedAt: iso(firstWindowAfter(new Date(at.getTime() - (contactDay - contactAfter) * DAY + HOUR), timeZone, calendars.forRegion(region), hours)),
      method: 'phone',
      notes: 'Introduced the program and agreed on what to work on first.',
    })),
    step(contactDay + 3, coordinator, 'RecordService', () => ({ service: 'workplaceArrangements', note: 'Met the manager about a change of shift.' })),
    step(contactDay + 6, coordinator, 'MakeReferral', () => ({
      to: anonymous ? 'mplo' : 'veteransAffairsCanada',
      clientConsented: true,
      anonymous,
      ...(anonymous ? {} : { organization: 'VAC case management' }),
    })),
    step(contactDay + 30, coordinator, 'CloseSupport', () => ({ outcome: 'needsMet', note: 'Arrangements in place; the client knows to call the 24/7 line.' })),
  ];
}

/** Clients at every stage: clocks running, breached, met on time and late; an anonymous client; reassignment; withdrawal and closure. */
export const supportCoordinationDemo: DemoScenario = ({ first, settings }) => {
  const demo = demoCollector(first);
  const path = (options?: PathOptions) => supportPath(demo.n, settings, options);
  demo.add('opted in today, awaiting a coordinator', upTo(path(), 1), 0.1);
  demo.add('never assigned: first contact breached', upTo(path(), 1), 9);
  demo.add('coordinator assigned, awaiting first contact', upTo(path(), 2), 0.5);
  demo.add('assigned, never reached: first contact breached', upTo(path(), 2), 14);
  demo.add('first contact on time, receiving support', upTo(path(), 4), 8);
  demo.add('first contact late, after its breach', upTo(path({ contactAfterDays: 8 }), 3), 16);
  demo.add('anonymous client, referred anonymously to an MPLO', upTo(path({ anonymous: true }), 5), 15);
  const next = practitioner(demo.n + 1);
  demo.add(
    'reassigned to another coordinator',
    then(path(), 3, step(2, demoStaff.supervisor, 'ReassignCoordinator', () => ({ coordinatorId: next.id, timeZone: 'America/Toronto', region: 'QC', reason: 'availability' }))),
    20,
  );
  demo.add('formal complaint registered', then(path(), 4, step(1, practitioner(demo.n), 'NoteFormalComplaint', () => ({ status: 'registered' }))), 18);
  demo.add('closed unreachable before first contact', then(path(), 2, step(10, practitioner(demo.n), 'CloseSupport', () => ({ outcome: 'unreachable' }))), 20);
  const telephone = `613-555-${String(1000 + demo.n).slice(-4)}`;
  demo.add(
    'contact details corrected at the client’s request',
    then(
      path(),
      3,
      step(0.1, practitioner(demo.n), 'CorrectPersonalInformation', (_, links) => ({
        subjectId: links.personOf('client'),
        changes: { contact: telephone },
        reason: 'At first contact the client asked to be reached by telephone, no longer by email.',
      })),
    ),
    7,
  );
  demo.add('withdrawn at any time', then(path(), 2, step(1, demoStaff.supervisor, 'RecordWithdrawal')), 6);
  demo.add('closed, needs met', path(), 50);
  return demo.cases;
};
