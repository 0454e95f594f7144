import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n';
import { ApiError, errorText } from '../shared/api';
import { CaseLink } from '../shared/case-link';
import { useConsole } from '../shared/context';
import { MorePages } from '../shared/more-pages';
import { ROLE_PAGES } from '../shared/roles';
import type { AccessPage, WorkflowInfo } from '../shared/types';
import { regionTimeZone, zonedToIso } from '../shared/zoned-time';
import { ReadsTable } from './case-reads';

const PAGE = 100;
/**
 * Without a case, the API reads the whole log, 10,000 events a call, and may answer a page with
 * nothing found yet and a cursor: the page follows it this many times before showing what it has.
 */
const HOPS = 20;

/** The days people type are the National Capital Region's, as the program office's. */
const ZONE = regionTimeZone(undefined);

const dayAfter = (day: string): string => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + 1)).toISOString().slice(0, 10);
};

/** The address of the reads asked for: by one reader or all, from the start of a day to the end of another. */
function readsPath(reader: string, from: string, to: string): string {
  const query = new URLSearchParams({ limit: String(PAGE) });
  if (reader) query.set('actorId', reader);
  if (from) query.set('from', zonedToIso(`${from}T00:00`, ZONE)!);
  if (to) query.set('to', zonedToIso(`${dayAfter(to)}T00:00`, ZONE)!);
  return `/audit/access?${query}`;
}

interface Found {
  readonly path: string;
  readonly first: AccessPage;
  readonly workflows: readonly WorkflowInfo[];
}

/**
 * Who read what across cases, for whoever keeps the Privacy Act's account of reads (auditors, and
 * supervisors): every read of a case's content by one person or by anyone, within days, oldest
 * first (GET /audit/access). An auditor finds a case's own reads on its audit page too.
 */
export function ReadsPage() {
  const { api, session, workflows } = useConsole();
  const { t, zone } = useI18n();
  const [reader, setReader] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<Found>();
  const [failure, setFailure] = useState<{ message: string; fields: readonly string[] }>();

  const ask = async () => {
    setBusy(true);
    const path = readsPath(reader.trim(), from, to);
    try {
      let first = await api.get<AccessPage>(path);
      // Pages the scan found nothing in are followed, so that the first page shown has reads or is the last.
      for (let hop = 1; first.items.length === 0 && first.next !== null && hop < HOPS; hop += 1) {
        first = await api.get<AccessPage>(`${path}&cursor=${first.next}`);
      }
      setFound({ path, first, workflows: await workflows });
      setFailure(undefined);
    } catch (error) {
      const fields = error instanceof ApiError ? error.issues.map((issue) => issue.path) : [];
      setFailure({ message: errorText(error), fields });
      setFound(undefined);
    } finally {
      setBusy(false);
    }
  };
  const invalid = (field: string) => (failure?.fields.includes(`query.${field}`) ? true : undefined);

  return (
    <section aria-labelledby="reads-by-title">
      <h2 id="reads-by-title">{t.readsByTitle}</h2>
      <p class="hint" id="reads-by-hint">
        {t.readsByHint(zone(ZONE))}
      </p>
      <form
        aria-describedby="reads-by-hint"
        onSubmit={(e) => {
          e.preventDefault();
          void ask();
        }}
      >
        <div class={`field${invalid('actorId') ? ' invalid' : ''}`}>
          <label for="reads-reader">{t.readerLogin}</label>
          <span id="reads-reader-hint" class="hint">
            {t.readerLoginHint}
          </span>
          <input
            id="reads-reader"
            type="text"
            autoComplete="off"
            spellcheck={false}
            maxLength={200}
            value={reader}
            aria-describedby="reads-reader-hint"
            aria-invalid={invalid('actorId')}
            onInput={(e) => setReader(e.currentTarget.value)}
          />
        </div>
        <div class={`field${invalid('from') ? ' invalid' : ''}`}>
          <label for="reads-from">{t.readsFrom}</label>
          <input id="reads-from" type="date" value={from} aria-invalid={invalid('from')} onInput={(e) => setFrom(e.currentTarget.value)} />
        </div>
        <div class={`field${invalid('to') ? ' invalid' : ''}`}>
          <label for="reads-to">{t.readsTo}</label>
          <input id="reads-to" type="date" value={to} aria-invalid={invalid('to')} onInput={(e) => setTo(e.currentTarget.value)} />
        </div>
        <button type="submit" disabled={busy}>
          {t.findReads}
        </button>
      </form>
      <div aria-live="polite">
        {failure ? (
          <p role="alert" class="error">
            {failure.message}
          </p>
        ) : found ? (
          <FoundReads found={found} audits={ROLE_PAGES[session.role].audits} />
        ) : null}
      </div>
    </section>
  );
}

function FoundReads({ found, audits }: { found: Found; audits: boolean }) {
  const { t, number } = useI18n();
  return (
    <MorePages first={found.first} path={found.path} of="reads-found" cursorOf={(p) => (p.next === null ? undefined : String(p.next))}>
      {(pages) => {
        const count = pages.reduce((n, p) => n + p.items.length, 0);
        if (count === 0) return <p id="reads-found">{t.noReadsFound}</p>;
        return (
          <ReadsTable
            pages={pages}
            testId="reads-found"
            caption={<caption id="reads-found">{t.readsShown(count, number(count))}</caption>}
            caseOf={(read, cases) => (
              <CaseLink
                item={{ caseId: read.caseId, reference: cases[read.caseId]?.reference ?? null, workflow: cases[read.caseId]?.workflow ?? '' }}
                workflow={found.workflows.find((w) => w.name === cases[read.caseId]?.workflow)}
                audit={audits}
              />
            )}
          />
        );
      }}
    </MorePages>
  );
}
