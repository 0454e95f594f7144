import { useState } from 'preact/hooks';
import { REGION_NAMES } from '../../../domain/region-names';
import { useI18n } from '../i18n/i18n';
import { errorText } from './api';
import { CaseTable } from './case-table';
import { useConsole } from './context';
import { workflowTitle } from './labels';
import { ROLE_PAGES } from './roles';
import { Status } from './status';
import type { CasePage } from './types';
import { useLoad } from './use-load';

const PAGE = 100;

interface Filters {
  readonly status: 'open' | 'closed' | '';
  readonly workflow: string;
  readonly region: string;
}

/**
 * Every case the signed-in person may read (the API leaves out those they may not know exist),
 * narrowed by status, program and region, a hundred at a time.
 */
export function CasesPage() {
  const { api, session, workflows } = useConsole();
  const { t, region: regionName, number } = useI18n();
  const [filters, setFilters] = useState<Filters>({ status: 'open', workflow: '', region: '' });
  const query = new URLSearchParams({ limit: String(PAGE), ...Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== '')) }).toString();
  const [programs] = useLoad(() => workflows, 'workflows');
  const [loaded] = useLoad(() => Promise.all([api.get<CasePage>(`/cases?${query}`), workflows]), query);
  // The pages read after the first, for this query only: a new choice starts from the first again.
  const [more, setMore] = useState<{ query: string; pages: readonly CasePage[]; failed?: string }>({ query, pages: [] });
  const extra = more.query === query ? more : { query, pages: [] };
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<Filters>) => setFilters({ ...filters, ...change });
  const names = programs.status === 'ready' ? programs.value : [];
  return (
    <section aria-labelledby="cases-title">
      <h2 id="cases-title">{t.navCases}</h2>
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
            {Object.keys(REGION_NAMES).map((code) => (
              <option key={code} value={code}>
                {regionName(code)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <Status loaded={loaded}>
        {([first, all]) => {
          const pages = [first, ...extra.pages];
          const items = pages.flatMap((page) => page.items);
          const total = first.total ?? items.length;
          const next = pages[pages.length - 1]?.nextCursor;
          const showMore = async (cursor: string) => {
            setBusy(true);
            try {
              const page = await api.get<CasePage>(`/cases?${query}&cursor=${encodeURIComponent(cursor)}`);
              setMore({ query, pages: [...extra.pages, page] });
            } catch (error) {
              setMore({ ...extra, failed: errorText(error) });
            } finally {
              setBusy(false);
            }
          };
          return (
            <>
              <CaseTable
                items={items}
                staff={Object.assign({}, ...pages.map((page) => page.staff)) as CasePage['staff']}
                workflows={all}
                caption={items.length < total ? t.casesShown(number(items.length), number(total)) : t.caseCount(total)}
                audit={ROLE_PAGES[session.role].audits}
              />
              {extra.failed ? (
                <p role="alert" class="error">
                  {extra.failed}
                </p>
              ) : null}
              {next ? (
                <p>
                  <button type="button" class="secondary" disabled={busy} onClick={() => void showMore(next)}>
                    {t.showMoreCases(number(Math.min(PAGE, total - items.length)))}
                  </button>
                </p>
              ) : null}
            </>
          );
        }}
      </Status>
    </section>
  );
}
