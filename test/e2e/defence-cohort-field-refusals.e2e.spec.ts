import { ErrorBodySchema } from '../../src/http/response-schemas';
import { workflowDefinitions } from '../../workflows/registry';
import { startApp, type HttpClient, type HttpResponse, type RunningApp } from '../support/app';

const cohort = workflowDefinitions.find((d) => d.name === 'defence-cohort')!;
const example = (command: string) => cohort.commands.find((c) => c.type === command)!.example as Record<string, unknown>;

/**
 * A session dated before the cohort started (DRC.BEFORE_START): its sentence names the session's
 * date by its label, and `details.issues` puts it beside that field (`data.heldAt`), without naming
 * the field again there.
 */
describe('defence cohort: a session before the start beside its date, over HTTP', () => {
  let running: RunningApp;
  let practitioner: HttpClient;
  let caseId: string;
  let revision: number;

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-02T16:00:00Z' });
    const supervisor = await running.as('supervisor', 'supervisor-1');
    practitioner = await running.as('practitioner', 'practitioner-1');
    const formed = await supervisor.post('/cases', { workflow: cohort.name, command: 'FormCohort', data: example('FormCohort') });
    expect(formed.status).toBe(201);
    caseId = formed.body.caseId;
    const started = await practitioner.post(`/cases/${caseId}/commands/StartCohort`, { startedOn: '2026-03-02' });
    expect({ status: started.status, state: started.body.state }).toEqual({ status: 200, state: 'running' });
    revision = started.body.revision;
  });
  afterAll(async () => running.close());

  const inBoth = async (command: string, data: unknown): Promise<Record<'en' | 'fr', HttpResponse<any>>> => ({
    en: await practitioner.post(`/cases/${caseId}/commands/${command}`, data, { 'accept-language': 'en-CA' }),
    fr: await practitioner.post(`/cases/${caseId}/commands/${command}`, data, { 'accept-language': 'fr' }),
  });

  it.each([
    ['RecordSession', { kind: 'learning', delivery: 'inPerson', heldAt: '2026-02-27T10:00:00-05:00' }],
    ['RecordEngagementSession', { ...example('RecordEngagementSession'), heldAt: '2026-02-27T10:00:00-05:00' }],
  ])('%s dated before the start: 422 DRC.BEFORE_START at data.heldAt, in English and in French', async (command, data) => {
    const said = {
      en: '“Held at” (2026-02-27T10:00:00-05:00) is before the cohort started (2026-03-02).',
      fr: '«\u00a0Date de la séance\u00a0» (2026-02-27T10:00:00-05:00) précède le début de la cohorte (2026-03-02).',
    };
    const beside = {
      en: '2026-02-27T10:00:00-05:00 is before the cohort started (2026-03-02).',
      fr: '2026-02-27T10:00:00-05:00 précède le début de la cohorte (2026-03-02).',
    };
    const answers = await inBoth(command, data);
    for (const language of ['en', 'fr'] as const) {
      const { status, body, headers } = answers[language];
      expect({ language, status, code: body.code, said: headers.get('content-language') }).toEqual({ language, status: 422, code: 'DRC.BEFORE_START', said: language });
      expect(ErrorBodySchema.safeParse(body).success).toBe(true);
      expect(body.message).toBe(said[language]);
      expect(body.details).toEqual({ issues: [{ path: 'data.heldAt', message: beside[language] }] });
    }
    expect((await practitioner.get(`/cases/${caseId}`)).body.revision).toBe(revision);
  });
});
