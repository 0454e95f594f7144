import Database from 'better-sqlite3';
import { AccessPageSchema, type AccessPageView, type AccessRecord } from '../../src/audit/audit.schemas';
import { startApp, type HttpClient, type RunningApp } from '../support/app';
import { driveComplaint, eventsFile, fetchText } from './audit-support';

describe('the access log: every read of a case’s content is recorded', () => {
  let running: RunningApp;
  let supervisor: HttpClient;
  let auditor: HttpClient;
  let caseId: string;
  let otherCaseId: string;
  let head: number;

  const log = async (query: string): Promise<AccessPageView> => {
    const response = await auditor.get(`/audit/access?${query}`);
    expect(response.status).toBe(200);
    return AccessPageSchema.parse(response.body);
  };
  const readsOf = async (id: string) => (await log(`caseId=${id}&limit=1000`)).items;

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-02T14:00:00Z' });
    ({ caseId } = await driveComplaint(running));
    let steps;
    ({ caseId: otherCaseId, steps } = await driveComplaint(running));
    head = steps[steps.length - 1]!.view.position;
    supervisor = await running.as('supervisor', 'supervisor-1');
    auditor = await running.as('auditor', 'auditor-1');
  });
  afterAll(async () => running.close());

  it('starts empty: commands are not reads', async () => {
    expect(await readsOf(caseId)).toEqual([]);
  });

  it('records the view, history, state and export reads with the reader, what was read and when', async () => {
    running.clock.set('2026-03-10T15:00:00Z');
    expect((await supervisor.get(`/cases/${caseId}`, { 'x-correlation-id': 'read-view-1' })).status).toBe(200);
    expect((await supervisor.get(`/cases/${caseId}/history?limit=5`)).status).toBe(200);
    running.clock.set('2026-03-10T15:05:00Z');
    expect((await auditor.get(`/cases/${caseId}/state?revision=2`)).status).toBe(200);
    expect((await fetchText(running, auditor, `/cases/${caseId}/export?format=csv`)).status).toBe(200);

    const reads = await readsOf(caseId);
    expect(reads.map(({ read, actor, occurredAt, details }) => ({ read, actor, occurredAt, details }))).toEqual([
      { read: 'case', actor: { id: 'supervisor-1', role: 'supervisor' }, occurredAt: '2026-03-10T15:00:00.000Z', details: {} },
      { read: 'history', actor: { id: 'supervisor-1', role: 'supervisor' }, occurredAt: '2026-03-10T15:00:00.000Z', details: { limit: '5' } },
      { read: 'state', actor: { id: 'auditor-1', role: 'auditor' }, occurredAt: '2026-03-10T15:05:00.000Z', details: { revision: '2' } },
      { read: 'export', actor: { id: 'auditor-1', role: 'auditor' }, occurredAt: '2026-03-10T15:05:00.000Z', details: { format: 'csv' } },
    ]);
    expect(reads[0]!.correlationId).toBe('read-view-1');
    expect(reads.every((r) => r.caseId === caseId)).toBe(true);
    expect(reads.map((r) => r.revision)).toEqual([0, 1, 2, 3]);
    const stored = await running.store.readStream(`accessLog-${caseId}`);
    expect(stored.map((e) => [e.id, e.type])).toEqual(reads.map((r) => [r.eventId, 'CaseContentRead']));
  });

  it('records only the parameters a route declares: a name or a token slipped into the query string is refused, and not kept', async () => {
    running.clock.set('2026-03-10T16:00:00Z');
    const before = (await readsOf(caseId)).length;
    const token = await running.token('supervisor', 'supervisor-1');
    const query = `victimName=Robin%20Tremblay&access_token=${token}`;
    const slipped = await supervisor.get(`/cases/${caseId}?minPosition=1&${query}`);
    expect({ status: slipped.status, paths: slipped.body.details.issues.map((i: { path: string }) => i.path) }).toEqual({
      status: 400,
      paths: ['query.victimName', 'query.access_token'],
    });
    expect(JSON.stringify(slipped.body)).not.toContain('Robin');
    expect(JSON.stringify(slipped.body)).not.toContain(token);
    expect((await supervisor.get(`/cases/${caseId}?minPosition=1`)).status).toBe(200);
    const reads = (await readsOf(caseId)).slice(before);
    expect(reads.map((r) => r.details)).toEqual([{ minPosition: '1' }]);
    const stored = JSON.stringify(await running.store.readStream(`accessLog-${caseId}`));
    expect(stored).not.toContain('Robin');
    expect(stored).not.toContain(token);
  });

  it('does not count failed reads, other cases, or the list of cases', async () => {
    running.clock.set('2026-03-11T10:00:00Z');
    const before = (await readsOf(caseId)).length;
    expect((await supervisor.get(`/cases/${caseId}/state`)).status).toBe(400);
    expect((await supervisor.get(`/cases/${caseId}/history?limit=0`)).status).toBe(400);
    const stranger = await running.as('practitioner', 'practitioner-9');
    expect((await stranger.get(`/cases/${caseId}/history`)).status).toBe(403);
    expect((await supervisor.get(`/cases`)).status).toBe(200);
    expect((await supervisor.get(`/cases/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await supervisor.get(`/cases/${otherCaseId}`)).status).toBe(200);
    expect(await readsOf(caseId)).toHaveLength(before);
    expect(await readsOf(otherCaseId)).toHaveLength(1);
  });

  it('records each case a search by name found (it tells who is in them), never the words searched; a search by reference records nothing', async () => {
    running.clock.set('2026-03-11T11:00:00Z');
    const before = { [caseId]: (await readsOf(caseId)).length, [otherCaseId]: (await readsOf(otherCaseId)).length };
    const found = await supervisor.get(`/search?q=${encodeURIComponent('robin TREMBLAY')}&workflow=complaint&minPosition=${head}`, { 'x-correlation-id': 'search-1' });
    expect(found.status).toBe(200);
    expect(new Set(found.body.items.map((i: { caseId: string }) => i.caseId))).toEqual(new Set([caseId, otherCaseId]));
    for (const id of [caseId, otherCaseId]) {
      const reads = await readsOf(id);
      expect(reads).toHaveLength(before[id]! + 1);
      expect(reads.at(-1)).toMatchObject({ read: 'search', actor: { id: 'supervisor-1', role: 'supervisor' }, occurredAt: '2026-03-11T11:00:00.000Z', details: { workflow: 'complaint' }, correlationId: 'search-1' });
      expect(JSON.stringify(reads.at(-1)).toLowerCase()).not.toContain('robin');
    }
    // A reference is what the caller already had; a search that finds nothing shows no one.
    const reference = found.body.items.find((i: { caseId: string }) => i.caseId === caseId).reference;
    expect((await supervisor.get(`/search?q=${reference}`)).body.items).toHaveLength(1);
    expect((await supervisor.get(`/search?q=nobody&minPosition=${head}`)).body.items).toEqual([]);
    expect(await readsOf(caseId)).toHaveLength(before[caseId]! + 1);
    expect(await readsOf(otherCaseId)).toHaveLength(before[otherCaseId]! + 1);
  });

  it('keeps each case’s log a hash chain, however many reads arrive at once', async () => {
    const before = (await readsOf(caseId)).length;
    const responses = await Promise.all(Array.from({ length: 25 }, () => supervisor.get(`/cases/${caseId}`)));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    const reads = await readsOf(caseId);
    expect(reads).toHaveLength(before + 25);
    expect(reads.map((r) => r.revision)).toEqual(reads.map((_, i) => i));
    const verdict = await auditor.get(`/audit/verify?caseId=${caseId}`);
    expect(verdict.body).toMatchObject({ ok: true, streams: 2 });
  });

  it('answers by reader and time window across all cases, page by page', async () => {
    const bySupervisor = await log('actorId=supervisor-1&limit=1000');
    expect(bySupervisor.items.length).toBeGreaterThan(25);
    expect(bySupervisor.items.every((r) => r.actor.id === 'supervisor-1')).toBe(true);
    expect(new Set(bySupervisor.items.map((r) => r.caseId))).toEqual(new Set([caseId, otherCaseId]));
    // Each case named as staff name it, without reading the cases read model.
    expect(bySupervisor.cases[caseId]).toEqual({ reference: expect.stringMatching(/^CMP-2026-\d{5}$/), workflow: 'complaint' });
    expect(Object.keys(bySupervisor.cases).sort()).toEqual([caseId, otherCaseId].sort());

    const window = await log(`from=${encodeURIComponent('2026-03-10T15:01:00Z')}&to=${encodeURIComponent('2026-03-10T15:10:00-00:00')}`);
    expect(window.items.map((r) => r.read)).toEqual(['state', 'export']);

    const pages: AccessRecord[][] = [];
    for (let cursor: number | null = null; ; ) {
      const page: { items: AccessRecord[]; next: number | null } = await log(`actorId=supervisor-1&limit=7${cursor === null ? '' : `&cursor=${cursor}`}`);
      pages.push(page.items);
      if (page.next === null) break;
      cursor = page.next;
    }
    expect(pages.flat()).toEqual(bySupervisor.items);
    expect(pages[0]).toHaveLength(7);

    const byCasePages: AccessRecord[] = [];
    for (let cursor: number | null = null; ; ) {
      const page: { items: AccessRecord[]; next: number | null } = await log(`caseId=${caseId}&limit=10${cursor === null ? '' : `&cursor=${cursor}`}`);
      byCasePages.push(...page.items);
      if (page.next === null) break;
      cursor = page.next;
    }
    expect(byCasePages).toEqual(await readsOf(caseId));
  });

  it('is for auditors and supervisors only (administrators read no case, nor who read one), and refuses bad filters naming them', async () => {
    const practitioner = await running.as('practitioner', 'practitioner-1');
    expect((await practitioner.get('/audit/access')).status).toBe(403);
    expect((await (await running.as('admin', 'admin-1')).get('/audit/access')).status).toBe(403);
    expect((await supervisor.get('/audit/access')).status).toBe(200);
    const bad = await auditor.get('/audit/access?from=yesterday&caseId=x&limit=5000');
    expect(bad.status).toBe(400);
    expect(bad.body.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['query.caseId', 'query.from', 'query.limit']);
    // A window that ends before it starts holds nothing anyone could have meant.
    for (const [language, said] of [['en', 'query.to: must be later than the “from” parameter'], ['fr', 'query.to\u00a0: doit être postérieur au paramètre «\u00a0from\u00a0»']]) {
      const backwards = await auditor.get(`/audit/access?from=2026-03-03T00:00:00Z&to=2026-03-01T00:00:00Z`, { 'accept-language': language! });
      expect({ status: backwards.status, code: backwards.body.code }).toEqual({ status: 400, code: 'VALIDATION.INVALID_INPUT' });
      expect(backwards.body.message).toContain(said);
    }
  });

  it('refuses a read whose record cannot be stored: no read goes unrecorded', async () => {
    // Another connection makes the store refuse access records, as a full disk would.
    const db = new Database(eventsFile(running.dataDir));
    db.exec(`CREATE TRIGGER refuse_reads BEFORE INSERT ON events WHEN NEW.stream_id LIKE 'accessLog-%' BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
    db.close();
    const before = await running.store.readStream(`accessLog-${caseId}`);
    const response = await supervisor.get(`/cases/${caseId}`);
    expect(response.status).toBe(503);
    expect(response.body.code).toBe('AUDIT.READ_NOT_RECORDED');
    expect(response.body).not.toHaveProperty('state');
    expect(await running.store.readStream(`accessLog-${caseId}`)).toHaveLength(before.length);
    // Nor a search whose finds cannot be recorded.
    const search = await supervisor.get(`/search?q=tremblay`);
    expect({ status: search.status, code: search.body.code }).toEqual({ status: 503, code: 'AUDIT.READ_NOT_RECORDED' });
    expect(search.body).not.toHaveProperty('items');
    expect(await running.store.readStream(`accessLog-${caseId}`)).toHaveLength(before.length);
  });
});
