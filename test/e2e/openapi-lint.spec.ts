import { Spectral, type RulesetDefinition } from '@stoplight/spectral-core';
import { oas } from '@stoplight/spectral-rulesets';
import { ProjectionStatusSchema } from '../../src/projections/projections.schemas';
import { WorkflowSchema } from '../../src/workflows/workflow.schemas';
import { startApp, type RunningApp } from '../support/app';

/**
 * The served document passes Spectral's `spectral:oas` ruleset (its recommended rules) without a
 * single finding: every operation has a unique operationId and declared tags, so clients generated
 * from it get usable method names.
 */
describe('GET /openapi.json, linted with spectral:oas', () => {
  let running: RunningApp;
  let document: string;

  beforeAll(async () => {
    running = await startApp();
    const response = await fetch(`${running.baseUrl}/openapi.json`);
    expect(response.status).toBe(200);
    document = await response.text();
  });
  afterAll(async () => running.close());

  it('has no error, warning, information or hint', async () => {
    const spectral = new Spectral();
    // The ruleset's own typings miss `extends`, which a complete ruleset does not need.
    spectral.setRuleset({ extends: [[oas as RulesetDefinition, 'recommended']] });
    const findings = await spectral.run(document);
    expect(findings.map((f) => `${f.code} at ${f.path.join('.')}: ${f.message}`)).toEqual([]);
  });

  it('names every operation: a unique operationId and only declared tags', () => {
    const parsed = JSON.parse(document) as {
      tags?: { name: string }[];
      paths: Record<string, Record<string, { operationId?: string; tags?: string[] }>>;
    };
    const declared = new Set((parsed.tags ?? []).map((t) => t.name));
    const operations = Object.entries(parsed.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ at: `${method} ${path}`, ...op })));
    expect(operations.length).toBeGreaterThan(40);
    expect(operations.filter((op) => !op.operationId || !/^[a-z][A-Za-z0-9]*$/.test(op.operationId)).map((op) => op.at)).toEqual([]);
    expect(new Set(operations.map((op) => op.operationId)).size).toBe(operations.length);
    expect(operations.filter((op) => !op.tags?.length || op.tags.some((t) => !declared.has(t))).map((op) => op.at)).toEqual([]);
  });

  it('gives every successful answer its shape, and the answers have it', async () => {
    const parsed = JSON.parse(document) as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>> };
    const shapeless = Object.entries(parsed.paths).flatMap(([path, methods]) =>
      Object.entries(methods).flatMap(([method, op]) =>
        Object.entries(op.responses)
          .filter(([status, response]) => /^2/.test(status) && status !== '204' && !Object.values(response.content ?? {}).some((media) => media.schema))
          .map(([status]) => `${method.toUpperCase()} ${path} ${status}`),
      ),
    );
    expect(shapeless).toEqual([]);
    const supervisor = await running.as('supervisor', 'supervisor-1');
    expect(ProjectionStatusSchema.array().parse((await supervisor.get('/projections')).body).length).toBeGreaterThan(0);
    expect(WorkflowSchema.parse((await supervisor.get('/workflows/complaint')).body).name).toBe('complaint');
    expect((await supervisor.get('/health')).body).toEqual({ status: 'ok' });
  });
});
