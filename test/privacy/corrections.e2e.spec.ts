import { complaintWorkflow } from '../../workflows/complaint';
import { restorativeOpportunitiesWorkflow } from '../../workflows/restorative-opportunities';
import { supportCoordinationWorkflow } from '../../workflows/support-coordination';
import { startApp, type HttpClient, type RunningApp } from '../support/app';

const example = (command: string) => ({ ...supportCoordinationWorkflow.commands.find((c) => c.type === command)!.example });
const CORRECT = 'CorrectPersonalInformation';

/** The right of correction over HTTP: who may correct, what others see of it, and what is refused with nothing stored. */
describe('correcting a person’s personal information over HTTP', () => {
  let running: RunningApp;
  let supervisor: HttpClient;
  let coordinator: HttpClient;
  let caseId: string;
  let clientId: string;

  const history = async (client: HttpClient) => {
    const response = await client.get(`/cases/${caseId}/history`);
    expect(response.status).toBe(200);
    return (response.body as { items: { type: string; data: Record<string, unknown> }[] }).items;
  };
  const revision = async () => ((await supervisor.get(`/cases/${caseId}`)).body as { revision: number }).revision;

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-02T16:00:00Z' });
    supervisor = await running.as('supervisor');
    coordinator = await running.as('practitioner', 'practitioner-1');
    const opened = await supervisor.post('/cases', {
      workflow: 'support-coordination',
      command: 'RecordOptIn',
      data: { ...example('RecordOptIn'), client: { name: 'Jordan Tremblay', contact: 'jordan.rsc@example.org', affiliation: 'cafMember' } },
    });
    expect(opened.status).toBe(201);
    caseId = opened.body.caseId;
    const items = await history(supervisor);
    clientId = (items[0]!.data as { client: { subjectId: string } }).client.subjectId;
    expect((await supervisor.post(`/cases/${caseId}/commands/AssignCoordinator`, example('AssignCoordinator'))).status).toBe(200);
  });
  afterAll(async () => running.close());

  it('lets the assigned coordinator correct the client’s contact and name; the history keeps both recordings', async () => {
    const response = await coordinator.post(`/cases/${caseId}/commands/${CORRECT}`, {
      subjectId: clientId,
      changes: { contact: '613-555-0199', name: 'Jordan Lee' },
      reason: 'The client married and gave a new telephone number.',
    });
    expect(response.status).toBe(200);
    // Not a step of the workflow: the case is where it was, and its next steps are unchanged.
    expect(response.body).toMatchObject({ state: 'awaitingFirstContact' });
    expect(response.body.allowedCommands).not.toContain(CORRECT);

    const items = await history(coordinator);
    expect(items[0]!.data).toMatchObject({ client: { name: 'Jordan Tremblay', contact: 'jordan.rsc@example.org' } });
    expect(items.at(-1)).toMatchObject({
      type: 'PersonalInformationCorrected',
      data: { subjectId: clientId, changes: { contact: '613-555-0199', name: 'Jordan Lee' }, reason: 'The client married and gave a new telephone number.' },
    });
  });

  it('shows an auditor that a correction was made, for whom, but not what it says', async () => {
    const items = await history(await running.as('auditor'));
    expect(items.at(-1)).toMatchObject({
      type: 'PersonalInformationCorrected',
      data: { subjectId: clientId, changes: { contact: '[redacted]', name: '[redacted]' }, reason: '[redacted]' },
    });
  });

  it('finds a complainant by the corrected name, and no longer by words only the name first recorded had', async () => {
    const received = await supervisor.post('/cases', {
      workflow: 'complaint',
      command: 'ReceiveComplaint',
      data: { ...complaintWorkflow.commands.find((c) => c.type === 'ReceiveComplaint')!.example, receivedAt: '2026-03-02T15:00:00Z', complainant: { name: 'Robin Gagnon', pseudonym: false } },
    });
    expect(received.status).toBe(201);
    const complaint = received.body.caseId as string;
    const complainant = ((await supervisor.get(`/cases/${complaint}/history`)).body.items[0].data as { complainant: { subjectId: string } }).complainant.subjectId;
    const corrected = await supervisor.post(`/cases/${complaint}/commands/${CORRECT}`, { subjectId: complainant, changes: { name: 'Robyn Gagnon-Roy' }, reason: 'The name was recorded misspelled and without its second part.' });
    expect(corrected.status).toBe(200);
    const search = async (q: string) => (await supervisor.get(`/search?q=${encodeURIComponent(q)}&minPosition=${corrected.body.position}`)).body as { items: { caseId: string }[] };
    expect((await search('robyn gagnon-roy')).items.map((i) => i.caseId)).toEqual([complaint]);
    // A name recorded wrong would otherwise point whoever searches for that name at this person's case.
    expect((await search('robin')).items).toEqual([]);
  });

  it('no longer finds a referral by a name or FPS number removed or corrected, and finds it by what replaced them', async () => {
    const rju = await running.as('rju');
    const example = restorativeOpportunitiesWorkflow.commands.find((c) => c.type === 'ReceiveReferral')!.example;
    const received = await rju.post('/cases', {
      workflow: 'restorative-opportunities',
      command: 'ReceiveReferral',
      data: { ...example, receivedAt: '2026-03-02T15:00:00Z', victim: { name: 'Quillon Vexmoor' }, offender: { name: 'Zarquon Plint', fpsNumber: '999999Z' } },
    });
    expect(received.status).toBe(201);
    const referral = received.body.caseId as string;
    const people = (await rju.get(`/cases/${referral}/history`)).body.items[0].data as { victim: { subjectId: string }; offender: { subjectId: string } };
    const search = async (q: string, position: number) => ((await rju.get(`/search?q=${encodeURIComponent(q)}&minPosition=${position}`)).body as { items: { caseId: string }[] }).items.map((i) => i.caseId);
    expect(await search('quillon', received.body.position)).toEqual([referral]);
    const victim = await rju.post(`/cases/${referral}/commands/${CORRECT}`, { subjectId: people.victim.subjectId, changes: { name: null }, reason: 'The victim asked that the name not be kept.' });
    expect(victim.status).toBe(200);
    const offender = await rju.post(`/cases/${referral}/commands/${CORRECT}`, { subjectId: people.offender.subjectId, changes: { name: 'Zed Plint', fpsNumber: null }, reason: 'Recorded wrong.' });
    expect(offender.status).toBe(200);
    for (const gone of ['quillon', 'vexmoor', 'zarquon', '999999z']) expect(await search(gone, offender.body.position)).toEqual([]);
    expect(await search('zed plint', offender.body.position)).toEqual([referral]);
  });

  it('refuses a practitioner the case is not assigned to, and stores nothing', async () => {
    const before = await revision();
    const other = await running.as('practitioner', 'practitioner-2');
    const response = await other.post(`/cases/${caseId}/commands/${CORRECT}`, { subjectId: clientId, changes: { contact: 'x@example.org' }, reason: 'New address.' });
    expect(response.status).toBe(403);
    expect(await revision()).toBe(before);
  });

  it('refuses bad input in the caller’s language, naming each field, and stores nothing', async () => {
    const before = await revision();
    const unknown = await coordinator.post(`/cases/${caseId}/commands/${CORRECT}`, { subjectId: 'not-in-this-case', changes: { contact: 'x@example.org' }, reason: 'New address.' }, { 'accept-language': 'fr-CA' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.details.issues).toEqual([{ path: 'data.subjectId', message: 'n’est pas une personne que ce dossier consigne' }]);
    const invalid = await coordinator.post(`/cases/${caseId}/commands/${CORRECT}`, { subjectId: clientId, changes: { affiliation: 'veteran', name: '' } });
    expect(invalid.status).toBe(400);
    expect(invalid.body.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['data.changes.affiliation', 'data.changes.name', 'data.reason']);
    expect(await revision()).toBe(before);
  });

  it('keeps a named client’s name, and gives none to an anonymous one: each refused in the caller’s language, nothing stored', async () => {
    const before = await revision();
    for (const [language, message] of [
      ['en', 'is required unless the client is anonymous: it may be corrected, not removed'],
      ['fr', 'est obligatoire sauf si la personne est anonyme\u00a0: il peut être corrigé, non retiré'],
    ] as const) {
      const removed = await coordinator.post(`/cases/${caseId}/commands/${CORRECT}`, { subjectId: clientId, changes: { name: null }, reason: 'Remove the name.' }, { 'accept-language': language });
      expect(removed.status).toBe(400);
      expect(removed.body.details.issues).toEqual([{ path: 'data.changes.name', message }]);
    }
    expect(await revision()).toBe(before);

    const anonymous = await supervisor.post('/cases', { workflow: 'support-coordination', command: 'RecordOptIn', data: { ...example('RecordOptIn'), client: { anonymous: true, contact: 'anon@example.org' } } });
    expect(anonymous.status).toBe(201);
    const anonymousId = ((await supervisor.get(`/cases/${anonymous.body.caseId}/history`)).body.items[0].data as { client: { subjectId: string } }).client.subjectId;
    const named = await supervisor.post(`/cases/${anonymous.body.caseId}/commands/${CORRECT}`, { subjectId: anonymousId, changes: { name: 'Alex' }, reason: 'A name.' }, { 'accept-language': 'fr' });
    expect(named.status).toBe(400);
    expect(named.body.details.issues).toEqual([{ path: 'data.changes.name', message: 'doit être omis lorsque la personne est anonyme' }]);
    expect((await supervisor.get(`/cases/${anonymous.body.caseId}`)).body.revision).toBe(anonymous.body.revision);
    // Their contact, which no flag governs, is theirs to correct.
    expect((await supervisor.post(`/cases/${anonymous.body.caseId}/commands/${CORRECT}`, { subjectId: anonymousId, changes: { contact: null }, reason: 'No contact kept.' })).status).toBe(200);
  });

  it('corrects a closed case too', async () => {
    expect((await coordinator.post(`/cases/${caseId}/commands/RecordWithdrawal`, example('RecordWithdrawal'))).status).toBe(200);
    const response = await supervisor.post(`/cases/${caseId}/commands/${CORRECT}`, { subjectId: clientId, changes: { contact: null }, reason: 'The client asked that no contact details be kept.' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'closed' });
    expect((await history(supervisor)).at(-1)!.data).toMatchObject({ changes: { contact: null } });
  });

  it('refuses to record anything new of a person once erased', async () => {
    const admin = await running.as('admin');
    expect((await admin.post(`/subjects/${clientId}/erase`, { consent: { givenBy: 'subject', givenAt: '2026-03-02T16:00:00Z' } })).status).toBe(200);
    const before = await revision();
    const response = await supervisor.post(`/cases/${caseId}/commands/${CORRECT}`, { subjectId: clientId, changes: { name: 'Jordan' }, reason: 'A typo.' });
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('SUBJECT.ERASED');
    expect(await revision()).toBe(before);
    // What the corrections said went with the key.
    expect((await history(supervisor)).filter((i) => i.type === 'PersonalInformationCorrected').map((i) => i.data.reason)).toEqual(['[erased]', '[erased]']);
  });
});
