import { useI18n, type Messages } from '../i18n/i18n';
import { commandLabel, L } from './labels';
import type { WorkflowInfo } from './types';

/** Who may run a command, as its grants say ("supervisor or practitioner assigned to the case"). */
const whoMay = (grants: Readonly<Record<string, 'any' | 'assigned'>>, t: Messages, role: (role: string) => string): string =>
  Object.entries(grants)
    .map(([name, grant]) => (grant === 'assigned' ? t.assignedRole(role(name)) : role(name)))
    .join(t.or);

/**
 * Steps of a case the reader may not take, each with who may: what the case waits for (a withdrawn
 * class member's return is a supervisor's to record).
 */
export function StepsOthersTake({ steps, workflow, plain = false }: { steps: readonly string[]; workflow: WorkflowInfo | undefined; plain?: boolean }) {
  const { t, role } = useI18n();
  return (
    <ul class={plain ? 'plain' : undefined}>
      {(workflow?.commands ?? [])
        .filter((c) => steps.includes(c.name))
        .map((c) => (
          <li key={c.name}>
            <L label={commandLabel(workflow, c.name)} /> ({whoMay(c.grants, t, role)})
          </li>
        ))}
    </ul>
  );
}
