import type { AnyStateNodeConfig } from 'xstate';
import { workflowDefinitions } from '../../workflows/registry';
import { informationRequestWorkflow } from './fixture-workflow';

/**
 * Folding an event reuses one inert actor scope per machine (domain/fold.ts) instead of XState's
 * throwaway actor per call. That is sound only for machines that never invoke or spawn an actor:
 * a child actor would register in the shared scope's system. Every workflow keeps to that.
 */
describe('workflow machines are inert', () => {
  const definitions = [...workflowDefinitions, informationRequestWorkflow];

  it.each(definitions.map((d) => [`${d.name} v${d.version}`, d] as const))('%s invokes and spawns no actor', (_, definition) => {
    const invoking: string[] = [];
    const visit = (node: AnyStateNodeConfig, path: string): void => {
      if (node.invoke !== undefined) invoking.push(path || '(root)');
      for (const [key, child] of Object.entries(node.states ?? {})) visit(child, path ? `${path}.${key}` : key);
    };
    visit(definition.machine.config as AnyStateNodeConfig, '');
    expect(invoking).toEqual([]);
    expect(Object.keys(definition.machine.implementations.actors ?? {})).toEqual([]);
  });
});
