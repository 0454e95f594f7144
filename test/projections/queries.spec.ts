import { workflowDefinitions } from '../../workflows/registry';
import { foldCaseRecord, type CaseRecord } from '../../projections/cases';
import { ProjectionEventDecoder } from '../../src/projections/projection-event.decoder';
import { startApp, type HttpClient, type RunningApp } from '../support/app';
import { Random } from '../support/random';
import { writeCases } from '../support/store-writer';

const BATCHES = ['2026-03-10T15:00:00Z', '2026-03-12T15:00:00Z', '2026-03-16T15:00:00Z', '2026-03-18T15:00:00Z'];
const CASES_PER_BATCH = 80;
const PAGE = 37;

interface Summary {
  readonly caseId: string;
  readonly workflow: string;
  readonly state: string;
  readonly status: string;
  readonly region: string;
  readonly assignees: readonly string[];
  readonly revision: number;
  readonly updatedAt: string;
}

/** Follows `nextCursor` to the end; every page must report the same total. */
async function allPages(http: HttpClient, query: string): Promise<{ items: Summary[]; totals: number[]; pages: number }> {
  const items: Summary[] = [];
  const totals: number[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const response = await http.get(`/cases?${query}${query ? '&' : ''}limit=${PAGE}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(response.status).toBe(200);
    items.push(...response.body.items);
    totals.push(response.body.total);
    cursor = response.body.nextCursor;
    pages += 1;
    if (pages > 100) throw new Error('the cursor does not end');
  } while (cursor);
  return { items, totals, pages };
}

const newestFirst = (a: Pick<Summary, 'updatedAt' | 'caseId'>, b: Pick<Summary, 'updatedAt' | 'caseId'>) =>
  b.updatedAt.localeCompare(a.updatedAt) || b.caseId.localeCompare(a.caseId);

describe('case queries over a few hundred cases', () => {
  let running: RunningApp;
  let supervisor: HttpClient;
  /** What the read model should hold: every case folded from the log by the pure projection. */
  let records: CaseRecord[];

  beforeAll(async () => {
    running = await startApp({ start: BATCHES[0] });
    const random = new Random(11);
    for (const at of BATCHES) {
      running.clock.set(at);
      await writeCases(running.app, { random, cases: CASES_PER_BATCH, clock: running.clock, commandsPerCase: random.int(3, 12) });
    }
    const head = await running.store.headPosition();
    supervisor = await running.as('supervisor');
    expect((await supervisor.get(`/cases?minPosition=${head}&limit=1`)).status).toBe(200);

    const decoder = running.app.get(ProjectionEventDecoder);
    const byCase = new Map<string, CaseRecord>();
    for (const recorded of await running.store.readAll({ fromPosition: 0 })) {
      const event = decoder.decode(recorded);
      if (event) byCase.set(event.caseId, foldCaseRecord(byCase.get(event.caseId), event));
    }
    records = [...byCase.values()];
  }, 180_000);

  afterAll(async () => running.close());

  /** The cases a supervisor may list (no RO content) that match. */
  const expected = (match: (record: CaseRecord) => boolean) =>
    records
      .filter((r) => r.workflow !== 'restorative-opportunities' && match(r))
      .map((r) => ({ caseId: r.caseId, updatedAt: r.updatedAt }))
      .sort(newestFirst)
      .map((r) => r.caseId);

  it('has cases of every workflow, state and region to query', () => {
    expect(records.length).toBe(BATCHES.length * CASES_PER_BATCH);
    expect(new Set(records.map((r) => r.workflow)).size).toBe(workflowDefinitions.length);
    expect(new Set(records.map((r) => r.state)).size).toBeGreaterThan(10);
    expect(new Set(records.map((r) => r.status))).toEqual(new Set(['open', 'closed']));
    expect(new Set(records.map((r) => r.region)).size).toBeGreaterThan(3);
  });

  const cases: [string, string, (r: CaseRecord) => boolean][] = [
    ['no filter', '', () => true],
    ['a workflow', 'workflow=complaint', (r) => r.workflow === 'complaint'],
    ['a parent state, which matches its children', 'state=phase2', (r) => r.state === 'phase2' || r.state.startsWith('phase2.')],
    ['a child state', 'state=phase2.engaging', (r) => r.state === 'phase2.engaging'],
    ['a state of one workflow', 'workflow=complaint&state=underReview', (r) => r.workflow === 'complaint' && r.state === 'underReview'],
    ['closed cases', 'status=closed', (r) => r.status === 'closed'],
    ['open cases of a region', 'status=open&region=QC', (r) => r.status === 'open' && r.region === 'QC'],
    ['an assignee', 'assignee=practitioner-2', (r) => r.assignees.includes('practitioner-2')],
    ['updated since an instant', `updatedSince=${encodeURIComponent('2026-03-16T10:00:00-05:00')}`, (r) => r.updatedAt >= '2026-03-16T15:00:00.000Z'],
    [
      'every filter at once',
      `workflow=restorative-engagement&status=open&region=ON&assignee=practitioner-1&updatedSince=${encodeURIComponent(BATCHES[1]!)}`,
      (r) => r.workflow === 'restorative-engagement' && r.status === 'open' && r.region === 'ON' && r.assignees.includes('practitioner-1') && r.updatedAt >= BATCHES[1]!.replace('Z', '.000Z'),
    ],
  ];

  it.each(cases)('filters by %s; the pages concatenate to the whole set, newest first, without duplicates, with the right total', async (_name, query, match) => {
    const want = expected(match);
    const { items, totals, pages } = await allPages(supervisor, query);
    expect(items.map((i) => i.caseId)).toEqual(want);
    expect(new Set(items.map((i) => i.caseId)).size).toBe(items.length);
    expect(totals.every((t) => t === want.length)).toBe(true);
    expect(pages).toBe(Math.max(1, Math.ceil(want.length / PAGE)));
    for (const item of items) {
      const record = records.find((r) => r.caseId === item.caseId)!;
      expect(item).toMatchObject({ workflow: record.workflow, state: record.state, status: record.status, region: record.region, revision: record.revision });
    }
  });

  it('finds something for most filters (the checks above are not vacuous)', () => {
    const sizes = cases.map(([, , match]) => expected(match).length);
    expect(sizes.filter((n) => n > 0).length).toBeGreaterThanOrEqual(cases.length - 1);
    expect(sizes[0]).toBeGreaterThan(2 * PAGE);
  });

  it('shows restorative opportunities cases to the Restorative Justice Unit only', async () => {
    const ro = records.filter((r) => r.workflow === 'restorative-opportunities').length;
    expect(ro).toBeGreaterThan(0);
    const rju = await running.as('rju');
    expect((await allPages(rju, 'workflow=restorative-opportunities')).items).toHaveLength(ro);
    expect((await supervisor.get('/cases?workflow=restorative-opportunities')).body).toMatchObject({ items: [], total: 0 });
  });

  it('lists only the cases named by id (ids=a,b), and of them only those the reader may list', async () => {
    const some = expected(() => true).filter((_, i) => i % 7 === 0).slice(0, 12);
    const ro = records.find((r) => r.workflow === 'restorative-opportunities')!.caseId;
    const { items, totals } = await allPages(supervisor, `ids=${[...some, ro, '01a24741-e249-776c-ade0-e4c275a6488b'].join(',')}`);
    expect(items.map((i) => i.caseId)).toEqual(expected((r) => some.includes(r.caseId)));
    expect(totals[0]).toBe(some.length);
    const practitioner = await running.as('practitioner', 'practitioner-3');
    const theirs = expected((r) => r.assignees.includes('practitioner-3'))[0]!;
    const listed = await practitioner.get(`/cases?ids=${[theirs, ...some].join(',')}`);
    expect(listed.body.items.map((i: Summary) => i.caseId)).toEqual(expected((r) => r.assignees.includes('practitioner-3') && [theirs, ...some].includes(r.caseId)));
    const tooMany = await supervisor.get(`/cases?ids=${Array.from({ length: 101 }, (_, i) => `case-${i}`).join(',')}`);
    expect({ status: tooMany.status, code: tooMany.body.code }).toEqual({ status: 400, code: 'VALIDATION.INVALID_INPUT' });
    const none = await supervisor.get('/cases?ids=,,', { 'accept-language': 'fr' });
    expect({ status: none.status, issues: none.body.details.issues }).toEqual({ status: 400, issues: [{ path: 'query.ids', message: 'doit contenir au moins un élément' }] });
  });

  it('lists for a practitioner only the cases assigned to them', async () => {
    const practitioner = await running.as('practitioner', 'practitioner-3');
    const { items, totals } = await allPages(practitioner, '');
    const want = expected((r) => r.assignees.includes('practitioner-3'));
    expect(want.length).toBeGreaterThan(0);
    expect(items.map((i) => i.caseId)).toEqual(want);
    expect(totals[0]).toBe(want.length);
  });

  it('keeps paging consistently while cases change: none is listed twice, none that did not change is skipped', async () => {
    const order = expected(() => true);
    const openComplaints = new Set(expected((r) => r.workflow === 'complaint' && r.status === 'open'));
    const seenEarly = order.slice(0, PAGE).find((id) => openComplaints.has(id))!;
    const notYetSeen = order.slice(PAGE * 2).find((id) => openComplaints.has(id))!;
    expect(seenEarly && notYetSeen).toBeTruthy();

    const first = await supervisor.get(`/cases?limit=${PAGE}`);
    const seen = new Set<string>(first.body.items.map((i: Summary) => i.caseId));
    // Both move to the front of the order: one already listed, one on a page not read yet.
    running.clock.set('2026-03-20T15:00:00Z');
    for (const caseId of [seenEarly, notYetSeen]) {
      const moved = await supervisor.post(`/cases/${caseId}/commands/WithdrawComplaint`, {});
      expect(moved.status).toBe(200);
      expect((await supervisor.get(`/cases/${caseId}?minPosition=${moved.body.position}`)).status).toBe(200);
    }
    let cursor: string | undefined = first.body.nextCursor;
    while (cursor) {
      const page = await supervisor.get(`/cases?limit=${PAGE}&cursor=${cursor}`);
      for (const item of page.body.items as Summary[]) {
        expect(seen.has(item.caseId)).toBe(false);
        seen.add(item.caseId);
      }
      cursor = page.body.nextCursor;
    }
    expect(order.filter((id) => id !== notYetSeen && !seen.has(id))).toEqual([]);
  });

  it.each([
    ['a cursor that is not base64 JSON', 'cursor=not-a-cursor', 'cursor'],
    ['a cursor of the wrong shape', `cursor=${Buffer.from(JSON.stringify({ updatedAt: 1 })).toString('base64url')}`, 'cursor'],
    ['a cursor that is too long', `cursor=${'a'.repeat(600)}`, 'cursor'],
    ['a limit of 0', 'limit=0', 'limit'],
    ['a limit over 200', 'limit=201', 'limit'],
    ['a region that does not exist', 'region=XX', 'region'],
    ['an instant without offset', 'updatedSince=2026-03-10T10:00:00', 'updatedSince'],
    ['an unknown parameter', 'colour=blue', 'colour'],
  ])('refuses %s with a 400 naming the parameter', async (_name, query, field) => {
    const response = await supervisor.get(`/cases?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION.INVALID_INPUT');
    expect(JSON.stringify(response.body.details)).toContain(field);
  });
});
