import { Logger } from '@nestjs/common';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnyStateNode } from 'xstate';
import type { ReadScope } from '../../domain/access';
import { CaseNotFound } from '../../domain/errors';
import { isClockEventType } from '../../domain/fold';
import { PersonRole } from '../../domain/roles';
import type { AnyWorkflowDefinition } from '../../domain/workflow';
import { SCOPES, workflowDoc, workflowDocPath } from '../../scripts/workflow-docs';
import { NotAssigned, PolicyService, RoleForbidden } from '../../src/security/policy.service';
import { mermaidDiagram } from '../../src/workflows/diagram';
import { WorkflowRegistry } from '../../src/workflows/workflow-registry';
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

/** The "Who reads its cases" table of a page: its header cells, then each role's row of cells. */
function readersTable(page: string): { header: string[]; rows: Map<string, string[]> } {
  const section = page.slice(page.indexOf('## Who reads its cases'));
  const lines = section.split('\n').filter((line) => line.startsWith('|'));
  const cells = (line: string) => line.split(' | ').map((c) => c.replace(/^\| |\s*\|$/g, ''));
  const [header, , ...rows] = lines.map(cells).slice(0, 2 + PersonRole.options.length);
  return { header: header!, rows: new Map(rows.map(([role, ...rest]) => [role!.replace(/`/g, ''), rest])) };
}

/** The read scope a role has, as the policy answers: a read of a case not assigned to them, then of one that is. */
function scopeByPolicy(policy: PolicyService, role: PersonRole, workflow: string, readAs: string): ReadScope {
  const actor = { id: `${role}-1`, role };
  const answer = (assignees: string[]) => {
    try {
      policy.authorizeRead(actor, { caseId: 'c0ffee00-0000-4000-8000-000000000001', workflow, assignees, readAs });
      return 'read';
    } catch (error) {
      if (CaseNotFound.is(error)) return '404';
      if (NotAssigned.is(error)) return 'not assigned';
      if (RoleForbidden.is(error)) return 'forbidden';
      throw error;
    }
  };
  const scopes: Record<string, ReadScope> = {
    'read read': 'all',
    'not assigned read': 'assigned',
    '404 read': 'needToKnow',
    'forbidden forbidden': 'denied',
    '404 404': 'hidden',
  };
  const answers = `${answer([])} ${answer([actor.id])}`;
  if (!scopes[answers]) throw new Error(`${role} reading a ${workflow} case read as ${readAs}: no read scope answers ${answers}`);
  return scopes[answers];
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

  it.each(definitions)('%s: who reads its cases is what the policy answers, for a case read as each workflow it may be read as', (_name, definition) => {
    Logger.overrideLogger(false);
    const registry = new WorkflowRegistry(workflowDefinitions);
    const policy = new PolicyService(registry);
    const { header, rows } = readersTable(workflowDoc(definition));
    const readAs: readonly AnyWorkflowDefinition[] = definition.readsAsOthers ? registry.latest() : [definition];
    const wrong: string[] = [];
    for (const program of readAs) {
      // The column naming the program, else the first: its own cases and those read as its own are.
      const column = Math.max(header.findIndex((cell) => cell.includes(`\`${program.name}\``)), 1) - 1;
      for (const role of PersonRole.options) {
        const said = rows.get(role)?.[column];
        const answered = SCOPES[scopeByPolicy(policy, role, definition.name, program.name)];
        if (said !== answered) wrong.push(`${role}, a case read as ${program.name}: the page says "${said}", the policy answers "${answered}"`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('says that a complaint about restorative opportunities is read by the RJU and RO auditors, not by supervisors and auditors', () => {
    const complaint = workflowDefinitions.find((d) => d.name === 'complaint')!;
    const { header, rows } = readersTable(workflowDoc(complaint));
    const column = header.findIndex((cell) => cell.includes('`restorative-opportunities`')) - 1;
    expect(column).toBeGreaterThan(0);
    const about = (role: string) => rows.get(role)![column];
    expect([about('rju'), about('roAuditor')]).toEqual([SCOPES.all, SCOPES.all]);
    expect([about('supervisor'), about('auditor')]).toEqual([SCOPES.hidden, SCOPES.hidden]);
    expect([rows.get('supervisor')![0], rows.get('rju')![0]]).toEqual([SCOPES.all, SCOPES.hidden]);
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
