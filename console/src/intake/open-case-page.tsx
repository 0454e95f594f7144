import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { CommandForm } from '../practitioner/command-form';
import { useConsole } from '../shared/context';
import { commandLabel, Fill, L, workflowTitle, type Label } from '../shared/labels';
import { mayRead } from '../shared/roles';
import { href } from '../shared/router';
import { Status } from '../shared/status';
import type { CommandResult, WorkflowInfo } from '../shared/types';
import { useLoad } from '../shared/use-load';

/** The workflows the signed-in role may open cases of: the latest version of each, by its opening command's grants. */
export function openable(workflows: readonly WorkflowInfo[], role: string): WorkflowInfo[] {
  const latest = new Map<string, WorkflowInfo>();
  for (const workflow of workflows) {
    if ((latest.get(workflow.name)?.version ?? -1) < workflow.version) latest.set(workflow.name, workflow);
  }
  return [...latest.values()].filter((workflow) => workflow.commands.find((c) => c.name === workflow.openingCommand)?.grants[role] === 'any');
}

/**
 * Intake: a new case of any workflow the person's role may open, with the form of the workflow's
 * opening command (drawn from its JSON Schema, like every other step).
 */
export function OpenCasePage({ workflow: chosenName }: { workflow?: string | undefined }) {
  const { api, workflows, session } = useConsole();
  const { t } = useI18n();
  const [loaded] = useLoad(async () => openable(await workflows, session.role), session.role);
  const [opened, setOpened] = useState<{ caseId: string; reference: string; title: Label; readable: boolean }>();
  // Whether the person may read the case they opened, from its assignees as opened (a practitioner reads
  // only the cases assigned to them): not asked of the API, which would refuse it and log the refusal.
  const afterOpening = (result: CommandResult, title: Label) =>
    setOpened({ caseId: result.caseId, reference: result.reference ?? result.caseId, title, readable: mayRead(session, result) });
  // The form the person sent is replaced by an empty one: the focus goes to what became of it.
  const notice = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (opened) notice.current?.focus();
  }, [opened]);
  return (
    <section aria-labelledby="open-title">
      <h2 id="open-title">{t.openTitle}</h2>
      <Status loaded={loaded}>
        {(choices) => {
          if (choices.length === 0) return <p>{t.noOpening}</p>;
          const chosen = choices.find((w) => w.name === chosenName);
          const command = chosen?.commands.find((c) => c.name === chosen.openingCommand);
          return (
            <>
              <p>{t.openIntro}</p>
              {opened ? (
                <p role="status" class="notice" tabIndex={-1} ref={notice}>
                  <Fill sentence={(title) => t.openedCase(title, opened.reference)} labels={[opened.title]} />{' '}
                  {opened.readable ? <a href={href.case(opened.caseId)}>{t.goToCase(opened.reference)}</a> : t.openedNotYours}
                </p>
              ) : null}
              <nav aria-labelledby="open-which">
                <h3 id="open-which">{t.openWhich}</h3>
                <ul class="workflow-choices">
                  {choices.map((workflow) => (
                    <li key={workflow.name}>
                      <a href={href.open(workflow.name)} aria-current={workflow.name === chosenName ? 'page' : undefined}>
                        <L label={workflowTitle(workflow, workflow.name)} />
                      </a>
                      <span class="hint"> — {workflow.description}</span>
                    </li>
                  ))}
                </ul>
              </nav>
              {chosen && command ? (
                <CommandForm
                  // A new, empty form once a case is opened: sending the same one again would open a second case.
                  key={`${chosen.name}:${chosen.version}:${opened?.caseId ?? ''}`}
                  api={api}
                  opens={chosen}
                  command={command}
                  label={commandLabel(chosen, command.name)}
                  onDone={(result) => afterOpening(result, workflowTitle(chosen, chosen.name))}
                />
              ) : null}
            </>
          );
        }}
      </Status>
    </section>
  );
}
