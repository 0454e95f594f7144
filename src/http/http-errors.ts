import { defineError } from '../../domain/errors';

/** Errors the HTTP layer itself raises, with both official languages like every other error. */
export const RouteNotFound = defineError<{ method: string; path: string }>('ROUTE.NOT_FOUND', 'not_found', {
  en: (p) => `There is no ${p.method} ${p.path}. See /docs for the API.`,
  fr: (p) => `${p.method} ${p.path} n’existe pas. Consultez /docs pour l’API.`,
});

/** What is wrong with a body that cannot be read, said by Mend in both languages (never the parser's English). */
export const BODY_FAULTS = {
  empty: { en: 'it is empty', fr: 'il est vide' },
  notUtf8: { en: 'it is not UTF-8 text', fr: 'ce n’est pas du texte UTF-8' },
  syntax: { en: 'check its quotes, commas and brackets', fr: 'vérifiez ses guillemets, ses virgules, ses crochets et ses accolades' },
  forbiddenKey: {
    en: 'it holds a __proto__ or constructor.prototype key, which no request may carry',
    fr: 'il contient une clé __proto__ ou constructor.prototype, qu’aucune requête ne peut porter',
  },
  length: { en: 'its length differs from its Content-Length header', fr: 'sa longueur diffère de son en-tête Content-Length' },
  duplicateKey: {
    en: 'it names the same field twice in one object, of which only the last would be read: name each field once',
    fr: 'il nomme deux fois le même champ dans un même objet, dont seul le dernier serait lu\u00a0: nommez chaque champ une seule fois',
  },
} as const satisfies Record<string, { en: string; fr: string }>;

export type BodyFault = keyof typeof BODY_FAULTS;

export const MalformedBody = defineError<{ fault: BodyFault }>('REQUEST.MALFORMED_BODY', 'invalid', {
  en: (p) => `The request body is not valid JSON: ${BODY_FAULTS[p.fault].en}.`,
  fr: (p) => `Le corps de la requête n’est pas du JSON valide\u00a0: ${BODY_FAULTS[p.fault].fr}.`,
});

export const UnsupportedMediaType = defineError<{ contentType: string }>('REQUEST.UNSUPPORTED_MEDIA_TYPE', 'unsupported_media', {
  en: (p) => `Send the body as application/json (got ${p.contentType}).`,
  fr: (p) => `Envoyez le corps en application/json (reçu\u00a0: ${p.contentType}).`,
});

/** A JSON body declared in a charset other than UTF-8: refused as such rather than read as UTF-8 all the same. */
export const UnsupportedCharset = defineError<{ charset: string }>('REQUEST.UNSUPPORTED_CHARSET', 'unsupported_media', {
  en: (p) => `The body is declared in the charset “${p.charset}”, which Mend does not read: send it as UTF-8, with charset=utf-8 or no charset at all.`,
  fr: (p) => `Le corps est déclaré dans le jeu de caractères «\u00a0${p.charset}\u00a0», que Mend ne lit pas\u00a0: envoyez-le en UTF-8, avec charset=utf-8 ou sans aucun charset.`,
});

export const BodyTooLarge = defineError<{ limit: number }>('REQUEST.BODY_TOO_LARGE', 'too_large', {
  en: (p) => `The request body is larger than the limit of ${p.limit} bytes.`,
  fr: (p) => `Le corps de la requête dépasse la limite de ${p.limit} octets.`,
});

export const MethodNotAllowed = defineError<{ method: string; path: string }>('ROUTE.METHOD_NOT_ALLOWED', 'invalid', {
  en: (p) => `${p.method} is not supported on ${p.path}.`,
  fr: (p) => `${p.method} n’est pas pris en charge sur ${p.path}.`,
});

export const InvalidIfMatch = defineError<{ value: string }>('REQUEST.INVALID_IF_MATCH', 'invalid', {
  en: (p) => `If-Match must be a case revision such as "3" (got ${p.value}).`,
  fr: (p) => `If-Match doit être une révision du dossier, par exemple "3" (reçu\u00a0: ${p.value}).`,
});

export const AppendTooLarge = defineError<{ limit: number | null }>('REQUEST.APPEND_TOO_LARGE', 'too_large', {
  en: (p) => `The event store refused this change as too large${p.limit === null ? '' : ` (its limit is ${p.limit} bytes per append)`}. Nothing was stored; send less data.`,
  fr: (p) => `Le magasin d’événements a refusé ce changement, trop volumineux${p.limit === null ? '' : ` (sa limite est de ${p.limit} octets par ajout)`}. Rien n’a été enregistré\u00a0; envoyez moins de données.`,
});

export const StoreUnavailable = defineError('SERVICE.UNAVAILABLE', 'unavailable', {
  en: () => 'The event store is unavailable. Try again shortly.',
  fr: () => 'Le magasin d’événements est indisponible. Réessayez sous peu.',
});

