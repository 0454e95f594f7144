/** The signed-in person as the console knows them: the token's subject and role claims. */
export interface Session {
  readonly token: string;
  readonly id: string;
  readonly role: Role;
}

export type Role = 'practitioner' | 'supervisor' | 'auditor' | 'rju' | 'mediator' | 'roAuditor' | 'admin';

/** Every role a token may name, as the API knows them: the console's one list of them (the staff directory offers them all). */
export const ROLES: readonly Role[] = ['practitioner', 'supervisor', 'auditor', 'rju', 'mediator', 'roAuditor', 'admin'];
// sessionStorage: the token dies with the tab and never reaches a URL, a cookie or another tab.
const KEY = 'mend.token';

/**
 * Reads the claims without verifying the signature: the API verifies every request, so a forged
 * token only changes which pages the console offers, never what it is shown.
 */
export function sessionFromToken(token: string): Session | undefined {
  const payload = token.trim().split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { sub?: unknown; role?: unknown; exp?: unknown };
    if (typeof claims.sub !== 'string' || !ROLES.includes(claims.role as Role)) return undefined;
    return { token: token.trim(), id: claims.sub, role: claims.role as Role };
  } catch {
    return undefined;
  }
}

export function storedSession(): Session | undefined {
  const token = sessionStorage.getItem(KEY);
  return token ? sessionFromToken(token) : undefined;
}

export function keepSession(session: Session): void {
  sessionStorage.setItem(KEY, session.token);
}

export function forgetSession(): void {
  sessionStorage.removeItem(KEY);
}
