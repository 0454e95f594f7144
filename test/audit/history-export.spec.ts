import { HistoryPageSchema, type HistoryItem } from '../../src/audit/audit.schemas';
import { CSV_COLUMNS } from '../../src/audit/export-format';
import { startApp, type HttpClient, type RunningApp } from '../support/app';
import { COMPLAINT_TEXT, driveComplaint, fetchText, parseCsv } from './audit-support';

describe('history and exports', () => {
  let running: RunningApp;
  let supervisor: HttpClient;
  let caseId: string;
  let history: HistoryItem[];

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-02T14:00:00Z' });
    ({ caseId } = await driveComplaint(running));
    supervisor = await running.as('supervisor', 'supervisor-1');
    const response = await supervisor.get(`/cases/${caseId}/history?limit=1000`);
    expect(response.status).toBe(200);
    history = HistoryPageSchema.parse(response.body).items;
  });
  afterAll(async () => running.close());

  describe('GET /cases/:id/history', () => {
    it('lists every stored event of the case, oldest first, with actor, times, revision, position and data', async () => {
      const stored = await running.store.readStream(`complaint-${caseId}`);
      expect(history.map((item) => [item.eventId, item.revision, item.position, item.type])).toEqual(
        stored.map((event) => [event.id, event.revision, event.position, event.type]),
      );
      expect(history[0]).toMatchObject({
        caseId,
        streamId: `complaint-${caseId}`,
        type: 'ComplaintReceived',
        actor: { id: 'supervisor-1', role: 'supervisor' },
        occurredAt: '2026-03-02T14:00:00.000Z',
        recordedAt: '2026-03-02T14:00:00.000Z',
        workflowVersion: 1,
      });
      expect(history.find((item) => item.type === 'ComplaintResponded')!.actor).toEqual({ id: 'practitioner-1', role: 'practitioner' });
      expect(history.every((item, i) => item.revision === i && item.hash.length === 64)).toBe(true);
    });

    it('opens personal information for roles that may see it and redacts it for auditors', async () => {
      expect((history[0]!.data as any).text).toBe(COMPLAINT_TEXT);
      const auditor = await running.as('auditor', 'auditor-1');
      const redacted = HistoryPageSchema.parse((await auditor.get(`/cases/${caseId}/history?limit=1`)).body).items[0]!;
      expect((redacted.data as any).text).toBe('[redacted]');
      expect((redacted.data as any).complainant.name).toBe('[redacted]');
      expect((redacted.data as any).channel).toBe('electronic');
    });

    it('pages with fromRevision and limit: following `next` gives the whole history once', async () => {
      const pages: HistoryItem[][] = [];
      for (let from: number | null = 0; from !== null; ) {
        const page = HistoryPageSchema.parse((await supervisor.get(`/cases/${caseId}/history?fromRevision=${from}&limit=3`)).body);
        expect(page.items.length).toBeLessThanOrEqual(3);
        pages.push(page.items);
        from = page.next;
      }
      expect(pages.flat()).toEqual(history);
      expect(pages.at(-1)!.at(-1)!.revision).toBe(history.at(-1)!.revision);
      const past = HistoryPageSchema.parse((await supervisor.get(`/cases/${caseId}/history?fromRevision=999`)).body);
      expect(past).toMatchObject({ items: [], next: null });
    });

    it('refuses bad paging with a 400 naming the parameter, and an unknown case with a 404', async () => {
      const bad = await supervisor.get(`/cases/${caseId}/history?limit=0&fromRevision=x&extra=1`);
      expect(bad.status).toBe(400);
      expect(bad.body.details.issues.map((i: { path: string }) => i.path).sort()).toEqual(['query.extra', 'query.fromRevision', 'query.limit']);
      expect((await supervisor.get(`/cases/not-a-uuid/history`)).status).toBe(400);
      const unknown = await supervisor.get(`/cases/00000000-0000-4000-8000-000000000000/history`);
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('CASE.NOT_FOUND');
    });

    it('is refused to a practitioner the case is not assigned to', async () => {
      const other = await running.as('practitioner', 'practitioner-2');
      expect((await other.get(`/cases/${caseId}/history`)).status).toBe(403);
      const handler = await running.as('practitioner', 'practitioner-1');
      expect((await handler.get(`/cases/${caseId}/history`)).status).toBe(200);
    });
  });

  describe('GET /cases/:id/export', () => {
    it('streams NDJSON as an attachment: one history item per line, equal to the history', async () => {
      const response = await fetchText(running, supervisor, `/cases/${caseId}/export?format=ndjson`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="complaint-${caseId}.ndjson"`);
      expect(response.text.endsWith('\n')).toBe(true);
      const lines = response.text.trimEnd().split('\n');
      expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual(history);
    });

    it('defaults to NDJSON', async () => {
      const response = await fetchText(running, supervisor, `/cases/${caseId}/export`);
      expect(response.headers.get('content-type')).toContain('application/x-ndjson');
      expect(response.text.trimEnd().split('\n')).toHaveLength(history.length);
    });

    it('streams CSV that parses as an RFC 4180 table with a header, quoting commas, quotes and line breaks', async () => {
      const response = await fetchText(running, supervisor, `/cases/${caseId}/export?format=csv`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="complaint-${caseId}.csv"`);
      const [header, ...rows] = parseCsv(response.text);
      expect(header).toEqual([...CSV_COLUMNS]);
      expect(rows).toHaveLength(history.length);
      const records = rows.map((row) => Object.fromEntries(header!.map((column, i) => [column, row[i]])));
      records.forEach((record, i) => {
        const item = history[i]!;
        expect(record).toEqual({
          position: String(item.position),
          streamId: item.streamId,
          caseId: item.caseId,
          revision: String(item.revision),
          type: item.type,
          occurredAt: item.occurredAt,
          recordedAt: item.recordedAt,
          actorId: item.actor.id,
          actorRole: item.actor.role,
          data: JSON.stringify(item.data),
          eventId: item.eventId,
          hash: item.hash,
        });
        expect(JSON.parse(record.data!)).toEqual(item.data);
      });
      expect(JSON.parse(records[0]!.data!).complainant.name).toBe('Robin, "R." Tremblay');
    });

    it('refuses an unknown format with a 400 naming it, and practitioners (exports are for supervisors, auditors and the RJU)', async () => {
      const bad = await supervisor.get(`/cases/${caseId}/export?format=xml`);
      expect(bad.status).toBe(400);
      expect(bad.body.message).toContain('format');
      const handler = await running.as('practitioner', 'practitioner-1');
      expect((await handler.get(`/cases/${caseId}/export`)).status).toBe(403);
    });
  });

  it('documents its routes in OpenAPI', async () => {
    const document = (await (await fetch(`${running.baseUrl}/openapi.json`)).json()) as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    for (const path of ['/cases/{id}/history', '/cases/{id}/state', '/cases/{id}/export', '/audit/verify', '/audit/access']) {
      expect(document.paths[path]).toHaveProperty('get');
    }
    expect(Object.keys(document.components.schemas)).toEqual(expect.arrayContaining(['HistoryPage', 'Verification', 'AccessPage']));
  });
});
