import { date, DAY, demoCollector, demoName, demoStaff, iso, practitioner, regionOf, step, then, upTo, type DemoScenario, type DemoStep } from '../../domain/demo';

const pad = (n: number) => String(n).padStart(3, '0');
const representativeId = (n: number, i: number) => `demo-rep-${pad(n)}-${i}`;

/** A cohort from formation to completion: six representatives at first, a seventh before the start, one leaving midway. */
function cohortPath(n: number): DemoStep[] {
  const { supervisor } = demoStaff;
  const guide = practitioner(n);
  const second = practitioner(n + 1);
  const representative = (i: number) => ({
    subjectId: representativeId(n, i),
    name: demoName(n * 10 + i),
    contact: `drc${pad(n)}.${i}@example.org`,
    affiliation: i % 2 === 0 ? 'dndEmployee' : 'cafMember',
  });
  const session = (day: number, kind: string) =>
    step(day, guide, 'RecordSession', (at) => ({ kind, delivery: n % 2 === 0 ? 'virtual' : 'inPerson', heldAt: iso(at, -2 * 3_600_000) }));
  return [
    step(0, supervisor, 'FormCohort', (at) => ({
      region: regionOf(n),
      format: n % 2 === 0 ? 'fullTime' : 'partTime',
      delivery: ['virtual', 'inPerson', 'mixed'][n % 3],
      practitionerIds: [guide.id, second.id],
      representatives: [1, 2, 3, 4, 5, 6].map((i) => ({ ...representative(i), nominatedOn: date(at, -20 * DAY) })),
    })),
    step(3, supervisor, 'AddRepresentative', (at) => ({ representative: { ...representative(7), nominatedOn: date(at, -10 * DAY) } })),
    step(10, guide, 'StartCohort', (at) => ({ startedOn: date(at) })),
    session(11, 'learning'),
    session(18, 'reflection'),
    step(25, guide, 'RecordEngagementSession', (at, links) => ({
      delivery: 'virtual',
      setting: 'individual',
      // A class member's Restorative Engagement case of the demo, as the program links them.
      engagementCaseIds: [links.caseOf('restorative-engagement', 'completed')],
      heldAt: iso(at, -3_600_000),
    })),
    step(30, guide, 'WithdrawRepresentative', () => ({ representativeId: representativeId(n, 7), reason: 'postingOrDeployment' })),
    session(70, 'planningForAction'),
    step(93, guide, 'CompleteCohort', () => ({
      commitments: [1, 2, 3, 4, 5, 6].map((i) => ({
        representativeId: representativeId(n, i),
        commitments: 'Brief my unit on what class members told us, and review how complaints are received in my section.',
      })),
    })),
  ];
}

/** Cohorts at every stage: forming, meeting, flagged below six, completed, disbanded. */
export const defenceCohortDemo: DemoScenario = ({ first }) => {
  const demo = demoCollector(first);
  demo.add('forming, six representatives', upTo(cohortPath(demo.n), 1));
  demo.add('forming, seven representatives', upTo(cohortPath(demo.n), 2));
  demo.add('meeting', upTo(cohortPath(demo.n), 4));
  demo.add('meeting, after an engagement session', upTo(cohortPath(demo.n), 7));
  const flagged = demo.n;
  // Seven by its start: two leave, and five remain.
  const leaves = (i: number, reason: string) => step(5, practitioner(flagged), 'WithdrawRepresentative', () => ({ representativeId: representativeId(flagged, i), reason }));
  demo.add('meeting, below six: flagged to the supervisor', then(then(cohortPath(flagged), 4, leaves(1, 'ownRequest')), 5, leaves(2, 'postingOrDeployment')));
  demo.add('completed', cohortPath(demo.n));
  demo.add('disbanded', then(cohortPath(demo.n), 1, step(4, demoStaff.supervisor, 'DisbandCohort', () => ({ reason: 'programDecision' }))));
  return demo.cases;
};
