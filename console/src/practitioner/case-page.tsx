import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { PageStaff, staffNames, useConsole, usePeople } from '../shared/context';
import { commandLabel, fieldLabel, Fill, L, stateLabel, valueLabel, workflowTitle, type Label } from '../shared/labels';
import { mayRead, ROLE_PAGES } from '../shared/roles';
import { StepsOthersTake } from '../shared/steps-others-take';
import { href } from '../shared/router';
import { Status } from '../shared/status';
import type { CaseView, CommandResult, HistoryPage, WorkflowInfo } from '../shared/types';
import { CaseContent } from './case-content';
import { correctionOf, mayRun, type CorrectionOffer } from './correction';
import { wholeHistory } from '../shared/history';
import { useLoad } from '../shared/use-load';
import { Clocks } from './clocks';
import { DataFields } from './event-data';
import { CommandForm } from './command-form';
import { Timeline } from './timeline';
import { WorkflowDiagram } from './workflow-diagram';

interface Loaded {
  readonly view: CaseView;
  readonly workflow: WorkflowInfo | undefined;
  readonly history: HistoryPage;
}

/**
 * One case: where it is in its workflow, who it is about and what is written about it, what may be
 * done next, its clocks and its timeline with each event's data.
 */
export function CasePage({ caseId }: { caseId: string }) {
  const { api, workflows, session } = useConsole();
  const { t, language } = useI18n();
  // The position of this person's last command: reads wait until the read model has it.
  const minPosition = useRef(0);
  const [loaded, reload] = useLoad<Loaded>(async () => {
    const path = `/cases/${encodeURIComponent(caseId)}`;
    const view = await api.get<CaseView>(`${path}${minPosition.current ? `?minPosition=${minPosition.current}` : ''}`);
    const [all, history] = await Promise.all([workflows, wholeHistory(api, caseId)]);
    return { view, workflow: all.find((w) => w.name === view.workflow && w.version === view.workflowVersion), history };
  }, caseId);
  const [open, setOpen] = useState<string>();
  // What was typed in a step's form when someone else's step changed the case first: kept for the form opened again on the case as it is now.
  const [carried, setCarried] = useState<{ readonly command: string; readonly typed: unknown; readonly revision: number }>();
  // What the person's last command recorded, said with the names it takes (a command and a state, a person's part).
  const [notice, setNotice] = useState<{ sentence: (...names: string[]) => string; labels: readonly Label[] }>();
  const recorded = (result: CommandResult, said: NonNullable<typeof notice>) => {
    setNotice(said);
    minPosition.current = result.position;
    reload();
  };
  // The form just sent closes, and the focus with it would fall to the page's body: keyboard and
  // screen reader users go on from the notice of what was recorded instead.
  const noticeShown = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (notice) noticeShown.current?.focus();
  }, [notice]);
  // A step that handed the case to someone the person is not: said so, by the case's reference, and
  // the case not asked for again (the API would refuse it, and log the refusal).
  const [away, setAway] = useState<{ command: Label; reference: Label }>();
  const awayShown = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (away) awayShown.current?.focus();
  }, [away]);
  const home = ROLE_PAGES[session.role].home === 'caseload';

  if (away) {
    return (
      <section aria-labelledby="away-title">
        <h2 id="away-title" class="visually-hidden">
          <L label={away.reference} />
        </h2>
        <p role="status" class="notice" tabIndex={-1} ref={awayShown}>
          <Fill sentence={t.recordedAway} labels={[away.command, away.reference]} />
        </p>
        <p>
          <a href={home ? href.caseload() : href.cases()}>{home ? t.backToCaseload : t.backToList}</a>
        </p>
      </section>
    );
  }

  return (
    <section aria-labelledby="case-title">
      <p>
        <a href={home ? href.caseload() : href.cases()}>{t.backToList}</a>
      </p>
      <Status loaded={loaded}>
        {({ view, workflow, history }) => {
          const commands = (workflow?.commands ?? [])
            .filter((c) => view.allowedCommands.includes(c.name))
            // Assignment first: it is what a supervisor opens a case for most often.
            .sort((a, b) => Number(b.assigns === true) - Number(a.assigns === true));
          const chosen = commands.find((c) => c.name === open);
          // Not a next step: a person's record may be corrected at any stage, by those its command's grants name.
          const correction = correctionOf(workflow);
          const offer: CorrectionOffer | undefined =
            correction && mayRun(correction.command, view, session)
              ? { correction, caseView: view, onDone: (result, person) => recorded(result, { sentence: t.correctedNotice, labels: [fieldLabel(workflow, person.path)] }) }
              : undefined;
          return (
            <PageStaff.Provider value={staffNames(history.staff)}>
              <h2 id="case-title">
                <Fill sentence={t.caseOf} labels={[workflowTitle(workflow, view.workflow)]} /> <code class="case-id">{view.reference ?? view.caseId}</code>
              </h2>
              <p class="facts">
                <span>
                  {t.state}
                  {t.colon}
                  <strong data-testid="case-state">
                    <L label={stateLabel(workflow, view.state)} />
                  </strong>
                </span>
                <span>
                  {t.status}
                  {t.colon}
                  {view.status === 'closed' ? t.statusClosed : t.statusOpen}
                </span>
                {view.region ? (
                  <span>
                    {t.region}
                    {t.colon}
                    <L label={valueLabel(workflow, view.region)} />
                  </span>
                ) : null}
                <span>
                  {t.assignedTo}
                  {t.colon}
                  <Assignees ids={view.assignees ?? []} />
                </span>
                <span>{t.revision(view.revision)}</span>
              </p>
              {notice ? (
                <p role="status" class="notice" tabIndex={-1} ref={noticeShown}>
                  <Fill sentence={notice.sentence} labels={notice.labels} />
                </p>
              ) : null}
              <CaseContent items={history.items} workflow={workflow} region={view.region} correction={offer} />
              {workflow ? <WorkflowDiagram workflow={workflow} title={workflowTitle(workflow, view.workflow)} current={view.state} /> : null}
              <div class="columns">
                <section aria-labelledby="next-steps">
                  <h3 id="next-steps">{t.nextSteps}</h3>
                  {commands.length === 0 ? <p>{t.nothingToDo}</p> : null}
                  <ul class="command-list">
                    {commands.map((c) => (
                      <li key={c.name}>
                        <button type="button" class={c.name === open ? '' : 'secondary'} aria-expanded={c.name === open} onClick={() => {
                            setOpen(c.name === open ? undefined : c.name);
                            setCarried(undefined);
                          }}>
                          <L label={commandLabel(workflow, c.name)} />
                        </button>
                      </li>
                    ))}
                  </ul>
                  <OthersSteps view={view} workflow={workflow} />
                  {chosen ? (
                    <CommandForm
                      key={`${chosen.name}:${view.revision}`}
                      api={api}
                      caseView={view}
                      workflow={workflow}
                      history={history.items}
                      command={chosen}
                      label={commandLabel(workflow, chosen.name)}
                      // What the last step recorded is no longer news once another is sent (or refused).
                      onSend={() => setNotice(undefined)}
                      // Once the case is read again (a later revision), the form opens again on it with what was typed.
                      {...(carried?.command === chosen.name && carried.revision !== view.revision ? { initial: carried.typed, stale: true } : {})}
                      onStale={(typed) => {
                        setCarried({ command: chosen.name, typed, revision: view.revision });
                        reload();
                      }}
                      onDone={(next) => {
                        setOpen(undefined);
                        setCarried(undefined);
                        if (!mayRead(session, next)) {
                          const reference = next.reference ?? view.reference;
                          setAway({
                            command: commandLabel(workflow, chosen.name),
                            reference: reference ? { text: reference, lang: language } : workflowTitle(workflow, view.workflow),
                          });
                          return;
                        }
                        recorded(next, { sentence: t.recorded, labels: [commandLabel(workflow, chosen.name), stateLabel(workflow, next.state)] });
                      }}
                    />
                  ) : null}
                </section>
                <div>
                  <section aria-labelledby="clocks-title">
                    <h3 id="clocks-title">{t.clocks}</h3>
                    <Clocks clocks={view.clocks ?? []} workflow={workflow} region={view.region} />
                  </section>
                  {view.details && Object.keys(view.details).length > 0 ? (
                    <section aria-labelledby="facts-title">
                      <h3 id="facts-title">{t.caseFacts}</h3>
                      <DataFields data={view.details} schema={workflow?.details} path="" workflow={workflow} region={view.region} />
                    </section>
                  ) : null}
                </div>
              </div>
              <section aria-labelledby="timeline-title">
                <h3 id="timeline-title">{t.timeline}</h3>
                <Timeline items={history.items} region={view.region} workflow={workflow} />
              </section>
            </PageStaff.Provider>
          );
        }}
      </Status>
    </section>
  );
}

/** Whom a case is assigned to, by name. */
function Assignees({ ids }: { ids: readonly string[] }) {
  const { t } = useI18n();
  const person = usePeople();
  return <>{ids.length ? ids.map(person).join(', ') : t.nobody}</>;
}

/** The steps the case's state allows that the reader may not take, each with who may. */
function OthersSteps({ view, workflow }: { view: CaseView; workflow: WorkflowInfo | undefined }) {
  const { t } = useI18n();
  const steps = view.nextSteps.filter((step) => !view.allowedCommands.includes(step));
  if (steps.length === 0) return null;
  return (
    <section aria-labelledby="others-steps" class="others-steps">
      <h4 id="others-steps">{t.othersMay}</h4>
      <StepsOthersTake steps={steps} workflow={workflow} />
    </section>
  );
}
