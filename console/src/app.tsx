import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ErasurePage } from './admin/erasure-page';
import { StaffPage } from './admin/staff-page';
import { AuditPage } from './auditor/audit-page';
import { ReadsPage } from './auditor/reads-page';
import { SearchPage } from './search/search-page';
import { applyToDocument, I18nContext, i18nFor, initialLanguage, keepLanguage, useI18n, type Language } from './i18n/i18n';
import { CasePage } from './practitioner/case-page';
import { CaseRoute } from './shared/case-route';
import { OpenCasePage } from './intake/open-case-page';
import { CaseloadPage } from './practitioner/caseload-page';
import { SignIn } from './sign-in';
import { createApi, type Api, type SignedOut } from './shared/api';
import { CasesPage } from './shared/cases-page';
import { Console, useConsole, useSettled, type ConsoleContext } from './shared/context';
import { ROLE_PAGES, type RolePages } from './shared/roles';
import { useRoute, type Route } from './shared/router';
import { learningReferences, pageTitle } from './shared/page-title';
import { forgetSession, storedSession, type Session } from './shared/session';
import type { Holidays, StaffEntry, StaffList, WorkflowInfo } from './shared/types';
import { holidayDates, NO_HOLIDAYS, type HolidayDates } from './shared/business-days';
import { serviceNow } from './shared/service-clock';
import { SlaDashboard } from './supervisor/sla-dashboard';

export function App() {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  // Before the pages' own effects (effects run children first): the page's title, set after, wins over the console's.
  useLayoutEffect(() => applyToDocument(language), [language]);
  const i18n = useMemo(() => {
    return {
      ...i18nFor(language),
      setLanguage: (next: Language) => {
        keepLanguage(next);
        setLanguage(next);
      },
    };
  }, [language]);
  return (
    <I18nContext.Provider value={i18n}>
      <Shell />
    </I18nContext.Provider>
  );
}

