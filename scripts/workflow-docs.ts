import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnyWorkflowDefinition } from '../domain/workflow';
import { mermaidDiagram, stateTable } from '../src/workflows/diagram';

/** Where each workflow's page is written, relative to the repository root. */
export const workflowDocPath = (definition: AnyWorkflowDefinition) => `docs/workflows/${definition.name}.md`;

/**
 * What the program office decided where the seeds are silent, written by hand beside the page
 * (`docs/workflows/<name>.notes.md`) and appended to it.
 */
function notesOf(definition: AnyWorkflowDefinition): string[] {
  const path = join(__dirname, '..', 'docs', 'workflows', `${definition.name}.notes.md`);
  return existsSync(path) ? [readFileSync(path, 'utf8').trimEnd(), ''] : [];
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string) => `\`${text}\``;
/** Text in a table cell, with a pattern's `<param>` parts shown rather than read as HTML. */
const text = (value: string) => cell(value).replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Its declared clocks, if it has any: key, names in both languages, how they count, what meets them. */
function clocksSection(definition: AnyWorkflowDefinition): string[] {
  const clocks = definition.clocks ?? [];
  if (clocks.length === 0) return [];
  return [
    '## Clocks',
    '',
    '| Clock | Name | Nom | Counted in | Met by |',
    '|---|---|---|---|---|',
    ...clocks.map((c) => `| ${code(c.key)} | ${text(c.label.en)} | ${text(c.label.fr)} | ${c.basis} days | ${c.metBy.map(code).join(', ')} |`),
    '',
  ];
}

/** A workflow's page: what it is for, its chart, its states, its commands and its clocks, all from the definition. */
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
    '| Command | Records | Description |',
    '|---|---|---|',
    ...definition.commands.map((c) => `| ${code(c.type)} | ${code(c.primaryEvent)} | ${cell(c.description)} |`),
    '',
    ...clocksSection(definition),
    ...notesOf(definition),
  ];
  return lines.join('\n');
}
