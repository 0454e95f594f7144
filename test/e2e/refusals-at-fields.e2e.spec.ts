import { ErrorBodySchema } from '../../src/http/response-schemas';
import { workflowDefinitions } from '../../workflows/registry';
import { startApp, type HttpClient, type HttpResponse, type RunningApp } from '../support/app';

const exampleOf = (workflow: string) => (command: string) =>
  ({ ...(workflowDefinitions.find((d) => d.name === workflow)!.commands.find((c) => c.type === command)!.example as Record<string, unknown>) });
const ro = exampleOf('restorative-opportunities');
const complaint = exampleOf('complaint');
const drc = exampleOf('defence-cohort');
const re = exampleOf('restorative-engagement');

const VISITS_AREA = {
  en: 'Meetings are not held in the Visits and Correspondence area except in exceptional circumstances: record the circumstances, or arrange a closed private room.',
  fr: 'Les rencontres ne se tiennent pas dans le secteur des visites et de la correspondance, sauf circonstances exceptionnelles\u00a0: consignez ces circonstances, ou réservez une pièce fermée et privée.',
};
const ENTRY_DOCUMENTS = {
  en: 'For a meeting in an institution, entry documents naming the victims and giving their arrival times must be ready at the principal entrance, so that their entry is treated as a sensitive matter. Arrange them with institutional staff first.',
  fr: 'Pour une rencontre dans un établissement, des documents d’entrée indiquant le nom des victimes et leur heure d’arrivée doivent être prêts à l’entrée principale, afin que leur entrée soit traitée avec discrétion. Prenez-en d’abord les dispositions avec le personnel de l’établissement.',
};

/**
 * Refusals a person can act on: a command that breaks several business rules is answered once with
 * all of them (422 COMMAND.RULES_BROKEN, each in `details.rules`), and each refusal about a field
 * names it (`details.issues[].path`, in a rule's own entry when several are broken), so that a form
 * says it beside that field, not only in its summary; in the caller's language, and nothing stored.
 */
