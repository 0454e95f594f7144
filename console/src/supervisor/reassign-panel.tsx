import { useState } from 'preact/hooks';
import { CommandForm } from '../practitioner/command-form';
import { useI18n } from '../i18n/i18n';
import { useConsole, usePeople } from '../shared/context';
import { commandLabel, type Label } from '../shared/labels';
import { Status } from '../shared/status';
import type { CaseView, CommandResult } from '../shared/types';
import { useLoad } from '../shared/use-load';

/** The assignment commands the case allows now, as forms, without leaving the dashboard. */
export function ReassignPanel({ caseId, onDone }: { caseId: string; onDone: (result: CommandResult, command: Label) => void }) {
  const { api, workflows } = useConsole();
  const { t } = useI18n();
  const person = usePeople();
  // What was typed in a form someone else's step changed the case under (409): it opens again on the case as it is now, with it.
  const [carried, setCarried] = useState<{ command: string; typed: unknown; revision: number }>();
  const [loaded, reload] = useLoad(async () => {
    const view = await api.get<CaseView>(`/cases/${encodeURIComponent(caseId)}`);
    const workflow = (await workflows).find((w) => w.name === view.workflow && w.version === view.workflowVersion);
    return { view, workflow, commands: (workflow?.commands ?? []).filter((c) => c.assigns === true && view.allowedCommands.includes(c.name)) };
  }, caseId);
  return (
    <div class="reassign">
      <Status loaded={loaded}>
        {({ view, workflow, commands }) =>
          commands.length === 0 ? (
            <p>{t.noAssignmentNow}</p>
          ) : (
            <>
              <p>
                {t.assignedTo}
                {t.colon}
                {view.assignees.map(person).join(', ') || t.nobody}
              </p>
              {commands.map((command) => (
                <CommandForm
                  key={`${command.name}:${view.revision}`}
                  api={api}
                  caseView={view}
                  workflow={workflow}
                  command={command}
                  label={commandLabel(workflow, command.name)}
                  {...(carried?.command === command.name && carried.revision !== view.revision ? { initial: carried.typed, stale: true } : {})}
                  onStale={(typed) => {
                    setCarried({ command: command.name, typed, revision: view.revision });
                    reload();
                  }}
                  onDone={(result) => onDone(result, commandLabel(workflow, command.name))}
                />
              ))}
            </>
          )
        }
      </Status>
    </div>
  );
}
