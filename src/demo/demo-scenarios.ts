import type { Actor } from '../../domain/roles';
import { demoStaff, participant } from './demo-people';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** One command of a demo case, `day` days after the case began. */
export interface DemoStep {
  readonly day: number;
  readonly actor: Actor;
  readonly command: string;
  /** The command's data, given the business time it is sent at. */
  readonly data: (at: Date) => Record<string, unknown>;
}

/** A demo case: a workflow's path cut at one stage, begun `startDaysAgo` days before the demo's present. */
export interface DemoCase {
  readonly workflow: string;
  readonly stage: string;
  readonly region: string;
  readonly startDaysAgo: number;
  readonly steps: readonly DemoStep[];
}

const iso = (at: Date, offsetMs = 0) => new Date(at.getTime() + offsetMs).toISOString();
const date = (at: Date, offsetMs = 0) => iso(at, offsetMs).slice(0, 10);
const REGIONS = ['ON', 'QC', 'BC', 'NS', 'ON', 'MB', 'ON', 'AB'] as const;
const regionOf = (n: number) => REGIONS[n % REGIONS.length]!;
const practitioner = (n: number) => demoStaff.practitioners[n % demoStaff.practitioners.length]!;
const step = (day: number, actor: Actor, command: string, data: DemoStep['data'] = () => ({})): DemoStep => ({ day, actor, command, data });

function engagementPath(n: number): DemoStep[] {
  const { supervisor } = demoStaff;
  const p = practitioner(n);
  return [
    step(0, supervisor, 'ReceiveOptIn', (at) => ({
      channel: 'writtenRequest',
      region: regionOf(n),
      receivedAt: iso(at, -2 * HOUR),
      claimDecisionDate: date(at, -12 * DAY),
      classMember: participant('RE', n),
      officialLanguage: n % 3 === 1 ? 'fr' : 'en',
    })),
    step(1, supervisor, 'ConfirmParticipation', () => ({ officialLanguage: n % 3 === 1 ? 'fr' : 'en' })),
    step(3, supervisor, 'AssignPractitioner', () => ({ practitionerIds: [p.id] })),
    step(8, p, 'RecordPreparationSession', (at) => ({
      delivery: n % 2 === 0 ? 'virtual' : 'inPerson',
      topics: ['programOverview', 'participationOptions', 'confidentialityLimits', 'dutyToReportException', 'supportServices', 'goalSetting'],
      heldAt: iso(at, -2 * HOUR),
    })),
    step(10, p, 'SetGoals', () => ({ goals: 'Be heard by leaders who can change how complaints are handled.' })),
    step(15, p, 'CompletePreparation'),
    step(16, p, 'ChooseParticipation', () => ({ options: ['writtenSharing'], deliveries: ['indirect'], settings: ['individual'], anonymity: 'anonymous' })),
    step(17, p, 'ScheduleEngagement', (at) => ({
      engagementId: 'letter-1',
      option: 'writtenSharing',
      delivery: 'indirect',
      setting: 'individual',
      scheduledFor: iso(at, 2 * DAY),
    })),
    step(21, p, 'RecordEngagement', (at) => ({ outcome: 'held', engagementId: 'letter-1', heldAt: iso(at, -DAY) })),
    step(22, p, 'SubmitSharing', () => ({ engagementId: 'letter-1' })),
    step(30, p, 'CompleteEngagementPhase'),
    step(40, p, 'RecordReflection', () => ({
      goalsMet: 'met',
      feedback: 'I felt listened to.',
      inputUse: ['defenceRepresentativeLearning', 'programImprovement'],
      stayConnected: { programUpdates: true, researchAndConsultations: false },
      followUpConsent: true,
    })),
    step(42, p, 'CloseEngagement', () => ({ followUpInWeeks: 12 })),
    step(126, p, 'RecordFollowUp', () => ({ outcome: 'held', goalsMet: 'met' })),
  ];
}

const FACILITATION = "unless deemed appropriate and facilitated by CSC's Restorative Opportunities Program";

