import { createCalendarProvider } from '../../domain/calendar';
import { demoCollector, demoStaff, demoWorkdays, HOUR, iso, participant, practitionerIn, step, then, upTo, workdaysBefore, type DemoScenario, type DemoStep } from '../../domain/demo';
import type { RegionCode } from '../../domain/regions';
import type { MendSettings } from '../../domain/settings';
import { workflowSettings } from '../../domain/settings';
import { firstWindowAfter, ZONE_REGIONS, type CoordinatorTimeZone } from './coordinator-zones';
import { SupportCoordinationSettings } from './settings';

const ZONES: readonly CoordinatorTimeZone[] = ['America/Toronto', 'America/Vancouver', 'America/Halifax'];
const calendars = createCalendarProvider();

interface PathOptions {
  readonly anonymous?: boolean;
  /** Working days after the opt-in from which the coordinator first reaches the client: 0, within the hour (on time), or later (late). */
  readonly contactAfterDays?: number;
}

/** The official language client `n` chose, and their coordinator, who works in it. */
const languageOf = (n: number) => (n % 3 === 1 ? 'fr' : 'en');
const coordinatorOf = (n: number) => practitionerIn(n, languageOf(n));

/**
 * A client's path: opt-in by a supervisor from the 24/7 line, a coordinator in one of the three
 * staffed zones, first contact within that zone's business hours, services and a referral, closure.
 * Steps: 0 opt-in, 1 assignment, 2 first contact, 3 service, 4 referral, 5 closure.
 */
function supportPath(n: number, settings: MendSettings, options: PathOptions = {}): DemoStep[] {
  const { supervisor } = demoStaff;
  const coordinator = coordinatorOf(n);
  const timeZone = timeZoneOf(n);
  const region = coordinatorRegion(n);
  const hours = workflowSettings(settings, 'support-coordination', SupportCoordinationSettings).firstContactHours;
  const anonymous = options.anonymous ?? false;
  const workdays = demoWorkdays(calendars, region);
  const contactAfter = options.contactAfterDays ?? 0;
  // The contact is recorded after it was made, so that it reports a time in the past: an on-time contact the next
  // working day, before its clock is due; a late one some days after, when the scheduler has recorded the breach.
  const contactDay = contactAfter === 0 ? 1 : contactAfter + 5;
  const { name, contact } = participant('RSC', n);
  const client = anonymous
    ? { anonymous: true, contact, affiliation: 'notStated', location: 'outsideCanada' }
    : { name, contact, affiliation: n % 2 === 0 ? 'cafMember' : 'dndEmployee' };
  return [
    step(0, supervisor, 'RecordOptIn', () => ({
      channel: 'supportLine',
      region,
      client,
      language: languageOf(n),
      formalComplaint: n % 4 === 0 ? 'intended' : 'none',
      needs: 'Would like someone to help with workplace arrangements and come to appointments.',
    })),
    step(0.05, supervisor, 'AssignCoordinator', () => ({ coordinatorId: coordinator.id, timeZone, region })),
    step(contactDay, coordinator, 'RecordFirstContact', (at) => ({
      // An hour after the opt-in, or `contactAfter` working days after it (the days the seeder counts).
      contactedAt: iso(firstWindowAfter(new Date(workdaysBefore(workdays, at, contactDay - contactAfter).getTime() + HOUR), timeZone, calendars.forRegion(region), hours)),
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

const timeZoneOf = (n: number): CoordinatorTimeZone => ZONES[n % ZONES.length]!;
/** The coordinator's region, in the zone of case `n`: the region the case records, whose holidays the staff keep. */
const coordinatorRegion = (n: number): RegionCode => {
  const regions = ZONE_REGIONS[timeZoneOf(n)];
  return regions[n % 2 === 0 ? 0 : regions.length - 1]!;
};

/** Clients at every stage: clocks running, breached, met on time and late; an anonymous client; reassignment; withdrawal and closure. */
export const supportCoordinationDemo: DemoScenario = ({ first, settings }) => {
  const demo = demoCollector(first);
  const path = (options?: PathOptions) => supportPath(demo.n, settings, options);
  const add = (stage: string, steps: readonly DemoStep[], startDaysAgo: number) => demo.add(stage, steps, startDaysAgo, coordinatorRegion(demo.n));
  add('opted in today, awaiting a coordinator', upTo(path(), 1), 0.1);
  add('never assigned: first contact breached', upTo(path(), 1), 9);
  add('coordinator assigned, awaiting first contact', upTo(path(), 2), 0.5);
  add('assigned, never reached: first contact breached', upTo(path(), 2), 14);
  add('first contact on time, receiving support', upTo(path(), 4), 8);
  add('first contact late, after its breach', upTo(path({ contactAfterDays: 8 }), 3), 16);
  add('anonymous client, referred anonymously to an MPLO', upTo(path({ anonymous: true }), 5), 15);
  const next = practitionerIn(demo.n + 1, languageOf(demo.n));
  add(
    'reassigned to another coordinator',
    then(path(), 3, step(2, demoStaff.supervisor, 'ReassignCoordinator', () => ({ coordinatorId: next.id, timeZone: 'America/Toronto', region: 'QC', reason: 'availability' }))),
    20,
  );
  add('formal complaint registered', then(path(), 4, step(1, coordinatorOf(demo.n), 'NoteFormalComplaint', () => ({ status: 'registered' }))), 18);
  add('closed unreachable before first contact', then(path(), 2, step(10, coordinatorOf(demo.n), 'CloseSupport', () => ({ outcome: 'unreachable' }))), 20);
  const telephone = `613-555-${String(1000 + demo.n).slice(-4)}`;
  add(
    'contact details corrected at the client’s request',
    then(
      path(),
      3,
      step(0.1, coordinatorOf(demo.n), 'CorrectPersonalInformation', (_, links) => ({
        subjectId: links.personOf('client'),
        changes: { contact: telephone },
        reason: 'At first contact the client asked to be reached by telephone, no longer by email.',
      })),
    ),
    7,
  );
  add('withdrawn at any time', then(path(), 2, step(1, demoStaff.supervisor, 'RecordWithdrawal')), 6);
  add('closed, needs met', path(), 50);
  return demo.cases;
};
