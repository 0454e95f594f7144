import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AuditPage } from './auditor/audit-page';
import { CasePage } from './practitioner/case-page';
import { CaseloadPage } from './practitioner/caseload-page';
import { SignIn } from './sign-in';
import { createApi } from './shared/api';
import { CasesPage } from './shared/cases-page';
import { Console, useConsole, type ConsoleContext } from './shared/context';
import { href, useRoute, type Route } from './shared/router';
import { forgetSession, storedSession, type Role, type Session } from './shared/session';
import type { WorkflowInfo } from './shared/types';
import { SlaDashboard } from './supervisor/sla-dashboard';

interface NavItem {
  readonly label: string;
  readonly href: string;
  readonly page: Route['page'];
}

const NAV: Record<Role, readonly NavItem[]> = {
  practitioner: [{ label: 'My caseload', href: href.caseload(), page: 'caseload' }],
  supervisor: [
    { label: 'SLA dashboard', href: href.sla(), page: 'sla' },
    { label: 'Cases', href: href.cases(), page: 'cases' },
  ],
  auditor: [{ label: 'Audit', href: href.audit(), page: 'audit' }],
  rju: [{ label: 'Cases', href: href.cases(), page: 'cases' }],
  admin: [],
};

export function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  // A new page moves focus to its content, as a full page load would, for keyboard and screen reader users.
  useEffect(() => {
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [route]);
  const [session, setSession] = useState<Session | undefined>(storedSession);
  const signOut = () => {
    forgetSession();
    setSession(undefined);
  };
  const context = useMemo<ConsoleContext | undefined>(() => {
    if (!session) return undefined;
    const api = createApi(session, () => setSession(undefined));
    const workflows = api.get<WorkflowInfo[]>('/workflows');
    // Pages that need the workflows report a failure themselves; the others do not care.
    workflows.catch(() => undefined);
    return { api, session, workflows };
  }, [session]);

  return (
    <>
      <a class="skip" href="#main" onClick={(e) => (e.preventDefault(), document.getElementById('main')?.focus())}>
        Skip to content
      </a>
      <header>
        <h1>Mend</h1>
        {session ? (
          <nav aria-label="Main">
            <ul>
              {NAV[session.role].map((item) => (
                <li key={item.href}>
                  <a href={item.href} aria-current={item.page === route.page ? 'page' : undefined}>
                    {item.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {session ? (
          <p class="who">
            Signed in as <strong>{session.id}</strong> ({session.role}){' '}
            <button type="button" class="secondary" onClick={signOut}>
              Sign out
            </button>
          </p>
        ) : null}
      </header>
      <main id="main" tabIndex={-1} ref={main}>
        {context ? (
          <Console.Provider value={context}>
            <Page route={route} />
          </Console.Provider>
        ) : (
          <SignIn onSignedIn={setSession} />
        )}
      </main>
    </>
  );
}

function Page({ route }: { route: Route }) {
  const { role } = useConsole().session;
  switch (route.page) {
    case 'caseload':
      return <CaseloadPage />;
    case 'cases':
      return <CasesPage />;
    case 'case':
      return role === 'auditor' ? <AuditPage key={route.caseId} caseId={route.caseId} /> : <CasePage key={route.caseId} caseId={route.caseId} />;
    case 'sla':
      return <SlaDashboard />;
    case 'audit':
      return <AuditPage key={route.caseId ?? ''} caseId={route.caseId} />;
    case 'home':
      return role === 'practitioner' ? <CaseloadPage /> : role === 'supervisor' ? <SlaDashboard /> : role === 'auditor' ? <AuditPage /> : role === 'admin' ? <p>The console has no pages for administrators: use the CLI.</p> : <CasesPage />;
  }
}
