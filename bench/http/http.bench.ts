import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { figure, measured, type Section } from '../report/figures';
import type { Profile } from '../profile';
import { autocannon, type AutocannonRequest, type AutocannonResult } from './autocannon';
import { HANDLER_ID, type ServerReady } from './bench-server';

const TARGET = 0.4;
/** Mend's commands and its own bare routes, each as a share of bare Nest + Fastify (issue #15). */
const TARGET_COMMANDS_OF_NEST = 0.25;
const TARGET_BARE_OF_NEST = 0.5;
const ROOT = join(__dirname, '..', '..');

type Child<T> = T & { stop(): Promise<void> };
export type Server = Child<ServerReady>;

/** Forks a server script and resolves with what it reports once it listens. */
function startChild<T>(script: string): Promise<Child<T>> {
  const child: ChildProcess = fork(join(__dirname, script), [], {
    cwd: ROOT,
    execArgv: ['-r', join(ROOT, 'test', 'support', 'register.js')],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the bench server exited with ${code}`)));
    child.once('message', (ready: T) =>
      resolve({
        ...ready,
        stop: () =>
          new Promise<void>((done) => {
            child.removeAllListeners('exit');
            child.once('exit', () => done());
            child.send('stop');
          }),
      }),
    );
  });
}

/** Mend (bench-server.ts) in a child process, so that the load generator has the other core. */
export const startServer = (): Promise<Server> => startChild<ServerReady>('bench-server.ts');

async function post(server: Server, token: string, path: string, body: unknown): Promise<{ caseId: string }> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as { caseId: string };
  if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** Complaints received, acknowledged and assigned to the handler whose token drives the load. */
export async function assignedComplaints(server: Server, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { caseId } = await post(server, server.tokens.supervisor, '/cases', {
      workflow: 'complaint',
      command: 'ReceiveComplaint',
      data: {
        channel: 'electronic',
        receivedAt: new Date().toISOString(),
        region: 'ON',
        complainant: { name: 'Robin Tremblay', contact: 'robin@example.org' },
        text: 'My engagement session was cancelled twice.',
      },
    });
    await post(server, server.tokens.supervisor, `/cases/${caseId}/commands/AcknowledgeComplaint`, { method: 'email' });
    await post(server, server.tokens.supervisor, `/cases/${caseId}/commands/AssignHandler`, { handlerId: HANDLER_ID });
    ids.push(caseId);
  }
  return ids;
}

/**
 * A run ends mid-round: a case may be left with its clock paused. Resumes every such clock so that
 * the next run's first PauseClock is legal (a refusal here means the clock was running).
 */
async function settle(server: Server, caseIds: readonly string[]): Promise<void> {
  for (const caseId of caseIds) {
    await fetch(`${server.baseUrl}/cases/${caseId}/commands/ResumeClock`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.tokens.handler}`, 'content-type': 'application/json' },
      body: JSON.stringify({ clock: 'response-1' }),
    }).then((response) => response.arrayBuffer());
  }
}

/**
 * One round per connection: pause the response clock, resume it, read the case. A round takes a
 * case no other connection holds, so its commands never race; it gives the case back at the end.
 */
function rounds(prefix: string, caseIds: readonly string[], token: string): AutocannonRequest[] {
  const free = [...caseIds];
  let spare = 0;
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const caseOf = (context: Record<string, unknown>) => context['caseId'] as string;
  return [
    {
      method: 'POST',
      setupRequest: (request, context) => {
        context['caseId'] = free.pop() ?? caseIds[spare++ % caseIds.length];
        return {
          ...request,
          headers,
          path: `${prefix}/${caseOf(context)}/commands/PauseClock`,
          body: JSON.stringify({ clock: 'response-1', reason: 'Awaiting the complainant.' }),
        };
      },
    },
    {
      method: 'POST',
      setupRequest: (request, context) => ({
        ...request,
        headers,
        path: `${prefix}/${caseOf(context)}/commands/ResumeClock`,
        body: JSON.stringify({ clock: 'response-1' }),
      }),
    },
    {
      method: 'GET',
      setupRequest: (request, context) => ({ ...request, headers: { authorization: headers.authorization }, path: `${prefix}/${caseOf(context)}` }),
      onResponse: (_status, _body, context) => {
        free.push(caseOf(context));
      },
    },
  ];
}

/** The furthest any projection is behind the log (GET /projections: head position minus its checkpoint). */
export async function projectionLag(server: Server): Promise<{ events: number; seconds: number } | undefined> {
  const response = await fetch(`${server.baseUrl}/projections`, { headers: { authorization: `Bearer ${server.tokens.supervisor}` } });
  if (!response.ok) return undefined;
  const lag = { events: 0, seconds: 0 };
  for (const projection of (await response.json()) as { lag: { events: number; seconds: number } }[]) {
    lag.events = Math.max(lag.events, projection.lag.events);
    lag.seconds = Math.max(lag.seconds, projection.lag.seconds);
  }
  return lag;
}

/**
 * Waits until every projection has caught up with the log (or `timeoutMs` passed), so that a run
 * does not pay for the projection work the previous run left behind.
 */
export async function caughtUp(server: Server, timeoutMs = 30_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline && (await projectionLag(server))?.events !== 0) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** One small JSON POST per request, as the bare Nest + Fastify server answers it. */
const echo = (): AutocannonRequest[] => [
  { method: 'POST', path: '/echo', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ clock: 'response-1', reason: 'Awaiting the complainant.' }) },
];

