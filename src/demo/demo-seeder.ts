import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { v7 as uuidv7 } from 'uuid';
import type { CalendarProvider } from '../../domain/calendar/types';
import type { ClockState } from '../../domain/clocks/state';
import { addCalendarDays } from '../../domain/dates';
import { stateName } from '../../domain/fold';
import type { MendSettings } from '../../domain/settings';
import { CaseRepository } from '../cases/case-repository';
import { ExecuteCommand } from '../cases/execute-command.command';
import type { ManualClock } from '../clock/clock';
import type { DueClocksOutcome } from '../sla/record-due-clocks.handler';
import { RecordDueClocks } from '../sla/record-due-clocks.command';
import type { RegionCode } from '../../domain/regions';
import type { DemoLinks, DemoCase as WorkflowDemoCase } from '../../domain/demo';
import { WorkflowRegistry } from '../workflows/workflow-registry';
import { CALENDARS } from '../workflows/tokens';
import { StaffDirectory } from '../staff/staff-directory.service';
import { DEMO_OFFICE, demoStaff, demoWorkdays, lastWorkday, personAt, workdayBefore, workdayInstant } from '../../domain/demo';
import { DEMO_DIRECTORY } from './demo-directory';

export interface SeededCase {
  readonly caseId: string;
  readonly workflow: string;
  readonly stage: string;
  readonly region: RegionCode;
  readonly state: string;
  /** Supervisors may read every case of its workflow. */
  readonly supervisorsSee: boolean;
  readonly clocks: readonly Pick<ClockState, 'name' | 'status' | 'standard' | 'warnedThresholds' | 'metAt' | 'cancelledAt'>[];
}

export interface SeedResult {
  readonly cases: readonly SeededCase[];
  readonly commands: number;
  readonly warnings: number;
  readonly breaches: number;
}

export class DemoSeedFailed extends Error {}

type DemoCase = WorkflowDemoCase & { readonly workflow: string };

/** Every workflow's demo cases (each written in its folder), numbered one after the other. */
function demoCases(registry: WorkflowRegistry, settings: MendSettings): DemoCase[] {
  const cases: DemoCase[] = [];
  for (const definition of registry.latest()) {
    for (const demo of definition.demo?.({ first: cases.length + 1, settings }) ?? []) cases.push({ ...demo, workflow: definition.name });
  }
  return cases;
}

/**
 * When each step of a case is sent: its `day`s are the working days of the case's staff (business
 * days in Ottawa and in the case's region, DESIGN.md §5) counted back from the last one before the
 * present, in the demo's office hours; a step that counts calendar days follows the one before it.
 */
function stepTimes(demo: DemoCase, calendars: CalendarProvider, present: Date): number[] {
  const days = demoWorkdays(calendars, demo.region);
  const today = lastWorkday(days, present);
  const times: number[] = [];
  demo.steps.forEach((step, s) => {
    const previous = demo.steps[s - 1];
    if (step.counts === 'calendar' && previous) {
      const before = new Date(times[s - 1]!);
      const date = workdayBefore(days, addCalendarDays(days.localDate(before), Math.round(step.day - previous.day)), 0);
      times.push(days.instant(date, days.timeOfDay(before)).getTime());
    } else {
      // Rounded, so that 4.1 days after a 0.1 is 4 days and not 3.999…
      times.push(workdayInstant(days, today, Math.round((demo.startDaysAgo - step.day) * 1e6) / 1e6).getTime());
    }
    const at = times[s]!;
    if (at > present.getTime() || (s > 0 && at < times[s - 1]!)) {
      throw new DemoSeedFailed(`${describe(demo)}: ${step.command} would be sent at ${new Date(at).toISOString()}, ${at > present.getTime() ? 'after the present' : 'before the step it follows'}`);
    }
  });
  return times;
}

