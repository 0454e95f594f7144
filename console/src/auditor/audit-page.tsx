import { useEffect, useState } from 'preact/hooks';
import { Clocks } from '../practitioner/clocks';
import { humanize } from '../practitioner/schema';
import { Timeline } from '../practitioner/timeline';
import { WorkflowDiagram } from '../practitioner/workflow-diagram';
import { errorText } from '../shared/api';
import { formatInstant } from '../shared/business-days';
import { CasesPage } from '../shared/cases-page';
import { useConsole } from '../shared/context';
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
  const path = `/cases/${encodeURIComponent(caseId)}`;
  const [loaded] = useLoad(async () => {
    const items: HistoryItem[] = [];
    let page: HistoryPage | undefined;
    do {
      page = await api.get<HistoryPage>(`${path}/history?limit=1000&fromRevision=${page?.next ?? 0}`);
      items.push(...page.items);
    } while (page.next !== null);
    const workflow = (await workflows).find((w) => w.name === page.workflow && w.version === items[0]?.workflowVersion);
    return { items, workflow };
  }, caseId);
  const [verification] = useLoad(() => api.get<Verification>(`/audit/verify?caseId=${encodeURIComponent(caseId)}`), caseId);

  return (
    <section aria-labelledby="audit-title">
      <p>
        <a href={href.audit()}>← Back to the cases</a>
      </p>
      <h2 id="audit-title">
        Audit of case <code class="case-id">{caseId}</code>
      </h2>
      <div class="columns">
        <section aria-labelledby="verify-title">
          <h3 id="verify-title">Hash chain</h3>
          <Status loaded={verification}>
            {(v) => (
              <p class={v.ok ? 'verified' : 'tampered'} data-testid="verification" role="status">
                <strong>{v.ok ? '✔ Verified' : '✘ Tampering detected'}</strong>: {v.message}
              </p>
            )}
          </Status>
        </section>
        <section aria-labelledby="export-title">
          <h3 id="export-title">Export</h3>
          <ExportLinks caseId={caseId} />
        </section>
      </div>
      <Status loaded={loaded}>{({ items, workflow }) => <AsOf caseId={caseId} items={items} workflow={workflow} />}</Status>
    </section>
  );
}

/** The slider moves over the instants events were recorded at; the field below takes any instant. */
function AsOf({ caseId, items, workflow }: { caseId: string; items: readonly HistoryItem[]; workflow: WorkflowInfo | undefined }) {
  const { api } = useConsole();
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
        <h3 id="as-of-title">The case as of a moment</h3>
        <div class="field">
          <label for="as-of-slider">Moment ({instants.length} recorded instants)</label>
          <input
            id="as-of-slider"
            type="range"
            min={0}
            max={Math.max(0, instants.length - 1)}
            step={1}
            value={index}
            aria-valuetext={formatInstant(instants[index])}
            onInput={(e) => {
              const next = Number(e.currentTarget.value);
              setIndex(next);
              setAsOf(instants[next]!);
            }}
          />
          <output for="as-of-slider" data-testid="as-of-instant">
            {formatInstant(asOf)}
          </output>
        </div>
        <form
          class="field inline"
          onSubmit={(e) => {
            e.preventDefault();
            if (typed) setAsOf(typed);
          }}
        >
          <label for="as-of-typed">Or any instant</label>
          <input id="as-of-typed" type="text" size={30} placeholder="2026-03-02T09:00:00-05:00" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
          <button type="submit" class="secondary">
            Show
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
                State: <strong data-testid="as-of-state">{humanize(view.state.split('.').pop()!)}</strong>
              </span>
              <span>Status: {view.status}</span>
              <span>Revision {view.revision}</span>
              <span>Assigned to: {view.assignees?.length ? view.assignees.join(', ') : 'nobody'}</span>
            </p>
            {workflow ? <WorkflowDiagram workflow={workflow} current={view.state} /> : null}
            <Clocks clocks={view.clocks ?? []} now={new Date(asOf)} />
          </div>
        ) : null}
      </section>
      <section aria-labelledby="history-title">
        <h3 id="history-title">History</h3>
        <p class="hint">Events after the chosen moment are shown in italics.</p>
        <Timeline items={items} upTo={view?.revision} />
      </section>
    </>
  );
}
