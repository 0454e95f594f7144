import type { Grants, ReadScope, ReadScopes } from '../domain/access';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { AnyWorkflowDefinition } from '../domain/workflow';
import { mermaidDiagram, stateTable } from '../src/workflows/diagram';
import { WorkflowRegistry } from '../src/workflows/workflow-registry';
import { workflowDefinitions } from '../workflows/registry';

/** Where each workflow's page is written, relative to the repository root. */
export const workflowDocPath = (definition: AnyWorkflowDefinition) => `docs/workflows/${definition.name}.md`;

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (text: string) => `\`${text}\``;
/** Text in a table cell, with a pattern's `<param>` parts shown rather than read as HTML. */
const text = (value: string) => cell(value).replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Who may run a command, from its grants: `rju`, `mediator` (assigned). */
const who = (grants: Grants) =>
  Object.entries(grants)
    .map(([role, grant]) => (grant === 'assigned' ? `${code(role)} (assigned)` : code(role)))
    .join(', ') || 'no one';

/** What a role reads under each read scope, as the page says it. */
export const SCOPES: Record<ReadScope, string> = {
  all: 'every case',
  assigned: 'the cases assigned to them (403 for others)',
  needToKnow: 'only the cases assigned to them (others do not exist for them: 404)',
  denied: 'none (403)',
  hidden: 'none: the cases do not exist for them (404)',
};

const sameScopes = (a: ReadScopes, b: ReadScopes) => Object.entries(a).every(([role, scope]) => b[role as keyof ReadScopes] === scope);

/**
 * Who reads its cases, role by role. A workflow whose cases may be read as another's (a complaint
 * about a program is read under that program's scope: `readsAsOthers`, the case's `readAs`) may
 * name any registered workflow; those whose scope is not its own get a column, one per scope.
 */
function readersSection(definition: AnyWorkflowDefinition, workflows: readonly AnyWorkflowDefinition[]): string[] {
  const others: { names: string[]; scopes: ReadScopes }[] = [];
  for (const other of definition.readsAsOthers ? workflows : []) {
    if (other.name === definition.name || sameScopes(other.readScope, definition.readScope)) continue;
    const column = others.find((o) => sameScopes(o.scopes, other.readScope));
    if (column) column.names.push(other.name);
    else others.push({ names: [other.name], scopes: other.readScope });
  }
  const roles = Object.keys(definition.readScope) as (keyof ReadScopes)[];
  return [
    '## Who reads its cases',
    '',
    ...(definition.readsAsOthers
      ? [
          'A case about a program (another registered workflow) or one of that program’s cases is read as the program’s cases are (its `readAs`)' +
            (others.length > 0
              ? '. Each column after the first is for the programs whose cases are read otherwise than this workflow’s:'
              : ', which for every registered program is as this workflow’s own are.'),
          '',
        ]
      : []),
    `| Role | ${others.length > 0 ? 'Its other cases' : 'Cases they read'} |${others.map((o) => ` Cases about ${o.names.map(code).join(', ')} |`).join('')}`,
    `|---|---|${others.map(() => '---|').join('')}`,
    ...roles.map((role) => `| ${code(role)} | ${SCOPES[definition.readScope[role]]} |${others.map((o) => ` ${SCOPES[o.scopes[role]]} |`).join('')}`),
    '',
  ];
}

/**
 * What the program documents are silent on and the workflow decided (a tolerance, how a case
 * resumes), written by hand in its folder's `notes.md`, which the page ends with.
 */
function notesOf(definition: AnyWorkflowDefinition): string[] {
  const path = join(__dirname, '..', 'workflows', definition.name, 'notes.md');
  return existsSync(path) ? [readFileSync(path, 'utf8').trimEnd(), ''] : [];
}

/** The settings table: each setting's name, default and description, from the workflow's settings schema. */
function settingsRows(definition: AnyWorkflowDefinition): string[] {
  if (!(definition.settings instanceof z.ZodObject)) return [];
  const defaults = definition.settings.parse({}) as Record<string, unknown>;
  return Object.entries(definition.settings.shape as Record<string, z.ZodType>).map(([key, schema]) => {
    // An operator reads what a setting means here and nowhere else.
    if (!schema.description) throw new Error(`${definition.name}: the setting ${key} has no description (.meta({ description }))`);
    return `| ${code(key)} | ${code(JSON.stringify(defaults[key]))} | ${cell(schema.description)} |`;
  });
}

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

/**
 * A workflow's page: what it is for, its chart, its states, its commands (and who may run them), who
 * reads its cases, its clocks and its settings, all from the definition (and, for who reads cases
 * read as another workflow's, from the other workflows: the registry's latest by default); then its
 * folder's notes.
 */
export function workflowDoc(definition: AnyWorkflowDefinition, workflows: readonly AnyWorkflowDefinition[] = new WorkflowRegistry(workflowDefinitions).latest()): string {
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
    ...definition.commands.map((c) => `| ${code(c.type)} | ${code(c.primaryEvent)} | ${who(c.grants)} | ${cell(c.description.en)} |`),
    '',
    ...readersSection(definition, workflows),
    ...clocksSection(definition),
    ...(settingsRows(definition).length > 0
      ? [
          '## Settings',
          '',
          `Override with \`MEND_WORKFLOW_SETTINGS='{"${definition.name}":{…}}'\`; a case records what it took from them when it took it.`,
          '',
          '| Setting | Default | Description |',
          '|---|---|---|',
          ...settingsRows(definition),
          '',
        ]
      : []),
    ...notesOf(definition),
  ];
  return lines.join('\n');
}
