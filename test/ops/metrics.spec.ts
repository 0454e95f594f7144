import { ProjectionsService } from '../../src/projections/projections.service';
import { SlaScheduler } from '../../src/sla/sla-scheduler.service';
import { startApp, type HttpClient, type RunningApp } from '../support/app';
import { parsePrometheusText, sampleValue, type MetricFamily } from './prometheus-text';

const DAY = 86_400_000;
const CASE_ID = '0195f3a0-5b1c-7a10-9d2e-3c4b5a690001';

const complaint = (receivedAt: string) => ({
  workflow: 'complaint',
  command: 'ReceiveComplaint',
  caseId: CASE_ID,
  data: { channel: 'electronic', receivedAt, region: 'ON', complainant: { name: 'Participant M-1', pseudonym: true }, text: 'A metrics check.' },
});

/** Whether a scrape counted a revision conflict. */
const conflicted = (scrape: { body: string }) => (sampleValue(parsePrometheusText(scrape.body), 'mend_event_append_revision_conflicts_total') ?? 0) > 0;

describe('GET /metrics', () => {
  let running: RunningApp;
  let admin: HttpClient;
  let families: Map<string, MetricFamily>;

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-02T14:00:00Z' });
    admin = await running.as('admin', 'admin-1');
    const supervisor = await running.as('supervisor', 'supervisor-1');
    expect((await supervisor.post('/cases', complaint(running.clock.now().toISOString()))).status).toBe(201);
    // The same id again: refused as taken (its reservation), before any append to the case.
    expect((await supervisor.post('/cases', complaint(running.clock.now().toISOString()))).status).toBe(409);
    // Supervisors reassigning the case at the same moment: appends race, the store refuses the stale expected
    // revisions (what the conflict counter counts) and the pipeline decides those commands again.
    for (let burst = 0; burst < 5 && !conflicted(await admin.get<string>('/metrics')); burst++) {
      const reassigned = await Promise.all(
        [1, 2, 3, 4, 5, 6].map((n) => supervisor.post(`/cases/${CASE_ID}/commands/AssignHandler`, { handlerId: `practitioner-${burst}-${n}` })),
      );
      expect(reassigned.map((r) => r.status).filter((status) => status !== 200 && status !== 409)).toEqual([]);
    }
    expect((await supervisor.get(`/cases/${CASE_ID}`)).status).toBe(200);
    // A step sent on the case as it stood at its opening: someone has acted since, so it is refused, and counted.
    const stale = await supervisor.post(`/cases/${CASE_ID}/commands/AssignHandler`, { handlerId: 'practitioner-late' }, { 'if-match': '"0"' });
    expect(stale.status).toBe(409);
    expect((await supervisor.get('/no-such-route')).status).toBe(404);
    expect((await fetch(`${running.baseUrl}/cases/${CASE_ID}`)).status).toBe(401);
    running.clock.advance(10 * DAY);
    const sweep = await running.app.get(SlaScheduler, { strict: false }).sweep();
    expect(sweep.breaches).toBeGreaterThan(0);
    // The sweep waits for the SLA clocks' read model alone; the scrape reports every projection's lag.
    const projections = running.app.get(ProjectionsService);
    const head = await running.store.headPosition();
    for (const name of projections.names()) await projections.awaitPosition(name, head);

    const response = await admin.get<string>('/metrics');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    families = parsePrometheusText(response.body);
  });
  afterAll(() => running.close());

  it('is refused without a token and to roles without metrics.read', async () => {
    expect((await fetch(`${running.baseUrl}/metrics`)).status).toBe(401);
    expect((await (await running.as('practitioner')).get('/metrics')).status).toBe(403);
    expect((await (await running.as('supervisor')).get('/metrics')).status).toBe(200);
  });

  it('times HTTP requests by method, route pattern and status, never by raw URL', () => {
    const http = families.get('mend_http_request_duration_seconds')!;
    expect(http.type).toBe('histogram');
    const count = (labels: Record<string, string>) => sampleValue(families, http.name, labels, `${http.name}_count`);
    expect(count({ method: 'POST', route: '/cases', status: '201' })).toBe(1);
    expect(count({ method: 'POST', route: '/cases', status: '409' })).toBe(1);
    expect(count({ method: 'GET', route: '/cases/:id', status: '200' })).toBe(1);
    expect(count({ method: 'GET', route: '/cases/:id', status: '401' })).toBe(1);
    expect(count({ method: 'GET', status: '404' })).toBe(1);
    expect(http.samples.some((s) => (s.labels['route'] ?? '').includes(CASE_ID))).toBe(false);
    expect(sampleValue(families, http.name, { route: '/cases' }, `${http.name}_sum`)).toBeGreaterThan(0);
    const infinite = http.samples.find((s) => s.name.endsWith('_bucket') && s.labels['le'] === '+Inf' && s.labels['status'] === '201');
    expect(infinite?.value).toBe(1);
  });

  it('times event appends and counts revision conflicts', () => {
    const appends = 'mend_event_append_duration_seconds';
    expect(families.get(appends)!.type).toBe('histogram');
    // The opening, the scheduler's warnings and breach.
    expect(sampleValue(families, appends, { outcome: 'ok' }, `${appends}_count`)).toBeGreaterThanOrEqual(2);
    const conflicts = sampleValue(families, 'mend_event_append_revision_conflicts_total');
    expect(conflicts).toBeGreaterThanOrEqual(1);
    expect(sampleValue(families, appends, { outcome: 'conflict' }, `${appends}_count`)).toBe(conflicts);
    // Refused before any append: a stale If-Match is counted apart.
    expect(families.get('mend_command_stale_revision_total')!.type).toBe('counter');
    expect(sampleValue(families, 'mend_command_stale_revision_total')).toBe(1);
  });

  it('reports each projection up, with its lag in events and seconds', () => {
    for (const projection of ['cases', 'complaint-board', 'sla-clocks']) {
      expect(sampleValue(families, 'mend_projection_up', { projection, status: 'running' })).toBe(1);
      expect(sampleValue(families, 'mend_projection_lag_events', { projection })).toBe(0);
      expect(sampleValue(families, 'mend_projection_lag_seconds', { projection })).toBe(0);
    }
  });

  it('reports the SLA scheduler’s sweeps, warnings and breaches, and clocks by status', () => {
    expect(families.get('mend_sla_scheduler_sweeps_total')!.type).toBe('counter');
    expect(sampleValue(families, 'mend_sla_scheduler_sweeps_total')).toBe(1);
    expect(sampleValue(families, 'mend_sla_breaches_recorded_total')).toBeGreaterThanOrEqual(1);
    expect(sampleValue(families, 'mend_sla_warnings_recorded_total')).toBeGreaterThanOrEqual(2);
    expect(sampleValue(families, 'mend_sla_scheduler_failures_total')).toBe(0);
    expect(sampleValue(families, 'mend_sla_scheduler_last_sweep_duration_seconds')).toBeGreaterThanOrEqual(0);
    expect(sampleValue(families, 'mend_sla_scheduler_enabled')).toBe(0);
    expect(sampleValue(families, 'mend_sla_clocks', { workflow: 'complaint', status: 'breached' })).toBeGreaterThanOrEqual(1);
  });

  it('includes the process metrics', () => {
    expect(sampleValue(families, 'mend_process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(sampleValue(families, 'mend_nodejs_eventloop_lag_seconds')).toBeGreaterThanOrEqual(0);
  });

  it('keeps one registry per application: a second app in this process counts only its own requests', async () => {
    const other = await startApp();
    try {
      const text = (await (await other.as('admin')).get<string>('/metrics')).body;
      const counted = parsePrometheusText(text);
      expect(sampleValue(counted, 'mend_http_request_duration_seconds', { route: '/cases' }, 'mend_http_request_duration_seconds_count')).toBeUndefined();
      expect(sampleValue(counted, 'mend_event_append_revision_conflicts_total')).toBe(0);
    } finally {
      await other.close();
    }
  });
});
