import { startApp, type RunningApp } from '../support/app';

describe('smoke', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(async () => running.close());

  it('serves health and a complaint', async () => {
    const res = await fetch(`${running.baseUrl}/health`);
    expect(res.status).toBe(200);
    const http = await running.as('practitioner');
    const opened = await http.post('/cases', {
      workflow: 'complaint',
      command: 'ReceiveComplaint',
      data: { channel: 'electronic', receivedAt: '2026-03-02T09:00:00-05:00', region: 'ON', complainant: { name: 'A' }, text: 'x' },
    });
    console.log(opened.status, JSON.stringify(opened.body, null, 1));
    const bad = await http.post('/cases', 'notjson' as any);
    console.log(bad.status, bad.body);
    const raw = await http.request('POST', '/cases', { rawBody: '{bad', headers: { 'content-type': 'application/json' } });
    console.log(raw.status, raw.body);
    const nf = await http.get('/nope');
    console.log(nf.status, nf.body);
    const wf = await http.get('/workflows');
    console.log(wf.status, wf.body[0]?.diagram);
    const docs = await fetch(`${running.baseUrl}/openapi.json`);
    console.log(docs.status);
  });
});
