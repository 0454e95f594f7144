import type { AnyStateNode, AnyTransitionDefinition } from 'xstate';
import { isClockEventType } from '../../domain/fold';
import type { AnyWorkflowDefinition } from '../../domain/workflow';

type Transition = AnyTransitionDefinition;

/** Mermaid state ids may hold neither dots nor hyphens: `phase2.engaging` is `phase2_engaging`. */
const idOf = (node: AnyStateNode) => node.path.map((key) => key.replace(/[^A-Za-z0-9_]/g, '_')).join('_');

/** Mermaid ends a label at `:` or `;` and reads `%%` as a comment. */
const labelText = (text: string) => text.replace(/[:;\n]|%%/g, ' ').trim();

const childrenOf = (node: AnyStateNode) => Object.values(node.states) as AnyStateNode[];

/**
 * The guard as the chart names it: `opened`, `reflected and followUpPlanned`. XState's `and`, `or`
 * and `not` are functions carrying the guards they combine, named after themselves.
 */
function guardText(guard: unknown): string {
  if (guard === undefined) return '';
  if (typeof guard === 'string') return guard;
  const { name, guards, type } = guard as { name?: string; guards?: unknown[]; type?: unknown };
  if (typeof guard === 'function' && Array.isArray(guards)) {
    const parts = guards.map(guardText);
    if (name === 'not') return `not ${parts[0]}`;
    if (name === 'and' || name === 'or') return parts.join(` ${name} `);
  }
  return typeof type === 'string' ? type : 'guarded';
}

/** Where an edge is drawn: inside the deepest compound state that holds both its ends, or at the top. */
function scopeOf(from: AnyStateNode, to: AnyStateNode): string {
  const shared: string[] = [];
  for (let i = 0; i < Math.min(from.path.length, to.path.length) - 1 && from.path[i] === to.path[i]; i++) shared.push(from.path[i]!);
  return shared.join('.');
}

/** Labels each transition with the command that records its event (or the event, when none does) and its guard. */
function transitionLabels(definition: AnyWorkflowDefinition) {
  const commandsFor = (eventType: string) => {
    const commands = definition.commands.filter((c) => c.primaryEvent === eventType).map((c) => c.type);
    return commands.length > 0 ? commands.join(' / ') : eventType;
  };
  return (eventType: string, transition: Transition) => {
    const guard = guardText(transition.guard);
    return labelText(`${commandsFor(eventType)}${guard ? ` [${guard}]` : ''}`);
  };
}

/** The machine's own transitions of a state node, clock events aside. */
function* transitionsOf(node: AnyStateNode): Generator<[string, Transition]> {
  for (const [eventType, transitions] of node.transitions as Map<string, Transition[]>) {
    if (isClockEventType(eventType)) continue;
    for (const transition of transitions) yield [eventType, transition];
  }
}

/**
 * A Mermaid state diagram generated from the workflow's machine: the chart users see is the chart
 * that decides. Transitions are labelled with the command that records their event (or the event,
 * when no command records it), with its guard in brackets; edges between the same two states share
 * one arrow. Shared clock events are left out. Transitions possible from every open state are said
 * once, in notes: where they lead, or that they stay put.
 */
