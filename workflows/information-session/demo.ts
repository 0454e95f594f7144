import { createCalendarProvider } from '../../domain/calendar';
import { DAY, demoCollector, demoName, demoStaff, demoWorkdays, iso, participant, practitionerIn, regionOf, step, then, upTo, workdayFrom, type DemoScenario, type DemoStep } from '../../domain/demo';
import type { Audience } from './commands';

const calendars = createCalendarProvider();

/** A session's start `days` calendar days after `at`, or the working day after: presenters do not work weekends. */
const startsOn = (n: number, at: Date, days: number) => iso(workdayFrom(demoWorkdays(calendars, regionOf(n)), new Date(at.getTime() + days * DAY)));

/** Where a unit asking for a presentation is based: place names, alike in both languages. */
const UNITS = ['Valcartier', 'Petawawa', 'Esquimalt', 'Halifax', 'Borden', 'Gagetown', 'Kingston', 'Bagotville'] as const;

/** Session `n`'s language, and its presenter, who works in it. */
const languageOf = (n: number) => (['en', 'fr', 'bilingual'] as const)[n % 3]!;
const presenterOf = (n: number) => practitionerIn(n, languageOf(n));

/**
 * A session's path: requested (by a unit, or planned by the program), scheduled ten days ahead,
 * registrations (none for a unit's presentation), held with its attendance.
 * Steps: 0 request, 1 schedule, then registrations, then held.
 */
function sessionPath(n: number, audience: Audience, options: { registrations?: number; capacity?: number } = {}): DemoStep[] {
  const { supervisor } = demoStaff;
  const presenter = presenterOf(n);
  const registrations = audience === 'unitPresentation' ? 0 : (options.registrations ?? 3);
  const steps: DemoStep[] = [
    step(0, supervisor, 'RequestInformationSession', () => ({
      audience,
      region: regionOf(n),
      ...(audience === 'unitPresentation'
        ? { requester: { unit: UNITS[n % UNITS.length]!, name: demoName(n + 200), contact: `unit${n}@example.org` }, expectedAttendees: 30, preferredFormat: 'inPerson' }
        : {}),
      topics: audience === 'futureDefenceRepresentatives' ? ['restorativeEngagement', 'defenceRepresentatives'] : ['smsrcServices', 'restorativeEngagement'],
    })),
    step(1, supervisor, 'ScheduleInformationSession', (at) => ({
      startsAt: startsOn(n, at, 10),
      durationMinutes: 90,
      format: n % 2 === 0 ? 'virtual' : 'inPerson',
      language: languageOf(n),
      presenterId: presenter.id,
      capacity: options.capacity ?? 30,
    })),
  ];
  for (let r = 1; r <= registrations; r++) {
    steps.push(
      step(1 + r, presenter, 'RegisterAttendee', () => ({
        registrationId: `registration-${n}-${r}`,
        attendee: { name: participant('INF', n * 10 + r).name, contact: participant('INF', n * 10 + r).contact, role: audience === 'classMembers' ? 'classMember' : 'futureDefenceRepresentative' },
      })),
    );
  }
  steps.push(step(11.1, presenter, 'RecordSessionHeld', () => ({ attendance: Math.max(registrations - 1, 0) + (audience === 'unitPresentation' ? 28 : 2) })));
  return steps;
}

/** Sessions at every stage: requested, scheduled with registrations, full, moved, held, cancelled and declined. */
export const informationSessionDemo: DemoScenario = ({ first }) => {
  const demo = demoCollector(first);
  const { supervisor } = demoStaff;
  const held = (steps: readonly DemoStep[]) => steps.length - 1;
  demo.add('unit presentation requested', upTo(sessionPath(demo.n, 'unitPresentation'), 1), 2);
  demo.add('class members session scheduled, taking registrations', upTo(sessionPath(demo.n, 'classMembers'), 5), 6);
  demo.add('future Defence representatives session, full', upTo(sessionPath(demo.n, 'futureDefenceRepresentatives', { registrations: 2, capacity: 2 }), 4), 5);
  demo.add('unit presentation held', sessionPath(demo.n, 'unitPresentation'), 20);
  const n = demo.n;
  const cancelled = sessionPath(n, 'classMembers', { registrations: 2 });
  demo.add(
    'class members session held, one registration cancelled',
    [...upTo(cancelled, 4), step(5, presenterOf(n), 'CancelRegistration', () => ({ registrationId: `registration-${n}-2` })), cancelled[held(cancelled)]!],
    30,
  );
  demo.add('cancelled: too few registrations', then(sessionPath(demo.n, 'futureDefenceRepresentatives', { registrations: 1 }), 3, step(4, supervisor, 'CancelInformationSession', () => ({ reason: 'tooFewRegistrations' }))), 12);
  demo.add('unit request declined', then(sessionPath(demo.n, 'unitPresentation'), 1, step(2, supervisor, 'CancelInformationSession', () => ({ reason: 'declined' }))), 8);
  const moved = demo.n;
  const presenter = presenterOf(moved);
  demo.add(
    'session moved to a later date',
    then(
      sessionPath(moved, 'classMembers'),
      3,
      step(1, presenter, 'ScheduleInformationSession', (at) => ({ startsAt: startsOn(moved, at, 14), durationMinutes: 60, format: 'virtual', language: 'bilingual', presenterId: presenter.id, capacity: 30 })),
    ),
    5,
  );
  return demo.cases;
};
