import { workflowDefinitions } from '../../workflows/registry';

/** The body of `POST /cases` that opens a case of this workflow with its opening command's published example. */
export function openingRequest(workflow: string): { workflow: string; command: string; data: Record<string, unknown> } {
  const definition = workflowDefinitions.find((d) => d.name === workflow);
  const opening = definition?.commands.find((c) => c.type === definition.openingCommand);
  if (!definition || !opening) throw new Error(`no workflow ${workflow} with an opening command`);
  return { workflow, command: definition.openingCommand, data: { ...(opening.example as Record<string, unknown>) } };
}