export async function httpSection(profile: Profile): Promise<Section> {
  const { http } = profile;
  const server = await startServer();
  const nest = await startChild<{ baseUrl: string }>('bare-nest-server.ts');
  try {
    const caseIds = await assignedComplaints(server, http.connections * 2);
    // Projection lag while commands stream in: sampled from GET /projections every 250 ms.
    const lag = { events: 0, seconds: 0, samples: 0 };
    const sampleLag = async () => {
      const sample = await projectionLag(server);
      if (!sample) return;
      lag.events = Math.max(lag.events, sample.events);
      lag.seconds = Math.max(lag.seconds, sample.seconds);
      lag.samples += 1;
    };
    const load = async (prefix: string) => {
      let sampling = prefix === '/cases';
      const sampler = (async () => {
        while (sampling) {
          await sampleLag();
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      })();
      const result = await autocannon({ url: server.baseUrl, connections: http.connections, duration: http.seconds, requests: rounds(prefix, caseIds, server.tokens.handler) });
      sampling = false;
      await sampler;
      await settle(server, caseIds);
      await caughtUp(server);
      return result;
    };
    const loadNest = () => autocannon({ url: nest.baseUrl, connections: http.connections, duration: http.seconds, requests: echo() });
    const mend: AutocannonResult[] = [];
    const bare: AutocannonResult[] = [];
    const bareNest: AutocannonResult[] = [];
    await load('/cases');
    await loadNest();
    for (let run = 0; run < http.runs; run++) {
      mend.push(await load('/cases'));
      bare.push(await load('/bench/bare'));
      bareNest.push(await loadNest());
    }
    const of = (results: AutocannonResult[], value: (r: AutocannonResult) => number) => measured(results.map(value));
    const failures = (results: AutocannonResult[]) => results.reduce((n, r) => n + r.non2xx + r.errors + r.timeouts, 0);
    const statuses = (results: AutocannonResult[]) => {
      const counts: Record<string, number> = {};
      for (const result of results) for (const [status, { count }] of Object.entries(result.statusCodeStats)) counts[status] = (counts[status] ?? 0) + count;
      return counts;
    };
    const rate = (r: AutocannonResult) => r.requests.average;
    const bareLabel = 'bare routes of the same app, same requests';
    const nestLabel = 'bare Nest + Fastify, one JSON POST route, no guards';
    return {
      id: 'http',
      title: `Commands over HTTP: PauseClock, ResumeClock, GET /cases/:id rounds, ${http.connections} connections, ${http.seconds} s per run (autocannon, loopback)`,
      figures: [
        figure({
          label: 'throughput',
          unit: 'req/s',
          mend: of(mend, rate),
          baseline: { ...of(bare, rate), label: bareLabel },
          target: TARGET,
          details: {
            requests: mend.reduce((n, r) => n + r.requests.total, 0),
            failedRequests: failures(mend),
            statuses: statuses(mend),
            bareRequests: bare.reduce((n, r) => n + r.requests.total, 0),
            bareFailedRequests: failures(bare),
            bareStatuses: statuses(bare),
            bareNestFailedRequests: failures(bareNest),
          },
        }),
        figure({ label: 'throughput vs Nest', unit: 'req/s', mend: of(mend, rate), baseline: { ...of(bareNest, rate), label: nestLabel }, target: TARGET_COMMANDS_OF_NEST }),
        figure({ label: 'bare routes vs Nest', unit: 'req/s', mend: of(bare, rate), baseline: { ...of(bareNest, rate), label: nestLabel }, target: TARGET_BARE_OF_NEST }),
        figure({ label: 'latency p50', unit: 'ms', better: 'lower', mend: of(mend, (r) => r.latency.p50), baseline: { ...of(bare, (r) => r.latency.p50), label: bareLabel } }),
        figure({ label: 'latency p99', unit: 'ms', better: 'lower', mend: of(mend, (r) => r.latency.p99), baseline: { ...of(bare, (r) => r.latency.p99), label: bareLabel } }),
      ],
      notes: [
        `The app runs in a child process (the real modules, SQLite store at its default durability, projections running, scheduler off); autocannon in this one. Failed requests (non-2xx, errors, timeouts): Mend ${failures(mend)} (statuses ${JSON.stringify(statuses(mend))}), bare ${failures(bare)}, bare Nest ${failures(bareNest)}.`,
        'Each command folds the case, decides, checks the machine and appends with its hash chain; each GET reads the cases read model and records the read in the access log.',
        'The bare routes sit behind the same authentication guard, interceptors and filter, and parse the same bodies; they do no other work.',
        'Bare Nest + Fastify is a second child process: a Nest app with one POST route echoing a small JSON body, nothing else registered. "bare routes vs Nest" is the share of the framework ceiling that the app\'s own per-request layers leave.',
        'Runs alternate Mend, bare routes, bare Nest; after each run on the app, the projections catch up before the next run starts, so no run pays for the previous one\'s projection work.',
        `Projection lag under this load (${lag.samples} samples of GET /projections, every projection): at most ${lag.events} events and ${lag.seconds.toFixed(2)} s behind the log.`,
      ],
    };
  } finally {
    await Promise.all([server.stop(), nest.stop()]);
  }
}
