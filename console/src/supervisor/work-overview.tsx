import { formatDate, useI18n } from '../i18n/i18n';
import { useBusinessDays, useConsole, usePeople } from '../shared/context';
import { CaseLink } from '../shared/case-link';
import { clockLabel, L, workflowTitle } from '../shared/labels';
import { MorePages } from '../shared/more-pages';
import { href } from '../shared/router';
import { Status } from '../shared/status';
import type { SlaClockItem, SlaWeeks, WorkflowInfo, Workload } from '../shared/types';
import { useLoad, type Loaded } from '../shared/use-load';
import { serviceNow } from '../shared/service-clock';
import { OnTimeChart } from './on-time-chart';

const WEEKS = 12;
/** The clocks each list reads at a time. */
export const SHOWN = 100;

export type ClockPage = { readonly items: SlaClockItem[]; readonly nextCursor?: string };
export const clocksOf = (pages: readonly ClockPage[]) => pages.flatMap((page) => page.items);

const WARNED = `/sla/clocks?status=warned&limit=${SHOWN}`;
// The newest first: breaches stay on the list once met late, and a year of them is more than a page.
const BREACHED = `/sla/clocks?status=breached&order=latest&limit=${SHOWN}`;
// A pause someone forgot stops its clock for good: the supervisor sees each one, with how long it has been paused.
const PAUSED = `/sla/clocks?status=paused&limit=${SHOWN}`;

type Kind = 'warned' | 'breached' | 'paused';

/**
 * What supervisors act on beyond the counts: the warned, the breached and the paused clocks themselves, each
 * person's workload (with `workload`: for those who may read it), and the on-time rate week by week.
 * `version` changes when a warning or a breach arrives live, and everything is asked again, the lists shown meanwhile.
 */
export function WorkOverview({ version, workflows, workload: withWorkload }: { version: number; workflows: readonly WorkflowInfo[]; workload: boolean }) {
  const { api } = useConsole();
  const { t } = useI18n();
  const [loaded] = useLoad(
    () =>
      Promise.all([
        api.get<ClockPage>(WARNED),
        api.get<ClockPage>(BREACHED),
        api.get<ClockPage>(PAUSED),
        // Shown with the rest, but a refusal of it is said in its own section: it takes nothing else with it.
        withWorkload ? settled(api.get<Workload>('/workload')) : undefined,
        api.get<SlaWeeks>(`/sla/weeks?weeks=${WEEKS}`),
      ]),
    String(withWorkload),
    version,
  );
  return (
    <Status loaded={loaded}>
      {([warned, breached, paused, workload, weeks]) => (
        <>
          <ClockSection kind="warned" first={warned} path={WARNED} title={t.warnedTitle} empty={t.noWarnedClocks} more={t.soonestShown} workflows={workflows} />
          <ClockSection kind="breached" first={breached} path={BREACHED} title={t.breachedTitle} empty={t.noBreachedClocks} more={t.breachedLatest} workflows={workflows} />
          <ClockSection kind="paused" first={paused} path={PAUSED} title={t.pausedTitle} empty={t.noPausedClocks} more={t.soonestShown} workflows={workflows} />
          {/* One under the other: the workload's seven columns do not fit half a page. */}
          {workload ? (
            <section aria-labelledby="workload-title">
              <h3 id="workload-title">{t.workloadTitle}</h3>
              <Status loaded={workload}>{(people) => <WorkloadTable workload={people} />}</Status>
            </section>
          ) : null}
          <section aria-labelledby="weeks-title">
            <h3 id="weeks-title">{t.weeksTitle}</h3>
            <Weeks weeks={weeks} />
          </section>
        </>
      )}
    </Status>
  );
}

/** What a request settled to, for a part of a page that fails on its own. */
const settled = <T,>(request: Promise<T>): Promise<Loaded<T>> =>
  request.then(
    (value) => ({ status: 'ready', value }),
    (error: unknown) => ({ status: 'failed', error }),
  );

/** A list of clocks under its heading, read a page at a time; `more` says how many are shown while there are more. */
function ClockSection(props: {
  kind: Kind;
  first: ClockPage;
  path: string;
  title: string;
  empty: string;
  more: (shown: number) => string;
  workflows: readonly WorkflowInfo[];
}) {
  const heading = `${props.kind}-title`;
  return (
    <section aria-labelledby={heading}>
      <h3 id={heading}>{props.title}</h3>
      <MorePages first={props.first} path={props.path} of={heading} keep>
        {(pages, more) => (
          <>
            <ClockList id={`${props.kind}-clocks`} items={clocksOf(pages)} workflows={props.workflows} empty={props.empty} kind={props.kind} />
            {more ? <p class="hint">{props.more(clocksOf(pages).length)}</p> : null}
          </>
        )}
      </MorePages>
    </section>
  );
}

