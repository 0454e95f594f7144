import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { AppModule } from '../../src/app.module';
import { ManualClock } from '../../src/clock/clock';
import { loadConfig } from '../../src/config/config';
import { seedDemo } from '../../src/demo/demo-seeder';
import type { PersonRole } from '../../domain/roles';
import { startApp, type HttpClient, type RunningApp } from '../support/app';

jest.setTimeout(180_000);

interface Operation {
  readonly responses: Record<string, { readonly content?: Record<string, { readonly schema?: unknown }> }>;
}
interface Document {
  readonly paths: Record<string, Record<string, Operation>>;
  readonly components: Record<string, unknown>;
}

/** Routes whose answer is not one response to check: the live stream never ends. */
const NOT_CHECKED = new Set(['/sla/stream']);

/** Each role of the demo's staff, as they sign in. */
const PEOPLE: readonly (readonly [PersonRole, string])[] = [
  ['supervisor', 'demo-supervisor-1'],
  ['practitioner', 'demo-practitioner-1'],
  ['mediator', 'demo-mediator-1'],
  ['rju', 'demo-rju-1'],
  ['auditor', 'demo-auditor-1'],
  ['roAuditor', 'demo-ro-auditor-1'],
  ['admin', 'demo-admin-1'],
  // Someone with a valid token whom the directory does not hold.
  ['practitioner', 'not-in-the-directory'],
];

/**
 * What the server answers is what /openapi.json says it answers: every GET route, asked by each
 * role on the demo data, answers a status the document lists, in a content type it lists, with a
 * body its schema accepts (no field it does not name). The document is made from the same zod
 * schemas the code uses, so a field added beside a schema, not in it, fails here.
 */
describe('the answers of every GET route match /openapi.json, for every role', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mend-contract-'));
  const present = new Date('2026-03-20T18:00:00Z');
  let running: RunningApp;
  let document: Document;
  const validators = new Map<string, ValidateFunction>();

  beforeAll(async () => {
    const config = loadConfig({ MEND_DATA_DIR: dataDir, MEND_LOG_LEVEL: 'silent' });
    const clock = new ManualClock(present);
    const context = await NestFactory.createApplicationContext(AppModule.forRoot({ config, clock, mode: 'cli' }), { logger: false });
    await seedDemo(context, clock, present, config.settings);
    await context.close();
    running = await startApp({ dataDir, start: '2026-03-20T18:05:00Z' });
    document = (await (await fetch(`${running.baseUrl}/openapi.json`)).json()) as Document;
  });
  afterAll(async () => {
    await running?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** The schema of one documented answer, compiled once, its references into the document's components. */
  const validatorFor = (ajv: Ajv2020, key: string, schema: unknown): ValidateFunction => {
    let validate = validators.get(key);
    if (!validate) {
      validate = ajv.compile(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/')) as object);
      validators.set(key, validate);
    }
    return validate;
  };

  it('answers only what the document says', async () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: 'openapi', components: document.components });
    const supervisor = await running.as('supervisor', 'demo-supervisor-1');
    const anyCase = ((await supervisor.get('/cases?limit=1')).body as { items: { caseId: string; reference: string }[] }).items[0]!;
    const problems: string[] = [];
    let checked = 0;
    for (const [role, staffId] of PEOPLE) {
      const http: HttpClient = await running.as(role, staffId);
      const listed = await http.get('/cases?limit=1');
      // Their own case where they may read one; else one they may not, whose refusal is checked too.
      const own = listed.status === 200 ? (listed.body as { items: { caseId: string; reference: string }[] }).items[0] : undefined;
      const subject = own ?? anyCase;
      for (const [template, operations] of Object.entries(document.paths)) {
        const operation = operations['get'];
        if (!operation || NOT_CHECKED.has(template)) continue;
        const path = template
          .replace('{id}', encodeURIComponent(template.startsWith('/staff/') ? staffId : subject.caseId))
          .replace('{reference}', encodeURIComponent(subject.reference))
          .replace('{name}', 'complaint')
          .replace('{practitionerId}', encodeURIComponent(staffId));
        const required: Readonly<Record<string, string>> = { '/search': `q=${encodeURIComponent(subject.reference)}`, '/calendar/holidays': 'year=2026' };
        const url = required[template] ? `${path}?${required[template]}` : path;
        const response = await http.get(url);
        checked += 1;
        const where = `${role} ${staffId}: GET ${url} → ${response.status}`;
        const documented = operation.responses[String(response.status)];
        if (!documented) {
          problems.push(`${where}: status not documented (${Object.keys(operation.responses).join(', ')})`);
          continue;
        }
        const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim();
        if (!documented.content) continue;
        // Documented as sent, parameters and all (`application/x-ndjson; charset=utf-8`).
        const media = Object.entries(documented.content).find(([key]) => key.split(';')[0]!.trim() === type)?.[1];
        if (!media) {
          problems.push(`${where}: content type ${type} not documented (${Object.keys(documented.content).join(', ')})`);
          continue;
        }
        if (type !== 'application/json' || media.schema === undefined) continue;
        const validate = validatorFor(ajv, `${template} ${response.status}`, media.schema);
        if (!validate(response.body)) problems.push(`${where}: ${ajv.errorsText(validate.errors?.slice(0, 3))}`);
      }
    }
    expect(problems).toEqual([]);
    // Every role asked every route: nothing was skipped by accident.
    expect(checked).toBeGreaterThan(PEOPLE.length * 20);
  });
});
