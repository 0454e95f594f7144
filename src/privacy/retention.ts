import { z } from 'zod';
import { defineError } from '../../domain/errors';
import { Instant } from '../../domain/schemas';
import type { EventStore, RecordedEvent } from '../event-store/event-store';
import { nextTurn } from '../event-store/next-turn';

/**
 * The Privacy Act's retention floor (s.6(1); Privacy Regulations s.4(1)): personal information used
 * for a decision is kept at least two years after its last use, unless the person consents to its
 * disposal earlier. Erasure checks it before it destroys anything.
 */

/** The person's consent to the disposal of their information: who gave it (them, or their representative) and when. */
export const ErasureConsent = z.strictObject({
  givenBy: z.enum(['subject', 'representative']).meta({ description: 'The person themselves, or their legal representative' }),
  givenAt: Instant.meta({ description: 'When the consent was given (not in the future)' }),
});
export type ErasureConsent = z.infer<typeof ErasureConsent>;

export const EraseRequest = z.strictObject({ consent: ErasureConsent.optional() });
export type EraseRequest = z.infer<typeof EraseRequest>;

/** Why an erasure was allowed: recorded with it. */
export type ErasureGround = 'consent' | 'retentionElapsed' | 'neverUsed';

export const RetentionPeriodRunning = defineError<{ subjectId: string; lastUsedAt: string; retainedUntil: string; years: number }>(
  'ERASURE.RETENTION_PERIOD',
  'rule',
  {
    en: (p) =>
      `The personal information of subject ${p.subjectId} was last used in a case on ${p.lastUsedAt}: the Privacy Act requires keeping it ${p.years} years after its last use, until ${p.retainedUntil}, unless the person consents to its disposal. Record their consent to erase it now.`,
    fr: (p) =>
      `Les renseignements personnels du sujet ${p.subjectId} ont servi dans un dossier pour la dernière fois le ${p.lastUsedAt}\u00a0: la Loi sur la protection des renseignements personnels exige de les conserver ${p.years}\u00a0ans après leur dernière utilisation, jusqu’au ${p.retainedUntil}, sauf si la personne consent à leur retrait. Consignez son consentement pour les effacer maintenant.`,
  },
);

export const ConsentInFuture = defineError<{ givenAt: string }>('ERASURE.CONSENT_IN_FUTURE', 'invalid', {
  en: (p) => `consent.givenAt: ${p.givenAt} is in the future; record consent once it is given.`,
  fr: (p) => `consent.givenAt\u00a0: ${p.givenAt} est dans l’avenir\u00a0; consignez le consentement une fois donné.`,
});

const PAGE = 1000;

/** Does this event's data name the subject: a field sealed with their key, or their id itself? */
function mentions(value: unknown, subjectId: string): boolean {
  if (value === subjectId) return true;
  if (Array.isArray(value)) return value.some((item) => mentions(item, subjectId));
  if (value && typeof value === 'object') {
    if ((value as { $sealed?: unknown; subject?: unknown }).$sealed !== undefined) return (value as { subject?: unknown }).subject === subjectId;
    return Object.values(value).some((item) => mentions(item, subjectId));
  }
  return false;
}

const isCaseEvent = (event: RecordedEvent) => typeof event.metadata['workflow'] === 'string';

/**
 * When the subject's information was last used in a case event (its business time), or undefined.
 * Reads the log backwards from its end, so a recent use is found at once; a subject never used
 * costs one pass over the log, which erasure (rare, by an administrator) can afford, as long as the
 * pass gives the event loop a turn between pages: without it, an erasure on a log of 300,000 events
 * held every other request, health checks included, for 2.6 s.
 */
export async function lastUse(store: EventStore, subjectId: string): Promise<string | undefined> {
  let before: number | undefined;
  for (;;) {
    const page = await store.readAll({ direction: 'backwards', maxCount: PAGE, ...(before !== undefined ? { fromPosition: before } : {}) });
    for (const event of page) {
      if (isCaseEvent(event) && mentions(event.data, subjectId)) return String(event.metadata['occurredAt']);
    }
    if (page.length < PAGE) return undefined;
    const last = page[page.length - 1]!.position;
    if (last <= 1) return undefined;
    before = last - 1;
    await nextTurn();
  }
}

/** The end of the retention period: `years` calendar years after the last use. */
export function retainedUntil(lastUsedAt: string, years: number): Date {
  const until = new Date(lastUsedAt);
  until.setUTCFullYear(until.getUTCFullYear() + years);
  return until;
}
