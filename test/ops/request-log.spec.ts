import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localSecret, mintLocalToken } from '../../src/auth/jwt';
import { cliEnv } from './cli-process';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..');

interface RequestLine {
  level: number;
  msg: string;
  correlationId?: string;
  actor?: string;
  role?: string;
  req: { id: string; method: string; url: string };
  res: { statusCode: number };
  responseTime: number;
}

/** The real server as `npm start` runs it (from the sources), logging JSON lines to stdout. */
describe('the request log', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mend-ops-log-'));
  let child: ChildProcess;
  let stdout = '';
  let stderr = '';
  let baseUrl: string;

  beforeAll(async () => {
    child = spawn(process.execPath, ['-r', './test/support/register.js', 'src/main.ts'], {
      cwd: ROOT,
      env: cliEnv({ MEND_DATA_DIR: dataDir, PORT: '0', MEND_LOG_FORMAT: 'json', MEND_LOG_LEVEL: 'info', MEND_SCHEDULER: 'off' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    baseUrl = await eventually(() => /Mend is serving on (http:\/\/[\d.]+:\d+)/.exec(stdout)?.[1]);
  });
  afterAll(async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function eventually<T>(value: () => T | undefined, limitMs = 90_000): Promise<T> {
    const deadline = Date.now() + limitMs;
    for (;;) {
      const found = value();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`Not found in the server's output:\n${stdout}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const requestLines = (): RequestLine[] =>
    stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as RequestLine)
      .filter((line) => line.req !== undefined && line.res !== undefined);

  it('starts without a process warning on stderr (a framework warning such as FSTWRN004 reads like an error)', () => {
    expect(stderr).not.toMatch(/\(node:\d+\)|Warning:|FSTWRN/);
  });

  it('writes its start-up lines as JSON lines, like every other line of stdout, in JSON mode', async () => {
    await eventually(() => (stdout.includes('The store is empty') ? true : undefined), 10_000);
    const lines = stdout.split('\n').filter((line) => line !== '');
    expect(lines.filter((line) => !line.startsWith('{'))).toEqual([]);
    expect(lines.map((line) => (JSON.parse(line) as { msg?: string }).msg)).toEqual(expect.arrayContaining([expect.stringMatching(/^Mend is serving on http/)]));
  });

  it('tells how to load the demo when the store is empty', async () => {
    const hint = 'The store is empty. For demo cases: stop Mend, run `npx mend seed-demo` (same MEND_DATA_DIR), start again.';
    // The server's lines reach this process in chunks: the hint may come just after the line with the address.
    await eventually(() => (stdout.includes(hint) ? true : undefined), 10_000);
  });

  it('writes one JSON line per request: method, route, status, duration, correlation id, actor', async () => {
    const secret = localSecret(dataDir).secret;
    const token = (subject: string, role: 'supervisor' | 'practitioner') => mintLocalToken(secret, { subject, role, ttlSeconds: 600 });
    const missing = await fetch(`${baseUrl}/cases/0195f3a0-5b1c-7a10-9d2e-3c4b5a690009?minPosition=0`, {
      headers: { authorization: `Bearer ${await token('practitioner-9', 'practitioner')}`, 'x-correlation-id': 'ops-log-check-1' },
    });
    expect(missing.status).toBe(404);
    const supervisorToken = await token('supervisor-9', 'supervisor');
    const opened = await fetch(`${baseUrl}/cases`, {
      method: 'POST',
      headers: { authorization: `Bearer ${supervisorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        workflow: 'complaint',
        command: 'ReceiveComplaint',
        data: { channel: 'electronic', receivedAt: new Date(Date.now() - 60_000).toISOString(), region: 'ON', complainant: { name: 'Participant L-1', pseudonym: true }, text: 'Logged?' },
      }),
    });
    expect(opened.status).toBe(201);
    const ready = await fetch(`${baseUrl}/ready`);
    expect(ready.status).toBe(200);

    const byCorrelation = (id: string | null) => requestLines().filter((line) => line.correlationId === id);
    const [missingLine] = await eventually(() => (byCorrelation('ops-log-check-1').length > 0 ? byCorrelation('ops-log-check-1') : undefined));
    const openedId = opened.headers.get('x-correlation-id');
    const readyId = ready.headers.get('x-correlation-id');
    await eventually(() => (byCorrelation(readyId).length > 0 ? true : undefined));

    expect(byCorrelation('ops-log-check-1')).toHaveLength(1);
    expect(missingLine).toMatchObject({
      msg: 'GET /cases/0195f3a0-5b1c-7a10-9d2e-3c4b5a690009 404',
      actor: 'practitioner-9',
      role: 'practitioner',
      req: { method: 'GET', url: '/cases/0195f3a0-5b1c-7a10-9d2e-3c4b5a690009' },
      res: { statusCode: 404 },
    });
    expect(missingLine!.responseTime).toEqual(expect.any(Number));
    expect(byCorrelation(openedId)).toEqual([
      expect.objectContaining({ actor: 'supervisor-9', role: 'supervisor', req: expect.objectContaining({ method: 'POST', url: '/cases' }), res: { statusCode: 201 } }),
    ]);
    const [readyLine] = byCorrelation(readyId);
    expect(readyLine).toMatchObject({ req: { method: 'GET', url: '/ready' }, res: { statusCode: 200 } });
    expect(readyLine!.actor).toBeUndefined();
    expect(stdout).not.toContain(supervisorToken);
    expect(stdout).not.toContain('Participant L-1');
  });
});
