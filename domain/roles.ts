import { z } from 'zod';

/**
 * Who may act in Mend. `system` is the SLA scheduler and other internal actors: it is never
 * issued to a person.
 */
export const Role = z.enum(['practitioner', 'supervisor', 'auditor', 'rju', 'admin', 'system']);
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
