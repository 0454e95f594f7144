import { createContext, Fragment, type ComponentChildren } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { byRegionName } from '../../../domain/region-names';
import { useI18n, type I18n } from '../i18n/i18n';
import { daysLeft } from '../shared/case-table';
import { useBusinessDays, useConsole, usePeople, useWorkflows } from '../shared/context';
import { CaseLink } from '../shared/case-link';
import { caseName, clockLabel, Fill, L, workflowTitle, type Label } from '../shared/labels';
import { href } from '../shared/router';
import { ROLE_PAGES } from '../shared/roles';
import { MorePages } from '../shared/more-pages';
import { Status } from '../shared/status';
import type { CommandResult, SlaAlert, SlaClockItem, SlaCounts, SlaSummary, WorkflowInfo } from '../shared/types';
import { useLoad } from '../shared/use-load';
import { OnTimeChart, type Bar } from './on-time-chart';
import { ReassignPanel } from './reassign-panel';
import { followSlaStream, type StreamState } from './sla-stream';
import { NeedsAttention } from './needs-attention';
import { clocksOf, SHOWN, WorkOverview, type ClockPage } from './work-overview';
import { serviceNow } from '../shared/service-clock';

interface Board {
  readonly summary: SlaSummary;
  readonly atRisk: ClockPage;
  readonly workflows: readonly WorkflowInfo[];
  /** The workflows whose cases the signed-in role may assign (assigningWorkflows). */
  readonly assigns: ReadonlySet<string>;
}

/** The running clocks, those due soonest first. */
const AT_RISK = `/sla/clocks?status=running&limit=${SHOWN}`;

const levelName = ({ t }: I18n, level: number | null) => (level === null ? t.noLevel : t.level(level));

/**
 * Supervisors: clocks by workflow, region and level, the on-time rate, the at-risk list, live alerts.
 * Auditors read it too (sla.read), without reassignment or the workload per person, which are not theirs.
 */
