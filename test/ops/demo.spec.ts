import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../../src/app.module';
import { ManualClock } from '../../src/clock/clock';
import { loadConfig } from '../../src/config/config';
import { seedDemo, type SeededCase, type SeedResult } from '../../src/demo/demo-seeder';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store';
import { SLA_SCHEDULER_ACTOR } from '../../src/sla/due-clocks';
import { StaffDirectory } from '../../src/staff/staff-directory.service';
import { CaseRepository } from '../../src/cases/case-repository';
import { attentionFields } from '../../domain/attention';
import type { CalendarProvider } from '../../domain/calendar/types';
import { CALENDARS } from '../../src/workflows/tokens';

jest.setTimeout(120_000);

interface Seeded {
  readonly context: INestApplicationContext;
  readonly result: SeedResult;
  readonly close: () => Promise<void>;
}

async function seedAt(present: Date): Promise<Seeded> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mend-demo-'));
  const config = loadConfig({ MEND_DATA_DIR: dataDir, MEND_LOG_LEVEL: 'silent' });
  const clock = new ManualClock(present);
  const context = await NestFactory.createApplicationContext(AppModule.forRoot({ config, clock, mode: 'cli' }), { logger: false });
  const result = await seedDemo(context, clock, present, config.settings);
  return {
    context,
    result,
    close: async () => {
      await context.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The times the demo's staff sent commands at (the scheduler's warnings and breaches aside), each
 * with the days off it must avoid: a working time in Ottawa (the hours and days of its business
 * calendar) that is a business day in the case's region too.
 */
async function staffTimesOutsideOfficeHours({ context, result }: Seeded): Promise<string[]> {
  const calendars = context.get<CalendarProvider>(CALENDARS);
  const ottawa = calendars.forRegion('ON');
  const events = await context.get<EventStore>(EVENT_STORE).readAll({ fromPosition: 0, maxCount: 10_000 });
  const outside: string[] = [];
  for (const event of events) {
    const { actor, occurredAt } = event.metadata as unknown as { actor: { id: string }; occurredAt: string };
    if (actor.id === SLA_SCHEDULER_ACTOR.id) continue;
    const at = new Date(occurredAt);
    const region = result.cases.find((c) => event.streamId.endsWith(c.caseId))?.region;
    const own = region ? calendars.forRegion(region) : ottawa;
    const inOffice = ottawa.nextBusinessStart(at).getTime() === at.getTime() && own.isBusinessDay(own.localDate(at));
    if (!inOffice) outside.push(`${event.type} by ${actor.id} at ${occurredAt} (Ottawa ${ottawa.localDate(at)}, ${region ?? 'staff directory'})`);
  }
  return outside;
}

/** Each case's stage, state and clocks as supervisors count them: what the demo is for. */
const spread = (result: SeedResult) =>
  result.cases.map((c) => ({
    workflow: c.workflow,
    stage: c.stage,
    state: c.state,
    clocks: c.clocks.map((k) => `${k.name}: ${k.status}${k.warnedThresholds.length > 0 ? ` warned ${k.warnedThresholds.join(' ')}` : ''}${k.metAt ? ' met' : ''}`),
  }));

/** The demo at a fixed present (a Friday in March 2026), so each case's clocks are known. */
describe('the demo data set', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mend-demo-'));
  const present = new Date('2026-03-20T18:00:00Z');
  let context: INestApplicationContext;
  let result: SeedResult;

  beforeAll(async () => {
    const config = loadConfig({ MEND_DATA_DIR: dataDir, MEND_LOG_LEVEL: 'silent' });
    const clock = new ManualClock(present);
    context = await NestFactory.createApplicationContext(AppModule.forRoot({ config, clock, mode: 'cli' }), { logger: false });
    result = await seedDemo(context, clock, present, config.settings);
  });
  afterAll(async () => {
    await context.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const statesOf = (workflow: string) => new Set(result.cases.filter((c) => c.workflow === workflow).map((c) => c.state));
  const byStage = (stage: string): SeededCase[] => result.cases.filter((c) => c.stage === stage);
  const clock = (c: SeededCase, name: string) => c.clocks.find((k) => k.name === name)!;

  it('holds every stage of the restorative engagement', () => {
    expect(statesOf('restorative-engagement')).toEqual(
      new Set(['optInReceived', 'awaitingPractitioner', 'phase1', 'phase2.choosingOptions', 'phase2.engaging', 'phase3', 'followUpScheduled', 'completed', 'withdrawn']),
    );
  });

  it('holds every stage of restorative opportunities, including a meeting blocked by a no-contact condition', () => {
    expect(statesOf('restorative-opportunities')).toEqual(
      new Set([
        'referralReceived',
        'intakeAssessment',
        'awaitingMediator',
        'mediatorAssigned',
        'preparation',
        'modelSelected',
        'meetingArranged',
        'dialogueHeld',
        'followUp',
        'closed',
        'notSuitable',
        'withdrawn',
      ]),
    );
    expect(byStage('face-to-face chosen, condition not yet amended').map((c) => c.state)).toEqual(['modelSelected']);
  });

  it('holds complaints at every stage, with clocks running, warned, breached, paused and met', () => {
    expect(statesOf('complaint')).toEqual(
      new Set(['received', 'underReview', 'responded', 'resolved', 'reviewRequested', 'withdrawn', 'closed']),
    );
    const [fresh] = byStage('received today, acknowledgement clock running');
    expect(clock(fresh!, 'Acknowledgement')).toMatchObject({ status: 'running', warnedThresholds: [] });
    for (const c of byStage('never acknowledged: acknowledgement breached')) expect(clock(c, 'Acknowledgement').status).toBe('breached');
    const [late] = byStage('acknowledged late, after its breach');
    expect(clock(late!, 'Acknowledgement')).toMatchObject({ status: 'breached', metAt: expect.any(String) });
    expect(clock(byStage('under review, response warned (50%)')[0]!, 'Response, level 1')).toMatchObject({ status: 'running', warnedThresholds: [0.5] });
    expect(clock(byStage('under review, response warned (80%)')[0]!, 'Response, level 1')).toMatchObject({ status: 'running', warnedThresholds: [0.5, 0.8] });
    for (const c of byStage('under review, response breached')) expect(clock(c, 'Response, level 1').status).toBe('breached');
    expect(clock(byStage('response clock paused')[0]!, 'Response, level 1').status).toBe('paused');
    expect(clock(byStage('responded')[0]!, 'Response, level 1').status).toBe('met');
    expect(clock(byStage('under review at level 2, response warned')[0]!, 'Response, level 2').warnedThresholds).toEqual([0.5, 0.8]);
    expect(result.cases.filter((c) => c.workflow === 'complaint').flatMap((c) => c.clocks).filter((c) => c.status === 'breached' && c.standard !== false)).toHaveLength(5);
  });

  it('holds clients of support coordination at every stage, first-contact clocks running, breached, met on time and late', () => {
    expect(statesOf('support-coordination')).toEqual(new Set(['awaitingAssignment', 'awaitingFirstContact', 'active', 'closed', 'withdrawn']));
    const firstContact = (stage: string) => byStage(stage).map((c) => clock(c, 'First contact'));
    expect(firstContact('opted in today, awaiting a coordinator')).toEqual([expect.objectContaining({ status: 'running' })]);
    expect(firstContact('never assigned: first contact breached')).toEqual([expect.objectContaining({ status: 'breached' })]);
    expect(firstContact('assigned, never reached: first contact breached')).toEqual([expect.objectContaining({ status: 'breached' })]);
    // Reached an hour after the opt-in, recorded the next business day, before the clock was due.
    expect(firstContact('first contact on time, receiving support')).toEqual([expect.objectContaining({ status: 'met', onTime: true })]);
    expect(firstContact('first contact late, after its breach')).toEqual([expect.objectContaining({ status: 'breached', metAt: expect.any(String), onTime: false })]);
    expect(firstContact('withdrawn at any time')).toEqual([expect.objectContaining({ cancelledAt: expect.any(String) })]);
  });

  it('holds information sessions requested, scheduled, held and cancelled', () => {
    expect(statesOf('information-session')).toEqual(new Set(['requested', 'scheduled', 'held', 'cancelled']));
  });

  it('flags for attention the one cohort its stage says is below six, and no other case', async () => {
    // As its workflow summarizes each case for lists (what GET /cases?attention=true filters on).
    const repository = context.get(CaseRepository);
    const flagged: [string, unknown][] = [];
    for (const seeded of result.cases) {
      const loaded = await repository.load(seeded.caseId);
      const { details } = loaded.definition.summarize(loaded.state);
      if (attentionFields(loaded.definition).some((field) => details[field] === true)) flagged.push([seeded.caseId, details['representatives']]);
    }
    expect(flagged).toEqual(byStage('meeting, below six: flagged to the supervisor').map((c) => [c.caseId, 5]));
  });

  it('links each Defence cohort’s engagement session to a class member’s Restorative Engagement case of the demo', async () => {
    const events = await context.get<EventStore>(EVENT_STORE).readAll({ fromPosition: 0, maxCount: 10_000 });
    const linked = events.filter((e) => e.type === 'EngagementSessionHeld').flatMap((e) => (e.data as { engagementCaseIds: string[] }).engagementCaseIds);
    expect(linked.length).toBeGreaterThan(0);
    const engagementCases = new Set(result.cases.filter((c) => c.workflow === 'restorative-engagement').map((c) => c.caseId));
    expect(linked.filter((id) => !engagementCases.has(id))).toEqual([]);
  });

  it('is sent by the demo staff, and by the SLA scheduler for warnings and breaches', async () => {
    const events = await context.get<EventStore>(EVENT_STORE).readAll({ fromPosition: 0, maxCount: 10_000 });
    const caseEvents = events.filter((e) => !e.streamId.startsWith('staff-'));
    const actors = new Set(caseEvents.map((e) => (e.metadata as unknown as { actor: { id: string } }).actor.id));
    expect([...actors].sort()).toEqual([
      'demo-mediator-1',
      'demo-mediator-2',
      'demo-practitioner-1',
      'demo-practitioner-2',
      'demo-practitioner-3',
      'demo-practitioner-4',
      'demo-rju-1',
      'demo-supervisor-1',
      SLA_SCHEDULER_ACTOR.id,
    ]);
  });

  it('names its staff in the directory: everyone who takes or runs its cases, added by the administrator before the first case', async () => {
    const events = await context.get<EventStore>(EVENT_STORE).readAll({ fromPosition: 0, maxCount: 10_000 });
    const caseEvents = events.filter((e) => !e.streamId.startsWith('staff-'));
    const staffEvents = events.filter((e) => e.streamId.startsWith('staff-'));
    const actors = [...new Set(caseEvents.map((e) => (e.metadata as unknown as { actor: { id: string } }).actor.id))].filter((id) => id !== SLA_SCHEDULER_ACTOR.id);
    const directory = context.get(StaffDirectory);
    for (const id of actors) {
      const person = await directory.get(id);
      expect({ id, named: person.displayName.length > 0 && !person.displayName.includes('demo-'), active: person.active }).toEqual({ id, named: true, active: true });
    }
    expect(new Set(staffEvents.map((e) => (e.metadata as unknown as { actor: { id: string } }).actor.id))).toEqual(new Set(['demo-admin-1']));
    const occurredAt = (e: { metadata: Readonly<Record<string, unknown>> }) => Date.parse(e.metadata['occurredAt'] as string);
    const firstCase = Math.min(...caseEvents.map(occurredAt));
    expect(staffEvents.every((e) => occurredAt(e) < firstCase)).toBe(true);
  });

  it('is sent by its staff in office hours, on business days of the federal calendar in Ottawa and in each case’s region', async () => {
    expect(await staffTimesOutsideOfficeHours({ context, result, close: async () => {} })).toEqual([]);
  });

  it('places each case in the region its opening command records, whose holidays its staff keep', async () => {
    const events = await context.get<EventStore>(EVENT_STORE).readAll({ fromPosition: 0, maxCount: 10_000 });
    for (const seeded of result.cases) {
      const recorded = events.find((e) => e.streamId.endsWith(seeded.caseId) && typeof (e.data as { region?: unknown }).region === 'string');
      expect({ stage: seeded.stage, region: (recorded?.data as { region?: string } | undefined)?.region }).toEqual({ stage: seeded.stage, region: seeded.region });
    }
  });

  // A Monday before office hours, a Saturday, the Tuesday after Thanksgiving (a federal holiday): the staff
  // worked the business days before, and the cases stand where they stand on a Friday afternoon.
  it.each(['2026-03-23T12:00:00Z', '2026-03-21T15:00:00Z', '2026-10-13T16:00:00Z'])('seeded at %s, is sent in office hours on business days, and holds the same stages and clocks', async (at) => {
    const other = await seedAt(new Date(at));
    try {
      expect(await staffTimesOutsideOfficeHours(other)).toEqual([]);
      expect(spread(other.result)).toEqual(spread(result));
    } finally {
      await other.close();
    }
  });
});
