import type { Messages } from '../i18n/messages';
import type { Api } from './api';
import { isMinted } from './case-route';
import { ROLE_PAGES, type RolePages } from './roles';
import type { Route } from './router';
import type { Role } from './session';

/** Between the parts of a page's title, from the page itself to the console: "CMP-2026-00042 – Audit – Mend console". */
const SEPARATOR = ' – ';

/** A page by its name, as its menu item or its heading says it. */
function homeName(t: Messages, page: RolePages['home']): string {
  switch (page) {
    case 'caseload':
      return t.navCaseload;
    case 'cases':
      return t.navCases;
    case 'sla':
      return t.slaTitle;
    case 'audit':
      return t.navAudit;
    case 'staff':
      return t.staffTitle;
  }
}

function pageName(t: Messages, route: Route, role: Role): string {
  switch (route.page) {
    case 'home':
      return homeName(t, ROLE_PAGES[role].home);
    case 'caseload':
    case 'cases':
    case 'sla':
    case 'audit':
    case 'staff':
      return homeName(t, route.page);
    // Roles that audit read a case in the audit view: its page is named so.
    case 'case':
      return ROLE_PAGES[role].audits ? t.navAudit : t.casePage;
    case 'open':
      return t.openTitle;
    case 'reads':
      return t.readsByTitle;
    case 'search':
      return t.searchTitle;
    case 'erasure':
      return t.erasureTitle;
  }
}

/** The case a route shows, by the id or the reference its address names. */
export function routeCase(route: Route): string | undefined {
  return route.page === 'case' || route.page === 'audit' ? route.caseId : undefined;
}

/**
 * The document's title (WCAG 2.4.2): the page, then the console, in the page's language; a case's
 * page starts with the case's reference, once an answer has said it (`references`, by case id), so
 * that tabs and the history of the browser tell cases apart. Signed out, the sign-in page.
 */
export function pageTitle(t: Messages, route: Route, role: Role | undefined, references: ReadonlyMap<string, string>): string {
  if (!role) return [t.signIn, t.title].join(SEPARATOR);
  const id = routeCase(route);
  const reference = id === undefined ? undefined : isMinted(id) ? references.get(id) : [...references.values()].find((known) => known.toLowerCase() === id.toLowerCase());
  return [reference, pageName(t, route, role), t.title].filter((part) => part !== undefined).join(SEPARATOR);
}

/**
 * The API, telling `learn` each case's reference its answers give (a case, its history, the case as
 * of a moment: a `caseId` and its `reference`). The title names a case from the answers its page
 * asks for anyway, never by a read of its own: every read of a case's content is logged for the auditors.
 */
export function learningReferences(api: Api, learn: (caseId: string, reference: string) => void): Api {
  return {
    ...api,
    get: async <T>(path: string): Promise<T> => {
      const answer = await api.get<T>(path);
      const { caseId, reference } = (answer ?? {}) as { caseId?: unknown; reference?: unknown };
      if (typeof caseId === 'string' && typeof reference === 'string' && reference !== '') learn(caseId, reference);
      return answer;
    },
  };
}