export function SlaDashboard() {
  const { api, workflows, session } = useConsole();
  const i18n = useI18n();
  const { t, instant, percent, region } = i18n;
  const [version, setVersion] = useState(0);
  const [alerts, setAlerts] = useState<readonly SlaAlert[]>([]);
  const [stream, setStream] = useState<StreamState>('connecting');
  // The clock whose case is being reassigned: its form stays open if a refresh takes the clock off the list.
  const [reassigning, setReassigning] = useState<SlaClockItem>();
  // The reassignment just recorded: its form closes, and the focus goes to what it recorded.
  const [reassigned, setReassigned] = useState<{ command: Label; reference: string; people: string }>();
  const reassignedShown = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (reassigned) reassignedShown.current?.focus();
  }, [reassigned]);
  const person = usePeople();
  // The workflows by the names of the page's language, for the alerts too, which may come before the board: kept across its reloads.
  const known = useWorkflows();
  const afterReassigning = (result: CommandResult, command: Label) => {
    setReassigning(undefined);
    setReassigned({ command, reference: caseName(result), people: result.assignees.map(person).join(', ') || t.nobody });
    setVersion((v) => v + 1);
  };
  // An alert or a reassignment asks the board again in place (`version`): what is typed or focused in it stays.
  const [loaded] = useLoad<Board>(async () => {
    const [summary, clocks, all] = await Promise.all([
      api.get<SlaSummary>('/sla/summary'),
      api.get<ClockPage>(AT_RISK),
      workflows,
    ]);
    return { summary, atRisk: clocks, workflows: all, assigns: assigningWorkflows(all, session.role) };
  }, session.role, version);
  // The lists read again after an alert are announced once they have come, in the alerts' live region.
  const alerted = useRef(false);
  const [readAgain, setReadAgain] = useState<{ asOf: string; times: number }>();
  useEffect(() => {
    if (loaded.status !== 'ready' || !alerted.current) return;
    alerted.current = false;
    setReadAgain((old) => ({ asOf: loaded.value.summary.asOf, times: (old?.times ?? 0) + 1 }));
  }, [loaded]);
  // Until the workflows are known an alert would name its clock and workflow by their English ids: it waits for them.
  const shown = known.length > 0 || loaded.status === 'failed' ? alerts : [];

  useEffect(
    () =>
      followSlaStream(
        api,
        (alert) => {
          setAlerts((old) => [alert, ...old].slice(0, 50));
          alerted.current = true;
          setVersion((v) => v + 1);
        },
        setStream,
      ),
    [api],
  );

  return (
    <WorkflowsContext.Provider value={known}>
    <section aria-labelledby="sla-title">
      <h2 id="sla-title">{t.slaTitle}</h2>
      <p class={`stream stream-${stream}`} role="status">
        {stream === 'live' ? t.liveConnected : stream === 'connecting' ? t.liveConnecting : t.liveReconnecting}
      </p>
      <section aria-labelledby="alerts-title" class="alerts">
        <h3 id="alerts-title">{t.alertsTitle}</h3>
        {/* In the page from the start, so that the first alert is announced as the others are. */}
        <div aria-live="polite" data-testid="live-alerts">
          {shown.length === 0 ? (
            <p>{t.noAlerts}</p>
          ) : (
            <ul>
              {shown.map((a) => (
                <li key={a.position} class={a.type === 'ClockBreached' ? 'breach' : 'warning'}>
                  <strong>{a.type === 'ClockBreached' ? t.alertBreached : t.alertWarning(percent(a.threshold ?? 0))}</strong>
                  {t.colon}
                  <ClockName workflow={a.workflow} clock={a.clock} name={a.name} />, <WorkflowName name={a.workflow} />, {region(a.region)}, {levelName(i18n, a.level)} —{' '}
                  <a href={href.case(a.caseId)}>{t.caseShort(caseName(a))}</a>, {t.due(instant(a.dueAt, a.region))}
                </li>
              ))}
            </ul>
          )}
          {readAgain ? (
            <p key={readAgain.times} class="hint">
              {t.listsReadAgain(instant(readAgain.asOf))}
            </p>
          ) : null}
        </div>
      </section>
      {reassigned ? (
        <p role="status" class="notice" tabIndex={-1} ref={reassignedShown}>
          <Fill
            sentence={t.reassignedNotice}
            labels={[reassigned.command, { text: reassigned.reference, lang: i18n.language }, { text: reassigned.people, lang: i18n.language }]}
          />
        </p>
      ) : null}
      <Status loaded={loaded}>
        {({ summary, atRisk, workflows: all, assigns }) => (
          <>
            <p class="hint">{t.countsAsOf(instant(summary.asOf))}</p>
            <Totals counts={summary.overall} />
            <div class="columns tables">
              <CountsTable id="by-workflow" title={t.byWorkflow} rows={summary.byWorkflow.map((r) => ({ ...r, key: r.workflow, label: <WorkflowName name={r.workflow} /> }))} />
              <CountsTable id="by-region" title={t.byRegion} rows={byRegionName(summary.byRegion, i18n.language, (r) => r.region).map((r) => ({ ...r, key: r.region, label: region(r.region) }))} />
              <CountsTable id="by-level" title={t.byLevel} rows={summary.byLevel.map((r) => ({ ...r, key: String(r.level), label: levelName(i18n, r.level) }))} />
            </div>
            <div class="columns">
              <OnTimeChart id="on-time-workflow" title={t.onTimeByWorkflow} bars={summary.byWorkflow.map((r) => bar(workflowTitle(all.find((w) => w.name === r.workflow), r.workflow).text, r))} />
              <OnTimeChart id="on-time-region" title={t.onTimeByRegion} bars={byRegionName(summary.byRegion, i18n.language, (r) => r.region).map((r) => bar(region(r.region), r))} />
              <OnTimeChart id="on-time-level" title={t.onTimeByLevel} bars={summary.byLevel.map((r) => bar(levelName(i18n, r.level), r))} />
            </div>
            <NeedsAttention version={version} workflows={all} />
            <section aria-labelledby="at-risk-title">
              <h3 id="at-risk-title">{t.atRiskTitle}</h3>
              <MorePages first={atRisk} path={AT_RISK} of="at-risk-title" keep>
                {(pages, more) => (
                  <>
                    <AtRisk
                      items={clocksOf(pages)}
                      assigns={assigns}
                      reassigning={reassigning}
                      onReassign={(item) => {
                        setReassigned(undefined);
                        setReassigning(item);
                      }}
                      onDone={afterReassigning}
                    />
                    {more ? <p class="hint">{t.soonestShown(clocksOf(pages).length)}</p> : null}
                  </>
                )}
              </MorePages>
            </section>
            {/* The workload per person is for those who hand out the work (GET /workload, workload.read): others are not shown it, nor is it asked for them. */}
            <WorkOverview version={version} workflows={all} workload={ROLE_PAGES[session.role].workload} />
          </>
        )}
      </Status>
    </section>
    </WorkflowsContext.Provider>
  );
}

