import { localSecret, mintLocalToken } from '../../src/auth/jwt';
import { STREAMS_PER_PERSON } from '../../src/sla/sla-stream.service';
import { startApp, type RunningApp } from '../support/app';
import { openStream } from './sla-support';

/** The SLA stream is a long-lived read: it must not outlive its token, nor let one person hold connections without bound. */
describe('SLA stream limits', () => {
  let running: RunningApp;
  beforeAll(async () => {
    running = await startApp();
  });
  afterAll(async () => running.close());

  const token = (subject: string, ttlSeconds: number) =>
    mintLocalToken(localSecret(running.dataDir).secret, { subject, role: 'supervisor', ttlSeconds, now: new Date() });

  it('ends the stream when its token expires', async () => {
    const stream = await openStream(running.baseUrl, await token('supervisor-short', 2), '/sla/stream');
    expect(stream.response.status).toBe(200);
    await stream.greeting();
    // The next reads end with the stream itself, about two seconds in, long before the 15 s heartbeat.
    const ended = await Promise.race([
      (async () => {
        try {
          for (;;) await stream.take(stream.events.length + 1);
        } catch (error) {
          return (error as Error).message;
        }
      })(),
      new Promise<string>((resolve) => setTimeout(() => resolve('still open'), 10_000).unref()),
    ]);
    expect(ended).toBe('the stream ended');
    expect(stream.comments.join('\n')).toContain('the token expired');
  });

  it(`refuses a person's stream beyond ${STREAMS_PER_PERSON} with 429, in English and French, whatever token they use`, async () => {
    const streams = [];
    try {
      for (let i = 0; i < STREAMS_PER_PERSON; i++) {
        const stream = await openStream(running.baseUrl, await token('supervisor-greedy', 600 + i), '/sla/stream');
        expect(stream.response.status).toBe(200);
        await stream.greeting();
        streams.push(stream);
      }
      const refused = await fetch(`${running.baseUrl}/sla/stream`, {
        headers: { authorization: `Bearer ${await token('supervisor-greedy', 900)}`, 'accept-language': 'fr' },
      });
      expect(refused.status).toBe(429);
      const body = (await refused.json()) as { code: string; message: string };
      expect(body.code).toBe('SLA.TOO_MANY_STREAMS');
      expect(body.message).toContain('flux SLA');
      // Someone else is not affected, and a closed stream frees its place.
      const other = await openStream(running.baseUrl, await token('supervisor-other', 600), '/sla/stream');
      expect(other.response.status).toBe(200);
      other.close();
      streams.shift()!.close();
      let again: Response | undefined;
      for (let attempt = 0; attempt < 50 && again?.status !== 200; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const controller = new AbortController();
        again = await fetch(`${running.baseUrl}/sla/stream`, { headers: { authorization: `Bearer ${await token('supervisor-greedy', 900)}` }, signal: controller.signal });
        if (again.status === 200) streams.push({ close: () => controller.abort() });
        else await again.arrayBuffer();
      }
      expect(again?.status).toBe(200);
    } finally {
      for (const stream of streams) stream.close();
    }
  });
});
