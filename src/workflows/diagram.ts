import type { AnyStateNode } from 'xstate';
import { isClockEventType } from '../../domain/fold';
import type { AnyWorkflowDefinition } from '../../domain/workflow';

const idOf = (node: AnyStateNode) => node.path.join('_');

/**
 * A Mermaid state diagram generated from the workflow's machine: the chart users see is the chart
 * that decides. Transitions are labelled with the command that records their event (or the event,
 * when no command records it directly); shared clock events are left out.
 */
export function mermaidDiagram(definition: AnyWorkflowDefinition): string {
  const labelFor = (eventType: string) => {
    const commands = definition.commands.filter((c) => c.primaryEvent === eventType).map((c) => c.type);
    return commands.length > 0 ? commands.join(' / ') : eventType;
  };
  const lines: string[] = ['stateDiagram-v2'];
  const root = definition.machine.root as AnyStateNode;

  const guardText = (guard: unknown) => {
    if (!guard) return '';
    const name = typeof guard === 'string' ? guard : (guard as { type?: unknown }).type;
    return typeof name === 'string' && !name.startsWith('xstate.') ? ` [${name}]` : ' [guarded]';
  };

  const anywhere: string[] = [];
  const edges = (node: AnyStateNode, fromIds: readonly string[], indent: string, root = false) => {
    for (const [eventType, transitions] of node.transitions) {
      if (isClockEventType(eventType)) continue;
      for (const transition of transitions) {
        const targets = (transition.target ?? []) as AnyStateNode[];
        const label = `${labelFor(eventType)}${guardText(transition.guard)}`;
        // A root-level transition that stays put is possible in every open state: one note says so.
        if (root && targets.length === 0) {
          anywhere.push(label);
          continue;
        }
        for (const from of fromIds) {
          if (targets.length === 0) lines.push(`${indent}${from} --> ${from}: ${label}`);
          for (const target of targets) lines.push(`${indent}${from} --> ${idOf(target)}: ${label}`);
        }
      }
    }
  };

  const render = (node: AnyStateNode, indent: string) => {
    const children = Object.values(node.states) as AnyStateNode[];
    const initial = node.initial?.target?.[0] as AnyStateNode | undefined;
    if (initial) lines.push(`${indent}[*] --> ${idOf(initial)}`);
    for (const child of children) {
      if (Object.keys(child.states).length > 0) {
        lines.push(`${indent}state "${child.key}" as ${idOf(child)} {`);
        render(child, `${indent}  `);
        lines.push(`${indent}}`);
      } else if (child.path.length > 1) {
        lines.push(`${indent}state "${child.key}" as ${idOf(child)}`);
      }
      if (child.type === 'final') lines.push(`${indent}${idOf(child)} --> [*]`);
    }
    for (const child of children) edges(child, [idOf(child)], indent);
  };

  render(root, '  ');
  const topLevelOpen = (Object.values(root.states) as AnyStateNode[]).filter((s) => s.type !== 'final').map(idOf);
  edges(root, topLevelOpen, '  ', true);
  const first = (root.initial?.target?.[0] as AnyStateNode | undefined) ?? undefined;
  if (anywhere.length > 0 && first) {
    lines.push(`  note right of ${idOf(first)}`, `    In every open state: ${anywhere.join(', ')}`, '  end note');
  }
  return `${lines.join('\n')}\n`;
}

/** Every state of the machine by its dotted path, parents before children. */
export function stateNames(definition: AnyWorkflowDefinition): string[] {
  const names: string[] = [];
  const walk = (node: AnyStateNode) => {
    for (const child of Object.values(node.states) as AnyStateNode[]) {
      names.push(child.path.join('.'));
      walk(child);
    }
  };
  walk(definition.machine.root as AnyStateNode);
  return names;
}
