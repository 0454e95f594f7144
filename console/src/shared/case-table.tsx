import { useI18n } from '../i18n/i18n';
import { hasPassed } from './business-days';
import { PageStaff, staffNames, useBusinessDays, usePeople } from './context';
import { CaseLink } from './case-link';
import { L, stateLabel, workflowTitle } from './labels';
import type { CaseSummary, WorkflowInfo } from './types';
import { serviceNow } from './service-clock';

interface CaseTableProps {
  readonly items: readonly CaseSummary[];
  /** The names of the staff the cases are assigned to, as the list answered them (`staff`). */
  readonly staff: Readonly<Record<string, string>>;
  readonly workflows: readonly WorkflowInfo[];
  readonly caption: string;
  readonly audit?: boolean;
}

/** Cases as a table; each row opens the case page (or, for auditors, the audit page). */
export function CaseTable(props: CaseTableProps) {
  return (
    <PageStaff.Provider value={staffNames(props.staff)}>
      <Rows {...props} />
    </PageStaff.Provider>
  );
}

function Rows(props: CaseTableProps) {
  const { items, caption, audit = false } = props;
  const workflow = (name: string) => props.workflows.find((w) => w.name === name);
  const { t, instant, region } = useI18n();
  const person = usePeople();
  const businessDays = useBusinessDays();
  if (items.length === 0) return <p>{t.noCases}</p>;
  const now = serviceNow();
  return (
    <div class="table-scroll">
      <table class="cases fold">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.colCase}</th>
            <th scope="col">{t.colWorkflow}</th>
            <th scope="col">{t.colState}</th>
            <th scope="col">{t.colRegion}</th>
            <th scope="col">{t.colAssignedTo}</th>
            <th scope="col">{t.colNextDue}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.caseId}>
              <th scope="row">
                <CaseLink item={item} workflow={workflow(item.workflow)} audit={audit} />
              </th>
              <td data-label={t.colWorkflow}>
                <L label={workflowTitle(workflow(item.workflow), item.workflow)} />
              </td>
              <td data-label={t.colState}>
                <L label={stateLabel(workflow(item.workflow), item.state)} />
                {item.status === 'closed' ? t.closed : ''}
              </td>
              <td data-label={t.colRegion}>{region(item.region)}</td>
              <td data-label={t.colAssignedTo}>{item.assignees.map(person).join(', ') || '—'}</td>
              <td data-label={t.colNextDue}>
                {item.nextDueAt ? (
                  <>
                    {instant(item.nextDueAt, item.region)}{' '}
                    {item.nextDuePaused ? (
                      // Stopped: no time runs out until someone resumes it, and its due time then moves.
                      <span class="clock-paused">({t.clockPausedShort})</span>
                    ) : (
                      <span class="hint">({daysLeft(t, businessDays(now, new Date(item.nextDueAt), item.region))})</span>
                    )}
                  </>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "≈ 3 business days", or overdue by as many: by less than one when no business day has begun since it ran out (−0). */
export function daysLeft(t: ReturnType<typeof useI18n>['t'], days: number): string {
  return hasPassed(days) ? t.businessDaysOverdue(-days) : t.businessDays(days);
}
