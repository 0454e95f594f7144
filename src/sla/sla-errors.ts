import { defineError } from '../../domain/errors';

export const TooManyStreams = defineError<{ limit: number }>('SLA.TOO_MANY_STREAMS', 'rate_limited', {
  en: (p) => `You already have ${p.limit} SLA streams open, the most one person may hold. Close one (another tab or window) and retry.`,
  fr: (p) =>
    `Vous avez déjà ${p.limit} flux SLA ouverts, le maximum pour une personne. Fermez-en un (un autre onglet ou une autre fenêtre) et réessayez.`,
});

/** A reconnect's Last-Event-ID is the id of an event the stream sent: one past the end of the log was never sent, and would wait for it. */
export const LastEventNotWritten = defineError<{ lastEventId: number }>('SLA.LAST_EVENT_NOT_WRITTEN', 'invalid', {
  en: (p) => `Last-Event-ID ${p.lastEventId} is past the end of the log: resume from the id of the last event the stream sent.`,
  fr: (p) => `Last-Event-ID ${p.lastEventId} est au-delà de la fin du journal\u00a0: reprenez à l’id du dernier événement que le flux a envoyé.`,
});
