import { defineError } from '../../domain/errors';

export const AsOfChoice = defineError('AUDIT.AS_OF_CHOICE', 'invalid', {
  en: () => 'Give exactly one of asOf (an ISO 8601 time with its offset, e.g. 2026-03-02T09:00:00-05:00) or revision (a number).',
  fr: () =>
    'Indiquez exactement un des paramètres asOf (une heure ISO 8601 avec son décalage, p. ex. 2026-03-02T09:00:00-05:00) ou revision (un nombre).',
});

export const AsOfInFuture = defineError<{ asOf: string; now: string }>('AUDIT.AS_OF_IN_FUTURE', 'invalid', {
  en: (p) => `The moment asked for (asOf, ${p.asOf}) is later than now (${p.now}): a case can be shown as it stood at a moment that has passed, not at one to come.`,
  fr: (p) => `Le moment demandé (asOf, ${p.asOf}) est postérieur à maintenant (${p.now})\u00a0: un dossier peut être montré tel qu’il était à un moment passé, non à un moment à venir.`,
});

/** `named`: the case as staff name it, by its reference (its id for a case opened before references). */
export const CaseNotYetOpened = defineError<{ named: string; asOf: string; openedAt: string }>('AUDIT.CASE_NOT_YET_OPENED', 'not_found', {
  en: (p) => `Case ${p.named} did not exist yet at ${p.asOf}: its first event occurred at ${p.openedAt}.`,
  fr: (p) => `Le dossier ${p.named} n’existait pas encore le ${p.asOf}\u00a0: son premier événement date du ${p.openedAt}.`,
});

export const CaseNotYetRecorded = defineError<{ named: string; asOf: string; openedAt: string }>('AUDIT.CASE_NOT_YET_RECORDED', 'not_found', {
  en: (p) => `Case ${p.named} was not recorded yet at ${p.asOf}: its first event was recorded at ${p.openedAt}.`,
  fr: (p) => `Le dossier ${p.named} n’était pas encore enregistré le ${p.asOf}\u00a0: son premier événement a été enregistré le ${p.openedAt}.`,
});

export const RevisionNotFound = defineError<{ named: string; revision: number; lastRevision: number }>('AUDIT.REVISION_NOT_FOUND', 'not_found', {
  en: (p) => `Case ${p.named} has no revision ${p.revision}: its last revision is ${p.lastRevision}.`,
  fr: (p) => `Le dossier ${p.named} n’a pas de version ${p.revision}\u00a0: sa dernière version est la ${p.lastRevision}.`,
});

export const ReadNotRecorded = defineError<{ caseId: string }>('AUDIT.READ_NOT_RECORDED', 'unavailable', {
  en: (p) => `Your read of case ${p.caseId} could not be recorded in its access log, so it was not served. Try again shortly.`,
  fr: (p) =>
    `Votre consultation du dossier ${p.caseId} n’a pas pu être consignée dans son registre des consultations\u00a0; elle n’a donc pas été servie. Réessayez sous peu.`,
});

export const AuditKeyMissing = defineError('AUDIT.KEY_MISSING', 'invalid', {
  en: () => 'No audit key is configured to sign a checkpoint: set MEND_AUDIT_KEY or MEND_AUDIT_KEY_FILE (an Ed25519 private key kept outside the data directory).',
  fr: () =>
    "Aucune clé d’audit n’est configurée pour signer un point de contrôle\u00a0: définissez MEND_AUDIT_KEY ou MEND_AUDIT_KEY_FILE (une clé privée Ed25519 conservée hors du répertoire de données).",
});

/** Why an audit key cannot be used, in both languages. */
const KEY_FAULTS = {
  unreadable: (code: string) => ({ en: `its file cannot be read (${code})`, fr: `son fichier est illisible (${code})` }),
  notPem: () => ({ en: 'it is not a PEM key', fr: 'ce n’est pas une clé PEM' }),
  notEd25519: (type: string) => ({ en: `it is an ${type} key, not Ed25519`, fr: `c’est une clé ${type}, non Ed25519` }),
  notThePair: () => ({ en: 'it is not the private half of the configured audit public key', fr: 'ce n’est pas la moitié privée de la clé publique d’audit configurée' }),
} as const;

export type AuditKeyFault = { [K in keyof typeof KEY_FAULTS]: { fault: K; detail?: string } }[keyof typeof KEY_FAULTS];

const faultText = ({ fault, detail }: AuditKeyFault) => KEY_FAULTS[fault](detail ?? '');

export const AuditKeyInvalid = defineError<{ variable: string } & AuditKeyFault>('AUDIT.KEY_INVALID', 'invalid', {
  en: (p) => `The audit key in ${p.variable} cannot be used: ${faultText(p).en}.`,
  fr: (p) => `La clé d’audit de ${p.variable} est inutilisable\u00a0: ${faultText(p).fr}.`,
});
