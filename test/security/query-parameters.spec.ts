import { randomUUID } from 'node:crypto';
import { workflowDefinitions } from '../../workflows/registry';
import { startApp, type HttpClient, type RunningApp } from '../support/app';

const example = (workflow: string, command: string) =>
  workflowDefinitions.find((d) => d.name === workflow)!.commands.find((c) => c.type === command)!.example;

/**
 * A query string that asks for something no case could match, or names a parameter the route does
 * not take, is a mistake said so (400, naming it, in the caller's language), never an answer that
 * ignores it: GET /search as GET /cases, a case read by id or by reference as every other route.
 */
describe('query parameters a route cannot honour', () => {
  let running: RunningApp;
  let supervisor: HttpClient;
  let caseId: string;
  let reference: string;
  let position: number;

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-02T15:00:00Z' });
    supervisor = await running.as('supervisor', 'supervisor-1');
    const opened = await supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: example('complaint', 'ReceiveComplaint') });
    expect(opened.status).toBe(201);
    caseId = opened.body.caseId;
    reference = opened.body.reference;
    position = opened.body.position;
  });
  afterAll(async () => running.close());

  it('GET /search with a workflow no case is of: 400 WORKFLOW.UNKNOWN, as GET /cases answers', async () => {
    const cases = await supervisor.get('/cases?workflow=nope');
    for (const language of ['en', 'fr']) {
      const searched = await supervisor.get('/search?q=martin&workflow=nope', { 'accept-language': language });
      const listed = await supervisor.get('/cases?workflow=nope', { 'accept-language': language });
      expect({ status: searched.status, code: searched.body.code, message: searched.body.message }).toEqual({ status: 400, code: 'WORKFLOW.UNKNOWN', message: listed.body.message });
    }
    expect(cases.body.message).toContain('nope');
    const known = await supervisor.get(`/search?q=${reference}&workflow=complaint&minPosition=${position}`);
    expect({ status: known.status, found: known.body.items.map((c: { caseId: string }) => c.caseId) }).toEqual({ status: 200, found: [caseId] });
  });

  it.each([
    ['by id', () => `/cases/${caseId}`],
    ['by reference', () => `/cases/by-reference/${reference}`],
  ])('a case read %s with a parameter it does not take: 400 naming it, in English and French', async (_how, path) => {
    const english = await supervisor.get(`${path()}?foo=1`);
    expect({ status: english.status, code: english.body.code, details: english.body.details }).toEqual({
      status: 400,
      code: 'VALIDATION.INVALID_INPUT',
      details: { issues: [{ path: 'query.foo', message: expect.any(String) }] },
    });
    const french = await supervisor.get(`${path()}?foo=1&minPosition=0`, { 'accept-language': 'fr' });
    expect({ status: french.status, message: french.body.message }).toEqual({ status: 400, message: expect.stringContaining('query.foo') });
    expect(french.body.message).not.toBe(english.body.message);
    // What it takes, it still takes.
    expect((await supervisor.get(`${path()}?minPosition=0`)).status).toBe(200);
    expect((await supervisor.get(`${path()}?minPosition=x`)).body.details.issues.map((i: { path: string }) => i.path)).toEqual(['query.minPosition']);
  });

  it('a parameter given twice is said to be so, whatever its form, in English and French', async () => {
    const paths = [
      `/audit/access?caseId=${caseId}&caseId=${caseId}`,
      `/cases/${caseId}/state?asOf=2026-03-02T15:00:00Z&asOf=2026-03-02T15:00:00Z`,
      `/cases/${caseId}/export?format=csv&format=ndjson`,
      '/cases?workflow=complaint&workflow=complaint',
    ];
    for (const path of paths) {
      const english = await supervisor.get(path);
      const french = await supervisor.get(path, { 'accept-language': 'fr' });
      const name = /[?&]([a-zA-Z]+)=[^&]*&\1=/.exec(path)![1];
      expect({ path, status: english.status, issues: english.body.details?.issues }).toEqual({ path, status: 400, issues: [{ path: `query.${name}`, message: 'must be given once' }] });
      expect(french.body.details.issues).toEqual([{ path: `query.${name}`, message: 'ne doit être donné qu’une fois' }]);
    }
  });

  it('tells no more of a case the caller may not know exists than of one that does not exist', async () => {
    const rju = await running.as('rju', 'rju-1');
    const ro = await rju.post('/cases', { workflow: 'restorative-opportunities', command: 'ReceiveReferral', data: example('restorative-opportunities', 'ReceiveReferral') });
    expect(ro.status).toBe(201);
    const [hidden, absent] = [await supervisor.get(`/cases/${ro.body.caseId}?foo=1`), await supervisor.get(`/cases/${randomUUID()}?foo=1`)];
    expect({ status: hidden.status, body: hidden.body }).toEqual({ status: absent.status, body: absent.body });
  });
});
