import { ErrorBodySchema } from '../../src/http/response-schemas';
import { workflowDefinitions } from '../../workflows/registry';
import { startApp, type HttpClient, type HttpResponse, type RunningApp } from '../support/app';

const ro = workflowDefinitions.find((d) => d.name === 'restorative-opportunities')!;
const example = (command: string) => ro.commands.find((c) => c.type === command)!.example as Record<string, unknown>;

const VISITS_AREA = {
  en: 'Meetings are not held in the Visits and Correspondence area except in exceptional circumstances: record the circumstances, or arrange a closed private room.',
  fr: 'Les rencontres ne se tiennent pas dans le secteur des visites et de la correspondance, sauf circonstances exceptionnelles\u00a0: consignez ces circonstances, ou réservez une pièce fermée et privée.',
};
const ENTRY_DOCUMENTS = {
  en: 'For a meeting in an institution, entry documents naming the victims and giving their arrival times must be ready at the principal entrance, so that their entry is treated as a sensitive matter. Arrange them with institutional staff first.',
  fr: 'Pour une rencontre dans un établissement, des documents d’entrée indiquant le nom des victimes et leur heure d’arrivée doivent être prêts à l’entrée principale, afin que leur entrée soit traitée avec discrétion. Prenez-en d’abord les dispositions avec le personnel de l’établissement.',
};

/**
 * “Arrange the meeting” in the Visits and Correspondence area, without the entry documents: each rule
 * it breaks names the field it is about (`details.issues[].path`), in the rule's own entry of
 * `details.rules` when several are broken at once, at `details.issues` when one is, so that a form
 * says each beside its field and not only in its summary.
 */
describe('restorative opportunities: the meeting’s rules beside their fields, over HTTP', () => {
  let running: RunningApp;
  let mediator: HttpClient;
  let caseId: string;
  let revision: number;

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-02T15:00:00Z' });
    const rju = await running.as('rju', 'rju-1');
    mediator = await running.as('mediator', 'mediator-1');
    const opened = await rju.post('/cases', { workflow: ro.name, command: 'ReceiveReferral', data: example('ReceiveReferral') });
    expect(opened.status).toBe(201);
    caseId = opened.body.caseId;
    const steps: [HttpClient, string, unknown][] = [
      [rju, 'BeginIntakeAssessment', { intakeOfficerId: 'rju-1' }],
      [rju, 'AssessIntake', example('AssessIntake')],
      [rju, 'AssignMediator', { mediatorId: 'mediator-1' }],
      [mediator, 'RecordPreparation', { party: 'victim', heldAt: '2026-02-27T11:00:00-05:00', consent: 'given' }],
      [mediator, 'RecordPreparation', { party: 'offender', heldAt: '2026-02-27T13:00:00-05:00', consent: 'given' }],
      [mediator, 'SelectModel', { model: 'faceToFace' }],
    ];
    for (const [http, command, data] of steps) {
      const response = await http.post(`/cases/${caseId}/commands/${command}`, data);
      expect({ command, status: response.status }).toEqual({ command, status: 200 });
      revision = response.body.revision;
    }
  });
  afterAll(async () => running.close());

  /** The same request in English and in French. */
  const inBoth = async (data: unknown): Promise<Record<'en' | 'fr', HttpResponse<any>>> => ({
    en: await mediator.post(`/cases/${caseId}/commands/ArrangeMeeting`, data, { 'accept-language': 'en-CA' }),
    fr: await mediator.post(`/cases/${caseId}/commands/ArrangeMeeting`, data, { 'accept-language': 'fr' }),
  });

  it('in the visits area without the entry documents: 422 COMMAND.RULES_BROKEN, each rule naming its field, in English and in French', async () => {
    const { entryDocumentsArranged: _notSet, ...meeting } = example('ArrangeMeeting');
    const answers = await inBoth({ ...meeting, room: 'visitsAndCorrespondenceArea' });
    for (const language of ['en', 'fr'] as const) {
      const { status, body, headers } = answers[language];
      expect({ language, status, code: body.code, said: headers.get('content-language') }).toEqual({ language, status: 422, code: 'COMMAND.RULES_BROKEN', said: language });
      expect(ErrorBodySchema.safeParse(body).success).toBe(true);
      expect(body.message).toBe(
        language === 'en'
          ? `This breaks 2 rules; nothing was recorded. (1) ${VISITS_AREA.en} (2) ${ENTRY_DOCUMENTS.en}`
          : `Ceci enfreint 2\u00a0règles\u00a0; rien n’a été consigné. (1) ${VISITS_AREA.fr} (2) ${ENTRY_DOCUMENTS.fr}`,
      );
      expect(body.details.rules).toEqual([
        { code: 'RO.VISITS_AREA_NOT_EXCEPTIONAL', message: VISITS_AREA[language], details: { issues: [{ path: 'data.room', message: VISITS_AREA[language] }] } },
        {
          code: 'RO.ENTRY_DOCUMENTS_NOT_ARRANGED',
          message: ENTRY_DOCUMENTS[language],
          details: { issues: [{ path: 'data.entryDocumentsArranged', message: ENTRY_DOCUMENTS[language] }] },
        },
      ]);
    }
    expect((await mediator.get(`/cases/${caseId}`)).body.revision).toBe(revision);
  });

  it('one rule broken alone is said beside its field at details.issues', async () => {
    const answers = await inBoth({ ...example('ArrangeMeeting'), room: 'visitsAndCorrespondenceArea' });
    for (const language of ['en', 'fr'] as const) {
      const { status, body } = answers[language];
      expect({ language, status, code: body.code }).toEqual({ language, status: 422, code: 'RO.VISITS_AREA_NOT_EXCEPTIONAL' });
      expect(body.message).toBe(VISITS_AREA[language]);
      expect(body.details).toEqual({ issues: [{ path: 'data.room', message: VISITS_AREA[language] }] });
    }
  });
});
