import { workflowDefinitions } from '../../workflows/registry';
import { startApp, type RunningApp } from '../support/app';

describe('hardened HTTP', () => {
  describe('by default', () => {
    let running: RunningApp;
    beforeAll(async () => {
      running = await startApp({ start: '2026-03-02T15:00:00Z', env: { MEND_RATE_LIMIT: '20', MEND_BODY_LIMIT: '2048' } });
    });
    afterAll(async () => running.close());

    it('sends security headers', async () => {
      const response = await fetch(`${running.baseUrl}/health`);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(response.headers.get('strict-transport-security')).toContain('max-age=');
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-powered-by')).toBeNull();
    });

    it('allows no inline script, and the pages served need none', async () => {
      const csp = (await fetch(`${running.baseUrl}/health`)).headers.get('content-security-policy')!;
      const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src'))!;
      expect(scriptSrc).not.toContain('unsafe-inline');
      for (const page of ['/docs', '/']) {
        const response = await fetch(`${running.baseUrl}${page}`);
        if (response.status !== 200) continue; // the console is served only once built
        const html = await response.text();
        const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
        expect(scripts.length).toBeGreaterThan(0);
        for (const [, attributes, body] of scripts) {
          expect(attributes).toMatch(/\bsrc=/);
          expect(body!.trim()).toBe('');
        }
      }
    });

    it('marks every answer to an authenticated request Cache-Control: no-store', async () => {
      const http = await running.as('supervisor', 'cache-1');
      const data = workflowDefinitions.find((d) => d.name === 'complaint')!.commands.find((c) => c.type === 'ReceiveComplaint')!.example;
      const opened = await http.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data });
      expect(opened.status).toBe(201);
      expect(opened.headers.get('cache-control')).toBe('no-store');
      const id = opened.body.caseId as string;
      for (const path of [`/cases/${id}?minPosition=${opened.body.position}`, `/cases/${id}/history`, `/cases/${id}/export?format=csv`, '/cases', `/cases/nope`]) {
        const response = await http.get(path);
        expect([path, response.headers.get('cache-control')]).toEqual([path, 'no-store']);
      }
    });

    it('Swagger UI does not keep the token in localStorage', async () => {
      const page = await fetch(`${running.baseUrl}/docs`);
      expect(page.status).toBe(200);
      const init = await (await fetch(`${running.baseUrl}/docs/swagger-ui-init.js`)).text();
      expect(init).toContain('"persistAuthorization": false');
    });

    it('allows no cross-origin requests', async () => {
      const preflight = await fetch(`${running.baseUrl}/cases`, {
        method: 'OPTIONS',
        headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' },
      });
      expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('refuses a body over the limit with 413 before reading it all', async () => {
      const http = await running.as('supervisor');
      const response = await http.request('POST', '/cases', { rawBody: JSON.stringify({ padding: 'x'.repeat(4096) }), headers: { 'content-type': 'application/json' } });
      expect(response.status).toBe(413);
      expect(response.body.code).toBe('REQUEST.BODY_TOO_LARGE');
    });

    it('limits each token’s request rate, with Retry-After, without touching other tokens', async () => {
      const busy = await running.as('supervisor', 'busy-1');
      const statuses: number[] = [];
      for (let i = 0; i < 25; i++) statuses.push((await busy.get('/workflows')).status);
      expect(statuses.slice(0, 15).every((s) => s === 200)).toBe(true);
      const limited = await busy.get('/workflows');
      expect(limited.status).toBe(429);
      expect(limited.body.code).toBe('REQUEST.RATE_LIMITED');
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await (await running.as('supervisor', 'calm-1')).get('/workflows')).status).toBe(200);
      expect((await fetch(`${running.baseUrl}/health`)).status).toBe(200);
    });

    it('counts a person’s requests however the Authorization header is spelled', async () => {
      const token = await running.token('supervisor', 'respelled-1');
      const spellings = ['Bearer', 'bearer', 'BEARER', 'BeArEr'].flatMap((scheme) => [`${scheme} ${token}`, `${scheme}   ${token}`]);
      const statuses: number[] = [];
      for (let i = 0; i < 24; i++) {
        const response = await fetch(`${running.baseUrl}/workflows`, { headers: { authorization: spellings[i % spellings.length]! } });
        statuses.push(response.status);
        await response.arrayBuffer();
      }
      expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
      expect(statuses.slice(20)).toEqual([429, 429, 429, 429]);
    });
  });

  it('limits each address before authentication: a flood of junk tokens is refused with 429', async () => {
    const running = await startApp({ env: { MEND_RATE_LIMIT: '1000', MEND_RATE_LIMIT_PER_ADDRESS: '30' } });
    try {
      const answers: { status: number; code: string }[] = [];
      for (let i = 0; i < 35; i++) {
        const response = await fetch(`${running.baseUrl}/workflows`, { headers: { authorization: `Bearer junk-${i}.x.y`, 'accept-language': 'fr' } });
        answers.push({ status: response.status, code: ((await response.json()) as { code: string }).code });
      }
      expect(answers.slice(0, 30).every((a) => a.status === 401)).toBe(true);
      expect(answers.slice(30)).toEqual(Array.from({ length: 5 }, () => ({ status: 429, code: 'REQUEST.RATE_LIMITED' })));
      const refused = await fetch(`${running.baseUrl}/workflows`, { headers: { 'accept-language': 'fr' } });
      expect(refused.headers.get('retry-after')).not.toBeNull();
      expect(((await refused.json()) as { message: string }).message).toContain('adresse réseau');
    } finally {
      await running.close();
    }
  });

  it('answers CORS preflights only for configured origins', async () => {
    const running = await startApp({ env: { MEND_CORS_ORIGINS: 'https://console.example' } });
    try {
      const allowed = await fetch(`${running.baseUrl}/cases`, {
        method: 'OPTIONS',
        headers: { origin: 'https://console.example', 'access-control-request-method': 'POST' },
      });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://console.example');
      const other = await fetch(`${running.baseUrl}/cases`, {
        method: 'OPTIONS',
        headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'POST' },
      });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await running.close();
    }
  });
});
