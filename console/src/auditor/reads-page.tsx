import { useEffect, useRef, useState } from 'preact/hooks';
import { useI18n, type Language } from '../i18n/i18n';
import { ApiError, errorText } from '../shared/api';
import { CaseLink } from '../shared/case-link';
import { useConsole } from '../shared/context';
import { MorePages } from '../shared/more-pages';
import { ROLE_PAGES } from '../shared/roles';
import type { AccessPage, WorkflowInfo } from '../shared/types';
import { regionTimeZone, zonedToIso } from '../shared/zoned-time';
import { ReadsTable } from './case-reads';
import { FieldError } from '../shared/field-error';

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

/** The page's fields, by the names the API gives them (`query.from`). */
type Field = 'actorId' | 'from' | 'to';
const FIELDS: readonly Field[] = ['actorId', 'from', 'to'];

/** What the last search came to; each one, even the same as the last, takes the focus to what it says. */
type Outcome =
  | { readonly kind: 'found'; readonly found: Found }
  /** A To day before the From day: refused here, before anything is sent, in the page's language whichever it switches to. */
  | { readonly kind: 'backwards' }
  /** What the API refused, beside the fields it named, or its sentence when it named none: in the language it was asked in. */
  | { readonly kind: 'refused'; readonly fields: Readonly<Partial<Record<Field, readonly string[]>>>; readonly other: string | undefined; readonly said: Language };

/**
 * Who read what across cases, for whoever keeps the Privacy Act's account of reads (auditors, and
 * supervisors): every read of a case's content by one person or by anyone, within days, oldest
 * first (GET /audit/access). An auditor finds a case's own reads on its audit page too.
 */
export function ReadsPage() {
  const { api, session, workflows } = useConsole();
  const { t, zone, language } = useI18n();
  const [reader, setReader] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const alert = useRef<HTMLParagraphElement>(null);
  const box = useRef<HTMLDivElement>(null);
  // The focus goes where the search ended: the reads found (their caption), the first field to correct, or what went wrong.
  useEffect(() => {
    if (!outcome) return;
    const target =
      outcome.kind === 'found'
        ? box.current?.querySelector<HTMLElement>('#reads-found')
        : outcome.kind === 'backwards'
          ? document.getElementById('reads-to')
          : outcome.other !== undefined
            ? alert.current
            : document.getElementById(`reads-${FIELDS.find((field) => outcome.fields[field])}`);
    target?.focus();
  }, [outcome]);

  const ask = async () => {
    // The API would refuse it too, naming its parameters: said here by the fields' labels, and nothing is sent.
    if (from && to && to < from) {
      setOutcome({ kind: 'backwards' });
      return;
    }
    setBusy(true);
    const path = readsPath(reader.trim(), from, to);
    try {
      let first = await api.get<AccessPage>(path);
      // Pages the scan found nothing in are followed, so that the first page shown has reads or is the last.
      for (let hop = 1; first.items.length === 0 && first.next !== null && hop < HOPS; hop += 1) {
        first = await api.get<AccessPage>(`${path}&cursor=${first.next}`);
      }
      setOutcome({ kind: 'found', found: { path, first, workflows: await workflows } });
    } catch (error) {
      const issues = error instanceof ApiError ? error.issues : [];
      const fields: Partial<Record<Field, string[]>> = {};
      for (const issue of issues) {
        const field = FIELDS.find((name) => issue.path === `query.${name}`);
        if (field) fields[field] = [...(fields[field] ?? []), issue.message];
      }
      // The API's own sentence when a refusal names no field of the page: it spells them by their parameters.
      const beside = issues.length > 0 && issues.every((issue) => FIELDS.some((name) => issue.path === `query.${name}`));
      setOutcome({ kind: 'refused', fields, other: beside ? undefined : errorText(error), said: language });
    } finally {
      setBusy(false);
    }
  };
  const wrong = (field: Field): readonly string[] =>
    outcome?.kind === 'backwards' ? (field === 'to' ? [t.readsBackwards(t.readsTo, t.readsFrom)] : []) : outcome?.kind === 'refused' ? (outcome.fields[field] ?? []) : [];
  const marked = outcome?.kind === 'refused' && outcome.said !== language ? outcome.said : undefined;
  const field = (name: Field, hint?: string) => ({
    id: `reads-${name}`,
    'aria-invalid': wrong(name).length ? true : undefined,
    'aria-describedby': [wrong(name).length ? `reads-${name}-error` : '', hint ?? ''].filter(Boolean).join(' ') || undefined,
  });
  const error = (name: Field) => <FieldError id={`reads-${name}-error`} messages={wrong(name)} lang={outcome?.kind === 'refused' ? marked : undefined} />;

  return (
    <section aria-labelledby="reads-by-title">
      <h2 id="reads-by-title">{t.readsByTitle}</h2>
      <p class="hint" id="reads-by-hint">
        {t.readsByHint(zone(ZONE))}
      </p>
      <form
        aria-describedby="reads-by-hint"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void ask();
        }}
      >
        <div class={`field${wrong('actorId').length ? ' invalid' : ''}`}>
          <label for="reads-actorId">{t.readerLogin}</label>
          <span id="reads-reader-hint" class="hint">
            {t.readerLoginHint}
          </span>
          <input
            {...field('actorId', 'reads-reader-hint')}
            type="text"
            autoComplete="off"
            spellcheck={false}
            maxLength={200}
            value={reader}
            onInput={(e) => setReader(e.currentTarget.value)}
          />
          {error('actorId')}
        </div>
        <div class={`field${wrong('from').length ? ' invalid' : ''}`}>
          <label for="reads-from">{t.readsFrom}</label>
          <input {...field('from')} type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />
          {error('from')}
        </div>
        <div class={`field${wrong('to').length ? ' invalid' : ''}`}>
          <label for="reads-to">{t.readsTo}</label>
          <input {...field('to')} type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />
          {error('to')}
        </div>
        {/* Not disabled while the reads are asked for: it keeps the focus of whoever pressed it until the answer takes it. */}
        <button type="submit" aria-disabled={busy ? true : undefined}>
          {t.findReads}
        </button>
      </form>
      <div aria-live="polite" ref={box}>
        {outcome?.kind === 'refused' && outcome.other !== undefined ? (
          <p role="alert" class="error" tabIndex={-1} ref={alert} lang={marked}>
            {outcome.other}
          </p>
        ) : outcome?.kind === 'found' ? (
          <FoundReads found={outcome.found} audits={ROLE_PAGES[session.role].audits} />
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
        if (count === 0)
          return (
            <p id="reads-found" tabIndex={-1}>
              {t.noReadsFound}
            </p>
          );
        return (
          <ReadsTable
            pages={pages}
            testId="reads-found"
            caption={<caption id="reads-found" tabIndex={-1}>{t.readsShown(count, number(count))}</caption>}
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
