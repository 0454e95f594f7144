import type { Actor } from '../../domain/roles';

/** The demo's staff: opaque ids, as tokens carry them. Nobody real. */
export const demoStaff = {
  supervisor: { id: 'demo-supervisor-1', role: 'supervisor' },
  practitioners: [
    { id: 'demo-practitioner-1', role: 'practitioner' },
    { id: 'demo-practitioner-2', role: 'practitioner' },
    { id: 'demo-practitioner-3', role: 'practitioner' },
    { id: 'demo-practitioner-4', role: 'practitioner' },
  ],
  rju: { id: 'demo-rju-1', role: 'rju' },
  auditor: { id: 'demo-auditor-1', role: 'auditor' },
  admin: { id: 'demo-admin-1', role: 'admin' },
} as const satisfies Record<string, Actor | readonly Actor[]>;

const pad = (n: number) => String(n).padStart(3, '0');

/** A pseudonymous participant: a code name and an address at example.org, the domain reserved for examples. */
export function participant(prefix: string, n: number): { name: string; pseudonym: true; contact: string } {
  return { name: `Participant ${prefix}-${pad(n)}`, pseudonym: true, contact: `${prefix.toLowerCase()}${pad(n)}@example.org` };
}
