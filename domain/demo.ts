import { zoneClock } from './calendar/time-zone';
import type { CalendarProvider } from './calendar/types';
import { addCalendarDays } from './dates';
import type { RegionCode } from './regions';
import type { Actor } from './roles';
import type { MendSettings } from './settings';

/**
 * The demo's building blocks: what a workflow's folder writes to show its cases at every stage
 * (`mend seed-demo`). Pure data: the seeder sends the steps through the application's command path.
 */

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

/** What a demo step may name that its data cannot: another workflow's demo case, a person its own case recorded. */
export interface DemoLinks {
  /** The id the demo gives the first demo case of `workflow` whose stage starts with `stage` (a cohort's session links a class member's case). */
  caseOf(workflow: string, stage: string): string;
  /** The subject id of the person this case first recorded at `path` (its `client`): a correction names them. */
  personOf(path: string): string;
}

/** The subject id of the person a case first recorded at `path`, from its folded state (CaseState.people). */
export function personAt(people: Readonly<Record<string, { readonly path: string }>> | undefined, path: string): string | undefined {
  return Object.entries(people ?? {}).find(([, where]) => where.path === path)?.[0];
}

/**
 * One command of a demo case, `day` working days after the case began (see `demoWorkdays`): a
 * fraction of a day is a part of the demo's office hours, `0.05` a few minutes after.
 */
export interface DemoStep {
  readonly day: number;
  /**
   * `calendar`: its `day` counts calendar days after the step before it, for a date promised in
   * weeks (a follow-up twelve weeks after closing); it is sent on the last working day at or before
   * that date, at the time of day of the step before it.
   */
  readonly counts?: 'calendar';
  readonly actor: Actor;
  readonly command: string;
  /** The command's data, given the business time it is sent at and the demo's other cases. */
  readonly data: (at: Date, links: DemoLinks) => Record<string, unknown>;
}

/** A demo case: a workflow's path cut at one stage, begun `startDaysAgo` working days before the demo's present. */
export interface DemoCase {
  readonly stage: string;
  /** The case's region, as its opening command records it: its holidays are days off for the staff on the case. */
  readonly region: RegionCode;
  readonly startDaysAgo: number;
  readonly steps: readonly DemoStep[];
}

/**
 * A workflow's demo cases. Each case takes the next number from `first` on (it picks the case's
 * region, participant and practitioner), so that cases of every workflow differ.
 */
export type DemoScenario = (context: { readonly first: number; readonly settings: MendSettings }) => readonly DemoCase[];

/** The demo's staff: opaque ids, as tokens carry them. Nobody real. */
export const demoStaff = {
  supervisor: { id: 'demo-supervisor-1', role: 'supervisor' },
  practitioners: [
    { id: 'demo-practitioner-1', role: 'practitioner' },
    { id: 'demo-practitioner-2', role: 'practitioner' },
    { id: 'demo-practitioner-3', role: 'practitioner' },
    { id: 'demo-practitioner-4', role: 'practitioner' },
  ],
  rju: { id: 'demo-rju-1', role: 'rju' },
  mediators: [
    { id: 'demo-mediator-1', role: 'mediator' },
    { id: 'demo-mediator-2', role: 'mediator' },
  ],
  auditor: { id: 'demo-auditor-1', role: 'auditor' },
  roAuditor: { id: 'demo-ro-auditor-1', role: 'roAuditor' },
  admin: { id: 'demo-admin-1', role: 'admin' },
} as const satisfies Record<string, Actor | readonly Actor[]>;

const pad = (n: number) => String(n).padStart(3, '0');

/** A pseudonymous participant: a code name and an address at example.org, the domain reserved for examples. */
export function participant(prefix: string, n: number): { name: string; pseudonym: true; contact: string } {
  return { name: `Participant ${prefix}-${pad(n)}`, pseudonym: true, contact: `${prefix.toLowerCase()}${pad(n)}@example.org` };
}

const GIVEN_NAMES = ['Alex', 'Camille', 'Dominique', 'Sacha', 'Charlie', 'Morgan', 'Jordan', 'Maxime', 'Noah', 'Élie', 'Robin'] as const;
const FAMILY_NAMES = ['Roy', 'Tremblay', 'Gagnon', 'Côté', 'Bouchard', 'Martin', 'Lévesque', 'Morin', 'Leblanc', 'Fortin', 'Bélanger', 'Singh', 'Nguyen'] as const;

/** A person's name that reads alike in English and in French (a demo person, never a real one), the same for the same `n`. */
export function demoName(n: number): string {
  return `${GIVEN_NAMES[n % GIVEN_NAMES.length]} ${FAMILY_NAMES[Math.floor(n / GIVEN_NAMES.length) % FAMILY_NAMES.length]}`;
}

export const iso = (at: Date, offsetMs = 0) => new Date(at.getTime() + offsetMs).toISOString();
export const date = (at: Date, offsetMs = 0) => iso(at, offsetMs).slice(0, 10);
const REGIONS = ['ON', 'QC', 'BC', 'NS', 'ON', 'MB', 'ON', 'AB'] as const satisfies readonly RegionCode[];
export const regionOf = (n: number): RegionCode => REGIONS[n % REGIONS.length]!;
export const practitioner = (n: number) => demoStaff.practitioners[n % demoStaff.practitioners.length]!;
/**
 * The practitioner of case `n` served in `language`: only the first two work in French (and in
 * English), as the demo's staff directory records (src/demo/demo-directory.ts), and a case is
 * assigned only to people who work in its language, or in both for a bilingual one.
 */
