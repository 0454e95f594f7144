import { randomUUID } from 'node:crypto';
import { workflowDefinitions } from '../../workflows/registry';
import { startApp, type HttpClient, type HttpResponse, type RunningApp } from '../support/app';

const example = (workflow: string) => {
  const definition = workflowDefinitions.find((d) => d.name === workflow)!;
  return { workflow, command: definition.openingCommand, data: definition.commands.find((c) => c.type === definition.openingCommand)!.example };
};

/** What an error answer says, without the id it names (the same for every case it could be about). */
const answer = (response: HttpResponse<any>, caseId: string) => ({
  status: response.status,
  body: JSON.parse(JSON.stringify(response.body).replaceAll(caseId, '<id>').replaceAll(caseId.toUpperCase(), '<id>')),
});

/**
 * A case id belongs to one case, whatever its workflow: opening a case under an id another
 * workflow's case holds is refused before anything is stored (it used to append a second stream
 * under the id and leave the cases projection failed), with the answer any existing id gets, so it
 * tells nothing of the other case — not its workflow, state, or that it is an RO case. An upper-case
 * spelling of an id names the same case.
 */
describe('case ids across workflows', () => {
  let running: RunningApp;
  let supervisor: HttpClient;
  let rju: HttpClient;

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-03T15:00:00Z' });
    supervisor = await running.as('supervisor');
    rju = await running.as('rju');
  });
  afterAll(() => running.close());

  /** The projections have applied everything stored so far and none failed. */
  async function projectionsHealthy(): Promise<void> {
    const probe = await supervisor.post('/cases', example('complaint'));
    expect(probe.status).toBe(201);
    const read = await supervisor.get(`/cases/${probe.body.caseId}?minPosition=${probe.body.position}`);
    expect(read.status).toBe(200);
    const ready = await fetch(`${running.baseUrl}/ready`);
    expect(ready.status).toBe(200);
  }

  it('refuses an id held by a case of another workflow, storing nothing, and the projections stay healthy', async () => {
    const caseId = randomUUID();
    const opened = await supervisor.post('/cases', { ...example('complaint'), caseId });
    expect(opened.status).toBe(201);
    const head = await running.store.headPosition();

    const again = await supervisor.post('/cases', { ...example('complaint'), caseId });
    const other = await supervisor.post('/cases', { ...example('restorative-engagement'), caseId });
    expect(again.status).toBe(409);
    expect(answer(other, caseId)).toEqual(answer(again, caseId));
    expect(other.body.code).toBe('CASE.ALREADY_EXISTS');
    expect(await running.store.headPosition()).toBe(head);

    const view = await supervisor.get(`/cases/${caseId}`);
    expect(view.body.workflow).toBe('complaint');
    await projectionsHealthy();
  });

  it('answers a non-rju user sending an RO case id as for any existing id: nothing of the RO case shows', async () => {
    const roId = randomUUID();
    expect((await rju.post('/cases', { ...example('restorative-opportunities'), caseId: roId })).status).toBe(201);
    const complaintId = randomUUID();
    expect((await supervisor.post('/cases', { ...example('complaint'), caseId: complaintId })).status).toBe(201);
    const head = await running.store.headPosition();

    for (const role of ['supervisor', 'practitioner'] as const) {
      const user = await running.as(role);
      const onRo = await user.post('/cases', { ...example('restorative-engagement'), caseId: roId });
      const onComplaint = await user.post('/cases', { ...example('restorative-engagement'), caseId: complaintId });
      expect(onRo.status).toBe(409);
      expect(answer(onRo, roId)).toEqual(answer(onComplaint, complaintId));
      expect(JSON.stringify(onRo.body)).not.toMatch(/restorative-opportunities|referral|rju/i);
      expect((await user.get(`/cases/${roId}`)).status).toBe(404);
    }
    expect(await running.store.headPosition()).toBe(head);
    await projectionsHealthy();
  });

  it('treats an upper-case spelling of an id as the same case', async () => {
    const caseId = randomUUID();
    expect((await supervisor.post('/cases', { ...example('complaint'), caseId })).status).toBe(201);
    const head = await running.store.headPosition();
    const upper = caseId.toUpperCase();
    expect((await supervisor.post('/cases', { ...example('complaint'), caseId: upper })).status).toBe(409);
    expect((await supervisor.post('/cases', { ...example('restorative-engagement'), caseId: upper })).status).toBe(409);
    expect(await running.store.headPosition()).toBe(head);
    const view = await supervisor.get(`/cases/${upper}`);
    expect(view.status).toBe(200);
    expect(view.body.caseId).toBe(caseId);

    const fresh = randomUUID().toUpperCase();
    const opened = await supervisor.post('/cases', { ...example('complaint'), caseId: fresh });
    expect(opened.status).toBe(201);
    expect(opened.body.caseId).toBe(fresh.toLowerCase());
    await projectionsHealthy();
  });

  it('lets exactly one of many concurrent opens of one id in different workflows succeed', async () => {
    const caseId = randomUUID();
    const attempts = await Promise.all(
      Array.from({ length: 12 }, (_, i) => supervisor.post('/cases', { ...example(i % 2 === 0 ? 'complaint' : 'restorative-engagement'), caseId })),
    );
    expect(attempts.map((a) => a.status).sort()).toEqual([201, ...Array(11).fill(409)]);
    const streams = new Set((await running.store.readAll({})).filter((e) => e.streamId.endsWith(caseId)).map((e) => e.streamId));
    expect(streams.size).toBe(2); // the case's stream and the id's reservation
    await projectionsHealthy();
  });
});
