import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { errorText } from '../shared/api';
import { daysLeft } from '../shared/case-table';
import { useBusinessDays, useConsole } from '../shared/context';
import { CaseLink } from '../shared/case-link';
import { clockLabel, commandLabel, L, stateLabel, workflowTitle } from '../shared/labels';
import { StepsOthersTake } from '../shared/steps-others-take';
import { Status } from '../shared/status';
import type { Inbox, InboxItem, WorkflowInfo } from '../shared/types';
import { useLoad } from '../shared/use-load';
import { serviceNow } from '../shared/service-clock';

/**
 * My work: the open cases assigned to the signed-in person, the one whose clock falls due first
 * first (GET /inbox orders them), each with what it waits for and the steps they may take.
 */
export function CaseloadPage() {
  const { api, session, workflows } = useConsole();
  const { t } = useI18n();
  const [more, setMore] = useState<{ items: readonly InboxItem[]; next?: string; failure?: string }>({ items: [] });
  const [loaded] = useLoad(async () => {
    const [inbox, all] = await Promise.all([api.get<Inbox>('/inbox'), workflows]);
    setMore({ items: [], ...(inbox.nextCursor ? { next: inbox.nextCursor } : {}) });
    return { inbox, all };
  }, session.id);
  const showMore = (cursor: string) =>
    api.get<Inbox>(`/inbox?cursor=${encodeURIComponent(cursor)}`).then(
      (page) => setMore((old) => ({ items: [...old.items, ...page.items], ...(page.nextCursor ? { next: page.nextCursor } : {}) })),
      (error: unknown) => setMore((old) => ({ ...old, failure: errorText(error) })),
    );
  return (
    <section aria-labelledby="caseload-title">
      <h2 id="caseload-title">{t.navCaseload}</h2>
      <Status loaded={loaded}>
        {({ inbox, all }) => (
          <>
            <InboxTable items={[...inbox.items, ...more.items]} workflows={all} />
            {more.failure ? (
              <p role="alert" class="error">
                {more.failure}
              </p>
            ) : null}
            {more.next ? (
              <button type="button" class="secondary" onClick={() => void showMore(more.next!)}>
                {t.moreInInbox}
              </button>
            ) : null}
          </>
        )}
      </Status>
    </section>
  );
}

function InboxTable({ items, workflows }: { items: readonly InboxItem[]; workflows: readonly WorkflowInfo[] }) {
  const i18n = useI18n();
  const { t, instant } = i18n;
  const businessDays = useBusinessDays();
  if (items.length === 0) return <p>{t.noCases}</p>;
  const now = serviceNow();
  const workflowOf = (item: InboxItem) => workflows.find((w) => w.name === item.workflow && w.version === item.workflowVersion);
  return (
    <div class="table-scroll">
      <table class="cases inbox fold">
        <caption>{t.inboxCaption(items.length)}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colCase}</th>
            <th scope="col">{t.colWaitingFor}</th>
            <th scope="col">{t.colYouMay}</th>
            <th scope="col">{t.colState}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const workflow = workflowOf(item);
            const clock = item.waitingFor;
            return (
              <tr key={item.caseId} class={item.overdue ? 'overdue' : clock?.warnedThresholds.length ? 'warned' : undefined}>
                <th scope="row">
                  <CaseLink item={item} workflow={workflow} />
                  <br />
                  <span class="hint">
                    <L label={workflowTitle(workflow, item.workflow)} />, {i18n.region(item.region)}
                  </span>
                </th>
                <td data-label={t.colWaitingFor}>
                  {clock ? (
                    <>
                      <strong>
                        <L label={clockLabel([workflow], clock.clock, clock.name)} />
                      </strong>
                      {clock.status === 'paused' ? ` (${t.clockPausedShort})` : null}
                      <br />
                      {t.due(instant(clock.dueAt, item.region))}{' '}
                      {clock.status === 'breached' ? (
                        <strong class="late">{t.breachedNow}</strong>
                      ) : item.overdue ? (
                        <strong class="late">{t.overdueNow}</strong>
                      ) : clock.status === 'running' ? (
                        <span class="hint">({daysLeft(t, businessDays(now, new Date(clock.dueAt), clock.region))})</span>
                      ) : null}
                    </>
                  ) : (
                    t.noOpenClock
                  )}
                </td>
                <td data-label={t.colYouMay}>
                  {item.commands.length === 0 ? (
                    item.nextSteps.length === 0 ? (
                      '—'
                    ) : (
                      <>
                        <span class="hint">{t.othersMay}</span>
                        <StepsOthersTake steps={item.nextSteps} workflow={workflow} plain />
                      </>
                    )
                  ) : (
                    <ul class="plain">
                      {item.commands.map((command) => (
                        <li key={command}>
                          <L label={commandLabel(workflow, command)} />
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td data-label={t.colState}>
                  <L label={stateLabel(workflow, item.state)} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

