import { defineError } from '../../domain/errors';

export const TooManyStreams = defineError<{ limit: number }>('SLA.TOO_MANY_STREAMS', 'rate_limited', {
  en: (p) => `You already have ${p.limit} SLA streams open, the most one person may hold. Close one (another tab or window) and retry.`,
  fr: (p) =>
    `Vous avez déjà ${p.limit} flux SLA ouverts, le maximum pour une personne. Fermez-en un (un autre onglet ou une autre fenêtre) et réessayez.`,
});