export function mermaidDiagram(definition: AnyWorkflowDefinition): string {
  const root = definition.machine.root as AnyStateNode;
  const labelOf = transitionLabels(definition);

  // Edges by scope, then by `from --> to`, in the machine's order.
  const edges = new Map<string, Map<string, string[]>>();
  const addEdge = (from: AnyStateNode, to: AnyStateNode, label: string) => {
    const scope = scopeOf(from, to);
    const inScope = edges.get(scope) ?? new Map<string, string[]>();
    const key = `${idOf(from)} --> ${idOf(to)}`;
    inScope.set(key, [...(inScope.get(key) ?? []), label]);
    edges.set(scope, inScope);
  };
  const everywhere: string[] = [];
  const leadsFromEverywhere = new Map<AnyStateNode, string[]>();

  for (const [eventType, transition] of transitionsOf(root)) {
    const targets = (transition.target ?? []) as AnyStateNode[];
    if (targets.length === 0) everywhere.push(labelOf(eventType, transition));
    for (const target of targets) leadsFromEverywhere.set(target, [...(leadsFromEverywhere.get(target) ?? []), labelOf(eventType, transition)]);
  }
  const collect = (node: AnyStateNode) => {
    for (const child of childrenOf(node)) {
      for (const [eventType, transition] of transitionsOf(child)) {
        const targets = (transition.target ?? []) as AnyStateNode[];
        for (const target of targets.length > 0 ? targets : [child]) addEdge(child, target, labelOf(eventType, transition));
      }
      collect(child);
    }
  };
  collect(root);

  const lines = ['stateDiagram-v2'];
  const render = (node: AnyStateNode, indent: string) => {
    const initial = node.initial?.target?.[0] as AnyStateNode | undefined;
    if (initial) lines.push(`${indent}[*] --> ${idOf(initial)}`);
    for (const child of childrenOf(node)) {
      const id = idOf(child);
      const declaration = id === child.key ? id : `"${child.key}" as ${id}`;
      if (childrenOf(child).length > 0) {
        lines.push(`${indent}state ${declaration} {`);
        render(child, `${indent}  `);
        lines.push(`${indent}}`);
      } else if (id !== child.key) {
        lines.push(`${indent}state ${declaration}`);
      }
      if (child.type === 'final') lines.push(`${indent}${id} --> [*]`);
    }
    for (const [edge, labels] of edges.get(node.path.join('.')) ?? []) lines.push(`${indent}${edge}: ${labels.join(', ')}`);
  };
  render(root, '  ');

  for (const [target, labels] of leadsFromEverywhere) {
    lines.push(`  note left of ${idOf(target)}`, `    From every open state: ${labels.join(', ')}`, '  end note');
  }
  const first = root.initial?.target?.[0] as AnyStateNode | undefined;
  if (everywhere.length > 0 && first) {
    lines.push(`  note right of ${idOf(first)}`, `    In every open state, staying in it: ${everywhere.join(', ')}`, '  end note');
  }
  return `${lines.join('\n')}\n`;
}

/** Every state of the machine by its dotted path, parents before children. */
export function stateNames(definition: AnyWorkflowDefinition): string[] {
  const names: string[] = [];
  const walk = (node: AnyStateNode) => {
    for (const child of childrenOf(node)) {
      names.push(child.path.join('.'));
      walk(child);
    }
  };
  walk(definition.machine.root as AnyStateNode);
  return names;
}

/** A state as the workflow's documentation lists it. */
export interface StateRow {
  /** Dotted path: `phase2.engaging`. */
  readonly state: string;
  readonly kind: 'initial' | 'compound' | 'final' | 'state';
  /** Its own transitions: `CompletePreparation [preparationReady] → phase2`, or just the label when it stays. */
  readonly transitions: readonly string[];
}

/** Every state with its own transitions, and the transitions possible from every open state. */
export function stateTable(definition: AnyWorkflowDefinition): { rows: StateRow[]; everywhere: string[] } {
  const root = definition.machine.root as AnyStateNode;
  const labelOf = transitionLabels(definition);
  const describe = (node: AnyStateNode, [eventType, transition]: [string, Transition]) => {
    const targets = ((transition.target ?? []) as AnyStateNode[]).filter((t) => t !== node).map((t) => t.path.join('.'));
    return `${labelOf(eventType, transition)}${targets.length > 0 ? ` → ${targets.join(', ')}` : ''}`;
  };
  const rows: StateRow[] = [];
  const walk = (node: AnyStateNode) => {
    for (const child of childrenOf(node)) {
      const kind = child.type === 'final' ? 'final' : childrenOf(child).length > 0 ? 'compound' : node.initial?.target?.[0] === child ? 'initial' : 'state';
      rows.push({ state: child.path.join('.'), kind, transitions: [...transitionsOf(child)].map((t) => describe(child, t)) });
      walk(child);
    }
  };
  walk(root);
  return { rows, everywhere: [...transitionsOf(root)].map((t) => describe(root, t)) };
}
