import { defineError } from '../../domain/errors';

export const MissingToken = defineError('AUTH.MISSING_TOKEN', 'unauthenticated', {
  en: () => 'Send a bearer token in the Authorization header (Authorization: Bearer <token>).',
  fr: () => 'Envoyez un jeton porteur dans l’en-tête Authorization (valeur «\u00a0Bearer <jeton>\u00a0»).',
});

/** Why a token was refused, in both languages (a claim or the accepted roles fill the blanks). */
const REFUSALS = {
  expired: { en: () => 'it has expired.', fr: () => 'il a expiré.' },
  claim: { en: (claim: string) => `its ${claim} claim is not accepted.`, fr: (claim: string) => `sa déclaration ${claim} n’est pas acceptée.` },
  algorithm: { en: () => 'its signing algorithm is not accepted.', fr: () => 'son algorithme de signature n’est pas accepté.' },
  signature: { en: () => 'its signature does not verify.', fr: () => 'sa signature n’est pas valide.' },
  foreignSecret: {
    en: () => 'this token was not signed by this instance’s secret — minted for another data directory (MEND_DATA_DIR) or with another MEND_JWT_SECRET?',
    fr: () =>
      'ce jeton n’a pas été signé avec le secret de cette instance — émis pour un autre répertoire de données (MEND_DATA_DIR) ou avec un autre MEND_JWT_SECRET\u00a0?',
  },
  noKey: { en: () => 'no key of the issuer matches it.', fr: () => 'aucune clé de l’émetteur ne lui correspond.' },
  malformed: { en: () => 'it is malformed.', fr: () => 'il est mal formé.' },
  unverifiable: { en: () => 'it could not be verified.', fr: () => 'il n’a pas pu être vérifié.' },
  noExpiry: { en: () => 'it has no expiry (exp).', fr: () => 'il n’a pas d’expiration (exp).' },
  tooLong: {
    en: (seconds: string) => `it lives longer than the ${seconds}-second maximum (MEND_JWT_MAX_TTL).`,
    fr: (seconds: string) => `sa durée de vie dépasse le maximum de ${seconds} secondes (MEND_JWT_MAX_TTL).`,
  },
  noSubject: { en: () => 'it names no subject (sub).', fr: () => 'il ne nomme aucun sujet (sub).' },
  unmeantSubject: {
    en: () => 'its subject (sub) is blank, has spaces around it, or holds a control character (a tab or a line break too), a bidirectional control or half a character.',
    fr: () => 'son sujet (sub) est vide, entouré d’espaces, ou contient un caractère de commande (une tabulation ou un saut de ligne aussi), une commande bidirectionnelle ou la moitié d’un caractère.',
  },
  role: {
    en: (roles: string) => `its role claim must be one of ${roles}.`,
    fr: (roles: string) => `sa déclaration role doit être l’une des valeurs suivantes\u00a0: ${roles}.`,
  },
} satisfies Record<string, { en(detail: string): string; fr(detail: string): string }>;

export type TokenRefusal = keyof typeof REFUSALS;

export const InvalidToken = defineError<{ reason: TokenRefusal; detail?: string }>('AUTH.INVALID_TOKEN', 'unauthenticated', {
  en: (p) => `The bearer token was refused: ${REFUSALS[p.reason].en(p.detail ?? '')}`,
  fr: (p) => `Le jeton porteur a été refusé\u00a0: ${REFUSALS[p.reason].fr(p.detail ?? '')}`,
});

/**
 * The token's subject is in the staff directory and marked inactive: they no longer work here, and
 * nothing they send is served, whatever tokens they still hold.
 */
export const StaffInactive = defineError<{ staffId: string }>('ACCESS.STAFF_INACTIVE', 'forbidden', {
  en: (p) => `${p.staffId} is marked inactive in the staff directory: Mend serves none of their requests. If this is a mistake, ask an administrator to mark them active again.`,
  fr: (p) =>
    `La personne ${p.staffId} est inscrite comme inactive dans le répertoire du personnel\u00a0: Mend ne répond à aucune de ses requêtes. S’il s’agit d’une erreur, demandez à une administratrice ou à un administrateur de réactiver sa fiche.`,
});