function Shell() {
  const { t, language, role, setLanguage } = useI18n();
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // A new page moves focus to its content, as a full page load would, for keyboard and screen reader users;
  // unless the person is already in it (the effect runs after paint: a field they went straight into keeps the focus).
  useEffect(() => {
    if (first.current) first.current = false;
    else if (!main.current?.contains(document.activeElement)) main.current?.focus();
  }, [route]);
  const [session, setSession] = useState<Session | undefined>(storedSession);
  // Case references by case id, as the pages' own answers give them: a case's page is titled by its
  // reference. Forgotten with the session, and an answer to a session that ended is not heard: the
  // next person in the tab is told only of cases they may read.
  const [references, setReferences] = useState<ReadonlyMap<string, string>>(NO_REFERENCES);
  const sessionNow = useRef(session);
  sessionNow.current = session;
  // Why the API signed the person out, said on the sign-in page (nothing when they signed out themselves).
  const [signedOut, setSignedOut] = useState<SignedOut>();
  const refused = (why: SignedOut) => {
    setSignedOut(why);
    setSession(undefined);
    setReferences(NO_REFERENCES);
  };
  const signIn = (next: Session) => {
    setSignedOut(undefined);
    setSession(next);
    setReferences(NO_REFERENCES);
  };
  const signOut = () => {
    forgetSession();
    setSignedOut(undefined);
    setSession(undefined);
    setReferences(NO_REFERENCES);
  };
  // Signing in or out replaces the whole page: the focus goes to its content, as after a page load,
  // unless the new page took it itself (the reason for a sign-out).
  const signedIn = useRef(session !== undefined);
  useEffect(() => {
    if (signedIn.current === (session !== undefined)) return;
    signedIn.current = session !== undefined;
    if (!main.current?.contains(document.activeElement)) main.current?.focus();
  }, [session]);
  // The page's title names the page, in its language: after a new route, language, sign-in, or case reference.
  useEffect(() => {
    document.title = pageTitle(t, route, session?.role, references);
  }, [t, route, session, references]);
  // Names do not change with the language: they are asked once per sign-in.
  const people = useMemo(() => session && peopleOf(createApi(session, refused, language), session), [session]);
  // The holidays do not change with the language either: the years around the service's now, asked once per sign-in.
  const holidays = useMemo(() => session && holidaysOf(createApi(session, refused, language)), [session]);
  // A change of language asks the API again: workflow labels and messages come back in the new language.
  const context = useMemo<ConsoleContext | undefined>(() => {
    if (!session || !people || !holidays) return undefined;
    const learn = (caseId: string, reference: string) => {
      if (sessionNow.current !== session) return;
      setReferences((known) => (known.get(caseId) === reference ? known : new Map(known).set(caseId, reference)));
    };
    const api = learningReferences(createApi(session, refused, language), learn);
    const workflows = api.get<WorkflowInfo[]>('/workflows');
    // Pages that need the workflows report a failure themselves; the others do not care.
    workflows.catch(() => undefined);
    return { api, session, workflows, people, holidays };
  }, [session, people, holidays, language]);
  // The person's name from the staff directory (GET /staff/me); their token's subject until then, or if it does not name them.
  const names = useSettled(people ?? NOBODY, NO_NAMES);
  const other: Language = language === 'en' ? 'fr' : 'en';

  return (
    <>
      <a class="skip" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        {t.skip}
      </a>
      <header>
        <h1>{t.appName}</h1>
        {session ? (
          <nav aria-label={t.mainNav}>
            <ul>
              {ROLE_PAGES[session.role].nav.map((item) => (
                <li key={item.href}>
                  <a href={item.href} aria-current={item.page === route.page ? 'page' : undefined}>
                    {t[item.label] as string}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        <div class="who">
          {session ? (
            <p>
              {t.signedInAs} <strong>{names.get(session.id) ?? session.id}</strong> ({role(session.role)})
            </p>
          ) : null}
          {session ? (
            <button type="button" class="secondary" onClick={signOut}>
              {t.signOut}
            </button>
          ) : null}
          <button type="button" class="secondary language" lang={other} title={t.otherLanguageHint} onClick={() => setLanguage(other)}>
            {t.otherLanguage}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={main}>
        {context ? (
          <Console.Provider value={context}>
            {/* Not keyed by language: the page stays, with what the person typed and opened, and asks the API again (useLoad). */}
            <Page route={route} />
          </Console.Provider>
        ) : (
          <SignIn onSignedIn={signIn} signedOut={signedOut} />
        )}
      </main>
    </>
  );
}

const NO_NAMES: ReadonlyMap<string, string> = new Map();
const NOBODY = Promise.resolve(NO_NAMES);
const NO_REFERENCES: ReadonlyMap<string, string> = new Map();

/**
 * Staff names by id: the directory's, for roles that may read it (former staff too: a history names
 * them), and the signed-in person's own (GET /staff/me, which every role may read), so that no one
 * reads their own login where their name belongs. Whoever is not found is named by their id.
 */
function peopleOf(api: Api, session: Session): Promise<ReadonlyMap<string, string>> {
  const named = (people: readonly StaffEntry[]) => people.map((person) => [person.staffId, person.displayName] as const);
  const directory = ROLE_PAGES[session.role].nav.some((item) => item.page === 'staff')
    ? api.get<StaffList>('/staff?active=all').then((list) => named(list.items), () => [])
    : Promise.resolve([]);
  const me = api.get<StaffEntry>('/staff/me').then((entry) => named([entry]), () => []);
  return Promise.all([directory, me]).then(([everyone, own]) => new Map([...everyone, ...own]));
}

/** Each region's holidays of the years a due time shown is likely in; none (weekends only) if they cannot be read. */
function holidaysOf(api: Api): Promise<HolidayDates> {
  const year = serviceNow().getUTCFullYear();
  return Promise.all([year - 1, year, year + 1].map((y) => api.get<Holidays>(`/calendar/holidays?year=${y}`))).then(holidayDates, () => NO_HOLIDAYS);
}

function Page({ route }: { route: Route }) {
  const { role } = useConsole().session;
  switch (route.page) {
    case 'caseload':
      return <CaseloadPage />;
    case 'cases':
      return <CasesPage key={route.assignee ?? ''} assignee={route.assignee} />;
    case 'case':
      return (
        <CaseRoute key={route.caseId} id={route.caseId}>
          {(caseId) => (ROLE_PAGES[role].audits ? <AuditPage caseId={caseId} /> : <CasePage caseId={caseId} />)}
        </CaseRoute>
      );
    case 'sla':
      return <SlaDashboard />;
    case 'open':
      return <OpenCasePage key={route.workflow ?? ''} workflow={route.workflow} />;
    case 'audit':
      return route.caseId ? (
        <CaseRoute key={route.caseId} id={route.caseId}>
          {(caseId) => <AuditPage caseId={caseId} />}
        </CaseRoute>
      ) : (
        <AuditPage />
      );
    case 'reads':
      return <ReadsPage />;
    case 'search':
      return <SearchPage />;
    case 'staff':
      return <StaffPage />;
    case 'erasure':
      return <ErasurePage />;
    case 'home':
      return <Home page={ROLE_PAGES[role].home} />;
  }
}

function Home({ page }: { page: RolePages['home'] }) {
  switch (page) {
    case 'caseload':
      return <CaseloadPage />;
    case 'cases':
      return <CasesPage />;
    case 'sla':
      return <SlaDashboard />;
    case 'audit':
      return <AuditPage />;
    case 'staff':
      return <StaffPage />;
  }
}
