import { useCallback, useEffect, useState } from 'preact/hooks';
import { REGION_TIME_ZONES } from '../../../domain/region-time-zones';
import { useI18n } from '../i18n/i18n';
import { Clocks } from '../practitioner/clocks';
import { Timeline } from '../practitioner/timeline';
import { WorkflowDiagram } from '../practitioner/workflow-diagram';
import { errorText } from '../shared/api';
import { withReadableTimes } from '../practitioner/command-form';
import { localDate } from '../practitioner/event-data';
import { CasesPage } from '../shared/cases-page';
import { PageStaff, staffNames, useConsole, usePeople } from '../shared/context';
import { clockLabel, L, stateLabel, workflowTitle } from '../shared/labels';
import { href } from '../shared/router';
import { Status } from '../shared/status';
import type { CaseAsOf, HistoryItem, Verification, WorkflowInfo } from '../shared/types';
import { wholeHistory } from '../shared/history';
import { useLoad } from '../shared/use-load';
import { zonedToIso } from '../shared/zoned-time';
import { CaseReads } from './case-reads';
import { ExportLinks } from './export-links';
import { serviceNow } from '../shared/service-clock';

/** Auditors: a case's history, the case as of any moment, its hash chain checked, its exports. */
export function AuditPage({ caseId }: { caseId?: string }) {
  if (!caseId) return <CasesPage />;
  return <CaseAudit caseId={caseId} />;
}

function CaseAudit({ caseId }: { caseId: string }) {
  const { api, workflows } = useConsole();
  const { t } = useI18n();
  const [loaded] = useLoad(async () => {
    const { items, staff, workflow: workflowName, reference } = await wholeHistory(api, caseId);
    const workflow = (await workflows).find((w) => w.name === workflowName && w.version === items[0]?.workflowVersion);
    return { items, staff: staffNames(staff), workflow, workflowName, reference };
  }, caseId);
  const [verification] = useLoad(() => api.get<Verification>(`/audit/verify?caseId=${encodeURIComponent(caseId)}`), caseId);
  const [asOfSettled, setAsOfSettled] = useState(false);
  const settled = useCallback(() => setAsOfSettled(true), []);

  return (
    <section aria-labelledby="audit-title">
      <p>
        <a href={href.audit()}>{t.backToCases}</a>
      </p>
      <h2 id="audit-title">
        {/* Its reference, as staff know it, once the history says it; the id until then. */}
        {t.auditOf} <code class="case-id">{(loaded.status === 'ready' ? loaded.value.reference : null) ?? caseId}</code>
      </h2>
      <div class="columns">
        <section aria-labelledby="verify-title">
          <h3 id="verify-title">{t.hashChain}</h3>
          <Status loaded={verification}>
            {(v) => (
              <p class={v.verdict} data-testid="verification" role="status">
                <strong>{t[v.verdict]}</strong>
                {t.colon}
                {v.verdict === 'verified' ? t.verifiedDetail(v.streams, v.events) : null}
                {v.verdict === 'unverifiable' ? t.unverifiableDetail(v.streams, v.events) : null}
                {/* What was found, in the verifier's words: the API says them in the page's language. */}
                {v.verdict === 'tampered' ? v.message : null}
              </p>
            )}
          </Status>
        </section>
        <section aria-labelledby="export-title">
          <h3 id="export-title">{t.exportTitle}</h3>
          <ExportLinks caseId={caseId} />
        </section>
      </div>
      <Status loaded={loaded}>
        {({ items, staff, workflow, workflowName }) => (
          <PageStaff.Provider value={staff}>
            <AsOf caseId={caseId} items={items} workflow={workflow} workflowName={workflowName} onSettled={settled} />
            {/* Read once the page's own reads are answered (each recorded before its answer): the list has them. */}
            {asOfSettled ? <CaseReads caseId={caseId} /> : null}
          </PageStaff.Provider>
        )}
      </Status>
    </section>
  );
}

type Axis = 'business' | 'recorded';

/** The due times the case's clocks had, from their started and resumed events: moments an auditor wants to stop at. */
function dueTimes(items: readonly HistoryItem[]): string[] {
  return items.flatMap((item) => {
    const due = (item.data as { dueAt?: unknown } | null)?.dueAt;
    return (item.type === 'ClockStarted' || item.type === 'ClockResumed') && typeof due === 'string' ? [new Date(due).toISOString()] : [];
  });
}

