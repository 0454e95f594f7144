import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { PersonRole } from '../../domain/roles';
import { workflowDefinitions } from '../../workflows/registry';
import { startApp, type RunningApp } from '../support/app';

/**
 * Thousands of malformed requests — bodies, headers and paths — against the running app: none
 * may cost a 5xx, and none may store a case event.
 */
const RUNS = 3000;
const CASE_CATEGORIES = new Set(workflowDefinitions.map((d) => d.category));

interface RawResponse {
  readonly status: number;
  readonly body: string;
}

function send(baseUrl: string, method: string, path: string, headers: Record<string, string>, body?: string): Promise<RawResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, method, path, headers: { ...headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

describe('fuzzing the running app', () => {
  let running: RunningApp;
  let caseId: string;
  const tokens: Record<string, string> = {};

  const caseEvents = async () => (await running.store.readAll()).filter((e) => CASE_CATEGORIES.has(e.streamId.split('-')[0]!)).length;

  beforeAll(async () => {
    running = await startApp({ start: '2026-03-02T15:00:00Z' });
    // Every role a token can carry, so that a new role is fuzzed too.
    for (const role of PersonRole.options) tokens[role] = await running.token(role, `${role}-1`);
    const supervisor = await running.as('supervisor', 'supervisor-1');
    const example = workflowDefinitions.find((d) => d.name === 'complaint')!.commands.find((c) => c.type === 'ReceiveComplaint')!.example;
    caseId = (await supervisor.post('/cases', { workflow: 'complaint', command: 'ReceiveComplaint', data: example })).body.caseId;
    await supervisor.post(`/cases/${caseId}/commands/AssignHandler`, { handlerId: 'practitioner-1' });
  });
  afterAll(async () => running.close());

  it(`answers ${RUNS} malformed requests without a 5xx and stores no case event`, async () => {
    const before = await caseEvents();
    const segment = fc.oneof(
      fc.constant(caseId),
      fc.uuid(),
      fc.string({ maxLength: 40 }).map(encodeURIComponent),
      fc.string({ unit: 'binary', maxLength: 20 }).map(encodeURIComponent),
      fc.constantFrom('%', '%E0%A4%A', '..', '%2e%2e%2f', '%00', 'x'.repeat(300), '__proto__', 'constructor'),
    );
    const command = fc.oneof(
      fc.constantFrom(...workflowDefinitions.flatMap((d) => d.commands.map((c) => c.type))),
      fc.string({ maxLength: 30 }).map(encodeURIComponent),
    );
    const query = fc
      .dictionary(fc.constantFrom('limit', 'cursor', 'state', 'workflow', 'minPosition', 'asOf', 'revision', 'format', 'caseId', 'status', fc.string({ maxLength: 8 }) as never), fc.string({ maxLength: 30 }), { maxKeys: 4 })
      .map((entries) => new URLSearchParams(entries as Record<string, string>).toString());
    const path = fc.oneof(
      fc.tuple(segment, query).map(([id, q]) => `/cases/${id}?${q}`),
      fc.tuple(segment, command).map(([id, c]) => `/cases/${id}/commands/${c}`),
      fc.tuple(segment, fc.constantFrom('history', 'state', 'export'), query).map(([id, what, q]) => `/cases/${id}/${what}?${q}`),
      query.map((q) => `/cases?${q}`),
      query.map((q) => `/sla/clocks?${q}`),
      query.map((q) => `/audit/access?${q}`),
      segment.map((s) => `/audit/verify?caseId=${s}`),
      segment.map((s) => `/workflows/${s}`),
      segment.map((s) => `/caseload/${s}`),
      fc.webPath(),
      fc.string({ maxLength: 60 }).map((s) => `/${encodeURIComponent(s)}`),
    );
    const unknownField = fc.string({ minLength: 1, maxLength: 10 }).map((k) => `fuzz_${k}`);
    const body = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.constantFrom('{', '[]', 'null', '"x"', '{"a":', '{"__proto__":{"x":1}}', '\u0000'),
      // JSON objects with a field no schema has: every strict schema must refuse them.
      fc.tuple(fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue(), { maxKeys: 5 }), unknownField, fc.jsonValue()).map(
        ([object, key, value]) => JSON.stringify({ ...object, [key]: value }),
      ),
      fc.tuple(fc.jsonValue(), unknownField).map(([data, key]) => JSON.stringify({ workflow: 'complaint', command: 'ReceiveComplaint', data, [key]: 1 })),
    );
    const headers = fc.record(
      {
        authorization: fc.oneof(
          fc.constantFrom(...Object.values(tokens)).map((t) => `Bearer ${t}`),
          fc.string({ maxLength: 60 }),
          fc.constant('Bearer e30.e30.'),
        ),
        'content-type': fc.oneof(fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'application/json; charset=latin1'), fc.string({ maxLength: 30 })),
        'if-match': fc.string({ maxLength: 20 }),
        'accept-language': fc.string({ maxLength: 20 }),
        'x-correlation-id': fc.string({ maxLength: 120 }),
      },
      { requiredKeys: [] },
    );
    const request = fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
      path,
      headers,
      body: fc.option(body, { nil: undefined }),
    });

    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request, async ({ method, path: target, headers: given, body: payload }) => {
        const sane = Object.fromEntries(Object.entries(given).filter(([, v]) => /^[\t\x20-\x7e]*$/.test(v as string))) as Record<string, string>;
        const response = await send(running.baseUrl, method, target, sane, method === 'GET' || method === 'OPTIONS' ? undefined : payload);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status >= 500) throw new Error(`${method} ${target} → ${response.status} ${response.body}`);
      }),
      { numRuns: RUNS, seed: 20261121 },
    );
    const summary = [...statuses.entries()].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`).join(' ');
    console.log(`fuzz: ${RUNS} requests: ${summary}`);
    expect([...statuses.keys()].every((status) => status < 500)).toBe(true);
    expect(await caseEvents()).toBe(before);
  });
});
