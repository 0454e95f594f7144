import { ErrorBodySchema } from '../../src/http/response-schemas';
import { workflowDefinitions } from '../../workflows/registry';
import { startApp, type HttpClient, type RunningApp } from '../support/app';

const exampleOf = (workflow: string, command: string) =>
  ({ ...(workflowDefinitions.find((d) => d.name === workflow)!.commands.find((c) => c.type === command)!.example as Record<string, unknown>) });

/**
 * A planned time years ahead is a mistyped year (2062 for 2026): refused with 422 beside its field,
 * in the caller's language, and nothing stored; a time just under two years ahead is still planned.
 */
describe('a planned time more than two years ahead, over HTTP', () => {
  let running: RunningApp;
  let supervisor: HttpClient;

  beforeAll(async () => {
    // The horizon is the same instant two years on: 2028-03-03T15:00:00Z.
    running = await startApp({ start: '2026-03-03T15:00:00Z' });
    supervisor = await running.as('supervisor', 'supervisor-1');
  });
  afterAll(async () => running.close());

  const said = {
    en: {
      message: '“Starts at”: 2062-03-24T13:00:00-03:00 is more than two years ahead; check the year.',
      atField: '2062-03-24T13:00:00-03:00 is more than two years ahead; check the year.',
    },
    fr: {
      message: '«\u00a0Début\u00a0»\u00a0: 2062-03-24T13:00:00-03:00 est à plus de deux ans d’ici\u00a0; vérifiez l’année.',
      atField: '2062-03-24T13:00:00-03:00 est à plus de deux ans d’ici\u00a0; vérifiez l’année.',
    },
  };

  it('ScheduleInformationSession in 2062 for 2026: 422 INF.TOO_FAR_AHEAD at data.startsAt, in English and in French, and nothing stored', async () => {
    const opened = await supervisor.post('/cases', { workflow: 'information-session', command: 'RequestInformationSession', data: exampleOf('information-session', 'RequestInformationSession') });
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId as string;
    const before = await supervisor.get(`/cases/${caseId}/history`);
    expect(before.body.items).toHaveLength(1);
    const revision = (await supervisor.get(`/cases/${caseId}`)).body.revision;
    const path = `/cases/${caseId}/commands/ScheduleInformationSession`;
    const mistyped = { ...exampleOf('information-session', 'ScheduleInformationSession'), startsAt: '2062-03-24T13:00:00-03:00' };

    for (const language of ['en', 'fr'] as const) {
      const { status, body, headers } = await supervisor.post(path, mistyped, { 'accept-language': language === 'en' ? 'en-CA' : 'fr' });
      expect({ language, status, code: body.code, said: headers.get('content-language') }).toEqual({ language, status: 422, code: 'INF.TOO_FAR_AHEAD', said: language });
      expect(ErrorBodySchema.safeParse(body).success).toBe(true);
      expect(body.message).toBe(said[language].message);
      expect(body.details).toEqual({ issues: [{ path: 'data.startsAt', message: said[language].atField }] });
    }

    const view = await supervisor.get(`/cases/${caseId}`);
    expect({ revision: view.body.revision, state: view.body.state }).toEqual({ revision, state: 'requested' });
    expect((await supervisor.get(`/cases/${caseId}/history`)).body.items).toEqual(before.body.items);

    // Just under two years ahead is a plan: it is scheduled.
    const planned = await supervisor.post(path, { ...mistyped, startsAt: '2028-03-03T11:59:00-03:00' });
    expect({ status: planned.status, state: planned.body.state, revision: planned.body.revision }).toEqual({ status: 200, state: 'scheduled', revision: revision + 1 });
  });
});
