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

/** One command of a demo case, `day` days after the case began. */
export interface DemoStep {
  readonly day: number;
  readonly actor: Actor;
  readonly command: string;
  /** The command's data, given the business time it is sent at and the demo's other cases. */
  readonly data: (at: Date, links: DemoLinks) => Record<string, unknown>;
}

/** A demo case: a workflow's path cut at one stage, begun `startDaysAgo` days before the demo's present. */
export interface DemoCase {
  readonly stage: string;
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
    add(stage: string, steps: readonly DemoStep[], startDaysAgo = started(steps, 1 + (n % 9))) {
      cases.push({ stage, region: regionOf(n), startDaysAgo, steps });
      n++;
    },
  };
}
