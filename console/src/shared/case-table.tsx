import { humanize } from '../practitioner/schema';
import { businessDaysLeft, formatInstant } from './business-days';
import { href } from './router';
import type { CaseSummary } from './types';

/** Cases as a table; each row opens the case page (or, for auditors, the audit page). */
export function CaseTable({ items, caption, audit = false }: { items: readonly CaseSummary[]; caption: string; audit?: boolean }) {
  if (items.length === 0) return <p>No cases.</p>;
  const now = new Date();
  return (
    <table class="cases">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Case</th>
          <th scope="col">Workflow</th>
          <th scope="col">State</th>
          <th scope="col">Region</th>
          <th scope="col">Assigned to</th>
          <th scope="col">Next due</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.caseId}>
            <th scope="row">
              <a href={audit ? href.audit(item.caseId) : href.case(item.caseId)}>
                <code>{item.caseId.slice(0, 8)}</code>
                <span class="visually-hidden"> (open case {item.caseId})</span>
              </a>
            </th>
            <td>{humanize(item.workflow)}</td>
            <td>
              {humanize(item.state.split('.').pop()!)}
              {item.status === 'closed' ? ' (closed)' : ''}
            </td>
            <td>{item.region}</td>
            <td>{item.assignees.join(', ') || '—'}</td>
            <td>
              {item.nextDueAt ? (
                <>
                  {formatInstant(item.nextDueAt)} <span class="hint">(≈ {businessDaysLeft(now, new Date(item.nextDueAt))} business days)</span>
                </>
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
