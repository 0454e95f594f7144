import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CaseViewSchema } from '../../src/http/response-schemas';
import { CasePageSchema } from '../../src/projections/projections.schemas';
import { HistoryPageSchema } from '../../src/audit/audit.schemas';
import { complaintWorkflow } from '../../workflows/complaint';
import { restorativeOpportunitiesWorkflow } from '../../workflows/restorative-opportunities';
import { CaseReferences } from '../../src/cases/case-references';
import { startApp, type HttpClient, type RunningApp } from '../support/app';

const example = (definition: typeof complaintWorkflow, command: string) => ({ ...definition.commands.find((c) => c.type === command)!.example });

const openComplaint = (client: HttpClient, data: Record<string, unknown> = {}) =>
  client.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: { ...example(complaintWorkflow, 'ReceiveComplaint'), ...data } });

describe('case references', () => {
  let running: RunningApp;
  let supervisor: HttpClient;

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-02T16:00:00Z' });
    supervisor = await running.as('supervisor');
  });
  afterAll(async () => running.close());

  it('gives each case a reference at opening, written into its opening event and shown in the view, the list and the history', async () => {
    const opened = await openComplaint(supervisor);
    expect(opened.status).toBe(201);
    const view = CaseViewSchema.parse(opened.body);
    expect(view.reference).toMatch(/^CMP-2026-\d{5}$/);

    const [first] = await running.store.readStream(`complaint-${view.caseId}`, { maxCount: 1 });
    expect(first!.metadata['reference']).toBe(view.reference);

    const read = await supervisor.get(`/cases/${view.caseId}?minPosition=${view.position}`);
    expect(read.body.reference).toBe(view.reference);
    const list = CasePageSchema.parse((await supervisor.get(`/cases?workflow=complaint&minPosition=${view.position}`)).body);
    expect(list.items.find((item) => item.caseId === view.caseId)?.reference).toBe(view.reference);
    const history = HistoryPageSchema.parse((await (await running.as('auditor')).get(`/cases/${view.caseId}/history`)).body);
    expect(history.reference).toBe(view.reference);
  });

  it('finds a case by its reference, typed in any case, and says which reference it does not know in both languages', async () => {
    const view = (await openComplaint(supervisor)).body;
    const found = await supervisor.get(`/cases/by-reference/${view.reference.toLowerCase()}?minPosition=${view.position}`);
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({ caseId: view.caseId, reference: view.reference });
    expect(found.headers.get('etag')).toBe(`"${view.revision}"`);

    const missing = await supervisor.get('/cases/by-reference/CMP-2026-99999', { 'accept-language': 'fr' });
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'CASE.REFERENCE_NOT_FOUND', message: 'Aucun dossier ne porte la référence CMP-2026-99999.' });
    const malformed = await supervisor.get('/cases/by-reference/not-a-reference');
    expect(malformed.status).toBe(400);
    expect(malformed.body.message).toContain('reference');
  });

  it('answers a reference the caller may not read exactly as an unknown one: RO to non-RJU roles, unassigned cases to practitioners', async () => {
    const rju = await running.as('rju');
    const referral = await rju.post('/cases', { workflow: 'restorative-opportunities', command: 'ReceiveReferral', data: example(restorativeOpportunitiesWorkflow as never, 'ReceiveReferral') });
    expect(referral.body.reference).toMatch(/^RO-2026-\d{5}$/);
    const complaint = (await openComplaint(supervisor)).body;
    const position = Math.max(referral.body.position, complaint.position);
    expect((await rju.get(`/cases/by-reference/${referral.body.reference}?minPosition=${position}`)).status).toBe(200);

    const unknown = (await supervisor.get('/cases/by-reference/RO-2026-99999')).body;
    for (const [role, reference] of [
      ['supervisor', referral.body.reference],
      ['auditor', referral.body.reference],
      ['practitioner', referral.body.reference],
      ['practitioner', complaint.reference],
    ] as const) {
      const answer = await (await running.as(role)).get(`/cases/by-reference/${reference}?minPosition=${position}`);
      expect({ role, status: answer.status, code: answer.body.code }).toEqual({ role, status: 404, code: unknown.code });
      expect(answer.body.message).toBe(`No case has the reference ${reference}.`);
    }
    // Nor do the reservations of RO references show in the hash-chain verification of those roles.
    const verify = await supervisor.get('/audit/verify');
    expect(JSON.stringify(verify.body)).not.toContain(referral.body.reference);
  });

  it('numbers complaints about RO cases in a series of their own, so the numbers departmental roles see have no gaps', async () => {
    const rju = await running.as('rju');
    const before = (await openComplaint(supervisor)).body;
    const aboutRo = (await openComplaint(rju, { concerns: { program: 'restorative-opportunities' } })).body;
    const after = (await openComplaint(supervisor)).body;
    const number = (reference: string) => Number(reference.slice(-5));
    expect(after.reference).toMatch(/^CMP-2026-\d{5}$/);
    expect(number(after.reference)).toBe(number(before.reference) + 1);
    expect(aboutRo.reference).toMatch(/^CMP-RO-2026-\d{5}$/);

    const position = Math.max(before.position, aboutRo.position, after.position);
    const found = await rju.get(`/cases/by-reference/${aboutRo.reference.toLowerCase()}?minPosition=${position}`);
    expect(found.body).toMatchObject({ caseId: aboutRo.caseId, reference: aboutRo.reference });
    const hidden = await supervisor.get(`/cases/by-reference/${aboutRo.reference}?minPosition=${position}`);
    expect({ status: hidden.status, code: hidden.body.code }).toEqual({ status: 404, code: 'CASE.REFERENCE_NOT_FOUND' });
    const references = CasePageSchema.parse((await supervisor.get(`/cases?workflow=complaint&limit=100&minPosition=${position}`)).body).items.map((item) => item.reference);
    expect(references).not.toContain(aboutRo.reference);
    expect(JSON.stringify((await supervisor.get('/audit/verify')).body)).not.toContain('CMP-RO-');
  });

  it('numbers by the year of the opening in the case’s region: 23:30 on 31 December in Toronto is still that year', async () => {
    running.clock.set('2027-01-01T04:30:00Z');
    try {
      const view = (await openComplaint(supervisor, { receivedAt: '2026-12-31T23:30:00-05:00', region: 'ON' })).body;
      expect(view.reference).toMatch(/^CMP-2026-/);
      const vancouver = (await openComplaint(supervisor, { receivedAt: '2026-12-31T20:30:00-08:00', region: 'BC' })).body;
      expect(vancouver.reference).toMatch(/^CMP-2026-/);
      running.clock.set('2027-01-01T05:30:00Z');
      const nextYear = (await openComplaint(supervisor, { receivedAt: '2027-01-01T00:30:00-05:00' })).body;
      expect(nextYear.reference).toBe('CMP-2027-00001');
    } finally {
      running.clock.set('2026-03-02T16:00:00Z');
    }
  });
});

