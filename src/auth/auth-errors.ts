import { defineError } from '../../domain/errors';

export const MissingToken = defineError('AUTH.MISSING_TOKEN', 'unauthenticated', {
  en: () => 'Send a bearer token in the Authorization header (Authorization: Bearer <token>).',
  fr: () => 'Envoyez un jeton porteur dans l’en-tête Authorization (Authorization: Bearer <jeton>).',
});

export const InvalidToken = defineError<{ reason: string }>('AUTH.INVALID_TOKEN', 'unauthenticated', {
  en: (p) => `The bearer token was refused: ${p.reason}.`,
  fr: (p) => `Le jeton porteur a été refusé : ${p.reason}.`,
});
