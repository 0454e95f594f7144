import { useState } from 'preact/hooks';
import { byRegionName, REGION_NAMES } from '../../../domain/region-names';
import { useI18n } from '../i18n/i18n';
import { CaseTable } from './case-table';
import { useConsole, usePeople } from './context';
import { workflowTitle } from './labels';
import { MorePages } from './more-pages';
import { ROLE_PAGES } from './roles';
import { href } from './router';
import { Status } from './status';
import type { CasePage, WorkflowInfo } from './types';
import { useLoad } from './use-load';

const PAGE = 100;
const shown = (pages: readonly CasePage[]) => pages.reduce((n, page) => n + page.items.length, 0);
// Each page counts every case the query finds; the first's count is the one the list started from.
const total = (pages: readonly CasePage[]) => pages[0]?.total ?? shown(pages);

interface Filters {
  readonly status: 'open' | 'closed' | '';
  readonly workflow: string;
  readonly region: string;
  readonly assignee: string;
}

/**
 * Every case the signed-in person may read (the API leaves out those they may not know exist),
 * narrowed by status, program and region, a hundred at a time; or those given to one person
 * (the supervisor's workload links each person's to it).
 */
export function CasesPage({ assignee }: { assignee?: string | undefined }) {
  const { api, session, workflows } = useConsole();
  const { t, language, region: regionName, number } = useI18n();
  const person = usePeople();
  const [filters, setFilters] = useState<Filters>({ status: 'open', workflow: '', region: '', assignee: assignee ?? '' });
  const query = new URLSearchParams({ limit: String(PAGE), ...Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== '')) }).toString();
  const [programs] = useLoad(() => workflows, 'workflows');
  const [loaded] = useLoad(() => Promise.all([api.get<CasePage>(`/cases?${query}`), workflows]), query);
  // Once a filter changes, what the list now holds is said politely, as the caption now reads: the change happens away from the focus.
  const [changed, setChanged] = useState(false);
  const set = (change: Partial<Filters>) => {
    setChanged(true);
    setFilters({ ...filters, ...change });
  };
  const caption = (pages: readonly CasePage[]) => (shown(pages) < total(pages) ? t.casesShown(number(shown(pages)), number(total(pages))) : t.caseCount(total(pages)));
  const said = changed && loaded.status === 'ready' ? (total([loaded.value[0]]) === 0 ? t.noCases : caption([loaded.value[0]])) : '';
  // The programs whose cases this role may read: a filter on any other would always show nothing.
  const readable = (w: WorkflowInfo) => !['hidden', 'denied'].includes(w.readScope[session.role] ?? 'hidden');
  const names = programs.status === 'ready' ? programs.value.filter(readable) : [];
  return (
    <section aria-labelledby="cases-title">
      <h2 id="cases-title">{assignee ? t.casesAssignedTo(person(assignee)) : t.navCases}</h2>
      {assignee ? (
        <p>
          <a href={href.cases()}>{t.everyonesCases}</a>
        </p>
      ) : null}
      <div class="filters">
        <div class="field inline">
          <label for="case-status">{t.show}</label>
          <select id="case-status" value={filters.status} onChange={(e) => set({ status: e.currentTarget.value as Filters['status'] })}>
            <option value="open">{t.openCases}</option>
            <option value="closed">{t.closedCases}</option>
            <option value="">{t.allCases}</option>
          </select>
        </div>
        <div class="field inline">
          <label for="case-workflow">{t.colWorkflow}</label>
          <select id="case-workflow" class="wide" value={filters.workflow} onChange={(e) => set({ workflow: e.currentTarget.value })}>
            <option value="">{t.everyProgram}</option>
            {names.map((w) => (
              <option key={w.name} value={w.name}>
                {workflowTitle(w, w.name).text}
              </option>
            ))}
          </select>
        </div>
        <div class="field inline">
          <label for="case-region">{t.colRegion}</label>
          <select id="case-region" value={filters.region} onChange={(e) => set({ region: e.currentTarget.value })}>
            <option value="">{t.everyRegion}</option>
            {byRegionName(Object.keys(REGION_NAMES), language).map((code) => (
              <option key={code} value={code}>
                {regionName(code)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p role="status" class="visually-hidden">
        {said}
      </p>
      <Status loaded={loaded}>
        {([first, all]) => (
          <MorePages first={first} path={`/cases?${query}`} more={(pages) => t.showMoreCases(number(Math.min(PAGE, total(pages) - shown(pages))))}>
            {(pages) => (
              <CaseTable
                items={pages.flatMap((page) => page.items)}
                staff={Object.assign({}, ...pages.map((page) => page.staff)) as CasePage['staff']}
                workflows={all}
                caption={caption(pages)}
                audit={ROLE_PAGES[session.role].audits}
              />
            )}
          </MorePages>
        )}
      </Status>
    </section>
  );
}
