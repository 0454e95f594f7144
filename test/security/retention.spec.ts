import { loadConfig } from '../../src/config/config';
import { workflowDefinitions } from '../../workflows/registry';
import { startApp, type HttpClient, type RunningApp } from '../support/app';

const receive = workflowDefinitions.find((d) => d.name === 'complaint')!.commands.find((c) => c.type === 'ReceiveComplaint')!.example;

/**
 * The Privacy Act's retention floor: personal information used in a case is kept two years after
 * its last use unless the person consents to its disposal. Erasure refuses (422, in both languages,
 * saying until when) and stores nothing; with consent, or once the period has passed, it erases
 * and records the ground it applied.
 */
describe('erasure and the retention period', () => {
  let running: RunningApp;
  let supervisor: HttpClient;
  let admin: HttpClient;

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-03T15:00:00Z' });
    supervisor = await running.as('supervisor');
    admin = await running.as('admin', 'admin-1');
  });
  afterAll(() => running.close());

  async function complainant(): Promise<{ caseId: string; subjectId: string }> {
    const opened = await supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: receive });
    expect(opened.status).toBe(201);
    const history = await supervisor.get(`/cases/${opened.body.caseId}/history`);
    return { caseId: opened.body.caseId, subjectId: history.body.items[0].data.complainant.subjectId };
  }

  const erasures = async (subjectId: string) => (await running.store.readAll({})).filter((e) => e.streamId === `erasure-${subjectId}`);

  it('refuses to erase data used less than two years ago without consent, saying until when, and erases nothing', async () => {
    const { caseId, subjectId } = await complainant();
    const head = await running.store.headPosition();
    const refused = await admin.post(`/subjects/${subjectId}/erase`, {});
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('ERASURE.RETENTION_PERIOD');
    expect(refused.body.details).toEqual({ lastUsedAt: '2026-03-03T15:00:00.000Z', retainedUntil: '2028-03-03T15:00:00.000Z' });
    expect(refused.body.message).toContain('until 2028-03-03T15:00:00.000Z');
    const french = await admin.post(`/subjects/${subjectId}/erase`, {}, { 'accept-language': 'fr' });
    expect(french.body.message).toContain("jusqu’au 2028-03-03T15:00:00.000Z");
    expect(await running.store.headPosition()).toBe(head);
    expect((await supervisor.get(`/cases/${caseId}/history`)).body.items[0].data.complainant.name).toBe(receive['complainant'] && (receive['complainant'] as { name: string }).name);
  });

  it('refuses a consent given in the future, and an unknown field, with a 400', async () => {
    const { subjectId } = await complainant();
    const future = await admin.post(`/subjects/${subjectId}/erase`, { consent: { givenBy: 'subject', givenAt: '2026-03-04T00:00:00Z' } });
    expect(future.status).toBe(400);
    expect(future.body.message).toContain('consent.givenAt');
    const unknown = await admin.post(`/subjects/${subjectId}/erase`, { consent: { givenBy: 'a friend', givenAt: '2026-03-01T00:00:00Z' } });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain('consent.givenBy');
    expect(await erasures(subjectId)).toEqual([]);
  });

  it("erases with the person's consent and records who consented and when", async () => {
    const { caseId, subjectId } = await complainant();
    const consent = { givenBy: 'representative', givenAt: '2026-03-03T14:00:00Z' };
    const erased = await admin.post(`/subjects/${subjectId}/erase`, { consent });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ subjectId, keyDestroyed: true, ground: 'consent' });
    const [event] = await erasures(subjectId);
    expect(event!.data).toMatchObject({ subjectId, ground: 'consent', consent, lastUsedAt: '2026-03-03T15:00:00.000Z' });
    expect((await supervisor.get(`/cases/${caseId}/history`)).body.items[0].data.complainant.name).toBe('[erased]');
  });

  it('erases without consent once the retention period has passed, and data never used in a case at once', async () => {
    const { subjectId } = await complainant();
    running.clock.set('2028-03-03T15:00:01Z');
    const erased = await admin.post(`/subjects/${subjectId}/erase`, {});
    expect(erased.status).toBe(200);
    expect(erased.body.ground).toBe('retentionElapsed');
    expect((await erasures(subjectId))[0]!.data).toMatchObject({ ground: 'retentionElapsed', lastUsedAt: '2026-03-03T15:00:00.000Z' });

    const never = await admin.post('/subjects/never-recorded-7/erase', {});
    expect(never.status).toBe(200);
    expect(never.body).toMatchObject({ ground: 'neverUsed', keyDestroyed: false });
  });

  it('answers a repeated erasure with the first one and appends nothing, consent or not', async () => {
    const { subjectId } = await complainant();
    const consent = { givenBy: 'subject', givenAt: '2026-03-03T14:00:00Z' };
    const first = await admin.post(`/subjects/${subjectId}/erase`, { consent });
    expect(first.body).toMatchObject({ keyDestroyed: true, ground: 'consent' });
    const head = await running.store.headPosition();
    running.clock.advance(7 * 24 * 3600_000);
    // A retry without the consent is not refused for the retention period: there is nothing left to keep.
    for (const body of [{ consent }, {}]) {
      const again = await admin.post(`/subjects/${subjectId}/erase`, body);
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ ...first.body, keyDestroyed: false });
    }
    const never = [await admin.post('/subjects/never-recorded-8/erase', {}), await admin.post('/subjects/never-recorded-8/erase', {})];
    expect(never.map((r) => r.status)).toEqual([200, 200]);
    expect(never[1]!.body).toEqual(never[0]!.body);
    expect(await erasures(subjectId)).toHaveLength(1);
    expect(await erasures('never-recorded-8')).toHaveLength(1);
    expect(await running.store.headPosition()).toBe(head + 1);
  });

  it('takes the retention period from MEND_RETENTION_YEARS, a whole number of years', () => {
    expect(loadConfig({}).retentionYears).toBe(2);
    expect(loadConfig({ MEND_RETENTION_YEARS: '7' }).retentionYears).toBe(7);
    expect(() => loadConfig({ MEND_RETENTION_YEARS: 'two' })).toThrow(/MEND_RETENTION_YEARS/);
    expect(() => loadConfig({ MEND_RETENTION_YEARS: '-1' })).toThrow(/MEND_RETENTION_YEARS/);
  });
});
