import type { ComponentChildren } from 'preact';
import { useI18n, type I18n } from '../i18n/i18n';
import { useConsole, usePeople } from '../shared/context';
import { MorePages } from '../shared/more-pages';
import { Status } from '../shared/status';
import type { AccessPage, AccessRecord } from '../shared/types';
import { useLoad } from '../shared/use-load';

const PAGE = 50;

/** What a read asked for beyond the case itself: the moment of a state, the format of an export. */
export function readWhat(read: AccessRecord, { t, instant }: Pick<I18n, 't' | 'instant'>): string {
  const { asOf, format } = read.details;
  if (read.read === 'state' && typeof asOf === 'string') return `${t.readKind(read.read)} (${instant(asOf)})`;
  if (read.read === 'export' && typeof format === 'string') return `${t.readKind(read.read)} (${format.toUpperCase()})`;
  return t.readKind(read.read);
}

/**
 * Reads as a table, oldest first: when, who (by name where the page names them), which case where
 * the table is of several (`caseOf`), and what was read.
 */
export function ReadsTable(props: {
  readonly pages: readonly AccessPage[];
  readonly testId: string;
  readonly caption?: ComponentChildren;
  readonly caseOf?: (read: AccessRecord, cases: AccessPage['cases']) => ComponentChildren;
}) {
  const i18n = useI18n();
  const { t, instant, role } = i18n;
  const person = usePeople();
  const { pages, caseOf } = props;
  const staff: AccessPage['staff'] = Object.assign({}, ...pages.map((p) => p.staff));
  const cases: AccessPage['cases'] = Object.assign({}, ...pages.map((p) => p.cases));
  return (
    <table class="reads fold" data-testid={props.testId}>
      {props.caption}
      <thead>
        <tr>
          <th scope="col">{t.colReadAt}</th>
          <th scope="col">{t.colReader}</th>
          {caseOf ? <th scope="col">{t.colCase}</th> : null}
          <th scope="col">{t.colRead}</th>
        </tr>
      </thead>
      <tbody>
        {pages
          .flatMap((p) => p.items)
          .map((read) => (
            <tr key={read.eventId}>
              <td data-label={t.colReadAt}>
                <time dateTime={read.occurredAt}>{instant(read.occurredAt)}</time>
              </td>
              <td data-label={t.colReader}>
                {staff[read.actor.id] ?? person(read.actor.id)} ({role(read.actor.role)})
              </td>
              {caseOf ? <td data-label={t.colCase}>{caseOf(read, cases)}</td> : null}
              <td data-label={t.colRead}>{readWhat(read, i18n)}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}

/**
 * Who read the case's content, and when: its access log (GET /audit/access), which the Privacy Act
 * asks be kept. Oldest first, as the log is written; this page's own reads are among them.
 */
export function CaseReads({ caseId }: { caseId: string }) {
  const { api } = useConsole();
  const { t } = useI18n();
  const path = `/audit/access?caseId=${encodeURIComponent(caseId)}&limit=${PAGE}`;
  const [first] = useLoad(() => api.get<AccessPage>(path), caseId);
  return (
    <section aria-labelledby="reads-title">
      <h3 id="reads-title">{t.readsTitle}</h3>
      <p class="hint">{t.readsHint}</p>
      <Status loaded={first}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{t.noReads}</p>
          ) : (
            <MorePages first={page} path={path} of="reads-title" cursorOf={(p) => (p.next === null ? undefined : String(p.next))}>
              {(pages) => <ReadsTable pages={pages} testId="case-reads" />}
            </MorePages>
          )
        }
      </Status>
    </section>
  );
}
