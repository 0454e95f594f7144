import type { Grants, ReadScope } from '../domain/access';
import type { AnyWorkflowDefinition } from '../domain/workflow';
import { mermaidDiagram, stateTable } from '../src/workflows/diagram';

/** Where each workflow's page is written, relative to the repository root. */
export const workflowDocPath = (definition: AnyWorkflowDefinition) => `docs/workflows/${definition.name}.md`;

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string) => `\`${text}\``;

/** Who may run a command, from its grants: `rju`, `mediator` (assigned). */
const who = (grants: Grants) =>
  Object.entries(grants)
    .map(([role, grant]) => (grant === 'assigned' ? `${code(role)} (assigned)` : code(role)))
    .join(', ') || 'no one';

const SCOPES: Record<ReadScope, string> = {
  all: 'every case',
  assigned: 'the cases assigned to them (403 for others)',
  needToKnow: 'only the cases assigned to them (others do not exist for them: 404)',
  denied: 'none (403)',
  hidden: 'none: the cases do not exist for them (404)',
};

/** A workflow's page: what it is for, its chart, its states and its commands, all from the definition. */
export function workflowDoc(definition: AnyWorkflowDefinition): string {
  const { rows, everywhere } = stateTable(definition);
  const lines = [
    `# ${definition.labels.title.en}`,
    '',
    '<!-- Generated from the workflow definition by `npm run diagrams`. Do not edit by hand. -->',
    '',
    definition.labels.description.en,
    '',
    `Workflow ${code(definition.name)}, version ${definition.version}. A case opens with ${code(definition.openingCommand)}; ` +
      `its events are kept in the stream ${code(`${definition.category}-<caseId>`)}. ` +
      'Each arrow is labelled with the command that records it, and its guard in brackets.',
    '',
    '```mermaid',
    mermaidDiagram(definition).trimEnd(),
    '```',
    '',
    '## States',
    '',
    '| State | Kind | Commands here |',
    '|---|---|---|',
    ...rows.map((row) => `| ${code(row.state)} | ${row.kind === 'state' ? '' : row.kind} | ${row.transitions.map(cell).join('<br>') || '—'} |`),
    '',
    ...(everywhere.length > 0 ? [`From every open state: ${everywhere.map(cell).join('; ')}.`, ''] : []),
    '## Commands',
    '',
    '| Command | Records | Who may run it | Description |',
    '|---|---|---|---|',
    ...definition.commands.map((c) => `| ${code(c.type)} | ${code(c.primaryEvent)} | ${who(c.grants)} | ${cell(c.description)} |`),
    '',
    '## Who reads its cases',
    '',
    '| Role | Cases they read |',
    '|---|---|',
    ...Object.entries(definition.readScope).map(([role, scope]) => `| ${code(role)} | ${SCOPES[scope]} |`),
    '',
  ];
  return lines.join('\n');
}
