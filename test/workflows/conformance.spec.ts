import { z } from 'zod';
import { workflowDefinitions } from '../../workflows/registry';
import { WorkflowRegistry } from '../../src/workflows/workflow-registry';
import { conformanceSpec, dataVocabulary } from './conformance';

describe('every registered workflow conforms', () => {
  conformanceSpec(workflowDefinitions);

  it('gives each workflow its own reference prefix, the same at every version', () => {
    const prefixOf = new Map<string, string>();
    for (const definition of workflowDefinitions) {
      expect(prefixOf.get(definition.name) ?? definition.referencePrefix).toBe(definition.referencePrefix);
      prefixOf.set(definition.name, definition.referencePrefix);
    }
    expect(new Set(prefixOf.values()).size).toBe(prefixOf.size);
  });

  it('restates only facts its details hold, under the names its command takes them by', () => {
    for (const definition of workflowDefinitions) {
      for (const command of definition.commands.filter((c) => c.restates)) {
        const takes = Object.keys((command.schema as z.ZodObject).shape);
        for (const key of command.restates!) expect({ command: command.type, key, held: key in definition.details.shape, taken: takes.includes(key) }).toEqual({ command: command.type, key, held: true, taken: true });
      }
    }
  });

  it('refuses to register two workflows with one reference prefix', () => {
    const [first, second] = workflowDefinitions.filter((d, i, all) => all.findIndex((o) => o.name === d.name) === i);
    expect(() => new WorkflowRegistry([first!, { ...second!, referencePrefix: first!.referencePrefix }])).toThrow(/reference prefix/);
  });
});

describe('the fields and choices a command asks for', () => {
  it('are found through nested objects, arrays, unions, optionals and defaults', () => {
    const schema = z.strictObject({
      channel: z.enum(['electronic', 'mail']),
      person: z.strictObject({ name: z.string().optional(), role: z.enum(['chaplain']).default('chaplain') }).optional(),
      conditions: z.array(z.strictObject({ kind: z.enum(['order', 'condition']) })).max(2),
      topics: z.array(z.enum(['overview'])).min(1),
      outcome: z.discriminatedUnion('status', [
        z.strictObject({ status: z.literal('held'), heldAt: z.string() }),
        z.strictObject({ status: z.literal('cancelled'), by: z.enum(['program']).nullable() }),
      ]),
      count: z.number().int(),
    });
    const { fields, values } = dataVocabulary(schema);
    expect([...fields].sort()).toEqual(
      ['channel', 'conditions', 'conditions.kind', 'count', 'outcome', 'outcome.by', 'outcome.heldAt', 'outcome.status', 'person', 'person.name', 'person.role', 'topics'].sort(),
    );
    expect([...values].sort()).toEqual(['cancelled', 'chaplain', 'condition', 'electronic', 'held', 'mail', 'order', 'overview', 'program'].sort());
  });

  it('of a union at the top of the data are the fields of every branch', () => {
    const schema = z.discriminatedUnion('source', [
      z.strictObject({ source: z.literal('victim'), registered: z.boolean() }),
      z.strictObject({ source: z.literal('community'), status: z.enum(['conditionalRelease']) }),
    ]);
    const { fields, values } = dataVocabulary(schema);
    expect([...fields].sort()).toEqual(['registered', 'source', 'status']);
    expect([...values].sort()).toEqual(['community', 'conditionalRelease', 'victim']);
  });
});
