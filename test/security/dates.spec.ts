import { workflowDefinitions } from '../../workflows/registry';
import { startApp, type HttpClient, type RunningApp } from '../support/app';

const example = (workflow: string, command: string) =>
  workflowDefinitions.find((d) => d.name === workflow)!.commands.find((c) => c.type === command)!.example as Record<string, unknown>;

// 1900-01-01T00:30:00+05:00 is written in 1900 but falls in 1899 in UTC, as it would be stored.
const OUT_OF_RANGE = ['0999-03-02T09:30:00-05:00', '0001-01-01T00:00:00Z', '1899-12-31T23:59:59Z', '1900-01-01T00:30:00+05:00', '2201-01-01T00:00:00Z', '9999-12-31T23:59:59Z'];

/**
 * Every date outside the supported years (1900–2200) is a 400 naming the field, never a 500, and
 * nothing is stored: the one `Instant` and `LocalDate` schemas of domain/schemas.ts carry the range.
 */
describe('dates outside the supported years', () => {
  let running: RunningApp;
  let supervisor: HttpClient;
  let auditor: HttpClient;

  beforeAll(async () => {
    // Late in 2199, so that a session at the end of 2200 is a plan, not a year mistyped (more than two years ahead: INF.TOO_FAR_AHEAD).
    running = await startApp({ start: '2199-06-01T12:00:00Z' });
    supervisor = await running.as('supervisor');
    auditor = await running.as('auditor');
  });
  afterAll(() => running.close());

  const issues = (body: { details?: { issues?: { path: string; message: string }[] } }) => body.details?.issues ?? [];

  it.each(OUT_OF_RANGE)('refuses a complaint received at %s with a 400 naming data.receivedAt', async (receivedAt) => {
    const data = { ...example('complaint', 'ReceiveComplaint'), receivedAt };
    const response = await supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data });
    expect(response.status).toBe(400);
    expect(issues(response.body).map((i) => i.path)).toEqual(['data.receivedAt']);
    expect(issues(response.body)[0]!.message).toMatch(/1900 to 2200|ISO 8601/);
  });

  it('refuses an opt-in whose claim decision date is in year 999, naming the field', async () => {
    const data = { ...example('restorative-engagement', 'ReceiveOptIn'), channel: 'writtenRequest', claimDecisionDate: '0999-02-20' };
    const response = await supervisor.post('/cases', { workflow: 'restorative-engagement', command: 'ReceiveOptIn', data });
    expect(response.status).toBe(400);
    expect(issues(response.body).map((i) => i.path)).toEqual(['data.claimDecisionDate']);
  });

  it('refuses a query date out of range with a 400 naming the parameter', async () => {
    const cases = await supervisor.get('/cases?updatedSince=0999-01-01T00:00:00Z');
    expect(cases.status).toBe(400);
    expect(issues(cases.body).map((i) => i.path)).toEqual(['query.updatedSince']);
    const clocks = await supervisor.get('/sla/clocks?dueBefore=2201-01-01T00:00:00Z');
    expect(clocks.status).toBe(400);
    expect(JSON.stringify(clocks.body)).toContain('dueBefore');
    const access = await auditor.get('/audit/access?from=0500-01-01T00:00:00Z');
    expect(access.status).toBe(400);
    expect(JSON.stringify(access.body)).toContain('from');
    const asOf = await auditor.get('/cases/0190a7e4-8f0e-7c53-a8e5-3b0c6f3f9d21/state?asOf=0999-12-31T00:00:00Z');
    expect(asOf.status).toBe(400);
    expect(JSON.stringify(asOf.body)).toContain('asOf');
  });

  describe('a session that would start or end after 2200', () => {
    let caseId: string;
    const schedule = (data: Record<string, unknown>, language = 'en') =>
      supervisor.post(`/cases/${caseId}/commands/ScheduleInformationSession`, { ...example('information-session', 'ScheduleInformationSession'), presenterId: 'practitioner-1', ...data }, { 'Accept-Language': language });

    beforeAll(async () => {
      const opened = await supervisor.post('/cases', { workflow: 'information-session', command: 'RequestInformationSession', data: example('information-session', 'RequestInformationSession') });
      expect(opened.status).toBe(201);
      caseId = opened.body.caseId;
    });

    it('refuses a start written in 2200 that is in 2201 in UTC, naming data.startsAt', async () => {
      const response = await schedule({ startsAt: '2200-12-31T23:30:00-05:00', durationMinutes: 60 });
      expect(response.status).toBe(400);
      expect(issues(response.body)).toEqual([{ path: 'data.startsAt', message: 'must be in the years 1900 to 2200 (in UTC)' }]);
    });

    it('refuses a length that would end the session in 2201, naming data.durationMinutes, in French too', async () => {
      const response = await schedule({ startsAt: '2200-12-31T20:00:00Z', durationMinutes: 480 }, 'fr');
      expect(response.status).toBe(400);
      expect(issues(response.body)).toEqual([{ path: 'data.durationMinutes', message: 'ferait finir la séance après l’année 2200' }]);
      expect((await schedule({ startsAt: '2200-12-31T20:00:00Z', durationMinutes: 60 })).status).toBe(200);
    });
  });

  it('stored nothing from the refused requests', async () => {
    const stored = await running.store.readAll({});
    // The session's opening (its id, its reference, its request) and the one schedule that fitted; nothing of a refused request.
    expect(stored.map((event) => event.type)).toEqual(['CaseIdReserved', 'CaseReferenceReserved', 'InformationSessionRequested', 'InformationSessionScheduled']);
  });
});
