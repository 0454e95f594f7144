import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { humanize } from '../practitioner/schema';
import { businessDaysLeft, formatInstant } from '../shared/business-days';
import { useConsole } from '../shared/context';
import { href } from '../shared/router';
import { Status } from '../shared/status';
import type { SlaAlert, SlaClockItem, SlaCounts, SlaSummary } from '../shared/types';
import { useLoad } from '../shared/use-load';
import { OnTimeChart, type Bar } from './on-time-chart';
import { ReassignPanel } from './reassign-panel';
import { followSlaStream, type StreamState } from './sla-stream';

interface Board {
  readonly summary: SlaSummary;
  readonly atRisk: readonly SlaClockItem[];
}

const levelName = (level: number | null) => (level === null ? 'No level' : `Level ${level}`);

/** Supervisors: clocks by workflow, region and level, the on-time rate, the at-risk list, live alerts. */
export function SlaDashboard() {
  const { api } = useConsole();
  const [version, setVersion] = useState(0);
  const [alerts, setAlerts] = useState<readonly SlaAlert[]>([]);
  const [stream, setStream] = useState<StreamState>('connecting');
  const [reassigning, setReassigning] = useState<string>();
  const [loaded] = useLoad<Board>(async () => {
    const [summary, clocks] = await Promise.all([
      api.get<SlaSummary>('/sla/summary'),
      api.get<{ items: SlaClockItem[] }>('/sla/clocks?status=running&limit=100'),
    ]);
    return { summary, atRisk: clocks.items };
  }, String(version));

  useEffect(
    () =>
      followSlaStream(
        api,
        (alert) => {
          setAlerts((old) => [alert, ...old].slice(0, 50));
          setVersion((v) => v + 1);
        },
        setStream,
      ),
    [api],
  );

  return (
    <section aria-labelledby="sla-title">
      <h2 id="sla-title">SLA dashboard</h2>
      <p class={`stream stream-${stream}`} role="status">
        Live updates: {stream === 'live' ? 'connected' : stream === 'connecting' ? 'connecting…' : 'reconnecting…'}
      </p>
      <section aria-labelledby="alerts-title" class="alerts">
        <h3 id="alerts-title">Warnings and breaches as they happen</h3>
        {alerts.length === 0 ? (
          <p>None since you opened this page.</p>
        ) : (
          <ul aria-live="polite" data-testid="live-alerts">
            {alerts.map((a) => (
              <li key={a.position} class={a.type === 'ClockBreached' ? 'breach' : 'warning'}>
                <strong>{a.type === 'ClockBreached' ? 'Breached' : `Warning (${Math.round((a.threshold ?? 0) * 100)}%)`}</strong>: {a.name},{' '}
                {humanize(a.workflow)}, {a.region}, {levelName(a.level)} — <a href={href.case(a.caseId)}>case {a.caseId.slice(0, 8)}</a>, due{' '}
                {formatInstant(a.dueAt)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <Status loaded={loaded}>
        {({ summary, atRisk }) => (
          <>
            <p class="hint">Counts as of {formatInstant(summary.asOf)}</p>
            <Totals counts={summary.overall} />
            <div class="columns">
              <CountsTable title="By workflow" rows={summary.byWorkflow.map((r) => ({ ...r, label: humanize(r.workflow) }))} />
              <CountsTable title="By region" rows={summary.byRegion.map((r) => ({ ...r, label: r.region }))} />
              <CountsTable title="By level" rows={summary.byLevel.map((r) => ({ ...r, label: levelName(r.level) }))} />
            </div>
            <div class="columns">
              <OnTimeChart title="On-time rate by workflow" bars={summary.byWorkflow.map((r) => bar(humanize(r.workflow), r))} />
              <OnTimeChart title="On-time rate by region" bars={summary.byRegion.map((r) => bar(r.region, r))} />
              <OnTimeChart title="On-time rate by level" bars={summary.byLevel.map((r) => bar(levelName(r.level), r))} />
            </div>
            <section aria-labelledby="at-risk-title">
              <h3 id="at-risk-title">At risk: running clocks, earliest due first</h3>
              <AtRisk items={atRisk} reassigning={reassigning} onReassign={setReassigning} onDone={() => setVersion((v) => v + 1)} />
            </section>
          </>
        )}
      </Status>
    </section>
  );
}

const bar = (label: string, counts: SlaCounts): Bar => ({ label, rate: counts.onTimeRate, settled: counts.met + counts.breached });

function Totals({ counts }: { counts: SlaCounts }) {
  const tiles: [string, number | string][] = [
    ['Running', counts.running],
    ['Warned', counts.warned],
    ['Overdue', counts.overdue],
    ['Breached', counts.breached],
    ['On time', counts.onTimeRate === null ? 'n/a' : `${Math.round(counts.onTimeRate * 100)}%`],
  ];
  return (
    <dl class="tiles" data-testid="sla-totals">
      {tiles.map(([label, value]) => (
        <div key={label} class={label === 'Breached' && value !== 0 ? 'tile alarm' : 'tile'}>
          <dt>{label}</dt>
          <dd data-testid={`total-${label.toLowerCase().replace(/ /g, '-')}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function CountsTable({ title, rows }: { title: string; rows: readonly (SlaCounts & { label: string })[] }) {
  return (
    <table class="counts">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">Group</th>
          <th scope="col">Running</th>
          <th scope="col">Warned</th>
          <th scope="col">Breached</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={4}>No clocks.</td>
          </tr>
        ) : (
          rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>{row.running}</td>
              <td>{row.warned}</td>
              <td>{row.breached}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}

function AtRisk(props: { items: readonly SlaClockItem[]; reassigning: string | undefined; onReassign: (caseId: string | undefined) => void; onDone: () => void }) {
  if (props.items.length === 0) return <p>No running clocks.</p>;
  const now = new Date();
  return (
    <table class="at-risk">
      <thead>
        <tr>
          <th scope="col">Due</th>
          <th scope="col">Clock</th>
          <th scope="col">Workflow</th>
          <th scope="col">Region</th>
          <th scope="col">Case</th>
          <th scope="col">Reassign</th>
        </tr>
      </thead>
      <tbody>
        {[...props.items]
          .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
          .map((item) => {
            const key = `${item.caseId}:${item.clock}`;
            return (
              <Fragment key={key}>
                <tr class={item.overdue ? 'overdue' : item.warnedThresholds.length ? 'warned' : undefined}>
                  <td>
                    {formatInstant(item.dueAt)}
                    <span class="hint"> (≈ {businessDaysLeft(now, new Date(item.dueAt))} business days)</span>
                    {item.overdue ? <strong> overdue</strong> : null}
                  </td>
                  <td>
                    {item.name}
                    {item.warnedThresholds.length ? ` — warned ${item.warnedThresholds.map((t) => `${Math.round(t * 100)}%`).join(', ')}` : ''}
                  </td>
                  <td>{humanize(item.workflow)}</td>
                  <td>{item.region}</td>
                  <td>
                    <a href={href.case(item.caseId)}>{item.caseId.slice(0, 8)}</a>
                  </td>
                  <td>
                    <button
                      type="button"
                      class="secondary"
                      aria-expanded={props.reassigning === key}
                      onClick={() => props.onReassign(props.reassigning === key ? undefined : key)}
                    >
                      Reassign<span class="visually-hidden"> case {item.caseId.slice(0, 8)}</span>
                    </button>
                  </td>
                </tr>
                {props.reassigning === key ? (
                  <tr key={`${key}:form`}>
                    <td colSpan={6}>
                      <ReassignPanel caseId={item.caseId} onDone={props.onDone} />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            );
          })}
      </tbody>
    </table>
  );
}
