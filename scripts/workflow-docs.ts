import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { AnyWorkflowDefinition } from '../domain/workflow';
import { mermaidDiagram, stateTable } from '../src/workflows/diagram';

/** Where each workflow's page is written, relative to the repository root. */
export const workflowDocPath = (definition: AnyWorkflowDefinition) => `docs/workflows/${definition.name}.md`;

/**
 * What the program office decided where the seeds are silent, written beside the workflow in its
 * folder (`workflows/<name>/decisions.md`) and appended to its page.
 */
export const workflowDecisionsPath = (definition: AnyWorkflowDefinition) => `workflows/${definition.name}/decisions.md`;

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string) => `\`${text}\``;

/** The settings table: each setting of the workflow's `settings` object, its default and what it means. */
function settingsSection(definition: AnyWorkflowDefinition): string[] {
  const schema = definition.settings;
  if (!(schema instanceof z.ZodObject)) return [];
  const defaults = schema.parse({}) as Record<string, unknown>;
  const rows = Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, setting]) => {
    const description = (setting.meta() as { description?: string } | undefined)?.description ?? '';
    return `| ${code(key)} | ${code(JSON.stringify(defaults[key]))} | ${cell(description)} |`;
  });
  const example = JSON.stringify({ [definition.name]: { [Object.keys(defaults)[0]!]: defaults[Object.keys(defaults)[0]!] } });
  return [
    '## Settings',
    '',
    `Operators override them with ${code('MEND_WORKFLOW_SETTINGS')}, e.g. ${code(`MEND_WORKFLOW_SETTINGS='${example}'`)}; Mend refuses to start on a bad value.`,
    '',
    '| Setting | Default | Meaning |',
    '|---|---|---|',
    ...rows,
    '',
  ];
}

function decisionsSection(definition: AnyWorkflowDefinition): string[] {
  const path = join(__dirname, '..', workflowDecisionsPath(definition));
  return existsSync(path) ? [readFileSync(path, 'utf8').trimEnd(), ''] : [];
}

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
    '| Command | Records | Description |',
    '|---|---|---|',
    ...definition.commands.map((c) => `| ${code(c.type)} | ${code(c.primaryEvent)} | ${cell(c.description)} |`),
    '',
    ...settingsSection(definition),
    ...decisionsSection(definition),
  ];
  return lines.join('\n');
}
