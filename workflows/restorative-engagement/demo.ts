import { date, DAY, demoCollector, demoStaff, HOUR, iso, participant, practitionerIn, regionOf, step, then, upTo, type DemoScenario, type DemoStep } from '../../domain/demo';

/** The official language class member `n` is served in, and their practitioner, who works in it. */
const languageOf = (n: number) => (n % 3 === 1 ? 'fr' : 'en');
const practitionerOf = (n: number) => practitionerIn(n, languageOf(n));

function engagementPath(n: number): DemoStep[] {
  const { supervisor } = demoStaff;
  const p = practitionerOf(n);
  return [
    step(0, supervisor, 'ReceiveOptIn', (at) => ({
      channel: 'writtenRequest',
      region: regionOf(n),
      receivedAt: iso(at, -2 * HOUR),
      claimDecisionDate: date(at, -12 * DAY),
      classMember: participant('RE', n),
      officialLanguage: languageOf(n),
    })),
    step(1, supervisor, 'ConfirmParticipation', () => ({ officialLanguage: languageOf(n) })),
    step(3, supervisor, 'AssignPractitioner', () => ({ practitionerIds: [p.id] })),
    step(8, p, 'RecordPreparationSession', (at) => ({
      delivery: n % 2 === 0 ? 'virtual' : 'inPerson',
      topics: ['programOverview', 'participationOptions', 'confidentialityLimits', 'dutyToReportException', 'supportServices', 'goalSetting'],
      heldAt: iso(at, -2 * HOUR),
    })),
    step(10, p, 'SetGoals', () => ({ goals: 'Be heard by leaders who can change how complaints are handled.' })),
    step(15, p, 'CompletePreparation'),
    // A written sharing, and engagement sessions with a cohort of Defence representatives (a cohort's demo names one).
    step(16, p, 'ChooseParticipation', () => ({ options: ['writtenSharing', 'engagementSession'], deliveries: ['indirect', 'virtual'], settings: ['individual'], anonymity: 'anonymous' })),
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
    // Twelve weeks to the day, or the working day before: not early, not late.
    { ...step(126, p, 'RecordFollowUp', () => ({ outcome: 'held', goalsMet: 'met' })), counts: 'calendar' },
  ];
}

/** A case at every stage of the program, and two withdrawals. */
export const restorativeEngagementDemo: DemoScenario = ({ first }) => {
  const demo = demoCollector(first);
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
    demo.add(stage, upTo(engagementPath(demo.n), count));
  }
  demo.add('withdrawn', then(engagementPath(demo.n), 3, step(2, practitionerOf(demo.n), 'Withdraw')));
  const resumed = then(engagementPath(demo.n), 7, step(2, practitionerOf(demo.n), 'Withdraw'));
  demo.add('withdrawn, then asked to take part again', [...resumed, step(resumed.at(-1)!.day + 20, demoStaff.supervisor, 'ResumeParticipation')]);
  return demo.cases;
};
