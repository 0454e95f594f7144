import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { PersonRole } from '../../domain/roles';
import type { AnyWorkflowDefinition } from '../../domain/workflow';
import { createApp } from '../../src/app';
import { localSecret, mintLocalToken } from '../../src/auth/jwt';
import { ManualClock, type Clock } from '../../src/clock/clock';
import { loadConfig, type MendConfig } from '../../src/config/config';
import { EVENT_STORE, type EventStore } from '../../src/event-store/event-store';

export interface RunningApp {
  readonly app: NestFastifyApplication;
  readonly baseUrl: string;
  readonly config: MendConfig;
  readonly clock: ManualClock;
  readonly dataDir: string;
  readonly store: EventStore;
  /** A bearer token for this instance. */
  token(role: PersonRole, subject?: string): Promise<string>;
  /** A client that sends this token with every request. */
  as(role: PersonRole, subject?: string): Promise<HttpClient>;
  close(): Promise<void>;
}

export interface HttpResponse<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

export interface HttpClient {
  readonly token: string;
  get<T = any>(path: string, headers?: Record<string, string>): Promise<HttpResponse<T>>;
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>): Promise<HttpResponse<T>>;
  request<T = any>(method: string, path: string, options?: { body?: unknown; rawBody?: string | Uint8Array; headers?: Record<string, string> }): Promise<HttpResponse<T>>;
}

/**
 * Boots the real Mend application on the real SQLite store in a temporary data directory,
 * listening on a free port. Only the clock is under the test's control.
 */
export async function startApp(
  options: {
    env?: Record<string, string>;
    clock?: ManualClock | Clock;
    start?: string;
    dataDir?: string;
    /** The workflows the app runs (default: the registry's). */
    workflows?: readonly AnyWorkflowDefinition[];
  } = {},
): Promise<RunningApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'mend-app-'));
  const config = loadConfig({ MEND_DATA_DIR: dataDir, MEND_LOG_LEVEL: 'silent', MEND_SCHEDULER: 'off', MEND_RATE_LIMIT: '0', PORT: '0', ...options.env });
  const clock = (options.clock as ManualClock | undefined) ?? new ManualClock(options.start ?? '2026-03-02T14:00:00Z');
  const app = await createApp({ config, clock, ...(options.workflows ? { workflows: options.workflows } : {}) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const secret = localSecret(dataDir, config.auth.secret).secret;
  const token = (role: PersonRole, subject = `${role}-1`) =>
    mintLocalToken(secret, { subject, role, ttlSeconds: 3600, now: new Date() });
  const running: RunningApp = {
    app,
    baseUrl,
    config,
    clock: clock as ManualClock,
    dataDir,
    store: app.get<EventStore>(EVENT_STORE),
    token,
    as: async (role, subject) => client(baseUrl, await token(role, subject)),
    close: async () => {
      await app.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return running;
}

export function client(baseUrl: string, token: string): HttpClient {
  const request = async <T>(
    method: string,
    path: string,
    options: { body?: unknown; rawBody?: string | Uint8Array; headers?: Record<string, string> } = {},
  ): Promise<HttpResponse<T>> => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, ...options.headers };
    let body: string | Uint8Array | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').startsWith('application/json') && text.length > 0) parsed = JSON.parse(text);
    return { status: response.status, headers: response.headers, body: parsed as T };
  };
  return {
    token,
    request,
    get: (path, headers) => request('GET', path, headers ? { headers } : {}),
    post: (path, body, headers) => request('POST', path, { body: body ?? {}, ...(headers ? { headers } : {}) }),
  };
}