/** Clocks as a table: when each ran out, is due or was paused, which clock, which case. */
function ClockList(props: { id: string; items: readonly SlaClockItem[]; workflows: readonly WorkflowInfo[]; empty: string; kind: Kind }) {
  const { t, instant, percent, region } = useI18n();
  const businessDays = useBusinessDays();
  if (props.items.length === 0) return <p>{props.empty}</p>;
  const when = props.kind === 'breached' ? t.colBreachedAt : props.kind === 'paused' ? t.colPausedSince : t.colDue;
  const now = serviceNow();
  return (
    <div class="table-scroll">
      <table id={props.id} class="clock-list fold wide">
        <thead>
          <tr>
            <th scope="col">{when}</th>
            <th scope="col">{t.colClock}</th>
            <th scope="col">{t.colWorkflow}</th>
            <th scope="col">{t.colRegion}</th>
            <th scope="col">{t.colCase}</th>
          </tr>
        </thead>
        <tbody>
          {props.items.map((item) => (
            <tr key={`${item.caseId}:${item.clock}`} class={props.kind === 'breached' ? 'clock-breached' : props.kind === 'warned' ? 'warned' : undefined}>
              <td data-label={when}>
                {props.kind === 'paused' ? (
                  item.pausedAt ? (
                    <>
                      {instant(item.pausedAt, item.region)} <span class="hint">({t.pausedFor(businessDays(new Date(item.pausedAt), now, item.region))})</span>
                    </>
                  ) : (
                    '—'
                  )
                ) : (
                  instant(props.kind === 'breached' ? (item.breachedAt ?? item.dueAt) : item.dueAt, item.region)
                )}
                {props.kind === 'breached' && item.metAt ? (
                  <span class="hint">
                    {' '}
                    ({t.metLate}
                    {t.colon}
                    {instant(item.metAt, item.region)})
                  </span>
                ) : null}
              </td>
              <td data-label={t.colClock}>
                <L label={clockLabel(props.workflows.filter((w) => w.name === item.workflow), item.clock, item.name)} />
                {props.kind === 'warned' ? t.warnedList(item.warnedThresholds.map(percent).join(', ')) : ''}
              </td>
              <td data-label={t.colWorkflow}>
                <L label={workflowTitle(props.workflows.find((w) => w.name === item.workflow), item.workflow)} />
              </td>
              <td data-label={t.colRegion}>{region(item.region)}</td>
              <td data-label={t.colCase}>
                <CaseLink item={item} workflow={props.workflows.find((w) => w.name === item.workflow)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function WorkloadTable({ workload }: { workload: Workload }) {
  const { t, number, instant } = useI18n();
  const person = usePeople();
  if (workload.people.length === 0) return <p>{t.noWorkload}</p>;
  return (
    <div class="table-scroll">
      <table id="workload" class="counts fold wide">
        <caption>{t.workloadCaption(instant(workload.asOf))}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colPerson}</th>
            <th scope="col">{t.colOpenCases}</th>
            <th scope="col">{t.colOpenClocks}</th>
            <th scope="col">{t.tileWarned}</th>
            <th scope="col">{t.colOverdue}</th>
            <th scope="col">{t.tileBreached}</th>
            <th scope="col">{t.colNextDue}</th>
          </tr>
        </thead>
        <tbody>
          {workload.people.map((row) => (
            <tr key={row.assignee ?? ''} class={row.breached > 0 || row.overdue > 0 || row.cannotWork > 0 ? 'overdue' : undefined}>
              <th scope="row">
                {row.assignee ? <a href={href.assigned(row.assignee)}>{person(row.assignee)}</a> : t.unassigned}
                {row.cannotWork > 0 ? (
                  <>
                    <br />
                    <span class="cannot-work">{t.cannotWorkCases(row.cannotWork, number(row.cannotWork))}</span>
                  </>
                ) : null}
              </th>
              <td data-label={t.colOpenCases}>{number(row.openCases)}</td>
              <td data-label={t.colOpenClocks}>{number(row.openClocks)}</td>
              <td data-label={t.tileWarned}>{number(row.warned)}</td>
              <td data-label={t.colOverdue}>{number(row.overdue)}</td>
              <td data-label={t.tileBreached}>{number(row.breached)}</td>
              <td data-label={t.colNextDue}>{instant(row.nextDueAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The rate as bars, and the figures as a table (what the chart's bars are made of). */
function Weeks({ weeks }: { weeks: SlaWeeks }) {
  const { t, number, percent, language } = useI18n();
  const name = (monday: string) => formatDate(new Date(`${monday}T00:00:00Z`), language, 'dayMonth', 'UTC');
  return (
    <>
      <p class="hint">{t.weeksSummary(weeks.weeks.length)}</p>
      <OnTimeChart
        id="on-time-weeks"
        title={t.weeksTitle}
        bars={weeks.weeks.map((w) => ({ label: name(w.week), rate: w.onTimeRate, settled: w.metOnTime + w.metLate + w.breached }))}
      />
      <div class="table-scroll">
        <table id="weeks" class="counts fold">
          <thead>
            <tr>
              <th scope="col">{t.colWeek}</th>
              <th scope="col">{t.colMetOnTime}</th>
              <th scope="col">{t.colMetLate}</th>
              <th scope="col">{t.tileBreached}</th>
              <th scope="col">{t.tileOnTime}</th>
            </tr>
          </thead>
          <tbody>
            {weeks.weeks.map((w) => (
              <tr key={w.week}>
                <th scope="row">
                  <time dateTime={w.week}>{t.weekOf(name(w.week))}</time>
                </th>
                <td data-label={t.colMetOnTime}>{number(w.metOnTime)}</td>
                <td data-label={t.colMetLate}>{number(w.metLate)}</td>
                <td data-label={t.tileBreached}>{number(w.breached)}</td>
                <td data-label={t.tileOnTime}>{w.onTimeRate === null ? t.notApplicable : percent(w.onTimeRate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