describe('refusals at once and beside their fields, over HTTP', () => {
  let running: RunningApp;
  let rju: HttpClient;
  let mediator: HttpClient;
  let supervisor: HttpClient;
  let practitioner: HttpClient;

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-03T15:00:00Z' });
    rju = await running.as('rju', 'rju-1');
    mediator = await running.as('mediator', 'mediator-1');
    supervisor = await running.as('supervisor', 'supervisor-1');
    practitioner = await running.as('practitioner', 'practitioner-1');
  });
  afterAll(async () => running.close());

  /** The same request in English and in French. */
  const inBoth = async (http: HttpClient, path: string, data: unknown): Promise<Record<'en' | 'fr', HttpResponse<any>>> => ({
    en: await http.post(path, data, { 'accept-language': 'en-CA' }),
    fr: await http.post(path, data, { 'accept-language': 'fr' }),
  });

  /** A referral taken through intake (with `assessment`) and preparation to a face-to-face meeting to arrange. */
  const meetingToArrange = async (assessment: Record<string, unknown>) => {
    const opened = await rju.post('/cases', { workflow: 'restorative-opportunities', command: 'ReceiveReferral', data: ro('ReceiveReferral') });
    expect(opened.status).toBe(201);
    const caseId = opened.body.caseId as string;
    const steps: [HttpClient, string, unknown][] = [
      [rju, 'BeginIntakeAssessment', { intakeOfficerId: 'rju-1' }],
      [rju, 'AssessIntake', assessment],
      [rju, 'AssignMediator', { mediatorId: 'mediator-1' }],
      [mediator, 'RecordPreparation', { party: 'victim', heldAt: '2026-02-27T11:00:00-05:00', consent: 'given' }],
      [mediator, 'RecordPreparation', { party: 'offender', heldAt: '2026-02-27T13:00:00-05:00', consent: 'given' }],
      [mediator, 'SelectModel', { model: 'faceToFace' }],
    ];
    let revision = 0;
    let position = 0;
    for (const [http, command, data] of steps) {
      const response = await http.post(`/cases/${caseId}/commands/${command}`, data);
      expect({ command, status: response.status }).toEqual({ command, status: 200 });
      ({ revision, position } = response.body);
    }
    return { caseId, revision, position };
  };

  describe('restorative opportunities: a meeting with a no-contact condition not amended', () => {
    let conditioned: Awaited<ReturnType<typeof meetingToArrange>>;
    beforeAll(async () => {
      conditioned = await meetingToArrange({ ...ro('AssessIntake'), noContactConditions: [{ kind: 'paroleBoardNoContactCondition' }] });
    });

    const badMeeting = () => ({
      ...ro('ArrangeMeeting'),
      room: 'visitsAndCorrespondenceArea',
      privateAndUninterrupted: false,
      entryDocumentsArranged: false,
    });

    it('ArrangeMeeting lists every rule of the room, in French when asked, and stores nothing: the condition does not stop the reservation', async () => {
      const response = await mediator.post(`/cases/${conditioned.caseId}/commands/ArrangeMeeting`, badMeeting(), { 'accept-language': 'fr-CA' });
      expect(response.status).toBe(422);
      expect(response.headers.get('content-language')).toBe('fr');
      expect(response.body.code).toBe('COMMAND.RULES_BROKEN');
      expect(response.body.message).toMatch(/^Cette demande ne respecte pas 3\u00a0règles/);
      const rules = response.body.details.rules as { code: string; message: string }[];
      expect(rules.map((rule) => rule.code)).toEqual(['RO.VISITS_AREA_NOT_EXCEPTIONAL', 'RO.MEETING_SPACE_NOT_PRIVATE', 'RO.ENTRY_DOCUMENTS_NOT_ARRANGED']);
      expect(rules[0]!.message).toMatch(/^Les rencontres ne se tiennent pas dans le secteur des visites/);
      const view = await mediator.get(`/cases/${conditioned.caseId}?minPosition=${conditioned.position}`);
      expect(view.body.revision).toBe(conditioned.revision);
    });

    it('answers in English by default, each rule in English and beside its field', async () => {
      const response = await mediator.post(`/cases/${conditioned.caseId}/commands/ArrangeMeeting`, badMeeting());
      expect(response.status).toBe(422);
      expect(response.body.message).toMatch(/^This breaks 3 rules; nothing was recorded\. \(1\) Meetings are not held in the Visits and Correspondence area/);
      const privateRoom = expect.stringMatching(/^The institution or parole office must provide a closed room/);
      expect(response.body.details.rules[1]).toEqual({
        code: 'RO.MEETING_SPACE_NOT_PRIVATE',
        message: privateRoom,
        details: { issues: [{ path: 'data.privateAndUninterrupted', message: privateRoom }] },
      });
    });

    it('the meeting is reserved, but the dialogue is refused until the condition is amended, naming it, and nothing is stored', async () => {
      const arranged = await mediator.post(`/cases/${conditioned.caseId}/commands/ArrangeMeeting`, ro('ArrangeMeeting'));
      expect(arranged.status).toBe(200);
      const refused = await mediator.post(`/cases/${conditioned.caseId}/commands/RecordDialogue`, ro('RecordDialogue'), { 'accept-language': 'fr-CA' });
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 422, code: 'RO.NO_CONTACT_CONDITION_NOT_AMENDED' });
      expect(refused.body.message).toMatch(/^La victime et le délinquant ne peuvent pas communiquer/);
      const view = await mediator.get(`/cases/${conditioned.caseId}?minPosition=${arranged.body.position}`);
      expect(view.body.revision).toBe(arranged.body.revision);
    });
  });

  describe('restorative opportunities: the meeting’s rules beside their fields', () => {
    let arranging: Awaited<ReturnType<typeof meetingToArrange>>;
    beforeAll(async () => {
      arranging = await meetingToArrange(ro('AssessIntake'));
    });

    it('in the visits area without the entry documents: 422 COMMAND.RULES_BROKEN, each rule naming its field, in English and in French', async () => {
      const { entryDocumentsArranged: _notSet, ...meeting } = ro('ArrangeMeeting');
      const answers = await inBoth(mediator, `/cases/${arranging.caseId}/commands/ArrangeMeeting`, { ...meeting, room: 'visitsAndCorrespondenceArea' });
      for (const language of ['en', 'fr'] as const) {
        const { status, body, headers } = answers[language];
        expect({ language, status, code: body.code, said: headers.get('content-language') }).toEqual({ language, status: 422, code: 'COMMAND.RULES_BROKEN', said: language });
        expect(ErrorBodySchema.safeParse(body).success).toBe(true);
        expect(body.message).toBe(
          language === 'en'
            ? `This breaks 2 rules; nothing was recorded. (1) ${VISITS_AREA.en} (2) ${ENTRY_DOCUMENTS.en}`
            : `Cette demande ne respecte pas 2\u00a0règles\u00a0; rien n’a été consigné. (1) ${VISITS_AREA.fr} (2) ${ENTRY_DOCUMENTS.fr}`,
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
      expect((await mediator.get(`/cases/${arranging.caseId}`)).body.revision).toBe(arranging.revision);
    });

    it('one rule broken alone is said beside its field at details.issues', async () => {
      const answers = await inBoth(mediator, `/cases/${arranging.caseId}/commands/ArrangeMeeting`, { ...ro('ArrangeMeeting'), room: 'visitsAndCorrespondenceArea' });
      for (const language of ['en', 'fr'] as const) {
        const { status, body } = answers[language];
        expect({ language, status, code: body.code }).toEqual({ language, status: 422, code: 'RO.VISITS_AREA_NOT_EXCEPTIONAL' });
        expect(body.message).toBe(VISITS_AREA[language]);
        expect(body.details).toEqual({ issues: [{ path: 'data.room', message: VISITS_AREA[language] }] });
      }
    });
  });

  describe('complaint: a response’s next level beside its field', () => {
    let complaintId: string;
    let complaintRevision: number;
    beforeAll(async () => {
      const opened = await supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: complaint('ReceiveComplaint') });
      expect(opened.status).toBe(201);
      complaintId = opened.body.caseId;
      expect((await supervisor.post(`/cases/${complaintId}/commands/AssignHandler`, { handlerId: 'practitioner-1' })).status).toBe(200);
      const acknowledged = await practitioner.post(`/cases/${complaintId}/commands/AcknowledgeComplaint`, {});
      expect(acknowledged.body.state).toBe('underReview');
      complaintRevision = acknowledged.body.revision;
    });

    it('at level 1 without the next level: 422 COMPLAINT.RESPONSE_MISSING_NEXT_LEVEL at data.nextLevel, asking for a name and contact information', async () => {
      const said = {
        en: 'A response at level 1 must give the name and contact information of the person the complaint can be elevated to (level 2, Program manager) if the complainant is not satisfied.',
        fr: 'Une réponse au palier 1 doit indiquer le nom et les coordonnées de la personne à qui la plainte peut être soumise (palier 2, Gestionnaire du programme) si la personne plaignante n’est pas satisfaite.',
      };
      const answers = await inBoth(practitioner, `/cases/${complaintId}/commands/Respond`, { response: 'We are sorry.' });
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
      expect((await practitioner.get(`/cases/${complaintId}`)).body.revision).toBe(complaintRevision);
    });

    it('a role naming another level: refused beside the role’s field', async () => {
      const answers = await inBoth(practitioner, `/cases/${complaintId}/commands/Respond`, { response: 'We are sorry.', nextLevel: { name: 'Alex Tremblay', contact: 'alex@example.gc.ca', role: 'Deputy Minister' } });
      for (const language of ['en', 'fr'] as const) {
        const { status, body } = answers[language];
        expect({ language, status, code: body.code }).toEqual({ language, status: 422, code: 'COMPLAINT.RESPONSE_NAMES_ANOTHER_LEVEL' });
        expect(body.message).toContain(language === 'en' ? 'level 2 (Program manager)' : 'palier 2 (Gestionnaire du programme)');
        expect(body.details).toEqual({ issues: [{ path: 'data.nextLevel.role', message: body.message }] });
      }
    });
  });

  describe('defence cohort: a session before the start beside its date', () => {
    let cohortId: string;
    let cohortRevision: number;
    beforeAll(async () => {
      const formed = await supervisor.post('/cases', { workflow: 'defence-cohort', command: 'FormCohort', data: drc('FormCohort') });
      expect(formed.status).toBe(201);
      cohortId = formed.body.caseId;
      const started = await practitioner.post(`/cases/${cohortId}/commands/StartCohort`, { startedOn: '2026-03-02' });
      expect({ status: started.status, state: started.body.state }).toEqual({ status: 200, state: 'running' });
      cohortRevision = started.body.revision;
    });

    it.each([
      ['RecordSession', { kind: 'learning', delivery: 'inPerson', heldAt: '2026-02-27T10:00:00-05:00' }],
      ['RecordEngagementSession', { ...drc('RecordEngagementSession'), heldAt: '2026-02-27T10:00:00-05:00' }],
    ])('%s dated before the start: 422 DRC.BEFORE_START at data.heldAt, in English and in French', async (command, data) => {
      const said = {
        en: '“Held at” (2026-02-27T10:00:00-05:00) is before the cohort started (2026-03-02).',
        fr: '«\u00a0Date de la séance\u00a0» (2026-02-27T10:00:00-05:00) précède le début de la cohorte (2026-03-02).',
      };
      const beside = {
        en: '2026-02-27T10:00:00-05:00 is before the cohort started (2026-03-02).',
        fr: '2026-02-27T10:00:00-05:00 précède le début de la cohorte (2026-03-02).',
      };
      const answers = await inBoth(practitioner, `/cases/${cohortId}/commands/${command}`, data);
      for (const language of ['en', 'fr'] as const) {
        const { status, body, headers } = answers[language];
        expect({ language, status, code: body.code, said: headers.get('content-language') }).toEqual({ language, status: 422, code: 'DRC.BEFORE_START', said: language });
        expect(ErrorBodySchema.safeParse(body).success).toBe(true);
        expect(body.message).toBe(said[language]);
        expect(body.details).toEqual({ issues: [{ path: 'data.heldAt', message: beside[language] }] });
      }
      expect((await practitioner.get(`/cases/${cohortId}`)).body.revision).toBe(cohortRevision);
    });
  });

  describe('restorative engagement: an unanswered union’s kind is required', () => {
    let engagementId: string;
    beforeAll(async () => {
      const opened = await supervisor.post('/cases', { workflow: 'restorative-engagement', command: 'ReceiveOptIn', data: re('ReceiveOptIn') });
      expect(opened.status).toBe(201);
      engagementId = opened.body.caseId;
      expect((await supervisor.post(`/cases/${engagementId}/commands/ConfirmParticipation`, { officialLanguage: 'en' })).status).toBe(200);
      expect((await supervisor.post(`/cases/${engagementId}/commands/AssignPractitioner`, { practitionerIds: ['practitioner-1'] })).status).toBe(200);
    });

    it('RecordReflection with nothing answered: 400 naming data.goalsMet as required, in English and in French', async () => {
      const answers = await inBoth(practitioner, `/cases/${engagementId}/commands/RecordReflection`, {});
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
      const answers = await inBoth(practitioner, `/cases/${engagementId}/commands/RecordReflection`, { goalsMet: 'perhaps', followUpConsent: true });
      expect(answers.en.body.details.issues).toContainEqual({ path: 'data.goalsMet', message: 'must be one of: "met", "notMet", "notYetKnown"' });
      expect(answers.fr.body.details.issues).toContainEqual({
        path: 'data.goalsMet',
        message: 'doit être l’une des valeurs suivantes\u00a0: «\u00a0met\u00a0», «\u00a0notMet\u00a0», «\u00a0notYetKnown\u00a0»',
      });
    });
  });
});
