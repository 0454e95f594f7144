import { workflowDefinitions } from '../../workflows/registry';
import { startApp, type HttpClient, type RunningApp } from '../support/app';

const ro = workflowDefinitions.find((d) => d.name === 'restorative-opportunities')!;
const example = (command: string) => ro.commands.find((c) => c.type === command)!.example;

/**
 * A command that breaks several business rules is answered once with all of them (422
 * COMMAND.RULES_BROKEN, each rule in `details.rules`), in the caller's language, and nothing is
 * stored: the person fixes everything in one go instead of meeting the rules one attempt at a time.
 */
describe('every broken rule at once, over HTTP', () => {
  let running: RunningApp;
  let mediator: HttpClient;
  let caseId: string;
  let revision: number;
  let position: number;

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-02T15:00:00Z' });
    const rju = await running.as('rju', 'rju-1');
    mediator = await running.as('mediator', 'mediator-1');
    const opened = await rju.post('/cases', { workflow: ro.name, command: 'ReceiveReferral', data: example('ReceiveReferral') });
    caseId = opened.body.caseId;
    const steps: [HttpClient, string, unknown][] = [
      [rju, 'BeginIntakeAssessment', { intakeOfficerId: 'rju-1' }],
      [rju, 'AssessIntake', { ...example('AssessIntake'), noContactConditions: [{ kind: 'paroleBoardNoContactCondition' }] }],
      [rju, 'AssignMediator', { mediatorId: 'mediator-1' }],
      [mediator, 'RecordPreparation', { party: 'victim', heldAt: '2026-02-27T11:00:00-05:00', consent: 'given' }],
      [mediator, 'RecordPreparation', { party: 'offender', heldAt: '2026-02-27T13:00:00-05:00', consent: 'given' }],
      [mediator, 'SelectModel', { model: 'faceToFace' }],
    ];
    for (const [http, command, data] of steps) {
      const response = await http.post(`/cases/${caseId}/commands/${command}`, data);
      expect({ command, status: response.status }).toEqual({ command, status: 200 });
      revision = response.body.revision;
      position = response.body.position;
    }
  });
  afterAll(async () => running.close());

  const badMeeting = () => ({
    ...example('ArrangeMeeting'),
    room: 'visitsAndCorrespondenceArea',
    privateAndUninterrupted: false,
    entryDocumentsArranged: false,
  });

  it('ArrangeMeeting lists the condition and every rule of the room, in French when asked, and stores nothing', async () => {
    const response = await mediator.post(`/cases/${caseId}/commands/ArrangeMeeting`, badMeeting(), { 'accept-language': 'fr-CA' });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-language')).toBe('fr');
    expect(response.body.code).toBe('COMMAND.RULES_BROKEN');
    expect(response.body.message).toMatch(/^Ceci enfreint 4\u00a0règles/);
    const rules = response.body.details.rules as { code: string; message: string }[];
    expect(rules.map((rule) => rule.code)).toEqual([
      'RO.NO_CONTACT_CONDITION_NOT_AMENDED',
      'RO.VISITS_AREA_NOT_EXCEPTIONAL',
      'RO.MEETING_SPACE_NOT_PRIVATE',
      'RO.ENTRY_DOCUMENTS_NOT_ARRANGED',
    ]);
    expect(rules[0]!.message).toMatch(/^La victime et le délinquant ne peuvent pas communiquer/);
    expect(rules[1]!.message).toMatch(/^Les rencontres ne se tiennent pas dans le secteur des visites/);
    const view = await mediator.get(`/cases/${caseId}?minPosition=${position}`);
    expect(view.body.revision).toBe(revision);
  });

  it('answers in English by default, each rule in English', async () => {
    const response = await mediator.post(`/cases/${caseId}/commands/ArrangeMeeting`, badMeeting());
    expect(response.status).toBe(422);
    expect(response.body.message).toMatch(/^This breaks 4 rules; nothing was recorded\. \(1\) The victim and the offender cannot be brought into communication/);
    const privateRoom = expect.stringMatching(/^The institution or parole office must provide a closed room/);
    // Each rule names the field it is about, where a form says it too.
    expect(response.body.details.rules[2]).toEqual({
      code: 'RO.MEETING_SPACE_NOT_PRIVATE',
      message: privateRoom,
      details: { issues: [{ path: 'data.privateAndUninterrupted', message: privateRoom }] },
    });
  });
});
