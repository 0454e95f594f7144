import { useI18n } from '../i18n/i18n';
import { CaseTable } from '../shared/case-table';
import { useConsole } from '../shared/context';
import { Status } from '../shared/status';
import type { CasePage } from '../shared/types';
import { useLoad } from '../shared/use-load';

/** The cases assigned to the signed-in practitioner, the nearest deadline first. */
export function CaseloadPage() {
  const { api, session, workflows } = useConsole();
  const { t } = useI18n();
  const [loaded] = useLoad(() => Promise.all([api.get<CasePage>(`/caseload/${encodeURIComponent(session.id)}`), workflows]), session.id);
  return (
    <section aria-labelledby="caseload-title">
      <h2 id="caseload-title">{t.navCaseload}</h2>
      <Status loaded={loaded}>
        {([page, all]) => <CaseTable items={[...page.items].sort(byDue)} workflows={all} caption={t.assignedCount(page.items.length)} />}
      </Status>
    </section>
  );
}

const byDue = (a: { nextDueAt: string | null }, b: { nextDueAt: string | null }) =>
  (a.nextDueAt ?? '9999').localeCompare(b.nextDueAt ?? '9999');