/** The instants of one axis the slider stops at, in time order: business time has the events and the due times, recorded time the log's instants. */
function stopsOf(items: readonly HistoryItem[], axis: Axis): { at: string; due: boolean }[] {
  const iso = (value: string) => new Date(value).toISOString();
  if (axis === 'recorded') return [...new Set(items.map((i) => iso(i.recordedAt)))].sort().map((at) => ({ at, due: false }));
  const events = new Set(items.map((i) => iso(i.occurredAt)));
  // Due times still to come are no moment of the case's past.
  const now = serviceNow().toISOString();
  const dues = new Set(dueTimes(items).filter((d) => !events.has(d) && d <= now));
  return [...new Set([...events, ...dues])].sort().map((at) => ({ at, due: dues.has(at) }));
}

/**
 * The moment the page opens on, before one is chosen: the last the log records, when everything in
 * the history had happened and was recorded. At the last event's own occurredAt, that very event,
 * recorded a few milliseconds later as every step is, would be said to be "entered later".
 */
function latestMoment(items: readonly HistoryItem[]): string {
  const moments = items.flatMap((item) => [item.occurredAt, item.recordedAt].map((at) => new Date(at).toISOString()));
  return moments.reduce((latest, at) => (at > latest ? at : latest), '');
}

const zoneOf = (region: string | undefined): string => (REGION_TIME_ZONES as Record<string, string>)[region ?? 'ON'] ?? REGION_TIME_ZONES.ON;

/**
 * The case as of a moment, on either axis of time: business time (what had happened by then, by
 * occurredAt) or recorded time (what the log held then). The slider stops at the axis's instants;
 * the date and time field takes any moment, in the case's time zone.
 */