export const KeyStoreUnavailable = defineError('SERVICE.KEY_STORE_UNAVAILABLE', 'unavailable', {
  en: () => 'The store of personal-information keys is unavailable, so personal information can be neither recorded nor read. Nothing was recorded. Try again shortly.',
  fr: () => 'Le magasin des clés des renseignements personnels est indisponible\u00a0: on ne peut ni consigner ni lire de renseignements personnels. Rien n’a été enregistré. Réessayez sous peu.',
});

export const ShuttingDown = defineError('SERVICE.SHUTTING_DOWN', 'unavailable', {
  en: () => 'This Mend server is shutting down, so it took nothing from this request. Send it again: another server, or this one once restarted, will answer.',
  fr: () => 'Ce serveur Mend s’arrête\u00a0: il n’a rien retenu de cette requête. Envoyez-la de nouveau\u00a0; un autre serveur, ou celui-ci une fois redémarré, y répondra.',
});

export const ErasureLedgerUnavailable = defineError('SERVICE.ERASURE_LEDGER_UNAVAILABLE', 'unavailable', {
  en: () => 'The erasure ledger cannot be written, so nothing was erased. Try again shortly, or ask the operator to check MEND_ERASURE_LEDGER.',
  fr: () => 'Le registre des effacements ne peut pas être écrit\u00a0: rien n’a été effacé. Réessayez sous peu ou demandez à l’exploitant de vérifier MEND_ERASURE_LEDGER.',
});

export const InternalError = defineError<{ reference: string }>('SERVICE.INTERNAL_ERROR', 'internal', {
  en: (p) => `Something went wrong on our side (reference ${p.reference}). Nothing was recorded.`,
  fr: (p) => `Une erreur s’est produite de notre côté (référence ${p.reference}). Rien n’a été enregistré.`,
});

export const RateLimited = defineError<{ limit: number; per: 'person' | 'address' }>('REQUEST.RATE_LIMITED', 'rate_limited', {
  en: (p) => `Too many requests: the limit is ${p.limit} a minute for each ${p.per === 'person' ? 'person' : 'network address'}. Slow down and retry.`,
  fr: (p) => `Trop de requêtes\u00a0: la limite est de ${p.limit} par minute pour chaque ${p.per === 'person' ? 'personne' : 'adresse réseau'}. Ralentissez et réessayez.`,
});

export const MalformedPath = defineError<{ reason: string }>('REQUEST.MALFORMED_PATH', 'invalid', {
  en: (p) => `The request path was refused: ${p.reason}.`,
  fr: (p) => `Le chemin de la requête a été refusé\u00a0: ${p.reason === 'a path segment is too long' ? 'un segment est trop long' : 'ce n’est pas un chemin valide'}.`,
});

export const MalformedQuery = defineError('REQUEST.MALFORMED_QUERY', 'invalid', {
  en: () => 'The query string was refused: its percent-encoding is not UTF-8 (encode each value with encodeURIComponent).',
  fr: () => 'La chaîne de requête a été refusée\u00a0: son encodage en pourcentage n’est pas de l’UTF-8 (encodez chaque valeur avec encodeURIComponent).',
});

export const PreconditionFailed = defineError('REQUEST.PRECONDITION_FAILED', 'precondition_failed', {
  en: () => 'The If-Match or If-Unmodified-Since condition does not hold for this resource.',
  fr: () => 'La condition If-Match ou If-Unmodified-Since n’est pas remplie pour cette ressource.',
});

export const RequestRefused = defineError<{ status: number }>('REQUEST.REFUSED', 'invalid', {
  en: (p) => `The request was refused as malformed (HTTP ${p.status}).`,
  fr: (p) => `La requête a été refusée comme mal formée (HTTP ${p.status}).`,
});

export const HeadersTooLarge = defineError('REQUEST.HEADERS_TOO_LARGE', 'too_large', {
  en: () => 'The request headers are larger than the server accepts (a cookie or token too long?). Send smaller headers.',
  fr: () => 'Les en-têtes de la requête dépassent la taille acceptée par le serveur (un témoin ou un jeton trop long\u202f?). Envoyez des en-têtes plus petits.',
});

export const RequestTimeout = defineError('REQUEST.TIMEOUT', 'invalid', {
  en: () => 'The request was not received in time. Send it again.',
  fr: () => 'La requête n’a pas été reçue à temps. Envoyez-la de nouveau.',
});

/** An HTTP/1.1 request with no Host header, which RFC 9112 §3.2 requires of every HTTP/1.1 request (an empty one is allowed). */
export const HostRequired = defineError('REQUEST.HOST_REQUIRED', 'invalid', {
  en: () => 'The request has no Host header, which HTTP/1.1 requires: send the name of the server (and its port) in Host, as HTTP clients do.',
  fr: () => 'La requête n’a pas d’en-tête Host, qu’exige HTTP/1.1\u00a0: envoyez-y le nom du serveur (et son port), comme le font les clients HTTP.',
});
