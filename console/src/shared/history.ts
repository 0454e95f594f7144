import type { Api } from './api';
import type { HistoryPage } from './types';

/**
 * A case's whole history, page after page, as one: every event, and the names of the staff any
 * page names. The case page and the audit page both show all of it, however long the case.
 */
export async function wholeHistory(api: Api, caseId: string): Promise<HistoryPage> {
  const path = `/cases/${encodeURIComponent(caseId)}/history?limit=1000`;
  let page = await api.get<HistoryPage>(path);
  const items = [...page.items];
  const staff = { ...page.staff };
  while (page.next !== null) {
    page = await api.get<HistoryPage>(`${path}&fromRevision=${page.next}`);
    items.push(...page.items);
    Object.assign(staff, page.staff);
  }
  return { ...page, items, staff };
}
