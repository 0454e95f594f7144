import { z } from 'zod';

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

const ROLE_LABELS: Readonly<Record<Role, { readonly en: string; readonly fr: string }>> = {
  practitioner: { en: 'practitioner', fr: 'praticienne ou praticien' },
  supervisor: { en: 'supervisor', fr: 'superviseure ou superviseur' },
  auditor: { en: 'auditor', fr: 'vérificatrice ou vérificateur' },
  rju: { en: 'Restorative Justice Unit', fr: 'Unité de justice réparatrice' },
  mediator: { en: 'Restorative Opportunities mediator', fr: 'médiatrice ou médiateur des Possibilités de justice réparatrice' },
  roAuditor: { en: 'Restorative Opportunities auditor', fr: 'vérificatrice ou vérificateur des Possibilités de justice réparatrice' },
  admin: { en: 'administrator', fr: 'administratrice ou administrateur' },
  system: { en: 'system', fr: 'système' },
};

/** A role as people name it, in English and French (`rju` is the Restorative Justice Unit). */
export function roleLabel(role: string): { readonly en: string; readonly fr: string } {
  return ROLE_LABELS[role as Role] ?? { en: role, fr: role };
}
