import { workflowDefinitions } from '../../workflows/registry';
import { WorkflowRegistry } from '../../src/workflows/workflow-registry';
import { conformanceSpec } from './conformance';

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

  it('refuses to register two workflows with one reference prefix', () => {
    const [first, second] = workflowDefinitions.filter((d, i, all) => all.findIndex((o) => o.name === d.name) === i);
    expect(() => new WorkflowRegistry([first!, { ...second!, referencePrefix: first!.referencePrefix }])).toThrow(/reference prefix/);
  });
});