function AsOf(props: { caseId: string; items: readonly HistoryItem[]; workflow: WorkflowInfo | undefined; workflowName: string; onSettled?: () => void }) {
  const { caseId, items, workflow, onSettled } = props;
  const { api } = useConsole();
  const person = usePeople();
  const i18n = useI18n();
  const { t, instant, percent, language, zone: zoneName } = i18n;
  const [axis, setAxis] = useState<Axis>('business');
  const stops = stopsOf(items, axis);
  const [index, setIndex] = useState(stops.length - 1);
  const [asOf, setAsOf] = useState(() => latestMoment(items));
  const [typed, setTyped] = useState('');
  const [view, setView] = useState<CaseAsOf>();
  // The moment and axis the view shown answers: until the one asked for arrives, the view says it is busy.
  const [viewOf, setViewOf] = useState('');
  const [failure, setFailure] = useState<string>();
  const region = view?.region ?? (items[0]?.data as { region?: string } | null)?.region;

  useEffect(() => {
    if (!asOf) return;
    let current = true;
    api
      .get<CaseAsOf>(`/cases/${encodeURIComponent(caseId)}/state?asOf=${encodeURIComponent(asOf)}&axis=${axis}`)
      .then(
        (v) => current && (setView(v), setViewOf(`${axis} ${asOf}`), setFailure(undefined)),
        // A moment refused shows no view: the one before would stand under a moment it is not of.
        // Its times written as people read them, in the case's zone.
        (error: unknown) =>
          current && (setView(undefined), setViewOf(''), setFailure(withReadableTimes(errorText(error), (iso) => instant(iso, region), (date) => localDate(date, language)))),
      )
      .finally(() => onSettled?.());
    return () => {
      current = false;
    };
  }, [api, caseId, asOf, axis, onSettled]);

  // Changing axis keeps the moment shown, on the other axis (what had happened by then, what the log held
  // then), and the slider moves to the last stop at or before it. A moment before the other axis's first
  // stop is none the case has on it, and the API would refuse it: the case's first event occurred a moment
  // before the log recorded it, so its first business stop is before the first recorded one. Then the
  // moment becomes that axis's first stop.
  const chooseAxis = (next: Axis) => {
    const nextStops = stopsOf(items, next);
    // As instants: a typed moment carries its zone's offset (`…T12:00:00-05:00`), the stops are in UTC.
    const at = nextStops.findLastIndex((stop) => Date.parse(stop.at) <= Date.parse(asOf));
    setAxis(next);
    setIndex(Math.max(at, 0));
    if (at < 0 && nextStops[0]) setAsOf(nextStops[0].at);
  };
  const derived = (view?.clocks ?? []).filter((c) => c.breachDerived);
  const warned = (view?.clocks ?? []).flatMap((clock) => (clock.warningsDerived ?? []).map((warning) => ({ clock, warning })));
  const zone = zoneOf(region);

  return (
    <>
      <section aria-labelledby="as-of-title" class="as-of">
        <h3 id="as-of-title">{t.asOfTitle}</h3>
        <fieldset>
          <legend>{t.axisLegend}</legend>
          {(['business', 'recorded'] as const).map((value) => (
            <label key={value}>
              <input type="radio" name="as-of-axis" value={value} checked={axis === value} onChange={() => chooseAxis(value)} />{' '}
              {value === 'business' ? t.axisBusiness : t.axisRecorded}
            </label>
          ))}
        </fieldset>
        <div class="field">
          <label for="as-of-slider">{axis === 'business' ? t.stopsBusiness(stops.length) : t.stopsRecorded(stops.length)}</label>
          <input
            id="as-of-slider"
            type="range"
            min={0}
            max={Math.max(0, stops.length - 1)}
            step={1}
            value={index}
            aria-valuetext={`${instant(stops[index]?.at, region)}${stops[index]?.due ? t.dueStop : ''}`}
            onInput={(e) => {
              const next = Number(e.currentTarget.value);
              setIndex(next);
              setAsOf(stops[next]!.at);
            }}
          />
          <output for="as-of-slider" data-testid="as-of-instant">
            {instant(asOf, region)}
            {stops.find((s) => s.at === asOf)?.due ? t.dueStop : ''}
          </output>
        </div>
        <form
          class="field inline"
          onSubmit={(e) => {
            e.preventDefault();
            const at = typed ? zonedToIso(typed, zoneOf(region)) : undefined;
            if (at) setAsOf(at);
          }}
        >
          <label for="as-of-typed">{t.pickInstant}</label>
          <input id="as-of-typed" type="datetime-local" aria-describedby="as-of-typed-hint" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
          <button type="submit" class="secondary">
            {t.show}
          </button>
          <p id="as-of-typed-hint" class="hint">
            {t.pickInstantHint(zoneName(zone, asOf))}
          </p>
        </form>
        {failure ? (
          <p role="alert" class="error">
            {failure}
          </p>
        ) : null}
        {view ? (
          <div data-testid="as-of-view" aria-busy={viewOf === `${axis} ${asOf}` ? 'false' : 'true'}>
            <p class="facts">
              <span>
                {t.state}
                {t.colon}
                <strong data-testid="as-of-state">
                  <L label={stateLabel(workflow, view.state)} />
                </strong>
              </span>
              <span>
                {t.status}
                {t.colon}
                {view.status === 'closed' ? t.statusClosed : t.statusOpen}
              </span>
              <span>{t.revision(view.revision)}</span>
              <span>
                {t.assignedTo}
                {t.colon}
                {view.assignees.length ? view.assignees.map(person).join(', ') : t.nobody}
              </span>
            </p>
            {view.enteredLater.length > 0 ? (
              <p class="notice" data-testid="entered-later">
                {t.enteredLaterNote(view.enteredLater.length)}
              </p>
            ) : null}
            {workflow ? <WorkflowDiagram workflow={workflow} title={workflowTitle(workflow, props.workflowName)} current={view.state} /> : null}
            <Clocks clocks={view.clocks ?? []} workflow={workflow} region={view.region} now={new Date(view.asOf)} />
            {/* In the order they fell due: the warnings, then the breach. */}
            {warned.length > 0 ? (
              <ul class="plain" data-testid="derived-warnings">
                {warned.map(({ clock, warning }) => (
                  <li key={`${clock.clock}@${warning.threshold}`} class="derived-warning">
                    <strong>
                      <L label={clockLabel([workflow], clock.clock, clock.name)} />
                    </strong>
                    {t.colon}
                    {t.warnedAsOf(percent(warning.threshold), instant(warning.at, view.region))}{' '}
                    {warning.recordedAt
                      ? t.warningRecordedLater(instant(axis === 'business' ? warning.occurredAt : warning.recordedAt, view.region))
                      : t.warningNotRecorded}
                  </li>
                ))}
              </ul>
            ) : null}
            {derived.length > 0 ? (
              <ul class="plain" data-testid="derived-breaches">
                {derived.map((clock) => (
                  <li key={clock.clock} class="derived-breach">
                    <strong>
                      <L label={clockLabel([workflow], clock.clock, clock.name)} />
                    </strong>
                    {t.colon}
                    {t.breachedAsOf(instant(clock.dueAt, view.region))}{' '}
                    {/* When the breach was recorded later: by business time on that axis, by the log's time on the other. */}
                    {clock.breachDerived?.recordedAt
                      ? t.breachRecordedLater(instant(axis === 'business' ? clock.breachDerived.occurredAt : clock.breachDerived.recordedAt, view.region))
                      : t.breachNotRecorded}
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : null}
      </section>
      <section aria-labelledby="history-title">
        <h3 id="history-title">{t.history}</h3>
        <p class="hint">{t.laterInItalics}</p>
        <Timeline items={items} upTo={view?.revision} region={view?.region} workflow={workflow} enteredLater={view?.enteredLater ?? []} />
      </section>
    </>
  );
}