/** The workflows as GET /workflows named them, for the names in the tables and the alerts. */
const WorkflowsContext = createContext<readonly WorkflowInfo[]>([]);

function WorkflowName({ name }: { name: string }) {
  const all = useContext(WorkflowsContext);
  return <L label={workflowTitle(all.find((w) => w.name === name), name)} />;
}

function ClockName({ workflow, clock, name }: { workflow: string; clock: string; name: string }) {
  const all = useContext(WorkflowsContext);
  return <L label={clockLabel(all.filter((w) => w.name === workflow), clock, name)} />;
}

/**
 * The workflows whose cases the signed-in role may assign: those with a command that assigns whose
 * grants (GET /workflows) name the role. Which of those commands a case allows now is for its state
 * to say: the reassign panel asks the case.
 */
function assigningWorkflows(workflows: readonly WorkflowInfo[], role: string): ReadonlySet<string> {
  return new Set(workflows.filter((w) => w.commands.some((c) => c.assigns === true && c.grants[role] !== undefined)).map((w) => w.name));
}

const bar = (label: string, counts: SlaCounts): Bar => ({ label, rate: counts.onTimeRate, settled: counts.met + counts.breached });

function Totals({ counts }: { counts: SlaCounts }) {
  const { t, number, percent } = useI18n();
  // The test ids are the tiles' English names, stable whatever the page's language.
  const tiles: [string, string, string, boolean][] = [
    ['running', t.tileRunning, number(counts.running), false],
    ['warned', t.tileWarned, number(counts.warned), false],
    ['overdue', t.tileOverdue, number(counts.overdue), false],
    ['paused', t.tilePaused, number(counts.paused), false],
    ['breached', t.tileBreached, number(counts.breached), counts.breached > 0],
    ['on-time', t.tileOnTime, counts.onTimeRate === null ? t.notApplicable : percent(counts.onTimeRate), false],
  ];
  return (
    <>
      <dl class="tiles" data-testid="sla-totals">
        {tiles.map(([id, label, value, alarm]) => (
          <div key={id} class={alarm ? 'tile alarm' : 'tile'}>
            <dt>{label}</dt>
            <dd data-testid={`total-${id}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <p class="hint">
        {t.tilesHint} {t.pausedHint}
      </p>
    </>
  );
}

function CountsTable({ id, title, rows }: { id: string; title: string; rows: readonly (SlaCounts & { key: string; label: ComponentChildren })[] }) {
  const { t, number } = useI18n();
  return (
    <div class="table-scroll">
      <table class="counts fold" id={id}>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colGroup}</th>
            <th scope="col">{t.tileRunning}</th>
            <th scope="col">{t.tileWarned}</th>
            <th scope="col">{t.tilePaused}</th>
            <th scope="col">{t.tileBreached}</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={5}>{t.noClocks}</td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                <td data-label={t.tileRunning}>{number(row.running)}</td>
                <td data-label={t.tileWarned}>{number(row.warned)}</td>
                <td data-label={t.tilePaused}>{number(row.paused)}</td>
                <td data-label={t.tileBreached}>{number(row.breached)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

const clockKey = (item: SlaClockItem) => `${item.caseId}:${item.clock}`;

function AtRisk(props: {
  items: readonly SlaClockItem[];
  /** The workflows whose cases the reader may assign: a case of another has no Reassign button, and with none the column is left out. */
  assigns: ReadonlySet<string>;
  /** The clock whose form is open: shown, marked, while its form is, even once a refresh has taken it off the list. */
  reassigning: SlaClockItem | undefined;
  onReassign: (item: SlaClockItem | undefined) => void;
  onDone: (result: CommandResult, command: Label) => void;
}) {
  const { t, instant, percent, region } = useI18n();
  const workflows = useContext(WorkflowsContext);
  const businessDays = useBusinessDays();
  const open = props.reassigning && clockKey(props.reassigning);
  const left = props.reassigning && !props.items.some((item) => clockKey(item) === open) ? props.reassigning : undefined;
  const items = left ? [...props.items, left] : props.items;
  if (items.length === 0) return <p>{t.noRunningClocks}</p>;
  const now = serviceNow();
  const reassigns = props.assigns.size > 0;
  return (
    <div class="table-scroll">
    <table class="at-risk fold wide">
      <thead>
        <tr>
          <th scope="col">{t.colDue}</th>
          <th scope="col">{t.colClock}</th>
          <th scope="col">{t.colWorkflow}</th>
          <th scope="col">{t.colRegion}</th>
          <th scope="col">{t.colCase}</th>
          {reassigns ? <th scope="col">{t.colReassign}</th> : null}
        </tr>
      </thead>
      <tbody>
        {[...items]
          .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
          .map((item) => {
            const key = clockKey(item);
            return (
              <Fragment key={key}>
                <tr class={item.overdue ? 'overdue' : item.warnedThresholds.length ? 'warned' : undefined}>
                  <td data-label={t.colDue}>
                    {instant(item.dueAt, item.region)}
                    <span class="hint"> ({daysLeft(t, businessDays(now, new Date(item.dueAt), item.region))})</span>
                    {item.overdue ? <strong>{t.overdue}</strong> : null}
                  </td>
                  <td data-label={t.colClock}>
                    <ClockName workflow={item.workflow} clock={item.clock} name={item.name} />
                    {item.warnedThresholds.length ? t.warnedList(item.warnedThresholds.map(percent).join(', ')) : ''}
                  </td>
                  <td data-label={t.colWorkflow}>
                    <WorkflowName name={item.workflow} />
                  </td>
                  <td data-label={t.colRegion}>{region(item.region)}</td>
                  <td data-label={t.colCase}>
                    <CaseLink item={item} workflow={workflows.find((w) => w.name === item.workflow)} />
                  </td>
                  {reassigns ? (
                    <td>
                      {props.assigns.has(item.workflow) ? (
                        <button
                          type="button"
                          class="secondary"
                          aria-expanded={open === key}
                          onClick={() => props.onReassign(open === key ? undefined : item)}
                        >
                          {t.reassign}
                          <span class="visually-hidden">{t.reassignCase(caseName(item))}</span>
                        </button>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
                {open === key ? (
                  <tr key={`${key}:form`}>
                    <td colSpan={6}>
                      {item === left ? (
                        <div class="notice" data-testid="reassign-left">
                          <p>{t.leftAtRisk(caseName(item))}</p>
                          <button type="button" class="secondary" onClick={() => props.onReassign(undefined)}>
                            {t.closeForm}
                          </button>
                        </div>
                      ) : null}
                      <ReassignPanel caseId={item.caseId} onDone={props.onDone} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
      </tbody>
    </table>
    </div>
  );
}
