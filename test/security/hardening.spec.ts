import { startApp, type RunningApp } from '../support/app';

describe('hardened HTTP', () => {
  describe('by default', () => {
    let running: RunningApp;
    beforeAll(async () => {
      running = await startApp({ env: { MEND_RATE_LIMIT: '20', MEND_BODY_LIMIT: '2048' } });
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
