import { restorativeOpportunitiesWorkflow } from '../../workflows/restorative-opportunities';
import { runJourney } from '../support/api-examples';
import { openingRequest } from '../support/openings';
import { startApp, type HttpClient, type RunningApp } from '../support/app';
import { EXAMPLES_CLOCK_START, journeys, type Journey } from './journeys.fixture';

/**
 * A command that names another case (an engagement session's Defence representative cohort, the
 * class members' cases a cohort's session links, the case a complaint is about) names a case of
 * that workflow, or nothing is recorded: an id mistyped, or one of another program's case, is
 * refused beside its field.
 */
describe('links between cases, over HTTP', () => {
  let running: RunningApp;
  let practitioner: HttpClient;
  const journey = (workflow: string) => journeys.find((j) => j.workflow === workflow)!;
  const engagement = journey('restorative-engagement');
  const cohort = journey('defence-cohort');
  const complaint = journey('complaint');
  /** The journey's steps up to the first that sends `command`, which is left to the test. */
  const upTo = (j: Journey, command: string): Journey => ({ ...j, steps: j.steps.slice(0, j.steps.findIndex((s) => s.command === command)) });
  const UNKNOWN = '0195f3a0-5b1c-7a10-9d2e-3c4b5a6978ff';

  beforeAll(async () => {
    running = await startApp({ start: EXAMPLES_CLOCK_START, env: { MEND_RATE_LIMIT: '1000000' } });
    for (const j of [upTo(engagement, 'ScheduleEngagement'), complaint, upTo(cohort, 'RecordEngagementSession')]) {
      for (const exchange of await runJourney(running, j)) expect({ step: exchange.step.title, status: exchange.status }).toEqual({ step: exchange.step.title, status: exchange.step.expect.status });
    }
    practitioner = await running.as('practitioner', 'p-1');
  });
  afterAll(async () => running.close());

  const revisionOf = async (caseId: string) => (await running.as('supervisor', 's-1')).get(`/cases/${caseId}`).then((r) => r.body.revision as number);

  it('refuses a cohort session linking an id no Restorative Engagement case has, or a case of another program, and records nothing', async () => {
    const session = cohort.steps.find((s) => s.command === 'RecordEngagementSession')!;
    const before = await revisionOf(cohort.caseId);
    const p2 = await running.as('practitioner', 'p-2');
    for (const wrong of [UNKNOWN, complaint.caseId]) {
      const sent = { ...session.data, setting: 'group', engagementCaseIds: [engagement.caseId, wrong] };
      const refused = await p2.post(`/cases/${cohort.caseId}/commands/RecordEngagementSession`, sent);
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({
        code: 'CASE.LINK_NOT_FOUND',
        message: `No Restorative Engagement case has the id ${wrong}. Pick one of its cases, or check the id.`,
        details: { issues: [{ path: 'data.engagementCaseIds[1]' }] },
      });
      const fr = await p2.post(`/cases/${cohort.caseId}/commands/RecordEngagementSession`, sent, { 'accept-language': 'fr' });
      expect(fr.body.message).toBe(`Aucun dossier «\u00a0Engagement réparateur\u00a0» ne porte l’identifiant ${wrong}. Choisissez l’un de ses dossiers, ou vérifiez l’identifiant.`);
    }
    expect(await revisionOf(cohort.caseId)).toBe(before);
    const held = await p2.post(`/cases/${cohort.caseId}/commands/RecordEngagementSession`, session.data);
    expect(held.status).toBe(200);
    expect(held.body.revision).toBeGreaterThan(before);
  });

  it('refuses an engagement session scheduled with a cohort that is not one, and takes the cohort’s own id', async () => {
    const data = { engagementId: 'session-9', option: 'engagementSession', delivery: 'virtual', setting: 'individual', scheduledFor: '2026-03-12T13:00:00-04:00' };
    const chose = { options: ['writtenSharing', 'engagementSession'], deliveries: ['indirect', 'virtual'], settings: ['individual'], anonymity: 'anonymous' };
    expect((await practitioner.post(`/cases/${engagement.caseId}/commands/ChooseParticipation`, chose)).status).toBe(200);
    const before = await revisionOf(engagement.caseId);
    const refused = await practitioner.post(`/cases/${engagement.caseId}/commands/ScheduleEngagement`, { ...data, cohortId: engagement.caseId });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'CASE.LINK_NOT_FOUND', details: { issues: [{ path: 'data.cohortId' }] } });
    expect(refused.body.message).toContain('No Defence representative cohort case has the id');
    expect(await revisionOf(engagement.caseId)).toBe(before);
    const scheduled = await practitioner.post(`/cases/${engagement.caseId}/commands/ScheduleEngagement`, { ...data, cohortId: cohort.caseId });
    expect(scheduled.status).toBe(200);
  });

  it('refuses a complaint about a case that is not one of the program it names', async () => {
    const supervisor = await running.as('supervisor', 's-1');
    const receive = complaint.steps.find((s) => s.command === 'ReceiveComplaint')!;
    const file = (concerns: Record<string, unknown>, language = 'en') =>
      supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: { ...receive.data, concerns } }, { 'accept-language': language });
    const count = async () => (await supervisor.get('/cases?workflow=complaint&limit=100&minPosition=' + (await running.store.headPosition()))).body.items.length as number;
    const before = await count();
    for (const wrong of [UNKNOWN, cohort.caseId]) {
      const refused = await file({ program: 'restorative-engagement', caseId: wrong });
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({
        code: 'CASE.LINK_NOT_FOUND',
        message: `No Restorative Engagement case has the id ${wrong}. Pick one of its cases, or check the id.`,
        details: { issues: [{ path: 'data.concerns.caseId' }] },
      });
    }
    expect((await file({ program: 'restorative-engagement', caseId: UNKNOWN }, 'fr')).body.message).toBe(
      `Aucun dossier «\u00a0Engagement réparateur\u00a0» ne porte l’identifiant ${UNKNOWN}. Choisissez l’un de ses dossiers, ou vérifiez l’identifiant.`,
    );
    expect(await count()).toBe(before);
    const filed = await file({ program: 'restorative-engagement', caseId: engagement.caseId });
    expect(filed.status).toBe(201);
  });

  it('refuses a complaint about a program whose cases the filer may not know of, whatever case it names, and numbers nothing', async () => {
    const supervisor = await running.as('supervisor', 's-1');
    const receive = complaint.steps.find((s) => s.command === 'ReceiveComplaint')!;
    const rju = await running.as('rju', 'rju-1');
    const ro = await rju.post('/cases', { workflow: 'restorative-opportunities', command: 'ReceiveReferral', data: restorativeOpportunitiesWorkflow.commands.find((c) => c.type === 'ReceiveReferral')!.example });
    expect(ro.status).toBe(201);
    const head = await running.store.headPosition();
    // The same answer for an RO case's id, an unknown id and none: it names the program, never its cases.
    for (const concerns of [{ program: 'restorative-opportunities', caseId: ro.body.caseId }, { program: 'restorative-opportunities', caseId: UNKNOWN }, { program: 'restorative-opportunities' }]) {
      const refused = await supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: { ...receive.data, concerns } });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ code: 'ACCESS.ROLE_FORBIDDEN', message: 'The supervisor role may not open a case about Restorative Opportunities (victim-offender mediation).' });
      const fr = await supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: { ...receive.data, concerns } }, { 'accept-language': 'fr' });
      expect(fr.body.message).toBe('Le rôle «\u00a0superviseure ou superviseur\u00a0» ne permet pas d’ouvrir un dossier visant le programme «\u00a0Possibilités de justice réparatrice (médiation victime-délinquant)\u00a0».');
    }
    // Nothing recorded, no reference reserved: the RJU's next RO complaint follows its last.
    expect(await running.store.headPosition()).toBe(head);
    const filed = await rju.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: { ...receive.data, concerns: { program: 'restorative-opportunities', caseId: ro.body.caseId } } });
    expect(filed.status).toBe(201);
    expect(filed.body.reference).toMatch(/^CMP-RO-2026-00001$/);
  });
  it('refuses a cohort session naming a class member who did not choose engagement sessions, or who withdrew, and records nothing', async () => {
    const session = cohort.steps.find((s) => s.command === 'RecordEngagementSession')!;
    const supervisor = await running.as('supervisor', 's-1');
    const p2 = await running.as('practitioner', 'p-2');
    const opened = await supervisor.post('/cases', openingRequest('restorative-engagement'));
    expect(opened.status).toBe(201);
    const refuse = async (caseIds: string[]) => {
      const before = await revisionOf(cohort.caseId);
      const sent = { ...session.data, setting: caseIds.length > 1 ? 'group' : 'individual', engagementCaseIds: caseIds };
      const refused = await p2.post(`/cases/${cohort.caseId}/commands/RecordEngagementSession`, sent);
      expect(refused.status).toBe(422);
      const fr = await p2.post(`/cases/${cohort.caseId}/commands/RecordEngagementSession`, sent, { 'accept-language': 'fr-CA' });
      expect(await revisionOf(cohort.caseId)).toBe(before);
      return { en: refused.body, fr: fr.body };
    };
    // Opted in, not yet in phase 2: named beside its place in the list, whichever it is.
    const notYet = await refuse([engagement.caseId, opened.body.caseId]);
    expect(notYet.en).toMatchObject({
      code: 'RE.NOT_IN_ENGAGEMENT_SESSIONS',
      message: `Restorative Engagement case ${opened.body.caseId} is not taking part in engagement sessions: only a class member who chose them in phase 2, and has not withdrawn, can be recorded in one.`,
      details: { issues: [{ path: 'data.engagementCaseIds[1]' }] },
    });
    expect(notYet.fr.message).toBe(
      `Le dossier d’engagement réparateur ${opened.body.caseId} ne participe pas aux séances d’engagement\u00a0: seul un membre du groupe qui les a choisies à la phase 2, et qui ne s’est pas retiré, peut y être consigné.`,
    );
    // The class member who chose them withdraws: no session names them any more.
    expect((await practitioner.post(`/cases/${engagement.caseId}/commands/Withdraw`, {})).status).toBe(200);
    const withdrawn = await refuse([engagement.caseId]);
    expect(withdrawn.en).toMatchObject({ code: 'RE.NOT_IN_ENGAGEMENT_SESSIONS', details: { issues: [{ path: 'data.engagementCaseIds[0]' }] } });
  });
});
