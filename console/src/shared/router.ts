import { useEffect, useState } from 'preact/hooks';

/**
 * Hash routes (#/cases/<id>): the server serves one page, and the fragment never leaves the
 * browser, so neither server logs nor Referer headers see where a person went.
 */
export type Route =
  | { readonly page: 'home' }
  | { readonly page: 'caseload' }
  /** Every case the person may read, or those given to one person (`#/assigned/<staffId>`). */
  | { readonly page: 'cases'; readonly assignee?: string }
  | { readonly page: 'case'; readonly caseId: string }
  | { readonly page: 'sla' }
  | { readonly page: 'open'; readonly workflow?: string }
  | { readonly page: 'audit'; readonly caseId?: string }
  | { readonly page: 'reads' }
  | { readonly page: 'search' }
  | { readonly page: 'staff' }
  | { readonly page: 'erasure' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  switch (parts[0]) {
    case 'caseload':
      return { page: 'caseload' };
    case 'cases':
      return parts[1] ? { page: 'case', caseId: parts[1] } : { page: 'cases' };
    case 'assigned':
      return parts[1] ? { page: 'cases', assignee: parts[1] } : { page: 'cases' };
    case 'sla':
      return { page: 'sla' };
    case 'open':
      return parts[1] ? { page: 'open', workflow: parts[1] } : { page: 'open' };
    case 'audit':
      return parts[1] ? { page: 'audit', caseId: parts[1] } : { page: 'audit' };
    case 'reads':
      return { page: 'reads' };
    case 'search':
      return { page: 'search' };
    case 'staff':
      return { page: 'staff' };
    case 'erasure':
      return { page: 'erasure' };
    default:
      return { page: 'home' };
  }
}

export const href = {
  caseload: () => '#/caseload',
  cases: () => '#/cases',
  case: (caseId: string) => `#/cases/${encodeURIComponent(caseId)}`,
  assigned: (staffId: string) => `#/assigned/${encodeURIComponent(staffId)}`,
  sla: () => '#/sla',
  open: (workflow?: string) => (workflow ? `#/open/${encodeURIComponent(workflow)}` : '#/open'),
  audit: (caseId?: string) => (caseId ? `#/audit/${encodeURIComponent(caseId)}` : '#/audit'),
  reads: () => '#/reads',
  search: () => '#/search',
  staff: () => '#/staff',
  erasure: () => '#/erasure',
};

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