function opportunitiesPath(n: number, noContactCondition: boolean): DemoStep[] {
  const { rju } = demoStaff;
  return [
    step(0, rju, 'ReceiveReferral', (at) => ({
      source: 'victim',
      region: regionOf(n),
      receivedAt: iso(at, -3 * HOUR),
      victimRegistered: true,
      victim: participant('V', n),
      offender: participant('O', n),
    })),
    step(2, rju, 'BeginIntakeAssessment', () => ({ intakeOfficerId: rju.id })),
    step(9, rju, 'AssessIntake', () => ({
      outcome: 'suitable',
      offenderAcceptedResponsibility: true,
      safetyConcerns: 'none',
      noContactConditions: noContactCondition ? [{ kind: 'paroleBoardNoContactCondition' }] : [],
    })),
    step(12, rju, 'AssignMediator', () => ({ mediatorId: rju.id })),
    step(16, rju, 'RecordPreparation', (at) => ({ party: 'victim', heldAt: iso(at, -2 * HOUR), consent: 'given' })),
    step(20, rju, 'RecordPreparation', (at) => ({ party: 'offender', heldAt: iso(at, -2 * HOUR), consent: 'given' })),
    step(23, rju, 'SelectModel', () => ({ model: 'faceToFace' })),
    ...(noContactCondition
      ? [step(30, rju, 'RecordConditionAmended', (at) => ({ kind: 'paroleBoardNoContactCondition', amendedOn: date(at, -DAY), facilitationWording: FACILITATION }))]
      : []),
    step(33, rju, 'ArrangeMeeting', (at) => ({
      scheduledFor: iso(at, 7 * DAY),
      venue: { kind: 'institution', site: 'Demo Institution' },
      room: 'chapel',
      privateAndUninterrupted: true,
      notRecordedOrOverheard: true,
      entryDocumentsArranged: true,
    })),
    step(41, rju, 'RecordDialogue', (at) => ({ heldAt: iso(at, -DAY) })),
    step(42, rju, 'BeginFollowUp'),
    step(50, rju, 'RecordFollowUp', (at) => ({ party: 'victim', heldAt: iso(at, -2 * HOUR) })),
    step(60, rju, 'CloseCase'),
  ];
}

/** A complaint through every level of the escalation chain, then closed. */
function complaintPath(n: number, levels: number, channel: 'electronic' | 'mail' = 'electronic'): DemoStep[] {
  const { supervisor } = demoStaff;
  const handler = (level: number) => practitioner(n + level - 1);
  const respond = (level: number) =>
    step(level * 25 - 5, handler(level), 'Respond', () => ({
      response: `Level ${level} response: we have looked into this and here is what will change.`,
      ...(level < levels
        ? { nextLevel: { name: `Reviewer L${level + 1}`, role: `Level ${level + 1} reviewer`, contact: `review-l${level + 1}@example.org` } }
        : {}),
    }));
  const steps: DemoStep[] = [
    step(0, supervisor, 'ReceiveComplaint', (at) => ({
      channel,
      receivedAt: iso(at, -HOUR),
      region: regionOf(n),
      complainant: participant('C', n),
      text: 'My preparation meeting was cancelled twice without notice and nobody called me back.',
      concerns: { program: 'restorative-engagement' },
    })),
    step(0.05, supervisor, 'AssignHandler', () => ({ handlerId: handler(1).id })),
    step(1, handler(1), 'AcknowledgeComplaint', () => ({ method: channel === 'mail' ? 'mail' : 'email' })),
    respond(1),
  ];
  for (let level = 2; level <= levels; level++) {
    steps.push(
      step(level * 25 - 24, handler(level - 1), 'RequestReview', () => ({ grounds: 'I still have not been told why it happened.' })),
      step(level * 25 - 23, supervisor, 'AssignHandler', () => ({ handlerId: handler(level).id })),
      respond(level),
    );
  }
  steps.push(step(levels * 25, handler(levels), 'CloseComplaint'));
  return steps;
}

const upTo = (steps: readonly DemoStep[], count: number) => steps.slice(0, count);
const then = (steps: readonly DemoStep[], count: number, extra: DemoStep) => [...steps.slice(0, count), { ...extra, day: steps[count - 1]!.day + extra.day }];
/** Began `slack` days before its last step, so every case has a different age. */
const started = (steps: readonly DemoStep[], slack: number) => steps[steps.length - 1]!.day + slack;

/**
 * The demo's cases: every workflow cut at every stage, over the past months. Complaints are placed so
 * that, at the present, some clocks run, some are warned, some breached, some met or paused.
 */
