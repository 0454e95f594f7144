import { date, DAY, demoCollector, demoStaff, HOUR, iso, participant, regionOf, step, then, upTo, type DemoScenario, type DemoStep } from '../../domain/demo';
import { FACILITATION_WORDING } from './commands';

/** A no-contact condition found at intake, and how it stops blocking the meeting: amended with the facilitation wording, or expired. */
type Condition = false | 'amended' | 'expired';

/** The unit takes the referral, the intake and the conditions; the mediator it assigns does the mediation. */
function opportunitiesPath(n: number, noContactCondition: Condition): DemoStep[] {
  const { rju } = demoStaff;
  const mediator = demoStaff.mediators[n % demoStaff.mediators.length]!;
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
    step(12, rju, 'AssignMediator', () => ({ mediatorId: mediator.id })),
    step(16, mediator, 'RecordPreparation', (at) => ({ party: 'victim', heldAt: iso(at, -2 * HOUR), consent: 'given' })),
    step(20, mediator, 'RecordPreparation', (at) => ({ party: 'offender', heldAt: iso(at, -2 * HOUR), consent: 'given' })),
    step(23, mediator, 'SelectModel', () => ({ model: 'faceToFace' })),
    ...(noContactCondition === 'amended'
      ? [step(30, rju, 'RecordConditionAmended', (at) => ({ kind: 'paroleBoardNoContactCondition', amendedOn: date(at, -DAY), facilitationWording: FACILITATION_WORDING }))]
      : []),
    ...(noContactCondition === 'expired'
      ? [step(30, rju, 'RecordConditionEnded', (at) => ({ kind: 'paroleBoardNoContactCondition', endedOn: date(at, -DAY), how: 'expired' }))]
      : []),
    step(33, mediator, 'ArrangeMeeting', (at) => ({
      scheduledFor: iso(at, 7 * DAY),
      venue: { kind: 'institution', site: 'Demo Institution' },
      room: 'chapel',
      privateAndUninterrupted: true,
      notRecordedOrOverheard: true,
      entryDocumentsArranged: true,
    })),
    step(41, mediator, 'RecordDialogue', (at) => ({ heldAt: iso(at, -DAY) })),
    step(42, mediator, 'BeginFollowUp'),
    step(50, mediator, 'RecordFollowUp', (at) => ({ party: 'victim', heldAt: iso(at, -2 * HOUR) })),
    step(60, rju, 'CloseCase'),
  ];
}

/** A referral at every stage, with and without a no-contact condition (amended, or expired), and the two ways out. */
export const restorativeOpportunitiesDemo: DemoScenario = ({ first }) => {
  const demo = demoCollector(first);
  for (const [count, condition, stage] of [
    [1, false, 'referral received'],
    [2, false, 'intake assessment'],
    [3, 'amended', 'awaiting a mediator, no-contact condition'],
    [4, false, 'mediator assigned'],
    [6, false, 'preparation'],
    [7, 'amended', 'face-to-face chosen, condition not yet amended'],
    [8, 'amended', 'condition amended'],
    [8, false, 'meeting arranged'],
    [9, false, 'dialogue held'],
    [11, false, 'follow-up'],
    [12, false, 'closed'],
    [13, 'expired', 'closed, after the no-contact condition expired'],
  ] as const) {
    demo.add(stage, upTo(opportunitiesPath(demo.n, condition), count));
  }
  demo.add('not suitable', then(opportunitiesPath(demo.n, false), 4, step(5, demoStaff.rju, 'DetermineNotSuitable', () => ({ reason: 'safetyConcerns' }))));
  const withdrawn = demo.n;
  demo.add('withdrawn', then(opportunitiesPath(withdrawn, false), 5, step(3, demoStaff.mediators[withdrawn % demoStaff.mediators.length]!, 'Withdraw', () => ({ party: 'victim' }))));
  return demo.cases;
};
