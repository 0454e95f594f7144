import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnyStateNode } from 'xstate';
import { isClockEventType } from '../../domain/fold';
import { workflowDoc, workflowDocPath } from '../../scripts/workflow-docs';
import { mermaidDiagram } from '../../src/workflows/diagram';
import { workflowDefinitions } from '../../workflows/registry';

const root = join(__dirname, '..', '..');
const definitions = workflowDefinitions.map((d) => [d.name, d] as const);

const ID = '[A-Za-z_][A-Za-z0-9_]*';
/** The statements of Mermaid's stateDiagram-v2 grammar the generator may write. A label ends at `:` `;` or a line end. */
const STATEMENTS: readonly RegExp[] = [
  new RegExp(`^\\[\\*\\] --> (${ID})$`),
  new RegExp(`^(${ID}) --> \\[\\*\\]$`),
  new RegExp(`^(${ID}) --> (${ID})(?:: [^:;%]+)?$`),
  new RegExp(`^state "[^"\\n]+" as (${ID})$`),
  new RegExp(`^state (?:"[^"\\n]+" as )?(${ID}) \\{$`),
  /^\}$/,
  new RegExp(`^note (?:left|right) of (${ID})$`),
];

/** Words Mermaid's state diagram lexer takes as keywords wherever they stand, in any case. */
const RESERVED = new Set(['default', 'end', 'note', 'state', 'class', 'classdef', 'direction', 'scale']);

/** Checks a chart line by line against the grammar; returns the problems, and the state ids it uses. */
function checkMermaid(chart: string): { problems: string[]; ids: Set<string> } {
  const [header, ...lines] = chart.trimEnd().split('\n');
  const problems = header === 'stateDiagram-v2' ? [] : [`first line is "${header}", not stateDiagram-v2`];
  const ids = new Set<string>();
  let depth = 0;
  let inNote = false;
  for (const line of lines.map((l) => l.trim())) {
    if (inNote) {
      if (line === 'end note') inNote = false;
      else if (line.includes('end note') || line.length === 0) problems.push(`note text "${line}"`);
      continue;
    }
    const match = STATEMENTS.map((statement) => statement.exec(line)).find((m) => m !== null);
    if (!match) {
      problems.push(`not a stateDiagram-v2 statement: "${line}"`);
      continue;
    }
    for (const id of match.slice(1).filter((g) => g !== undefined)) {
      if (RESERVED.has(id.toLowerCase())) problems.push(`state id "${id}" is a Mermaid keyword`);
      ids.add(id);
    }
    if (line.endsWith('{')) depth++;
    if (line === '}') depth--;
    if (line.startsWith('note ')) inNote = true;
    if (depth < 0) problems.push('a } closes no state');
  }
  if (depth !== 0 || inNote) problems.push('a state block or note is left open');
  return { problems, ids };
}

const nodesOf = (node: AnyStateNode): AnyStateNode[] =>
  (Object.values(node.states) as AnyStateNode[]).flatMap((child) => [child, ...nodesOf(child)]);

describe('workflow diagrams', () => {
  it.each(definitions)('%s: the committed page is what `npm run diagrams` writes', (_name, definition) => {
    const path = workflowDocPath(definition);
    const committed = existsSync(join(root, path)) ? readFileSync(join(root, path), 'utf8') : '(missing)';
    if (committed !== workflowDoc(definition)) {
      throw new Error(`${path} is not what the workflow definition generates: run \`npm run diagrams\` and commit the result.`);
    }
  });

  it('has a page for every workflow and no page for a workflow that is gone', () => {
    const pages = readdirSync(join(root, 'docs', 'workflows')).filter((f) => f.endsWith('.md'));
    expect(pages.sort()).toEqual(workflowDefinitions.map((d) => workflowDocPath(d).split('/').pop()).sort());
  });

  it.each(definitions)('%s: the chart is valid stateDiagram-v2 and names only states of the machine', (_name, definition) => {
    const { problems, ids } = checkMermaid(mermaidDiagram(definition));
    expect(problems).toEqual([]);
    const known = new Set(nodesOf(definition.machine.root as AnyStateNode).map((n) => n.path.join('_')));
    expect([...ids].filter((id) => !known.has(id))).toEqual([]);
  });

  it.each(definitions)('%s: every transition of every state is an arrow labelled with the command that records it', (_name, definition) => {
    const chart = mermaidDiagram(definition);
    const missing: string[] = [];
    for (const node of nodesOf(definition.machine.root as AnyStateNode)) {
      for (const [eventType, transitions] of node.transitions as Map<string, { target?: AnyStateNode[] }[]>) {
        if (isClockEventType(eventType)) continue;
        const command = definition.commands.find((c) => c.primaryEvent === eventType)?.type ?? eventType;
        for (const transition of transitions) {
          const from = node.path.join('_');
          for (const to of transition.target?.map((t) => t.path.join('_')) ?? [from]) {
            const arrow = new RegExp(`^\\s*${from} --> ${to}: .*\\b${command}\\b`, 'm');
            if (!arrow.test(chart)) missing.push(`${from} --${command}--> ${to}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it.each(definitions)('%s: what every open state allows is said once, in a note', (_name, definition) => {
    const chart = mermaidDiagram(definition);
    const rootEvents = [...(definition.machine.root as AnyStateNode).transitions.keys()].filter((type) => !isClockEventType(type));
    for (const eventType of rootEvents) {
      const command = definition.commands.find((c) => c.primaryEvent === eventType)!.type;
      expect(chart.match(new RegExp(`\\b${command}\\b`, 'g'))).toHaveLength(1);
      expect(chart).toMatch(new RegExp(`(From|In) every open state.*\\b${command}\\b`));
    }
  });
});
