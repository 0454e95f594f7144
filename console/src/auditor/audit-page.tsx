import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { Clocks } from '../practitioner/clocks';
import { Timeline } from '../practitioner/timeline';
import { WorkflowDiagram } from '../practitioner/workflow-diagram';
import { errorText } from '../shared/api';
import { CasesPage } from '../shared/cases-page';
import { useConsole } from '../shared/context';
import { L, stateLabel, workflowTitle } from '../shared/labels';
import { href } from '../shared/router';
import { Status } from '../shared/status';
import type { CaseView, HistoryItem, HistoryPage, Verification, WorkflowInfo } from '../shared/types';
import { useLoad } from '../shared/use-load';
import { ExportLinks } from './export-links';

/** Auditors: a case's history, the case as of any moment, its hash chain checked, its exports. */
export function AuditPage({ caseId }: { caseId?: string }) {
  if (!caseId) return <CasesPage />;
  return <CaseAudit caseId={caseId} />;
}

function CaseAudit({ caseId }: { caseId: string }) {
  const { api, workflows } = useConsole();
  const { t } = useI18n();
  const path = `/cases/${encodeURIComponent(caseId)}`;
  const [loaded] = useLoad(async () => {
    const items: HistoryItem[] = [];
    let page: HistoryPage | undefined;
    do {
      page = await api.get<HistoryPage>(`${path}/history?limit=1000&fromRevision=${page?.next ?? 0}`);
      items.push(...page.items);
    } while (page.next !== null);
    const workflow = (await workflows).find((w) => w.name === page.workflow && w.version === items[0]?.workflowVersion);
    return { items, workflow, workflowName: page.workflow };
  }, caseId);
  const [verification] = useLoad(() => api.get<Verification>(`/audit/verify?caseId=${encodeURIComponent(caseId)}`), caseId);

  return (
    <section aria-labelledby="audit-title">
      <p>
        <a href={href.audit()}>{t.backToCases}</a>
      </p>
      <h2 id="audit-title">
        {t.auditOf} <code class="case-id">{caseId}</code>
      </h2>
      <div class="columns">
        <section aria-labelledby="verify-title">
          <h3 id="verify-title">{t.hashChain}</h3>
          <Status loaded={verification}>
            {(v) => (
              <p class={v.ok ? 'verified' : 'tampered'} data-testid="verification" role="status">
                <strong>{v.ok ? t.verified : t.tampered}</strong>
                {t.colon}
                {/* What was found is the verifier's technical report, in English. */}
                {v.ok ? t.verifiedDetail(v.streams, v.events) : <span lang="en">{v.message}</span>}
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
        {({ items, workflow, workflowName }) => <AsOf caseId={caseId} items={items} workflow={workflow} workflowName={workflowName} />}
      </Status>
    </section>
  );
}

/** The slider moves over the instants events were recorded at; the field below takes any instant. */
function AsOf(props: { caseId: string; items: readonly HistoryItem[]; workflow: WorkflowInfo | undefined; workflowName: string }) {
  const { caseId, items, workflow } = props;
  const { api } = useConsole();
  const { t, instant } = useI18n();
  const instants = [...new Set(items.map((i) => i.recordedAt))].sort();
  const [index, setIndex] = useState(instants.length - 1);
  const [asOf, setAsOf] = useState(instants[instants.length - 1] ?? '');
  const [typed, setTyped] = useState('');
  const [view, setView] = useState<CaseView>();
  const [failure, setFailure] = useState<string>();

  useEffect(() => {
    if (!asOf) return;
    let current = true;
    api.get<CaseView>(`/cases/${encodeURIComponent(caseId)}/state?asOf=${encodeURIComponent(asOf)}`).then(
      (v) => current && (setView(v), setFailure(undefined)),
      (error: unknown) => current && setFailure(errorText(error)),
    );
    return () => {
      current = false;
    };
  }, [api, caseId, asOf]);

  return (
    <>
      <section aria-labelledby="as-of-title" class="as-of">
        <h3 id="as-of-title">{t.asOfTitle}</h3>
        <div class="field">
          <label for="as-of-slider">{t.moment(instants.length)}</label>
          <input
            id="as-of-slider"
            type="range"
            min={0}
            max={Math.max(0, instants.length - 1)}
            step={1}
            value={index}
            aria-valuetext={instant(instants[index], view?.region)}
            onInput={(e) => {
              const next = Number(e.currentTarget.value);
              setIndex(next);
              setAsOf(instants[next]!);
            }}
          />
          <output for="as-of-slider" data-testid="as-of-instant">
            {instant(asOf, view?.region)}
          </output>
        </div>
        <form
          class="field inline"
          onSubmit={(e) => {
            e.preventDefault();
            if (typed) setAsOf(typed);
          }}
        >
          <label for="as-of-typed">{t.anyInstant}</label>
          <input id="as-of-typed" type="text" size={30} placeholder={t.dateTimeExample} value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
          <button type="submit" class="secondary">
            {t.show}
          </button>
        </form>
        {failure ? (
          <p role="alert" class="error">
            {failure}
          </p>
        ) : null}
        {view ? (
          <div data-testid="as-of-view">
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
                {view.assignees?.length ? view.assignees.join(', ') : t.nobody}
              </span>
            </p>
            {workflow ? <WorkflowDiagram workflow={workflow} title={workflowTitle(workflow, props.workflowName)} current={view.state} /> : null}
            <Clocks clocks={view.clocks ?? []} workflow={workflow} region={view.region} now={new Date(asOf)} />
          </div>
        ) : null}
      </section>
      <section aria-labelledby="history-title">
        <h3 id="history-title">{t.history}</h3>
        <p class="hint">{t.laterInItalics}</p>
        <Timeline items={items} upTo={view?.revision} region={view?.region} />
      </section>
    </>
  );
}
