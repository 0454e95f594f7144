import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workflowDefinitions } from '../../workflows/registry';
import { apiExamplesDoc, runJourney, type Exchange } from '../support/api-examples';
import { startApp, type RunningApp } from '../support/app';
import { EXAMPLES_CLOCK_START, journeys, type Journey } from './journeys.fixture';

/**
 * The "done means", as a new user would do it over HTTP with the README's examples: each
 * journey's requests are those of docs/api-examples.md, and the page must show what they answer.
 */
describe('journeys from the README, over HTTP', () => {
  let running: RunningApp;
  const runs: { journey: Journey; exchanges: Exchange[] }[] = [];

  beforeAll(async () => {
    running = await startApp({ start: EXAMPLES_CLOCK_START, env: { MEND_RATE_LIMIT: '1000000' } });
    for (const journey of journeys) runs.push({ journey, exchanges: await runJourney(running, journey) });
  });
  afterAll(async () => running.close());

  const run = (workflow: string) => runs.find((r) => r.journey.workflow === workflow)!;
  const storedTypes = async (journey: Journey) => {
    const category = workflowDefinitions.find((d) => d.name === journey.workflow)!.category;
    return (await running.store.readStream(`${category}-${journey.caseId}`)).map((e) => ({ type: e.type, data: e.data as any }));
  };

  it.each(journeys.map((j) => [j.title, j] as const))('%s: every step answers as the page says', (_title, journey) => {
    const { exchanges } = run(journey.workflow);
    const outcome = (status: number, body: any, expected: Journey['steps'][number]['expect']) => ({
      status,
      ...(expected.state !== undefined ? { state: body.state } : {}),
      ...(expected.code !== undefined ? { code: body.code } : {}),
    });
    expect(exchanges.map((e) => ({ step: e.step.title, ...outcome(e.status, e.response, e.step.expect) }))).toEqual(
      journey.steps.map((step) => ({ step: step.title, ...step.expect })),
    );
  });

  it('restorative engagement: all three phases, then a follow-up clock that a follow-up recorded too early does not meet', async () => {
    const { journey, exchanges } = run('restorative-engagement');
    const last = exchanges.at(-1)!.response;
    expect(last).toMatchObject({ state: 'followUpScheduled', status: 'open', assignees: ['p-1'], details: { goalsMet: 'met', sharingsSubmitted: 1, followUpDueOn: '2026-06-01' } });
    const closed = exchanges.find((e) => e.step.command === 'CloseEngagement')!.response;
    expect(closed.clocks.find((c: { clock: string }) => c.clock === 'followUp')).toMatchObject({ status: 'running', basis: 'calendar', days: 84 });
    const refused = exchanges.find((e) => e.status === 422)!.response;
    expect(refused.message).toBe('The follow-up is due on 2026-06-01 and can be recorded from 2026-05-25; 2026-03-09 is too early.');
    const types = (await storedTypes(journey)).map((e) => e.type);
    expect(types.filter((t) => !t.startsWith('Clock'))).toEqual([
      'OptInReceived',
      'ParticipationConfirmed',
      'PractitionerAssigned',
      'PreparationSessionHeld',
      'GoalsSet',
      'PreparationCompleted',
      'ParticipationChosen',
      'EngagementScheduled',
      'EngagementRecorded',
      'SharingSubmitted',
      'EngagementPhaseCompleted',
      'ReflectionRecorded',
      'EngagementClosed',
    ]);
    expect(types.at(-1)).toBe('ClockStarted');
  });

  it('defence cohort: flagged below six, not started below six, completed with each representative’s commitments', async () => {
    const { journey, exchanges } = run('defence-cohort');
    const flagged = exchanges.find((e) => e.step.command === 'WithdrawRepresentative')!.response;
    expect(flagged).toMatchObject({ state: 'forming', details: { representatives: 5, belowMinimum: true } });
    const started = exchanges.find((e) => e.step.command === 'StartCohort' && e.status === 200)!.response;
    expect(started.details).toMatchObject({ startedOn: '2026-03-09', plannedEndOn: '2026-05-31', belowMinimum: false });
    const rules = exchanges.find((e) => e.response.code === 'COMMAND.RULES_BROKEN')!.response.details.rules.map((r: { code: string }) => r.code);
    expect(rules).toEqual(['DRC.NO_PLANNING_SESSION', 'DRC.COMMITMENTS_MISSING']);
    expect(exchanges.at(-1)!.response).toMatchObject({ state: 'completed', status: 'closed', assignees: ['p-1', 'p-2'], details: { representatives: 6, representativesWithdrawn: 1, engagementCases: 1 } });
    const stored = await storedTypes(journey);
    expect(stored.filter((e) => e.type === 'RepresentativeCommitted').map((e) => e.data.representativeId)).toEqual(['rep-1', 'rep-2', 'rep-3', 'rep-4', 'rep-5', 'rep-7']);
    expect(stored.find((e) => e.type === 'EngagementSessionHeld')!.data.engagementCaseIds).toEqual([journeys[0]!.caseId]);
    // Names and commitments are sealed in the store, each with its representative's key.
    expect(JSON.stringify(stored)).not.toContain('Alex Martin');
    expect(JSON.stringify(stored)).not.toContain('Brief my unit');
  });

  it('restorative opportunities: the meeting is reserved ahead, but not recorded as held until the condition is amended', async () => {
    const { journey, exchanges } = run('restorative-opportunities');
    const refused = exchanges.findIndex((e) => e.status === 422);
    const [arranged, amended, held] = [exchanges[refused - 1]!, exchanges[refused + 1]!, exchanges[refused + 2]!];
    expect({ step: arranged.step.command, state: arranged.response.state }).toEqual({ step: 'ArrangeMeeting', state: 'meetingArranged' });
    expect(arranged.response.details.noContactCondition).toBe('inPlace');
    expect(exchanges[refused]!.step.command).toBe('RecordDialogue');
    expect(exchanges[refused]!.response.message).toContain('“Record an amended condition”');
    expect(exchanges[refused]!.response.message).toContain('The meeting arranged for 2026-02-24 stays reserved');
    // The amendment was sent with the revision seen before the refusal: the refusal stored nothing.
    expect(amended.ifMatch).toBe(arranged.response.revision);
    expect(amended.response.details.noContactCondition).toBe('facilitationPermitted');
    expect({ step: held.step.command, state: held.response.state }).toEqual({ step: 'RecordDialogue', state: 'dialogueHeld' });
    expect(exchanges.at(-1)!.response).toMatchObject({ state: 'closed', status: 'closed' });
    const stored = await storedTypes(journey);
    expect(stored.filter((e) => e.type === 'MeetingArranged')).toHaveLength(1);
    expect(stored.filter((e) => e.type === 'DialogueHeld')).toHaveLength(1);
  });

  it('restorative opportunities: no one outside the Restorative Justice Unit knows the case exists', async () => {
    const { journey } = run('restorative-opportunities');
    for (const role of ['practitioner', 'supervisor', 'auditor'] as const) {
      const response = await (await running.as(role)).get(`/cases/${journey.caseId}`);
      expect({ role, status: response.status, code: response.body.code }).toEqual({ role, status: 404, code: 'CASE.NOT_FOUND' });
    }
  });

  it('complaint: two reviews by new reviewers, each level answered on time, closed when the reviews are exhausted', async () => {
    const { journey, exchanges } = run('complaint');
    expect(exchanges.at(-1)!.response).toMatchObject({
      state: 'closed',
      status: 'closed',
      details: { level: 3, lastLevel: true, reviewsRequested: 2 },
    });
    const clocks = exchanges.at(-1)!.response.clocks as { clock: string; status: string; onTime?: boolean }[];
    expect(clocks.map(({ clock, status, onTime }) => ({ clock, status, onTime }))).toEqual(
      // Each review requested within the complainant's review window, which it meets.
      ['acknowledgement', 'response-1', 'review-window-1', 'response-2', 'review-window-2', 'response-3'].map((clock) => ({ clock, status: 'met', onTime: true })),
    );
    // Each clock keeps the names its start recorded, in English and in French.
    expect(clocks.find((c) => c.clock === 'review-window-2')).toMatchObject({ name: 'Review window, level 2', nameFr: 'Délai de demande de révision, palier 2' });
    const stored = await storedTypes(journey);
    expect(stored.filter((e) => e.type === 'HandlerAssigned').map((e) => [e.data.level, e.data.handlerId])).toEqual([
      [1, 'p-1'],
      [2, 'p-2'],
      [3, 'p-3'],
    ]);
    expect(stored.find((e) => e.type === 'ComplaintClosed')!.data.outcome).toBe('reviewsExhausted');
  });

  it('support coordination: first contact is judged on the coordinator’s clock, within the hours promised there', async () => {
    const { journey, exchanges } = run('support-coordination');
    expect(exchanges.at(-1)!.response).toMatchObject({
      state: 'closed',
      region: 'BC',
      details: { officialLanguage: 'fr', coordinatorTimeZone: 'America/Vancouver', formalComplaint: 'registered', servicesRecorded: 1, referralsMade: 1, outcome: 'needsMet' },
    });
    const stored = await storedTypes(journey);
    expect(stored.filter((e) => e.type === 'FirstContactMade').map((e) => [e.data.localTime, e.data.outsideBusinessHours])).toEqual([['2026-03-09T09:45', undefined]]);
    expect(stored.find((e) => e.type === 'ClockMet')!.data).toMatchObject({ clock: 'firstContact', onTime: true });
  });

  it('information session: the refusal while full stores nothing; the moved session keeps its two registrations', async () => {
    const { journey, exchanges } = run('information-session');
    expect(exchanges.find((e) => e.status === 422)!.response.message).toBe('The session is full: its 2 seats are taken.');
    expect(exchanges.at(-1)!.response).toMatchObject({ state: 'scheduled', assignees: ['p-2'], details: { startsAt: '2026-04-02T17:00:00.000Z', registered: 2, capacity: 2 } });
    const stored = await storedTypes(journey);
    expect(stored.filter((e) => e.type === 'AttendeeRegistered').map((e) => e.data.registrationId)).toEqual(['seat-1', 'seat-2', 'seat-3']);
    expect(stored.at(-1)!.data).toMatchObject({ previousStartsAt: '2026-03-26T17:00:00.000Z' });
  });

  it('docs/api-examples.md shows these very requests and what they answered', () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'docs', 'api-examples.md'), 'utf8');
    if (committed !== apiExamplesDoc(runs)) {
      throw new Error(
        'docs/api-examples.md no longer matches the journeys or what the API answers: run ' +
          '`node -r ./test/support/register.js scripts/api-examples.ts`, review the difference and commit it.',
      );
    }
  });
});
