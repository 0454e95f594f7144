import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n/i18n';
import { ApiError, type Api } from './api';
import { useConsole } from './context';
import { Status } from './status';
import type { CaseView } from './types';
import { useLoad } from './use-load';

const MINTED = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An id Mend minted (a UUID): nothing a person would tell a record by. */
export const isMinted = (id: unknown): boolean => typeof id === 'string' && MINTED.test(id);

/**
 * The case a page's address names: by its id, as the console's own links do, or by its reference
 * (`#/cases/CMP-2026-00042`), as people quote a case to each other and type it.
 */
export function CaseRoute({ id, children }: { id: string; children: (caseId: string) => ComponentChildren }) {
  return isMinted(id) ? <>{children(id)}</> : <ByReference reference={id}>{children}</ByReference>;
}

function ByReference({ reference, children }: { reference: string; children: (caseId: string) => ComponentChildren }) {
  const { api } = useConsole();
  const { t } = useI18n();
  const [loaded] = useLoad(() => caseByReference(api, reference, t.noCaseAt), reference);
  return <Status loaded={loaded}>{children}</Status>;
}

/**
 * `GET /cases/by-reference/…` answers only for a case this person may read, and alike for one that
 * does not exist: the page says no more than that, nor of anything else in the reference's place.
 */
async function caseByReference(api: Api, reference: string, noCase: (reference: string) => string): Promise<string> {
  const found = await api.get<CaseView>(`/cases/by-reference/${encodeURIComponent(reference)}`).catch((error: unknown) => {
    // Refused for what was asked (not for the load on the service, which says so itself).
    if (error instanceof ApiError && [400, 403, 404].includes(error.status)) throw new Error(noCase(reference));
    throw error;
  });
  return found.caseId;
}
