import { SlaAlertSchema, SlaClockPageSchema, SlaSummarySchema } from '../../src/sla/sla.schemas';
import type { SlaAlert } from '../../src/sla/sla-stream.service';
import { startApp, type HttpClient, type RunningApp } from '../support/app';
import { drain, openStream, receiveComplaint, run, scheduler } from './sla-support';

describe('SLA monitoring for supervisors', () => {
  let running: RunningApp;
  let supervisor: HttpClient;
  const ids: Record<string, string> = {};
  const T1 = '2026-03-05T19:00:00.000Z'; // Thursday 14:00 in Ottawa

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-02T14:00:00Z' });
    supervisor = await running.as('supervisor');
    const monday = '2026-03-02T09:00:00-05:00';
    ids['acknowledged'] = await receiveComplaint(supervisor, monday, 'ON');
    await run(supervisor, ids['acknowledged'], 'AcknowledgeComplaint');
    ids['quebec'] = await receiveComplaint(supervisor, monday, 'QC');
    ids['paused'] = await receiveComplaint(supervisor, monday, 'BC');
    await run(supervisor, ids['paused'], 'PauseClock', { clock: 'response-1', reason: 'Awaiting documents.' });
    ids['withdrawn'] = await receiveComplaint(supervisor, monday, 'ON');
    await run(supervisor, ids['withdrawn'], 'WithdrawComplaint');
    ids['late'] = await receiveComplaint(supervisor, monday, 'ON');
    running.clock.set('2026-03-04T14:00:00Z');
    ids['wednesday'] = await receiveComplaint(supervisor, '2026-03-04T09:00:00-05:00', 'ON');
    // Thursday: acknowledged after its due time, before the scheduler noticed: the acknowledgement records the breach first.
    running.clock.set(T1);
    await run(supervisor, ids['late'], 'AcknowledgeComplaint');
  });
  afterAll(async () => running.close());

  const head = async () => running.store.headPosition();
  const clocks = async (query: string) => {
    const response = await supervisor.get(`/sla/clocks?minPosition=${await head()}&${query}`);
    expect(response.status).toBe(200);
    return SlaClockPageSchema.parse(response.body).items;
  };
  const named = (items: { caseId: string; clock: string }[]) =>
    items.map((item) => `${Object.keys(ids).find((name) => ids[name] === item.caseId)} ${item.clock}`);

  it('counts overdue clocks before the scheduler records their breach', async () => {
    const summary = await supervisor.get(`/sla/summary?minPosition=${await head()}`);
    expect(summary.body.overall).toMatchObject({ overdue: 2, breached: 1 });
    expect(named((await clocks('status=running')).filter((c) => c.overdue))).toEqual(['quebec acknowledgement', 'paused acknowledgement']);
  });

  it('lists clocks by status, earliest due first', async () => {
    await drain(scheduler(running));
    // The late acknowledgement's breach was recorded when it was met. It and Quebec's fell due at the
    // same time: same-time clocks are ordered by case id, which is random here.
    const breached = named(await clocks('status=breached'));
    expect(breached.slice(0, 2).sort()).toEqual(['late acknowledgement', 'quebec acknowledgement']);
    expect(breached.slice(2)).toEqual(['paused acknowledgement']);
    expect(named(await clocks('status=warned'))).toEqual(['wednesday acknowledgement']);
    expect(named(await clocks('status=paused'))).toEqual(['paused response-1']);
    expect(named(await clocks('status=cancelled'))).toEqual(['withdrawn acknowledgement', 'withdrawn response-1']);
    expect((await clocks('status=met')).map((c) => [named([c])[0], c.onTime])).toEqual([['acknowledged acknowledgement', true]]);
    const atRisk = await clocks('status=running');
    const [first, ...rest] = named(atRisk);
    expect(first).toBe('wednesday acknowledgement');
    expect(rest.slice(0, 3).sort()).toEqual(['acknowledged response-1', 'late response-1', 'quebec response-1']);
    expect(rest[3]).toBe('wednesday response-1');
    expect(atRisk.map((c) => c.dueAt)).toEqual([...atRisk.map((c) => c.dueAt)].sort());
  });

  it('filters by region, workflow, level, case and due time', async () => {
    expect(named(await clocks('region=QC'))).toEqual(['quebec acknowledgement', 'quebec response-1']);
    expect(await clocks('workflow=complaint&level=1')).toHaveLength(12);
    expect(await clocks('workflow=restorative-engagement')).toEqual([]);
    expect(named(await clocks(`caseId=${ids['paused']}`))).toEqual(['paused acknowledgement', 'paused response-1']);
    expect(named(await clocks('status=running&dueBefore=2026-03-07T00:00:00Z'))).toEqual(['wednesday acknowledgement']);
  });

  it('names each clock’s case by its reference, as staff know it', async () => {
    const references: Record<string, string> = {};
    for (const id of Object.values(ids)) {
      const view = await supervisor.get(`/cases/${id}?minPosition=${await head()}`);
      references[id] = view.body.reference as string;
    }
    const items = await clocks('limit=200');
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.reference).toBe(references[item.caseId]);
    expect(new Set(items.map((item) => item.reference)).size).toBe(Object.keys(ids).length);
    expect(items[0]!.reference).toMatch(/^CMP-2026-\d{5}$/);
  });

  it('names each clock in both languages, as its start recorded it', async () => {
    const items = await clocks('limit=200');
    const names = new Set(items.map((item) => `${item.clock.replace(/\d+$/, 'N')}: ${item.name} / ${item.nameFr}`));
    expect([...names].sort()).toEqual([
      'acknowledgement: Acknowledgement / Accusé de réception',
      'response-N: Response, level 1 / Réponse, palier 1',
    ]);
  });

  it('pages with a cursor, never repeating or skipping a clock', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await supervisor.get(`/sla/clocks?limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...named(page.body.items));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(named(await clocks('limit=500')));
    expect(new Set(seen).size).toBe(12);
  });

  it('pages latest due first too, the same clocks in the reverse order', async () => {
    const seen: string[] = [];
    const due: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await supervisor.get(`/sla/clocks?order=latest&limit=5${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      seen.push(...named(page.body.items));
      due.push(...page.body.items.map((item: { dueAt: string }) => item.dueAt));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(named(await clocks('limit=500')).reverse());
    expect(due).toEqual([...due].sort().reverse());
  });

  it('sums counts and the on-time rate per workflow, region and level', async () => {
    await drain(scheduler(running));
    const summary = await supervisor.get(`/sla/summary?minPosition=${await head()}`);
    expect(summary.status).toBe(200);
    SlaSummarySchema.parse(summary.body);
    const overall = { running: 5, warned: 1, overdue: 0, paused: 1, breached: 3, met: 1, metOnTime: 1, metLate: 0, cancelled: 2, onTimeRate: 0.25 };
    expect(summary.body.overall).toEqual(overall);
    expect(summary.body.byWorkflow).toEqual([{ workflow: 'complaint', ...overall }]);
    expect(summary.body.byLevel).toEqual([{ level: 1, ...overall }]);
    const byRegion = Object.fromEntries((summary.body.byRegion as { region: string }[]).map(({ region, ...counts }) => [region, counts]));
    expect(byRegion['QC']).toMatchObject({ running: 1, breached: 1, onTimeRate: 0 });
    expect(byRegion['BC']).toMatchObject({ paused: 1, breached: 1, onTimeRate: 0 });
    expect(byRegion['ON']).toMatchObject({ running: 4, warned: 1, breached: 1, met: 1, metOnTime: 1, cancelled: 2, onTimeRate: 0.5 });
    expect(summary.body.groups).toHaveLength(3);
    expect(summary.body.scheduler).toMatchObject({ enabled: false, lastSweep: { at: T1 } });
    const quebec = await supervisor.get('/sla/summary?region=QC');
    expect(quebec.body.overall).toMatchObject({ running: 1, breached: 1 });
  });

  it('streams breaches as the scheduler records them, and resumes after the last event id', async () => {
    await drain(scheduler(running));
    const token = await running.token('supervisor');
    const live = await openStream(running.baseUrl, token, '/sla/stream');
    expect(live.response.status).toBe(200);
    expect(live.response.headers.get('content-type')).toContain('text/event-stream');
    expect(live.response.headers.get('x-correlation-id')).toBeTruthy();
    await live.greeting();
    const quebec = await openStream(running.baseUrl, token, '/sla/stream?region=QC');
    await quebec.greeting();

    // Ten weeks later every level-1 response is late.
    running.clock.set('2026-05-15T14:00:00Z');
    await drain(scheduler(running));
    const due = Object.fromEntries((await clocks('status=breached&limit=500')).map((c) => [`${c.caseId} ${c.clock}`, c.dueAt]));
    const received = await live.take(14);
    const alerts = received.map((e) => ({ id: Number(e.id), event: e.event, ...(SlaAlertSchema.parse(JSON.parse(e.data!)) as SlaAlert) }));
    // The wednesday acknowledgement's breach, then each running response clock's warnings and breach.
    expect(alerts.filter((a) => a.type === 'ClockBreached').map((a) => named([a])[0]).sort()).toEqual([
      'acknowledged response-1',
      'late response-1',
      'quebec response-1',
      'wednesday acknowledgement',
      'wednesday response-1',
    ]);
    for (const alert of alerts) {
      expect(alert.event).toBe(alert.type);
      expect(alert.id).toBe(alert.position);
      expect(alert.recordedAt).toBe('2026-05-15T14:00:00.000Z');
      if (alert.type === 'ClockBreached') expect(alert.at).toBe(due[`${alert.caseId} ${alert.clock}`]);
      expect(alert.reference).toMatch(/^CMP-2026-\d{5}$/);
      expect(alert.nameFr).toBe(alert.clock === 'acknowledgement' ? 'Accusé de réception' : 'Réponse, palier 1');
    }
    expect(alerts.map((a) => a.id)).toEqual([...alerts.map((a) => a.id)].sort((a, b) => a - b));
    live.close();

    expect((await quebec.take(3)).map((e) => JSON.parse(e.data!).region)).toEqual(['QC', 'QC', 'QC']);
    quebec.close();

    const resumed = await openStream(running.baseUrl, token, '/sla/stream', { 'last-event-id': String(alerts[4]!.id) });
    expect((await resumed.take(9)).map((e) => Number(e.id))).toEqual(alerts.slice(5).map((a) => a.id));
    resumed.close();

    const replayed = await openStream(running.baseUrl, token, '/sla/stream?minPosition=0');
    // Before: Thursday's eight (two acknowledgements warned twice and breached, one warned once, the late one breached).
    const everything = await replayed.take(22);
    expect(everything.slice(-14).map((e) => Number(e.id))).toEqual(alerts.map((a) => a.id));
    replayed.close();
  });

  it('is for supervisors and auditors, and names the field at fault in bad queries', async () => {
    const practitioner = await running.as('practitioner');
    for (const path of ['/sla/clocks', '/sla/summary', '/sla/stream']) {
      const refused = await practitioner.get(path);
      expect({ path, status: refused.status, code: refused.body.code }).toEqual({ path, status: 403, code: 'ACCESS.ROLE_FORBIDDEN' });
      expect((await fetch(`${running.baseUrl}${path}`)).status).toBe(401);
    }
    expect((await (await running.as('auditor')).get('/sla/summary')).status).toBe(200);

    const bad = async (path: string, field: string, headers?: Record<string, string>) => {
      const response = await supervisor.get(path, headers);
      expect({ path, status: response.status }).toEqual({ path, status: 400 });
      expect(response.body.message).toContain(field);
    };
    await bad('/sla/clocks?status=late', 'query.status');
    await bad('/sla/clocks?limit=0', 'query.limit');
    await bad('/sla/clocks?order=newest', 'query.order');
    await bad('/sla/clocks?dueBefore=tomorrow', 'query.dueBefore');
    await bad('/sla/clocks?cursor=nonsense', 'query.cursor');
    // A cursor is taken back only by the list and order that returned it, with keys of its form: an invented one is no page.
    const encoded = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    await bad(`/sla/clocks?cursor=${encoded(['x', 'y', 'z'])}`, 'query.cursor');
    await bad(`/sla/clocks?cursor=${encoded(['2025-11-26T23:00:00.000Z', 'not-a-uuid', 'acknowledgement'])}`, 'query.cursor');
    const first = await supervisor.get('/sla/clocks?limit=1');
    expect(first.body.nextCursor).toEqual(expect.any(String));
    expect((await supervisor.get(`/sla/clocks?limit=1&cursor=${first.body.nextCursor}`)).status).toBe(200);
    await bad(`/sla/clocks?limit=1&order=latest&cursor=${first.body.nextCursor}`, 'query.cursor');
    const cases = await supervisor.get('/cases?limit=1');
    expect(cases.body.nextCursor).toEqual(expect.any(String));
    await bad(`/inbox?assignee=practitioner-1&cursor=${cases.body.nextCursor}`, 'query.cursor');
    const french = await supervisor.get('/sla/clocks?cursor=nonsense', { 'accept-language': 'fr' });
    expect(french.body.message).toContain('n’est pas un curseur renvoyé par cette API pour cette liste');
    await bad('/sla/clocks?colour=red', 'query.colour');
    await bad('/sla/clocks?workflow=parking', 'parking');
    await bad('/sla/summary?region=XX', 'query.region');
    await bad('/sla/stream', 'Last-Event-ID', { 'last-event-id': 'yesterday' });
    // A resume point past the end of the log was never sent: the stream would send nothing until the log reached it.
    const last = await running.store.headPosition();
    await bad('/sla/stream', `Last-Event-ID ${last + 1000} is past the end of the log`, { 'last-event-id': String(last + 1000) });
    // A stream may start at the next write, not past it: it would skip every alert until then.
    const head = await running.store.headPosition();
    await bad(`/sla/stream?minPosition=${head + 2}`, `minPosition ${head + 2} is past the end of the log: pass the position a write returned.`);
    const next = await openStream(running.baseUrl, await running.token('supervisor'), `/sla/stream?minPosition=${head + 1}`);
    expect(next.response.status).toBe(200);
    expect(await next.greeting()).toContain(`after position ${head}`);
    next.close();
  });
});