export const practitionerIn = (n: number, language: 'en' | 'fr' | 'bilingual') => (language === 'en' ? practitioner(n) : demoStaff.practitioners[n % 2]!);
export const step = (day: number, actor: Actor, command: string, data: DemoStep['data'] = () => ({})): DemoStep => ({ day, actor, command, data });

/** The first `count` steps of a path. */
export const upTo = (steps: readonly DemoStep[], count: number) => steps.slice(0, count);
/** The first `count` steps of a path, then `extra`, `extra.day` days after the last of them. */
export const then = (steps: readonly DemoStep[], count: number, extra: DemoStep) => [...steps.slice(0, count), { ...extra, day: steps[count - 1]!.day + extra.day }];
/** Began `slack` days before its last step, so every case has a different age. */
export const started = (steps: readonly DemoStep[], slack: number) => steps[steps.length - 1]!.day + slack;

/** Collects a workflow's demo cases, numbering them from `first`. */
export function demoCollector(first: number) {
  const cases: DemoCase[] = [];
  let n = first;
  return {
    cases,
    /** The number the next case takes. */
    get n() {
      return n;
    },
    add(stage: string, steps: readonly DemoStep[], startDaysAgo = started(steps, 1 + (n % 9)), region = regionOf(n)) {
      cases.push({ stage, region, startDaysAgo, steps });
      n++;
    },
  };
}

/**
 * When the demo's staff work: between 10:00 and 13:00 Ottawa time, office hours in every time zone
 * of Canada (07:00 to 10:00 in Vancouver, 11:30 to 14:30 in St. John's), on business days.
 */
export const DEMO_OFFICE = { region: 'ON', opens: 10 * HOUR, closes: 13 * HOUR } as const satisfies { region: RegionCode; opens: number; closes: number };

/** The working days of the staff on a demo case, and the Ottawa wall clock the demo's times are read on. */
export interface DemoWorkdays {
  /** A business day of the federal calendar both in Ottawa and in the case's region (the calendar its clocks count on). */
  isWorkday(localDate: string): boolean;
  /** The Ottawa local date of an instant. */
  localDate(at: Date): string;
  /** Ottawa's time of day of an instant, in ms after midnight. */
  timeOfDay(at: Date): number;
  /** The instant showing `timeOfDay` (ms after midnight) in Ottawa on a local date. */
  instant(localDate: string, timeOfDay: number): Date;
}

export function demoWorkdays(calendars: CalendarProvider, region: RegionCode): DemoWorkdays {
  const office = calendars.forRegion(DEMO_OFFICE.region);
  const own = calendars.forRegion(region);
  const wall = zoneClock(office.timeZone);
  const midnight = (localDate: string) => Date.parse(`${localDate}T00:00:00Z`);
  return {
    isWorkday: (localDate) => office.isBusinessDay(localDate) && own.isBusinessDay(localDate),
    localDate: (at) => office.localDate(at),
    timeOfDay: (at) => wall.toWall(at.getTime()) - midnight(office.localDate(at)),
    instant: (localDate, timeOfDay) => new Date(wall.fromWall(midnight(localDate) + timeOfDay)),
  };
}

/** The working day `count` working days before a local date; `0`: the date itself if it is one, else the last one before it. */
export function workdayBefore(days: DemoWorkdays, localDate: string, count: number): string {
  let date = localDate;
  for (let left = count; left > 0 || !days.isWorkday(date); ) {
    date = addCalendarDays(date, -1);
    if (days.isWorkday(date) && left > 0) left--;
  }
  return date;
}

/** The same Ottawa time of day `count` working days before `at`: when a step `count` days before this one was sent. */
export function workdaysBefore(days: DemoWorkdays, at: Date, count: number): Date {
  return days.instant(workdayBefore(days, days.localDate(at), count), days.timeOfDay(at));
}

/** The same Ottawa time of day on the first working day at or after `at`. */
export function workdayFrom(days: DemoWorkdays, at: Date): Date {
  let date = days.localDate(at);
  while (!days.isWorkday(date)) date = addCalendarDays(date, 1);
  return days.instant(date, days.timeOfDay(at));
}

/** The last working day whose office hours close at or before `present`: the demo's "today". */
export function lastWorkday(days: DemoWorkdays, present: Date): string {
  const date = workdayBefore(days, days.localDate(present), 0);
  return days.instant(date, DEMO_OFFICE.closes).getTime() > present.getTime() ? workdayBefore(days, date, 1) : date;
}

/**
 * When a step `daysAgo` working days before the demo's today is sent: whole days are working days
 * counted back, the fraction is the part of the office hours before they close (`0.1`: a little before
 * 13:00), so that the steps of a case keep their order.
 */
export function workdayInstant(days: DemoWorkdays, today: string, daysAgo: number): Date {
  const whole = Math.floor(daysAgo);
  const fraction = daysAgo - whole;
  return days.instant(workdayBefore(days, today, whole), DEMO_OFFICE.closes - fraction * (DEMO_OFFICE.closes - DEMO_OFFICE.opens));
}
