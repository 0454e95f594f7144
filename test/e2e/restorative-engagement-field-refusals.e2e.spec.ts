import { ErrorBodySchema } from '../../src/http/response-schemas';
import { workflowDefinitions } from '../../workflows/registry';
import { startApp, type HttpClient, type HttpResponse, type RunningApp } from '../support/app';

const engagement = workflowDefinitions.find((d) => d.name === 'restorative-engagement')!;
const example = (command: string) => engagement.commands.find((c) => c.type === command)!.example as Record<string, unknown>;

/**
 * A choice left unanswered is required, whatever it would have had to be: a discriminated union's
 * kind too (RecordReflection's `goalsMet`), as every other unanswered choice, in both languages,
 * not “must be one of” its values.
 */
describe('restorative engagement: an unanswered union’s kind is required, over HTTP', () => {
  let running: RunningApp;
  let practitioner: HttpClient;
  let caseId: string;

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-02T15:00:00Z' });
    const supervisor = await running.as('supervisor', 'supervisor-1');
    practitioner = await running.as('practitioner', 'practitioner-1');
    const opened = await supervisor.post('/cases', { workflow: engagement.name, command: 'ReceiveOptIn', data: example('ReceiveOptIn') });
    expect(opened.status).toBe(201);
    caseId = opened.body.caseId;
    expect((await supervisor.post(`/cases/${caseId}/commands/ConfirmParticipation`, { officialLanguage: 'en' })).status).toBe(200);
    expect((await supervisor.post(`/cases/${caseId}/commands/AssignPractitioner`, { practitionerIds: ['practitioner-1'] })).status).toBe(200);
  });
  afterAll(async () => running.close());

  const inBoth = async (data: unknown): Promise<Record<'en' | 'fr', HttpResponse<any>>> => ({
    en: await practitioner.post(`/cases/${caseId}/commands/RecordReflection`, data, { 'accept-language': 'en-CA' }),
    fr: await practitioner.post(`/cases/${caseId}/commands/RecordReflection`, data, { 'accept-language': 'fr' }),
  });

  it('RecordReflection with nothing answered: 400 naming data.goalsMet as required, in English and in French', async () => {
    const answers = await inBoth({});
    for (const language of ['en', 'fr'] as const) {
      const { status, body, headers } = answers[language];
      expect({ language, status, code: body.code, said: headers.get('content-language') }).toEqual({ language, status: 400, code: 'VALIDATION.INVALID_INPUT', said: language });
      expect(ErrorBodySchema.safeParse(body).success).toBe(true);
      const required = language === 'en' ? 'is required' : 'est obligatoire';
      const issues = body.details.issues as { path: string; message: string }[];
      expect(issues.find((issue) => issue.path === 'data.goalsMet')).toEqual({ path: 'data.goalsMet', message: required });
      // Every other choice left unanswered says so alike.
      for (const issue of issues) expect(issue).toEqual({ path: issue.path, message: required });
      expect(body.message).toContain(language === 'en' ? 'data.goalsMet: is required' : 'data.goalsMet\u00a0: est obligatoire');
      expect(body.message).not.toMatch(/must be one of|l’une des valeurs suivantes/);
    }
  });

  it('a kind that is not one of the union’s is still told by its values', async () => {
    const answers = await inBoth({ goalsMet: 'perhaps', followUpConsent: true });
    expect(answers.en.body.details.issues).toContainEqual({ path: 'data.goalsMet', message: 'must be one of: "met", "notMet", "notYetKnown"' });
    expect(answers.fr.body.details.issues).toContainEqual({
      path: 'data.goalsMet',
      message: 'doit être l’une des valeurs suivantes\u00a0: «\u00a0met\u00a0», «\u00a0notMet\u00a0», «\u00a0notYetKnown\u00a0»',
    });
  });
});
