import { useState } from 'preact/hooks';
import { CaseTable } from './case-table';
import { useConsole } from './context';
import { Status } from './status';
import type { CasePage } from './types';
import { useLoad } from './use-load';

/** Every case the signed-in person may read: the API leaves out those they may not know exist. */
export function CasesPage() {
  const { api, session } = useConsole();
  const [status, setStatus] = useState<'open' | 'closed' | ''>('open');
  const [loaded] = useLoad(() => api.get<CasePage>(`/cases?limit=200${status ? `&status=${status}` : ''}`), status);
  return (
    <section aria-labelledby="cases-title">
      <h2 id="cases-title">Cases</h2>
      <div class="field inline">
        <label for="case-status">Show</label>
        <select id="case-status" value={status} onChange={(e) => setStatus(e.currentTarget.value as typeof status)}>
          <option value="open">Open cases</option>
          <option value="closed">Closed cases</option>
          <option value="">All cases</option>
        </select>
      </div>
      <Status loaded={loaded}>
        {(page) => <CaseTable items={page.items} caption={count(page.total ?? page.items.length)} audit={session.role === 'auditor'} />}
      </Status>
    </section>
  );
}

const count = (n: number) => (n === 1 ? '1 case' : `${n} cases`);