/**
 * Writes the demo through the application's own command path (the staff directory first, then the
 * cases): each command is sent by the actor who would send it, at its business time (the clock is
 * moved forward between commands), after recording what the SLA scheduler would have recorded on
 * that case by then. At the end the clock is at the present and every case's due warnings and
 * breaches are recorded.
 */
export async function seedDemo(context: INestApplicationContext, clock: ManualClock, present: Date, settings: MendSettings): Promise<SeedResult> {
  const commandBus = context.get(CommandBus);
  const repository = context.get(CaseRepository);
  const calendars = context.get<CalendarProvider>(CALENDARS);
  const cases = demoCases(context.get(WorkflowRegistry), settings).map((demo) => ({ demo, caseId: uuidv7(), times: stepTimes(demo, calendars, present) }));
  const caseOf = (workflow: string, stage: string) => {
    const found = cases.find(({ demo }) => demo.workflow === workflow && demo.stage.startsWith(stage));
    if (!found) throw new DemoSeedFailed(`No demo case of ${workflow} at a stage "${stage}…" to link to`);
    return found.caseId;
  };
  const timeline = cases
    .flatMap(({ demo, caseId, times }, c) => demo.steps.map((_, s) => ({ at: times[s]!, c, s, caseId, demo })))
    .sort((a, b) => a.at - b.at || a.c - b.c || a.s - b.s);

  // The directory first, on the working day before the first case: the people who will take them.
  const office = demoWorkdays(calendars, DEMO_OFFICE.region);
  clock.set(office.instant(workdayBefore(office, office.localDate(new Date(timeline[0]!.at)), 1), DEMO_OFFICE.opens));
  const directory = context.get(StaffDirectory);
  for (const { person, displayName, region, languages } of DEMO_DIRECTORY) {
    const correlationId = uuidv7();
    await directory.add({ staffId: person.id, displayName, role: person.role, region, languages }, { actor: demoStaff.admin, correlationId, causationId: correlationId });
  }

  let warnings = 0;
  let breaches = 0;
  const recordDue = async (caseId: string) => {
    const outcome = await commandBus.execute<RecordDueClocks, DueClocksOutcome>(new RecordDueClocks({ caseId, correlationId: uuidv7() }));
    warnings += outcome.warnings;
    breaches += outcome.breaches;
  };

  for (const { at, s, caseId, demo } of timeline) {
    clock.set(new Date(at));
    const step = demo.steps[s]!;
    if (s > 0) await recordDue(caseId);
    const people = s > 0 ? (await repository.load(caseId)).state.people : undefined;
    const links: DemoLinks = {
      caseOf,
      personOf: (path) => personAt(people, path) ?? failed(`${describe(demo)}: ${step.command} names the person at ${path}, whom the case has not recorded`),
    };
    const correlationId = uuidv7();
    try {
      await commandBus.execute(
        new ExecuteCommand({
          caseId,
          ...(s === 0 ? { openWorkflow: demo.workflow } : {}),
          command: step.command,
          data: step.data(new Date(at), links),
          actor: step.actor,
          correlationId,
          causationId: correlationId,
        }),
      );
    } catch (error) {
      throw new DemoSeedFailed(`${describe(demo)}: ${step.command} at ${new Date(at).toISOString()} was refused: ${(error as Error).message}`);
    }
  }

  clock.set(present);
  const seeded: SeededCase[] = [];
  for (const { demo, caseId } of cases) {
    await recordDue(caseId);
    const loaded = await repository.load(caseId);
    seeded.push({
      caseId,
      workflow: demo.workflow,
      stage: demo.stage,
      region: demo.region,
      state: stateName(loaded.state.snapshot),
      supervisorsSee: loaded.definition.readScope.supervisor === 'all',
      clocks: Object.values(loaded.state.clocks),
    });
  }
  return { cases: seeded, commands: timeline.length, warnings, breaches };
}

const describe = (demo: DemoCase) => `demo ${demo.workflow} case (${demo.stage})`;
const failed = (message: string): never => {
  throw new DemoSeedFailed(message);
};
