import { UnknownWorkflow } from '../../domain/errors';
import type { AnyWorkflowDefinition } from '../../domain/workflow';

/**
 * Every workflow definition Mend knows, at every version. New cases open on the latest version;
 * a case keeps running on the version it opened with.
 */
export class WorkflowRegistry {
  private readonly byName = new Map<string, AnyWorkflowDefinition[]>();

  constructor(definitions: readonly AnyWorkflowDefinition[]) {
    for (const definition of definitions) {
      const versions = this.byName.get(definition.name) ?? [];
      if (versions.some((d) => d.version === definition.version)) {
        throw new Error(`Workflow ${definition.name} version ${definition.version} is registered twice`);
      }
      if ([...this.byName.values()].some((v) => v[0]!.category === definition.category && v[0]!.name !== definition.name)) {
        throw new Error(`Stream category ${definition.category} is used by two workflows`);
      }
      if ([...this.byName.values()].some((v) => v.some((d) => (d.referencePrefix === definition.referencePrefix) !== (d.name === definition.name)))) {
        throw new Error(`Workflow ${definition.name} must keep one reference prefix, not shared with another workflow: ${definition.referencePrefix}`);
      }
      this.byName.set(definition.name, [...versions, definition].sort((a, b) => a.version - b.version));
    }
  }

  /** The latest version of every workflow. */
  latest(): AnyWorkflowDefinition[] {
    return [...this.byName.values()].map((versions) => versions[versions.length - 1]!);
  }

  /** Every version of every workflow, each workflow's versions oldest first. */
  all(): AnyWorkflowDefinition[] {
    return [...this.byName.values()].flat();
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  /** A workflow at a version (the latest when none is given), or undefined when it is not registered. */
  find(name: string, version?: number): AnyWorkflowDefinition | undefined {
    const versions = this.byName.get(name);
    return version === undefined ? versions?.[versions.length - 1] : versions?.find((d) => d.version === version);
  }

  /** The latest version of a workflow, or WORKFLOW.UNKNOWN. */
  get(name: string): AnyWorkflowDefinition {
    const versions = this.byName.get(name);
    if (!versions) throw UnknownWorkflow({ workflow: name, known: this.names().join(', ') });
    return versions[versions.length - 1]!;
  }

  /** A workflow at the version a case opened with. */
  version(name: string, version: number): AnyWorkflowDefinition {
    const found = this.byName.get(name)?.find((d) => d.version === version);
    if (!found) throw new Error(`Workflow ${name} has no version ${version}: the case cannot be replayed`);
    return found;
  }

  categories(): { category: string; name: string }[] {
    return this.latest().map((d) => ({ category: d.category, name: d.name }));
  }
}
