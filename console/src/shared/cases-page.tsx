import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { CaseTable } from './case-table';
import { useConsole } from './context';
import { ROLE_PAGES } from './roles';
import { Status } from './status';
import type { CasePage } from './types';
import { useLoad } from './use-load';

/** Every case the signed-in person may read: the API leaves out those they may not know exist. */
export function CasesPage() {
  const { api, session, workflows } = useConsole();
  const { t } = useI18n();
  const [status, setStatus] = useState<'open' | 'closed' | ''>('open');
  const [loaded] = useLoad(() => Promise.all([api.get<CasePage>(`/cases?limit=200${status ? `&status=${status}` : ''}`), workflows]), status);
  return (
    <section aria-labelledby="cases-title">
      <h2 id="cases-title">{t.navCases}</h2>
      <div class="field inline">
        <label for="case-status">{t.show}</label>
        <select id="case-status" value={status} onChange={(e) => setStatus(e.currentTarget.value as typeof status)}>
          <option value="open">{t.openCases}</option>
          <option value="closed">{t.closedCases}</option>
          <option value="">{t.allCases}</option>
        </select>
      </div>
      <Status loaded={loaded}>
        {([page, all]) => (
          <CaseTable items={page.items} staff={page.staff} workflows={all} caption={t.caseCount(page.total ?? page.items.length)} audit={ROLE_PAGES[session.role].audits} />
        )}
      </Status>
    </section>
  );
}
