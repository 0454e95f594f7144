import { z } from 'zod';
import { ROLE_LABELS, roleLabel } from './role-labels';

/**
 * Who may act in Mend. `system` is the SLA scheduler and other internal actors: it is never
 * issued to a person. `mediator` is an RO mediator (a community mediator CSC engages: only the RO
 * cases assigned to them); `roAuditor` an auditor cleared by the Restorative Justice Unit to audit
 * RO cases (and only those: the departmental programs are another department's).
 */
export const Role = z.enum(['practitioner', 'supervisor', 'auditor', 'rju', 'mediator', 'roAuditor', 'admin', 'system']);
export type Role = z.infer<typeof Role>;

/** The roles a person can hold (a token can carry one of these). */
export const PersonRole = Role.exclude(['system']);
export type PersonRole = z.infer<typeof PersonRole>;

export const Actor = z.strictObject({
  id: z.string().min(1).max(200),
  role: Role,
});
/** The person or service on whose behalf an event was recorded. Never personal data: an opaque id. */
export type Actor = z.infer<typeof Actor>;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
/** Every role has its names in domain/role-labels.ts, and no other role is named there: checked when compiled. */
export const EVERY_ROLE_NAMED: Same<keyof typeof ROLE_LABELS, Role> = true;

export { roleLabel };