describe('case references under concurrent openings on two nodes', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mend-refs-'));
  const nodes: RunningApp[] = [];

  afterAll(async () => {
    for (const node of nodes) await node.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('never gives one reference twice, and leaves no number unused', async () => {
    nodes.push(await startApp({ dataDir, start: '2026-03-02T16:00:00Z' }), await startApp({ dataDir, start: '2026-03-02T16:00:00Z' }));
    const clients = await Promise.all(nodes.map((node) => node.as('supervisor')));
    const opened = await Promise.all(Array.from({ length: 24 }, (_, i) => openComplaint(clients[i % 2]!)));
    expect(opened.map((r) => r.status)).toEqual(opened.map(() => 201));
    const references = opened.map((r) => r.body.reference as string).sort();
    expect(references).toEqual(Array.from({ length: 24 }, (_, i) => `CMP-2026-${String(i + 1).padStart(5, '0')}`));
  });
});

describe('openings of one case id at once (a client retrying)', () => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-02T16:00:00Z' });
  });
  afterAll(async () => running.close());

  it('open the case once; a number an opening that lost the race reserved names no case, and finds none', async () => {
    const supervisor = await running.as('supervisor');
    const caseId = '0195f3a0-5b1c-7a10-9d2e-3c4b5a6978d4';
    const opening = { workflow: 'complaint', command: 'ReceiveComplaint', caseId, data: example(complaintWorkflow, 'ReceiveComplaint') };
    const opened = await Promise.all(Array.from({ length: 12 }, () => supervisor.post('/cases', opening)));
    expect(opened.map((r) => r.status).sort()).toEqual([201, ...Array.from({ length: 11 }, () => 409)]);
    const reference = opened.find((r) => r.status === 201)!.body.reference as string;
    const reserved = (await running.store.readAll({}))
      .filter((event) => event.type === 'CaseReferenceReserved' && (event.data as { caseId: string }).caseId === caseId)
      .map((event) => (event.data as { reference: string }).reference);
    expect(reserved).toContain(reference);
    // However the openings interleaved here, one more reservation for the case, as an opening that lost the race makes.
    const lost = await running.app.get(CaseReferences).reserve({
      prefix: 'CMP',
      year: 2026,
      caseId,
      workflow: 'complaint',
      actor: { id: 'supervisor-1', role: 'supervisor' },
      occurredAt: '2026-03-02T16:00:00.000Z',
      correlationId: caseId,
      causationId: caseId,
    });
    for (const other of [...reserved.filter((r) => r !== reference), lost]) {
      const found = await supervisor.get(`/cases/by-reference/${other}`);
      expect({ other, status: found.status, code: found.body.code }).toEqual({ other, status: 404, code: 'CASE.REFERENCE_NOT_FOUND' });
    }
    expect((await supervisor.get(`/cases/by-reference/${reference}`)).body).toMatchObject({ caseId, reference });
  });
});

describe('reading a case just written, with the read models woken at most once a second', () => {
  let running: RunningApp;

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-02T16:00:00Z', env: { MEND_SQLITE_WAKE_MS: '1000' } });
  });
  afterAll(async () => running.close());

  it('answers by id and by reference with the command just answered, without ?minPosition=', async () => {
    const supervisor = await running.as('supervisor');
    const opened = (await openComplaint(supervisor)).body;
    // Within a second of the opening's commit: the read model does not have this command yet.
    const acknowledged = await supervisor.post(`/cases/${opened.caseId}/commands/AcknowledgeComplaint`, { method: 'email' });
    expect(acknowledged.status).toBe(200);
    const byId = await supervisor.get(`/cases/${opened.caseId}`);
    expect(byId.body).toMatchObject({ revision: acknowledged.body.revision, state: acknowledged.body.state });
    expect(byId.headers.get('etag')).toBe(`"${acknowledged.body.revision}"`);
    const byReference = await supervisor.get(`/cases/by-reference/${opened.reference}`);
    expect(byReference.body).toMatchObject({ caseId: opened.caseId, revision: acknowledged.body.revision });
    // A practitioner the case is not assigned to still gets "no such reference".
    const practitioner = await running.as('practitioner');
    expect((await practitioner.get(`/cases/by-reference/${opened.reference}`)).body.code).toBe('CASE.REFERENCE_NOT_FOUND');
  });
});
