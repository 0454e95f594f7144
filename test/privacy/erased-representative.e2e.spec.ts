import { defenceCohortWorkflow } from '../../workflows/defence-cohort';
import { startApp, type HttpClient, type RunningApp } from '../support/app';

const example = (command: string) => ({ ...(defenceCohortWorkflow.commands.find((c) => c.type === command)!.example as Record<string, unknown>) });
type Commitment = { representativeId: string; commitments: string };

/**
 * A representative erased while their cohort runs: the cohort completes with the commitments of the
 * others, and none can be recorded of the erased one (their key is gone).
 */
describe('completing a cohort one of whose representatives was erased', () => {
  let running: RunningApp;
  let supervisor: HttpClient;
  let practitioner: HttpClient;
  let caseId: string;

  const post = async (client: HttpClient, command: string, data: unknown) => client.post(`/cases/${caseId}/commands/${command}`, data);
  const revision = async () => (await supervisor.get(`/cases/${caseId}`)).body.revision as number;

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-09T15:00:00Z' });
    supervisor = await running.as('supervisor', 'supervisor-1');
    practitioner = await running.as('practitioner', 'practitioner-1');
    const formed = await supervisor.post('/cases', { workflow: 'defence-cohort', command: 'FormCohort', data: example('FormCohort') });
    expect(formed.status).toBe(201);
    caseId = formed.body.caseId;
    expect((await post(practitioner, 'StartCohort', example('StartCohort'))).status).toBe(200);
    expect((await post(practitioner, 'RecordSession', { ...example('RecordSession'), kind: 'planningForAction' })).status).toBe(200);
    const admin = await running.as('admin', 'admin-1');
    expect((await admin.post('/subjects/rep-6/erase', { consent: { givenBy: 'subject', givenAt: '2026-03-09T14:00:00Z' } })).status).toBe(200);
  });
  afterAll(async () => running.close());

  const commitments = () => example('CompleteCohort')['commitments'] as Commitment[];

  it('refuses a commitment of the erased representative, storing nothing', async () => {
    const before = await revision();
    const refused = await post(practitioner, 'CompleteCohort', { commitments: commitments() });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 422, code: 'SUBJECT.ERASED' });
    expect(await revision()).toBe(before);
  });

  it('completes with the commitments of the others, asking none of the erased one', async () => {
    const completed = await post(practitioner, 'CompleteCohort', { commitments: commitments().filter((c) => c.representativeId !== 'rep-6') });
    expect(completed.status).toBe(200);
    expect(completed.body.state).toBe('completed');
  });

  it('still asks the commitments of a representative who was not erased', async () => {
    // Other people: the erased one is recorded in no new case.
    const formed = example('FormCohort') as { representatives: { subjectId: string }[] };
    const data = { ...formed, representatives: formed.representatives.map((r) => ({ ...r, subjectId: `${r.subjectId}-b` })) };
    const other = await supervisor.post('/cases', { workflow: 'defence-cohort', command: 'FormCohort', data });
    expect(other.status).toBe(201);
    caseId = other.body.caseId;
    expect((await post(practitioner, 'StartCohort', example('StartCohort'))).status).toBe(200);
    expect((await post(practitioner, 'RecordSession', { ...example('RecordSession'), kind: 'planningForAction' })).status).toBe(200);
    const others = commitments().map((c) => ({ ...c, representativeId: `${c.representativeId}-b` }));
    const refused = await post(practitioner, 'CompleteCohort', { commitments: others.filter((c) => c.representativeId !== 'rep-5-b') });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 422, code: 'DRC.COMMITMENTS_MISSING' });
  });
});
