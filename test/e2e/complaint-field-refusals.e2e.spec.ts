import { ErrorBodySchema } from '../../src/http/response-schemas';
import { workflowDefinitions } from '../../workflows/registry';
import { startApp, type HttpClient, type HttpResponse, type RunningApp } from '../support/app';

const complaint = workflowDefinitions.find((d) => d.name === 'complaint')!;
const example = (command: string) => complaint.commands.find((c) => c.type === command)!.example as Record<string, unknown>;

/**
 * “Respond” below the last level of review: the form shows the next level as optional (it is refused
 * at the last level), so a response without it is refused beside that field (`data.nextLevel`), asking
 * for what the responder gives: a name and contact information, the role being filled in.
 */
describe('complaint: a response’s next level beside its field, over HTTP', () => {
  let running: RunningApp;
  let practitioner: HttpClient;
  let caseId: string;
  let revision: number;

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-03T15:00:00Z' });
    const supervisor = await running.as('supervisor', 'supervisor-1');
    practitioner = await running.as('practitioner', 'practitioner-1');
    const opened = await supervisor.post('/cases', { workflow: complaint.name, command: 'ReceiveComplaint', data: example('ReceiveComplaint') });
    expect(opened.status).toBe(201);
    caseId = opened.body.caseId;
    expect((await supervisor.post(`/cases/${caseId}/commands/AssignHandler`, { handlerId: 'practitioner-1' })).status).toBe(200);
    const acknowledged = await practitioner.post(`/cases/${caseId}/commands/AcknowledgeComplaint`, {});
    expect(acknowledged.body.state).toBe('underReview');
    revision = acknowledged.body.revision;
  });
  afterAll(async () => running.close());

  /** The same response in English and in French. */
  const inBoth = async (data: unknown): Promise<Record<'en' | 'fr', HttpResponse<any>>> => ({
    en: await practitioner.post(`/cases/${caseId}/commands/Respond`, data, { 'accept-language': 'en-CA' }),
    fr: await practitioner.post(`/cases/${caseId}/commands/Respond`, data, { 'accept-language': 'fr' }),
  });

  it('at level 1 without the next level: 422 COMPLAINT.RESPONSE_MISSING_NEXT_LEVEL at data.nextLevel, asking for a name and contact information', async () => {
    const said = {
      en: 'A response at level 1 must give the name and contact information of the person the complaint can be elevated to (level 2, Program manager) if the complainant is not satisfied.',
      fr: 'Une réponse au palier 1 doit indiquer le nom et les coordonnées de la personne à qui la plainte peut être soumise (palier 2, Gestion du programme) si la personne plaignante n’est pas satisfaite.',
    };
    const answers = await inBoth({ response: 'We are sorry.' });
    for (const language of ['en', 'fr'] as const) {
      const { status, body, headers } = answers[language];
      expect({ language, status, code: body.code, said: headers.get('content-language') }).toEqual({
        language,
        status: 422,
        code: 'COMPLAINT.RESPONSE_MISSING_NEXT_LEVEL',
        said: language,
      });
      expect(ErrorBodySchema.safeParse(body).success).toBe(true);
      expect(body.message).toBe(said[language]);
      // The role is filled in from the chain: not asked for.
      expect(body.message).not.toMatch(/role|rôle/);
      expect(body.details).toEqual({ issues: [{ path: 'data.nextLevel', message: said[language] }] });
    }
    expect((await practitioner.get(`/cases/${caseId}`)).body.revision).toBe(revision);
  });

  it('a role naming another level: refused beside the role’s field', async () => {
    const answers = await inBoth({ response: 'We are sorry.', nextLevel: { name: 'Alex Tremblay', contact: 'alex@example.gc.ca', role: 'Deputy Minister' } });
    for (const language of ['en', 'fr'] as const) {
      const { status, body } = answers[language];
      expect({ language, status, code: body.code }).toEqual({ language, status: 422, code: 'COMPLAINT.RESPONSE_NAMES_ANOTHER_LEVEL' });
      expect(body.message).toContain(language === 'en' ? 'level 2 (Program manager)' : 'palier 2 (Gestion du programme)');
      expect(body.details).toEqual({ issues: [{ path: 'data.nextLevel.role', message: body.message }] });
    }
  });
});
