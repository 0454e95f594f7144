/**
 * Every role as people name it, in English and French: the API's refusals and the console say the
 * same words. Plain data, without zod, so that the console can import it (domain/roles.ts checks
 * that it names every role).
 */
export const ROLE_LABELS = {
  practitioner: { en: 'practitioner', fr: 'praticienne ou praticien' },
  supervisor: { en: 'supervisor', fr: 'superviseure ou superviseur' },
  auditor: { en: 'auditor', fr: 'vérificatrice ou vérificateur' },
  rju: { en: 'Restorative Justice Unit', fr: 'Unité de la justice réparatrice' },
  mediator: { en: 'Restorative Opportunities mediator', fr: 'médiatrice ou médiateur des Possibilités de justice réparatrice' },
  roAuditor: { en: 'Restorative Opportunities auditor', fr: 'vérificatrice ou vérificateur des Possibilités de justice réparatrice' },
  admin: { en: 'administrator', fr: 'administratrice ou administrateur' },
  system: { en: 'system', fr: 'système' },
} as const satisfies Readonly<Record<string, { readonly en: string; readonly fr: string }>>;

/** A role as people name it, in English and French (`rju` is the Restorative Justice Unit); an unknown one as it is written. */
export function roleLabel(role: string): { readonly en: string; readonly fr: string } {
  return (ROLE_LABELS as Readonly<Record<string, { readonly en: string; readonly fr: string }>>)[role] ?? { en: role, fr: role };
}
