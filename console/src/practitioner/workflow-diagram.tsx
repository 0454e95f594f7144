import type { WorkflowInfo } from '../shared/types';
import { humanize } from './schema';

interface Transition {
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

/** Mermaid ids join nested states with `_`; the API's state names join them with `.`. */
function transitions(workflow: WorkflowInfo): Transition[] {
  const byId = new Map(workflow.states.map((state) => [state.replace(/\./g, '_'), state]));
  const named = (id: string) => (id === '[*]' ? undefined : (byId.get(id) ?? id));
  const found: Transition[] = [];
  for (const line of workflow.diagram.split('\n')) {
    const match = /^\s*(\S+)\s+-->\s+(\S+?)(?::\s*(.*))?$/.exec(line);
    if (!match) continue;
    const from = named(match[1]!);
    const to = named(match[2]!);
    if (from && to) found.push({ from, to, label: match[3] ?? '' });
  }
  return found;
}

/**
 * The workflow's states in the order the API lists them, nested states inside their parent,
 * the case's state marked; the transitions, read from the Mermaid chart, listed below.
 * Drawn here rather than with the mermaid package, which would multiply the console's size.
 */
export function WorkflowDiagram({ workflow, current }: { workflow: WorkflowInfo; current: string }) {
  const top = workflow.states.filter((state) => !state.includes('.'));
  const isCurrent = (state: string) => state === current || current.startsWith(`${state}.`);
  const box = (state: string) => {
    const children = workflow.states.filter((s) => s.startsWith(`${state}.`) && !s.slice(state.length + 1).includes('.'));
    return (
      <li key={state} class={`state${isCurrent(state) ? ' current' : ''}${children.length ? ' compound' : ''}`} aria-current={state === current ? 'step' : undefined}>
        <span class="state-name">
          {humanize(state.split('.').pop()!)}
          {state === current ? <span class="badge"> current</span> : null}
        </span>
        {children.length ? <ol class="states nested">{children.map(box)}</ol> : null}
      </li>
    );
  };
  return (
    <figure class="diagram">
      <figcaption>
        {workflow.title}: the case is in <strong>{humanize(current.split('.').pop()!)}</strong>
      </figcaption>
      <ol class="states" aria-label="Workflow states">
        {top.map(box)}
      </ol>
      <details>
        <summary>Transitions</summary>
        <ul class="transitions">
          {transitions(workflow).map((t, i) => (
            <li key={i} class={isCurrent(t.from) ? 'from-current' : undefined}>
              {humanize(t.from.split('.').pop()!)} → {humanize(t.to.split('.').pop()!)}
              {t.label ? <span class="hint">: {t.label}</span> : null}
            </li>
          ))}
        </ul>
      </details>
    </figure>
  );
}
