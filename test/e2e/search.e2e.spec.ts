import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ProjectionsService } from '../../src/projections/projections.service';
import { READ_MODELS_FILE } from '../../src/projections/read-model.database';
import { SearchResultSchema } from '../../src/search/search.schemas';
import { complaintWorkflow } from '../../workflows/complaint';
import { restorativeEngagementWorkflow } from '../../workflows/restorative-engagement';
import { restorativeOpportunitiesWorkflow } from '../../workflows/restorative-opportunities';
import { defenceCohortWorkflow } from '../../workflows/defence-cohort';
import { informationSessionWorkflow } from '../../workflows/information-session';
import { supportCoordinationWorkflow } from '../../workflows/support-coordination';
import { workflowDefinitions } from '../../workflows/registry';
import { startApp, type HttpClient, type RunningApp } from '../support/app';

const example = (definition: { commands: readonly { type: string; example: Readonly<Record<string, unknown>> }[] }, command: string) => ({
  ...definition.commands.find((c) => c.type === command)!.example,
});
const CONSENT = { consent: { givenBy: 'subject', givenAt: '2026-03-02T12:00:00Z' } };

describe('search: by reference, by person, by external reference', () => {
  let running: RunningApp;
  let supervisor: HttpClient;
  let rju: HttpClient;
  let complaint: { caseId: string; reference: string; position: number };
  let referral: { caseId: string; reference: string; position: number };
  let engagement: { caseId: string; reference: string; position: number };
  let head = 0;

  const search = async (client: HttpClient, q: string, extra = '') => {
    const response = await client.get(`/search?q=${encodeURIComponent(q)}&minPosition=${head}${extra}`);
    return { status: response.status, body: response.status === 200 ? SearchResultSchema.parse(response.body) : response.body };
  };
  const found = async (client: HttpClient, q: string) => {
    const { status, body } = await search(client, q);
    expect(status).toBe(200);
    return { ids: body.items.map((i: { caseId: string }) => i.caseId), total: body.total };
  };

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-02T16:00:00Z' });
    supervisor = await running.as('supervisor');
    rju = await running.as('rju');
    complaint = (
      await supervisor.post('/cases', {
        workflow: 'complaint',
        command: 'ReceiveComplaint',
        data: { ...example(complaintWorkflow, 'ReceiveComplaint'), complainant: { name: 'Émilie Côté-Roy', pseudonym: false, contact: 'ecr@example.org' } },
      })
    ).body;
    referral = (
      await rju.post('/cases', {
        workflow: 'restorative-opportunities',
        command: 'ReceiveReferral',
        data: { ...example(restorativeOpportunitiesWorkflow, 'ReceiveReferral'), victim: { name: 'Émilie Gagnon', contact: 'eg@example.org' }, offender: { name: 'Jordan Roy', fpsNumber: '123456A' } },
      })
    ).body;
    engagement = (
      await supervisor.post('/cases', {
        workflow: 'restorative-engagement',
        command: 'ReceiveOptIn',
        data: { ...example(restorativeEngagementWorkflow, 'ReceiveOptIn'), classMember: { name: 'Kai', pseudonym: true, contact: 'kai@example.org', claimReference: 'CLM-2025-88412' } },
      })
    ).body;
    head = await running.store.headPosition();
  });
  afterAll(async () => running.close());

  it('finds a person by any word of their name, accents and case folded, and only when every word matches', async () => {
    expect(await found(supervisor, 'emilie')).toEqual({ ids: [complaint.caseId], total: 1 });
    expect(await found(supervisor, 'ÉMILIE cote')).toEqual({ ids: [complaint.caseId], total: 1 });
    expect(await found(supervisor, 'Côté-Roy')).toEqual({ ids: [complaint.caseId], total: 1 });
    expect(await found(supervisor, 'emilie tremblay')).toEqual({ ids: [], total: 0 });
    // A pseudonym is the name a person gave; an external reference is found by its words.
    expect(await found(supervisor, 'kai')).toEqual({ ids: [engagement.caseId], total: 1 });
    expect(await found(supervisor, 'clm-2025-88412')).toEqual({ ids: [engagement.caseId], total: 1 });
    expect(await found(rju, '123456a')).toEqual({ ids: [referral.caseId], total: 1 });
  });

  it('finds a case by its reference, for auditors too, who may not search by person', async () => {
    const auditor = await running.as('auditor');
    const byReference = await search(auditor, complaint.reference.toLowerCase());
    expect(byReference).toMatchObject({ status: 200, body: { matchedBy: 'reference', total: 1, items: [{ caseId: complaint.caseId, reference: complaint.reference }] } });
    const byName = await search(auditor, 'emilie', '');
    expect(byName.status).toBe(403);
    const french = await auditor.get(`/search?q=emilie`, { 'accept-language': 'fr' });
    expect(french.body.message).toContain('chercher des dossiers par les personnes');
  });

  it('finds only what the caller may read, in the page and in the total: RO for the RJU alone, assigned cases for practitioners', async () => {
    // The RO victim shares a first name with the complainant: each role finds only its own.
    expect(await found(rju, 'emilie')).toEqual({ ids: [referral.caseId], total: 1 });
    expect(await found(supervisor, 'gagnon')).toEqual({ ids: [], total: 0 });
    expect(await found(supervisor, referral.reference)).toEqual({ ids: [], total: 0 });
    expect(await found(supervisor, '123456A')).toEqual({ ids: [], total: 0 });

    const practitioner = await running.as('practitioner', 'practitioner-7');
    expect(await found(practitioner, 'emilie')).toEqual({ ids: [], total: 0 });
    expect(await found(practitioner, complaint.reference)).toEqual({ ids: [], total: 0 });
    await supervisor.post(`/cases/${complaint.caseId}/commands/AcknowledgeComplaint`, {});
    const assigned = await supervisor.post(`/cases/${complaint.caseId}/commands/AssignHandler`, { handlerId: 'practitioner-7' });
    head = assigned.body.position;
    expect(await found(practitioner, 'emilie')).toEqual({ ids: [complaint.caseId], total: 1 });
  });

  it('refuses an empty or wordless query with a 400 naming q, in both languages', async () => {
    for (const q of ['', '  ', '--']) {
      const { status, body } = await search(supervisor, q);
      expect([q, status, body.message]).toEqual([q, 400, expect.stringContaining('q')]);
    }
    const french = await supervisor.get('/search?q=--', { 'accept-language': 'fr' });
    expect(french.body.message).toContain('doit contenir une lettre ou un chiffre');
  });

  it('finds the people of every workflow by their names: a support client, a cohort’s representatives, a session’s requester and attendees', async () => {
    const opened = async (workflow: string, command: string, data: Record<string, unknown>) => {
      const response = await supervisor.post('/cases', { workflow, command, data });
      expect({ workflow, status: response.status }).toEqual({ workflow, status: 201 });
      return response.body as { caseId: string; position: number };
    };
    const support = await opened('support-coordination', 'RecordOptIn', { ...example(supportCoordinationWorkflow, 'RecordOptIn'), client: { name: 'Aurélie Bouchard', contact: 'ab@example.org', affiliation: 'cafMember' } });
    const cohort = await opened('defence-cohort', 'FormCohort', example(defenceCohortWorkflow, 'FormCohort'));
    const presentation = await opened('information-session', 'RequestInformationSession', example(informationSessionWorkflow, 'RequestInformationSession'));
    // Class members register for an open session (a unit's presentation takes no registrations).
    const session = await opened('information-session', 'RequestInformationSession', { audience: 'classMembers', region: 'ON', topics: ['smsrcServices'] });
    const scheduled = await supervisor.post(`/cases/${session.caseId}/commands/ScheduleInformationSession`, {
      ...example(informationSessionWorkflow, 'ScheduleInformationSession'),
      startsAt: '2026-03-16T13:00:00-04:00',
      format: 'virtual',
    });
    expect(scheduled.status).toBe(200);
    const registered = await supervisor.post(`/cases/${session.caseId}/commands/RegisterAttendee`, { attendee: { name: 'Noor Haddad', contact: 'noor@example.org', role: 'classMember' } });
    expect({ status: registered.status, body: registered.body }).toMatchObject({ status: 200 });
    head = registered.body.position;
    expect(await found(supervisor, 'aurelie bouchard')).toEqual({ ids: [support.caseId], total: 1 });
    expect(await found(supervisor, 'Robin Chen')).toEqual({ ids: [cohort.caseId], total: 1 });
    expect(await found(supervisor, 'morgan lee')).toEqual({ ids: [presentation.caseId], total: 1 });
    expect(await found(supervisor, 'noor')).toEqual({ ids: [session.caseId], total: 1 });
  });

  it('has every workflow’s names searchable: each personal field called name is a search field of its event', () => {
    const unsearchable = workflowDefinitions.flatMap((workflow) =>
      workflow.events.flatMap((event) =>
        (event.personalData ?? [])
          .flatMap((group) => group.fields)
          .filter((field) => field.split('.').at(-1) === 'name' && !(event.search ?? []).includes(field))
          .map((field) => `${workflow.name} ${event.type} ${field}`),
      ),
    );
    // Not whose case it is: a complaint's next level of review (staff, named to the complainant) and a party's support person.
    expect(unsearchable).toEqual(['restorative-opportunities SupportPersonAgreed person.name', 'complaint ComplaintResponded nextLevel.name']);
  });

  const expectNoNamesInReadModels = () => {
    const files = readdirSync(running.dataDir).filter((name) => name.startsWith(READ_MODELS_FILE));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const bytes = readFileSync(join(running.dataDir, file)).toString('latin1');
      for (const marker of ['milie', 'Gagnon', 'CLM-2025', '123456', 'Jordan']) expect([file, marker, bytes.includes(marker)]).toEqual([file, marker, false]);
    }
  };

  it('keeps no name in the read models: only keyed hashes', () => {
    expectNoNamesInReadModels();
  });

  it('rebuilt in one pass with the projections that read events as stored, finds the same people and still keeps no name', async () => {
    await running.app.get(ProjectionsService).rebuildAll();
    expect(await found(supervisor, 'ÉMILIE cote')).toEqual({ ids: [complaint.caseId], total: 1 });
    expect(await found(rju, '123456a')).toEqual({ ids: [referral.caseId], total: 1 });
    expectNoNamesInReadModels();
  });

  it('forgets an erased person at once, and a rebuild after the erasure does not bring them back', async () => {
    const [opened] = await running.store.readStream(`complaint-${complaint.caseId}`, { maxCount: 1 });
    const subjectId = (opened!.data as { complainant: { subjectId: string } }).complainant.subjectId;
    const admin = await running.as('admin');
    const erased = await admin.post(`/subjects/${subjectId}/erase`, CONSENT);
    expect(erased.status).toBe(200);
    head = erased.body.position;
    expect(await found(supervisor, 'emilie')).toEqual({ ids: [], total: 0 });
    // The reference still finds the case: it is not personal information.
    expect(await found(supervisor, complaint.reference)).toEqual({ ids: [complaint.caseId], total: 1 });

    await running.app.get(ProjectionsService).rebuild('search');
    expect(await found(supervisor, 'emilie')).toEqual({ ids: [], total: 0 });
    expect(await found(supervisor, 'kai')).toEqual({ ids: [engagement.caseId], total: 1 });
    const db = new Database(join(running.dataDir, READ_MODELS_FILE), { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) AS n FROM search_terms WHERE subject = ?').get(subjectId)).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});
