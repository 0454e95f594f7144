import { useI18n } from '../i18n/i18n';
import { commandLabel, eventLabel, Fill, L, stateLabel, type Label } from '../shared/labels';
import type { WorkflowInfo } from '../shared/types';

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
 * What takes a case along a transition, named for people: each command (or event) of the chart's
 * label (`AcknowledgeComplaint [notAcknowledged], AssignHandler`) by its label, a guard as "under a
 * condition" (the chart's guard names are the machine's, not words for people).
 */
function Takes({ workflow, label }: { workflow: WorkflowInfo; label: string }) {
  const { t } = useI18n();
  const parts = label.split(', ').map((part) => /^(\S+)(?: \[[^\]]*\])?$/.exec(part));
  if (parts.some((part) => part === null)) return <L label={{ text: label, lang: 'en' }} />;
  return (
    <>
      {parts.map((part, i) => {
        const name = part![1]!;
        const named = workflow.commands.some((c) => c.name === name) ? commandLabel(workflow, name) : eventLabel(workflow, name);
        return (
          <span key={i}>
            {i > 0 ? ', ' : ''}
            <L label={named} />
            {part![0].includes(' [') ? t.underCondition : ''}
          </span>
        );
      })}
    </>
  );
}

/**
 * The workflow's states in the order the API lists them, nested states inside their parent,
 * the case's state marked; the transitions, read from the Mermaid chart, listed below.
 * Drawn here rather than with the mermaid package, which would multiply the console's size.
 */
export function WorkflowDiagram({ workflow, title, current }: { workflow: WorkflowInfo; title: Label; current: string }) {
  const { t } = useI18n();
  const top = workflow.states.filter((state) => !state.includes('.'));
  const isCurrent = (state: string) => state === current || current.startsWith(`${state}.`);
  const box = (state: string) => {
    const children = workflow.states.filter((s) => s.startsWith(`${state}.`) && !s.slice(state.length + 1).includes('.'));
    return (
      <li key={state} class={`state${isCurrent(state) ? ' current' : ''}${children.length ? ' compound' : ''}`} aria-current={state === current ? 'step' : undefined}>
        <span class="state-name">
          <L label={stateLabel(workflow, state)} />
          {state === current ? <span class="badge">{t.currentBadge}</span> : null}
        </span>
        {children.length ? <ol class="states nested">{children.map(box)}</ol> : null}
      </li>
    );
  };
  return (
    <figure class="diagram">
      <figcaption>
        <Fill sentence={t.caseIsIn} labels={[title]} />{' '}
        <strong>
          <L label={stateLabel(workflow, current)} />
        </strong>
      </figcaption>
      <ol class="states" aria-label={t.workflowStates}>
        {top.map(box)}
      </ol>
      <details>
        <summary>{t.transitions}</summary>
        <ul class="transitions">
          {transitions(workflow).map((transition, i) => (
            <li key={i} class={isCurrent(transition.from) ? 'from-current' : undefined}>
              <L label={stateLabel(workflow, transition.from)} /> → <L label={stateLabel(workflow, transition.to)} />
              {transition.label ? (
                <span class="hint">
                  {t.colon}
                  <Takes workflow={workflow} label={transition.label} />
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      </details>
    </figure>
  );
}