export function demoCases(escalationLevels: number): DemoCase[] {
  const cases: DemoCase[] = [];
  const add = (workflow: string, stage: string, n: number, steps: readonly DemoStep[], startDaysAgo = started(steps, 1 + (n % 9))) =>
    cases.push({ workflow, stage, region: regionOf(n), startDaysAgo, steps });

  let n = 1;
  for (const [count, stage] of [
    [1, 'opt-in received'],
    [2, 'awaiting a practitioner'],
    [3, 'phase 1: preparation'],
    [5, 'phase 1, goals set'],
    [6, 'phase 2: choosing options'],
    [8, 'phase 2: engagement scheduled'],
    [10, 'phase 2: sharing submitted'],
    [11, 'phase 3: reflection'],
    [13, 'follow-up scheduled'],
    [14, 'completed'],
    [14, 'completed'],
  ] as const) {
    add('restorative-engagement', stage, n, upTo(engagementPath(n), count));
    n++;
  }
  for (const count of [3, 7]) {
    add('restorative-engagement', 'withdrawn', n, then(engagementPath(n), count, step(2, practitioner(n), 'Withdraw')));
    n++;
  }

  for (const [count, condition, stage] of [
    [1, false, 'referral received'],
    [2, false, 'intake assessment'],
    [3, true, 'awaiting a mediator, no-contact condition'],
    [4, false, 'mediator assigned'],
    [6, false, 'preparation'],
    [7, true, 'face-to-face chosen, condition not yet amended'],
    [8, true, 'condition amended'],
    [8, false, 'meeting arranged'],
    [9, false, 'dialogue held'],
    [11, false, 'follow-up'],
    [12, false, 'closed'],
    [13, true, 'closed'],
  ] as const) {
    add('restorative-opportunities', stage, n, upTo(opportunitiesPath(n, condition), count));
    n++;
  }
  add('restorative-opportunities', 'not suitable', n, then(opportunitiesPath(n, false), 4, step(5, demoStaff.rju, 'DetermineNotSuitable', () => ({ reason: 'safetyConcerns' }))));
  n++;
  add('restorative-opportunities', 'withdrawn', n, then(opportunitiesPath(n, false), 5, step(3, demoStaff.rju, 'Withdraw', () => ({ party: 'victim' }))));
  n++;

  const complaint = (stage: string, startDaysAgo: number, steps: readonly DemoStep[]) => {
    add('complaint', stage, n, steps, startDaysAgo);
    n++;
  };
  const full = () => complaintPath(n, escalationLevels);
  const acknowledged = () => upTo(full(), 3);
  complaint('received today, acknowledgement clock running', 0.1, upTo(full(), 1));
  complaint('received by mail, acknowledged', 3, upTo(complaintPath(n, escalationLevels, 'mail'), 3));
  complaint('never acknowledged: acknowledgement breached', 25, upTo(full(), 2));
  complaint('never acknowledged: acknowledgement breached', 12, upTo(full(), 2));
  complaint('acknowledged late, after its breach', 14, then(full(), 2, step(6, practitioner(n), 'AcknowledgeComplaint', () => ({ method: 'phone' }))));
  complaint('under review, response warned (50%)', 28, acknowledged());
  complaint('under review, response warned (80%)', 38, acknowledged());
  complaint('under review, response breached', 70, acknowledged());
  complaint('under review, response breached', 55, acknowledged());
  complaint('response clock paused', 20, then(full(), 3, step(4, practitioner(n), 'PauseClock', () => ({ clock: 'response-1', reason: 'Awaiting the dates the complainant is available for a call.' }))));
  complaint('responded', 30, upTo(full(), 4));
  complaint('response accepted', 40, then(full(), 4, step(4, practitioner(n), 'AcceptResponse')));
  complaint('withdrawn', 20, then(full(), 3, step(5, practitioner(n), 'WithdrawComplaint')));
  if (escalationLevels > 1) {
    complaint('review requested', 30, upTo(full(), 5));
    complaint('under review at level 2', 45, upTo(full(), 6));
    complaint('under review at level 2, response warned', 60, upTo(full(), 6));
  }
  complaint('closed after every level', started(full(), 10), full());
  complaint('closed after every level', started(full(), 25), full());
  return cases;
}
