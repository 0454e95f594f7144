import type Database from 'better-sqlite3';
import { KEY_STORE } from '../../src/privacy/personal-data.codec';
import { startApp, type HttpClient, type RunningApp } from '../support/app';
import { describeWithPostgres, dropSchema, freshSchema } from '../support/postgres';
import { Relay } from '../support/tcp-relay';
import { workflowDefinitions } from '../../workflows/registry';

const example = (workflow: string, command: string) =>
  workflowDefinitions.find((d) => d.name === workflow)!.commands.find((c) => c.type === command)!.example as Record<string, unknown>;

/**
 * When the PostgreSQL that holds the personal-data keys cannot be reached, a request that must
 * seal or open personal information is a 503 to retry (with Retry-After), in the caller's
 * language, and stores nothing: never a 500. It works again once PostgreSQL is back.
 */
describeWithPostgres('the PostgreSQL key store out of reach', (url) => {
  const schema = freshSchema('mend_keys');
  const target = new URL(url);
  const relay = new Relay({ host: target.hostname, port: Number(target.port) });
  let running: RunningApp;
  let supervisor: HttpClient;
  let caseId: string;
  const receive = () => supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: example('complaint', 'ReceiveComplaint') });

  beforeAll(async () => {
    await relay.open();
    const through = new URL(url);
    through.port = String(relay.port);
    running = await startApp({ start: '2026-06-01T15:00:00Z', env: { MEND_KEYSTORE: 'postgres', MEND_KEYSTORE_POSTGRES_URL: through.toString(), MEND_POSTGRES_SCHEMA: schema } });
    supervisor = await running.as('supervisor');
    const opened = await receive();
    expect(opened.status).toBe(201);
    caseId = opened.body.caseId;
  });
  afterAll(async () => {
    await running.close();
    await relay.cut();
    await dropSchema(url, schema);
  });

  it('answers 503 SERVICE.KEY_STORE_UNAVAILABLE with Retry-After to an opening that records a person, in both languages, and stores nothing', async () => {
    const before = (await running.store.readAll({})).length;
    await relay.cut();
    const english = await receive();
    expect({ status: english.status, code: english.body.code }).toEqual({ status: 503, code: 'SERVICE.KEY_STORE_UNAVAILABLE' });
    expect(english.headers.get('retry-after')).toBe('1');
    expect(english.body.message).toMatch(/^The store of personal-information keys is unavailable/);
    const french = await supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: example('complaint', 'ReceiveComplaint') }, { 'Accept-Language': 'fr' });
    expect({ status: french.status, code: french.body.code }).toEqual({ status: 503, code: 'SERVICE.KEY_STORE_UNAVAILABLE' });
    expect(french.body.message).toMatch(/^Le magasin des clés des renseignements personnels est indisponible/);
    // The openings' reserved ids and references may stay (retry-safe), but no case was written.
    const cases = (await running.store.readAll({})).slice(before).filter((event) => event.type === 'ComplaintReceived');
    expect(cases).toEqual([]);
  });

  it('answers 503 to a read of the case history, which opens personal information', async () => {
    const history = await supervisor.get(`/cases/${caseId}/history`);
    expect({ status: history.status, code: history.body.code }).toEqual({ status: 503, code: 'SERVICE.KEY_STORE_UNAVAILABLE' });
  });

  it('says on /ready that the key store is down, naming it', async () => {
    const ready = await fetch(`${running.baseUrl}/ready`);
    expect(ready.status).toBe(503);
    const body = (await ready.json()) as { message: string; details: { details: Record<string, { status: string; engine?: string }> } };
    expect(body.message).toMatch(/^Mend is not ready to serve: keyStore \(The PostgreSQL key store is unavailable/);
    expect(body.details.details['keyStore']).toMatchObject({ status: 'down', engine: 'postgres' });
    expect(body.details.details['eventStore']).toMatchObject({ status: 'up' });
  });

  it('works again once PostgreSQL can be reached', async () => {
    await relay.open();
    expect((await fetch(`${running.baseUrl}/ready`)).status).toBe(200);
    expect((await receive()).status).toBe(201);
    expect((await supervisor.get(`/cases/${caseId}/history`)).status).toBe(200);
  });
});

/**
 * The key file on a full disk (SQLite's page limit stands for the disk here): a step that must
 * create a person's key is a 503 to retry, and stores nothing; once there is room, it works.
 */
describe('the SQLite key store on a full disk', () => {
  let running: RunningApp;
  let supervisor: HttpClient;

  beforeAll(async () => {
    running = await startApp({ start: '2026-06-01T15:00:00Z' });
    supervisor = await running.as('supervisor');
  });
  afterAll(() => running.close());

  const opening = (name: string) => ({
    workflow: 'complaint',
    command: 'ReceiveComplaint',
    data: { ...example('complaint', 'ReceiveComplaint'), complainant: { name, contact: 'someone@example.org' } },
  });

  it('answers 503 SERVICE.KEY_STORE_UNAVAILABLE, not 500, and stores no case', async () => {
    const db = (running.app.get(KEY_STORE) as unknown as { db: Database.Database }).db;
    const pages = Number(db.pragma('page_count', { simple: true }));
    db.pragma(`max_page_count = ${pages}`);
    const filler = db.prepare('INSERT INTO subject_keys (subject_id, key, created_at) VALUES (?, ?, 0)');
    expect(() => {
      for (let i = 0; i < 10_000; i++) filler.run(`filler-${i}`, Buffer.alloc(32));
    }).toThrow(/full/);

    const refused = await supervisor.post('/cases', opening('Alex Tremblay'));
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 503, code: 'SERVICE.KEY_STORE_UNAVAILABLE' });
    expect((await running.store.readAll({})).filter((event) => event.type === 'ComplaintReceived')).toEqual([]);

    db.pragma(`max_page_count = ${pages * 100}`);
    expect((await supervisor.post('/cases', opening('Alex Tremblay'))).status).toBe(201);
  });
});
